/**
 * Imported first by index.tsx, so that this runs before React and Fluent UI
 * are evaluated:
 * - when the mode is known at once (demo mode), the workbook code starts
 *   downloading now instead of after the pane's first render;
 * - a worker loads the number formats' locale data on another thread
 *   (intl-warmup.ts).
 */
import { getSession } from './host';

/** The worker's file: its own webpack entry, with a fixed name (webpack.config.js). */
export const INTL_WARMUP = 'intl-warmup.js';

function warmNumberFormats(): void {
  try {
    if (typeof Worker === 'function') new Worker(INTL_WARMUP);
  } catch {
    // No worker here: the data loads when the first number is formatted.
  }
}

void getSession();
warmNumberFormats();
