/**
 * The workbooks of a folder checked one after the other in this one thread,
 * printing what `avvikelsekollen check FOLDER --json` prints (the baseline
 * of bench/cli-folder.js):
 *
 *   node bench/cli-one-by-one.js FOLDER
 */
'use strict';
const path = require('path');
const build = path.join(__dirname, '..', 'build', 'cli');
const { expandInputs } = require(path.join(build, 'inputs.js'));
const { checkFile } = require(path.join(build, 'check-file.js'));

const { files } = expandInputs([process.argv[2]]);
const options = { lang: 'sv', json: true, csv: false, includeApproved: false, sheets: [], several: files.length > 1 };
let code = 0;
for (const file of files) {
  const outcome = checkFile(file, options);
  for (const l of outcome.stdout) process.stdout.write(`${l}\n`);
  if (outcome.counts.error > 0) code = 1;
}
process.exitCode = code;
