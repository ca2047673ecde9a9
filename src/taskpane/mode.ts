/**
 * Whether the pane runs in Excel or in demo mode, when that is known without
 * waiting for Office. Kept apart (no other imports) so that boot.ts, the
 * page's first small script, can ask it.
 */
export type HostMode = 'excel' | 'demo';

/** Demo mode asked for in the address (`?demo=1`). */
const DEMO_QUERY = /[?&]demo=1\b/;

/**
 * The mode when it is known without waiting: 'demo' when office.js is missing
 * (offline, blocked: it is a blocking script before ours, so it has run or
 * failed by now) or demo mode is asked for in the address; else undefined
 * (Office.onReady decides).
 */
export function knownHost(): HostMode | undefined {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return 'demo';
  if (DEMO_QUERY.test(window.location.search)) return 'demo';
  return undefined;
}
