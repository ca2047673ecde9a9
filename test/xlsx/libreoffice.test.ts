/**
 * An independent spreadsheet engine confirms the fix: LibreOffice opens the
 * fixed example, recalculates every formula on load, and saves it again. The
 * values it computed are read from its own file (raw XML, not through our
 * reader or formula evaluator): no error value may remain, the fixed cells
 * show the marker, and every other value is what the original showed.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui; `.ci/run` installs it).
 * Without it the test is skipped with a one-line message, except under
 * CI=true, where it fails (test/helpers/programs.ts).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { cellAddress, type WorkbookGrid } from '../../src/engine/grid';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { describeWithProgram, type Program } from '../helpers/programs';
import { EXAMPLE, readZipEntry, tempDir } from './files';

const SOFFICE: Program = { names: ['soffice', 'libreoffice'], envVar: 'SOFFICE', install: 'Debian: apt-get install libreoffice-calc-nogui' };

type LoValue = number | string | boolean | { error: string } | null;

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function part(buf: Buffer, name: string): string {
  const text = readZipEntry(buf, name);
  if (text === undefined) throw new Error(`${name} missing from LibreOffice's file`);
  return text;
}

/** The values LibreOffice stored, by sheet name and A1 address, read straight from its .xlsx. */
function libreOfficeValues(file: string): Map<string, Map<string, LoValue>> {
  const buf = fs.readFileSync(file);
  const shared = [...(readZipEntry(buf, 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decodeXml([...(m[1] as string).matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1] as string).join('')),
  );
  const rels = new Map([...part(buf, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
  const out = new Map<string, Map<string, LoValue>>();
  for (const m of part(buf, 'xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2] as string) as string).replace(/^\/?(xl\/)?/, '');
    const xml = part(buf, `xl/${target}`);
    const cells = new Map<string, LoValue>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\st="([^"]+)"/.exec(c[2] as string)?.[1] ?? 'n';
      const body = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: LoValue = null;
      if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'str') value = decodeXml(v ?? '');
      else if (type === 'inlineStr') value = decodeXml(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '');
      else if (type === 'e') value = { error: v ?? '' };
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells.set(c[1] as string, value);
    }
    out.set(decodeXml(m[1] as string), cells);
  }
  return out;
}

/** Opens `file` in LibreOffice with "recalculate on load: always", saves it as .xlsx into `outDir`. */
function recalculateWithLibreOffice(soffice: string, file: string, outDir: string, profile: string): string {
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const out = path.join(outDir, path.basename(file));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr || r.stdout || String(r.error)}`);
  return out;
}

/** Every non-empty cell of the grid as LibreOffice would store its value. */
function gridValues(grid: WorkbookGrid): Map<string, Map<string, LoValue>> {
  const out = new Map<string, Map<string, LoValue>>();
  for (const s of grid.sheets) {
    const cells = new Map<string, LoValue>();
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c === undefined) return;
        cells.set(cellAddress(r, col), c.error !== undefined && c.errorIsText !== true ? { error: 'error' } : c.value);
      }),
    );
    out.set(s.name, cells);
  }
  return out;
}

async function fix(args: string[]): Promise<void> {
  const sink = { write: () => true };
  const code = await main(['fix', ...args], { stdout: sink, stderr: sink, stderrIsTTY: false });
  if (code !== 0) throw new Error(`fix exited ${code}`);
}

describeWithProgram('LibreOffice recalculates the fixed example', SOFFICE, (soffice) => {
  const dir = tempDir('avk-lo-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['default marker (empty)', [] as string[], ['Kommunledning!F5'], ''],
    ['marker e.j. with --meaningless', ['--marker', 'e.j.', '--meaningless'], ['Kommunledning!F5', 'Kommungemensamt!F4', 'Kommungemensamt!F13', 'Kommungemensamt!F18', 'Kommunstyrelseförvaltning!F15'], 'e.j.'],
  ])(
    '%s: no error value remains, fixed cells show the marker, every other value is unchanged',
    async (_label, options, fixedCells, marker) => {
      const sub = fs.mkdtempSync(path.join(dir, 'run-'));
      const fixed = path.join(sub, 'fixed.xlsx');
      await fix([EXAMPLE, '-o', fixed, ...options]);
      const recalculated = recalculateWithLibreOffice(soffice, fixed, path.join(sub, 'lo'), path.join(sub, 'profile'));
      const lo = libreOfficeValues(recalculated);
      const original = gridValues(await readWorkbookGrid(EXAMPLE));
      expect([...lo.keys()]).toEqual([...original.keys()]);

      const errors: string[] = [];
      const changed: string[] = [];
      for (const [sheet, cells] of lo) {
        for (const [address, v] of cells) if (v !== null && typeof v === 'object') errors.push(`${sheet}!${address} ${v.error}`);
        const before = original.get(sheet) as Map<string, LoValue>;
        for (const address of new Set([...before.keys(), ...cells.keys()])) {
          const key = `${sheet}!${address}`;
          const a = before.get(address) ?? null;
          const b = cells.get(address) ?? null;
          if (fixedCells.includes(key)) {
            expect({ key, value: b }).toEqual({ key, value: marker });
            continue;
          }
          const same = typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : JSON.stringify(a) === JSON.stringify(b);
          if (!same) changed.push(`${key}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
        }
      }
      expect(errors).toEqual([]);
      expect(changed).toEqual([]);
    },
    240_000,
  );
});
