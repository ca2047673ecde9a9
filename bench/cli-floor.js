/**
 * What a `check` is made of, against merely loading the same file with
 * exceljs, warm and alternated in one plain Node process:
 *
 *   node bench/cli-floor.js FILE ROUNDS
 *
 * saxes alone (every XML part of the file inflated, decoded and parsed, no
 * handler: the least any reader on saxes can take), reading the grid, the
 * engine's check of a grid read before, and the whole check of one file
 * (build/cli/check-file.js), each as a ratio to exceljs's load in the same
 * round. Run `npm run prepare` first: it measures the compiled build/.
 *
 * Prints one line per measure: the median in ms and the median ratio.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const { SaxesParser } = require('saxes');
const ExcelJS = require('exceljs');
const build = path.join(__dirname, '..', 'build');
const { readZipDirectory, inflateEntry } = require(path.join(build, 'xlsx', 'zip.js'));
const { openPackage } = require(path.join(build, 'xlsx', 'package.js'));
const { readPackageGrid } = require(path.join(build, 'xlsx', 'read.js'));
const { checkWorkbook } = require(path.join(build, 'engine', 'index.js'));
const { checkFile } = require(path.join(build, 'cli', 'check-file.js'));

const [file, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (file === undefined || !(rounds > 0)) {
  process.stderr.write('usage: node bench/cli-floor.js FILE ROUNDS\n');
  process.exit(2);
}

const options = { lang: 'sv', json: true, csv: false, includeApproved: false, sheets: [], several: false };
const bytes = fs.readFileSync(file);
const xmlParts = (readZipDirectory(bytes) ?? []).filter((e) => e.size > 0 && /\.(xml|rels)$/.test(e.name));
const grid = readPackageGrid(openPackage(file)).grid;

const measures = {
  'saxes alone (inflate, decode, parse every part)': () => {
    for (const entry of xmlParts) {
      const parser = new SaxesParser({ xmlns: false, position: false });
      parser.write(inflateEntry(bytes, entry, Infinity).toString('utf8'));
      parser.close();
    }
  },
  'read the grid': () => readPackageGrid(openPackage(file)),
  "the engine's check of a grid read before": () => checkWorkbook(grid, { sheets: [] }),
  'check one file (read, check, report)': () => checkFile(file, options),
  'exceljs load': () => new ExcelJS.Workbook().xlsx.readFile(file),
};

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function run() {
  const times = Object.fromEntries(Object.keys(measures).map((name) => [name, []]));
  for (let i = 0; i < 5; i++) for (const fn of Object.values(measures)) await fn();
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(measures)) {
      const t0 = performance.now();
      await fn();
      times[name].push(performance.now() - t0);
    }
  }
  const exceljs = times['exceljs load'];
  for (const [name, ms] of Object.entries(times)) {
    const ratio = median(ms.map((t, i) => t / exceljs[i]));
    process.stdout.write(`${name.padEnd(50)} ${median(ms).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)} × exceljs load\n`);
  }
}

run().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(3);
});
