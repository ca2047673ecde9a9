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
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { readWorkbookGrid } from '../../src/xlsx/read';
import { describeWithProgram } from '../helpers/programs';
import { EXAMPLE, tempDir } from './files';
import { gridValues, libreOfficeValues, recalculateWithLibreOffice, SOFFICE, type LoValue } from './libreoffice';

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
    [
      'marker e.j. with --meaningless',
      ['--marker', 'e.j.', '--meaningless'],
      ['Kommunledning!F5', 'Kommungemensamt!F4', 'Kommungemensamt!F13', 'Kommungemensamt!F18', 'Kommunstyrelseförvaltning!F15'],
      'e.j.',
    ],
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
