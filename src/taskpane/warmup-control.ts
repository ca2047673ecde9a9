/**
 * The switch of the engine's warm-up (engine-warmup.ts), kept apart and
 * without imports so that boot.ts (the page's first script, which starts the
 * warm-up) and host.ts (which stops it when the first action starts) reach it
 * without loading the engine.
 */
let stopper: (() => void) | undefined;
let stopped = false;

/** Hands the running warm-up's stop over; called at once if the warm-up is already to stop. */
export function onWarmUpStop(stop: () => void): void {
  if (stopped) stop();
  else stopper = stop;
}

/** Ends the warm-up for good (an action started: the engine is then warmed by real use). */
export function stopEngineWarmUp(): void {
  stopped = true;
  stopper?.();
  stopper = undefined;
}

/** True once the warm-up was told to stop. */
export function warmUpStopped(): boolean {
  return stopped;
}
