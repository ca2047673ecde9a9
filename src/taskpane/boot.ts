/**
 * The page's first script (its own small webpack entry; the pane's bundle
 * depends on it), run as soon as the page is parsed, while the pane's bundle
 * may still be downloading: in demo mode (known at once: no office.js, or
 * `?demo=1` in the address) the workbook code starts downloading now,
 * instead of after the pane's bundle has run and rendered; host.ts picks up
 * the same download.
 */
import { knownHost } from './mode';

if (knownHost() === 'demo') {
  // The same chunk as host.ts's import (same name): loaded once. A failure shows there.
  import(/* webpackChunkName: "demo" */ '../excel/demo').catch(() => undefined);
}
