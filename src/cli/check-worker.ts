/**
 * A worker thread of `check` with several files: checks the files it is
 * sent, one message each, and answers with the outcome (see check-file.ts).
 */
import { parentPort } from 'worker_threads';
import { checkFile, type CheckFileOptions } from './check-file';

/** A file to check, numbered by its place on the command line. */
export interface CheckRequest {
  index: number;
  file: string;
  options: CheckFileOptions;
}

parentPort?.on('message', (request: CheckRequest) => {
  parentPort?.postMessage({ index: request.index, outcome: checkFile(request.file, request.options) });
});
