/**
 * Checking several files in parallel: this thread and worker threads, as
 * many threads in all as there are cores (and no more than there are
 * files), each file's outcome handed on in the order the files were given as
 * soon as it and every file before it are done.
 *
 * This thread checks files too, between handing on the workers' outcomes:
 * it has loaded the engine already (the command's texts come from it), so on
 * two cores one worker is started, not two, and the program's code is loaded
 * and compiled twice, not three times. The workers run the compiled
 * `check-worker.js` beside this file; where it does not exist (the sources
 * run through ts-jest or tsx), this thread checks every file, with the same
 * output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkFile, type CheckFileOptions, type CheckFileOutcome } from './check-file';
import type { CheckRequest } from './check-worker';

/** The compiled worker script, or undefined when running from the TypeScript sources. */
function workerScript(): string | undefined {
  const script = path.join(__dirname, 'check-worker.js');
  return fs.existsSync(script) ? script : undefined;
}

/**
 * Checks `files`, calling `onOutcome` for each in the files' order. `onStart`
 * is called when a file's turn in the output comes (for progress).
 */
export async function checkFiles(
  files: readonly string[],
  options: CheckFileOptions,
  onOutcome: (index: number, outcome: CheckFileOutcome) => void,
  onStart: (index: number) => void = () => undefined,
): Promise<void> {
  const script = workerScript();
  const workerCount = script === undefined ? 0 : Math.min(files.length, os.availableParallelism()) - 1;
  const done = new Map<number, CheckFileOutcome>();
  let next = 0;
  let handedOn = 0;
  const workers: Worker[] = [];
  if (files.length > 0) onStart(0);
  await new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = (error?: unknown): void => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    /** Records a file's outcome and hands on every outcome whose turn has come. */
    const record = (index: number, outcome: CheckFileOutcome): void => {
      done.set(index, outcome);
      while (done.has(handedOn)) {
        onOutcome(handedOn, done.get(handedOn) as CheckFileOutcome);
        done.delete(handedOn);
        handedOn++;
        if (handedOn < files.length) onStart(handedOn);
      }
      if (handedOn === files.length) finish();
    };
    const send = (worker: Worker): void => {
      if (next >= files.length) return;
      const request: CheckRequest = { index: next, file: files[next] as string, options };
      next++;
      worker.postMessage(request);
    };
    for (let t = 0; t < workerCount; t++) {
      const worker = new Worker(script as string);
      workers.push(worker);
      worker.on('message', (message: { index: number; outcome: CheckFileOutcome }) => {
        send(worker);
        record(message.index, message.outcome);
      });
      worker.on('error', finish);
      // Two files ahead: while this thread is busy with a file of its own, the worker's message waits, and the worker goes on with its second.
      send(worker);
      send(worker);
    }
    // This thread's share: one file at a time, letting the workers' messages in between.
    const checkHere = (): void => {
      if (finished || next >= files.length) return;
      const index = next++;
      try {
        record(index, checkFile(files[index] as string, options));
      } catch (e) {
        finish(e);
        return;
      }
      setImmediate(checkHere);
    };
    if (files.length === 0) finish();
    else checkHere();
  });
}
