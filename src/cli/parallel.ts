/**
 * Checking several files in worker threads, as many as there are cores (and
 * no more than there are files), each file's outcome handed on in the order
 * the files were given as soon as it and every file before it are done.
 *
 * The workers run the compiled `check-worker.js` beside this file; where it
 * does not exist (the sources run through ts-jest or tsx), the files are
 * checked one after the other in this thread, with the same output.
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
  const threads = Math.min(files.length, os.availableParallelism());
  if (script === undefined || threads < 2) {
    for (const [i, file] of files.entries()) {
      onStart(i);
      onOutcome(i, checkFile(file, options));
    }
    return;
  }
  const done = new Map<number, CheckFileOutcome>();
  let next = 0;
  let printed = 0;
  onStart(0);
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const send = (worker: Worker): void => {
      if (next >= files.length) return;
      const request: CheckRequest = { index: next, file: files[next] as string, options };
      next++;
      worker.postMessage(request);
    };
    const finish = (error?: unknown): void => {
      for (const w of workers) void w.terminate();
      if (error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(script);
      workers.push(worker);
      worker.on('message', (message: { index: number; outcome: CheckFileOutcome }) => {
        done.set(message.index, message.outcome);
        while (done.has(printed)) {
          onOutcome(printed, done.get(printed) as CheckFileOutcome);
          done.delete(printed);
          printed++;
          if (printed < files.length) onStart(printed);
        }
        if (printed === files.length) finish();
        else send(worker);
      });
      worker.on('error', finish);
      send(worker);
    }
  });
}
