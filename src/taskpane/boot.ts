/**
 * The page's first script (its own small webpack entry; the pane's bundle
 * depends on it), run as soon as the page is parsed, while the pane's bundle
 * may still be downloading:
 * - in demo mode (known at once: no office.js, or asked for in the address)
 *   the workbook code starts downloading now, instead of after the pane's
 *   bundle has run and rendered; host.ts picks up the same download;
 * - a worker loads the number formats' locale data on another thread
 *   (intl-warmup.ts);
 * - the engine's warm-up starts (engine-warmup.ts): in the page's idle time,
 *   from the moments the page waits for its bundle to arrive and compile on,
 *   until the first action (warmup-control.ts).
 */
import { knownHost } from './mode';
import { onWarmUpStop, warmUpStopped } from './warmup-control';

/** The worker's file: its own webpack entry, with a fixed name (webpack.config.js). */
export const INTL_WARMUP = 'intl-warmup.js';

function warmNumberFormats(): void {
  try {
    if (typeof Worker === 'function') new Worker(INTL_WARMUP);
  } catch {
    // No worker here: the data loads when the first number is formatted.
  }
}

if (knownHost() === 'demo') {
  // The same chunk as host.ts's import (same name): loaded once. A failure shows there.
  import(/* webpackChunkName: "demo" */ '../excel/demo').catch(() => undefined);
}
warmNumberFormats();

/** A User Timing mark `avk:warmup:end` tells how far the warm-up got (detail: rounds and milliseconds). */
import(/* webpackChunkName: "warmup" */ './engine-warmup')
  .then(({ warmUpEngine }) => {
    if (warmUpStopped()) return;
    const warm = warmUpEngine();
    onWarmUpStop(warm.stop);
    void warm.done.then(() => {
      try {
        performance.mark('avk:warmup:end', { detail: { rounds: warm.rounds, ms: warm.spentMs } });
      } catch {
        // no User Timing here
      }
    });
  })
  .catch(() => undefined); // only a warm-up
