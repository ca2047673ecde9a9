import * as fs from 'fs';
import * as path from 'path';
import type { SeedFile } from '../../src/example/seed';

/** The example's tables as printed in the annual report (examples/source/kommunstyrelsen-2021-tables.json). */
export function loadSeed(): SeedFile {
  const file = path.join(__dirname, '..', '..', 'examples', 'source', 'kommunstyrelsen-2021-tables.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SeedFile;
}
