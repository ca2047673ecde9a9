import { checkWorkbook } from '../../../src/engine/check';
import { findTables } from '../../../src/engine/detect';
import { cellAddress, parseAddress, type WorkbookGrid } from '../../../src/engine/grid';
import type { VarianceTable } from '../../../src/engine/table';
import { toCell } from '../../helpers/grid';
import { withCell } from '../../helpers/rules';
import { catalog } from './catalog';

/** The roles detection named, as column letters. */
function rolesOf(t: VarianceTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(t.columns)) if (c !== undefined) out[role] = cellAddress(0, c.col).replace(/\d+$/, '');
  return out;
}

const layouts = catalog();

describe('the layout catalog', () => {
  it('has at least 20 layouts, one per pattern', () => {
    expect(layouts.length).toBeGreaterThanOrEqual(20);
    expect(new Set(layouts.map((l) => l.name)).size).toBe(layouts.length);
  });

  describe.each(layouts.map((l) => [l.name, l] as const))('%s', (_name, layout) => {
    const wb: WorkbookGrid = { sheets: [layout.sheet] };

    it('is found as one table with the right roles, convention and unit', () => {
      const tables = findTables(wb);
      expect(tables).toHaveLength(1);
      const t = tables[0] as VarianceTable;
      expect(rolesOf(t)).toMatchObject(layout.roles);
      expect({ convention: t.convention, unit: t.unit, rows: t.rows.length }).toEqual({ convention: layout.convention, unit: layout.unit, rows: layout.rows });
    });

    it('has nothing to report when consistent', () => {
      expect(checkWorkbook(wb).findings.map((f) => `${f.rule}@${f.cell}: ${f.messageId}`)).toEqual([]);
    });

    it.each(layout.errors.map((e) => [e.cell, e.rule, e] as const))('a planted error in %s is reported there by %s, and only where it shows', (cell, rule, e) => {
      const changed = withCell(wb, layout.sheet.name, cell, toCell(e.value) ?? { value: null });
      const errors = checkWorkbook(changed).findings.filter((f) => f.severity === 'error');
      const at = errors.find((f) => f.cell === cell);
      expect(at?.rule).toBe(rule);
      expect(at?.calculation?.operands.length ?? 0).toBeGreaterThan(0);
      // Nothing else, except the figures the changed cell feeds: its row's identities and the sums over its column.
      const pos = parseAddress(cell) as { row: number; col: number };
      expect(errors.filter((f) => f.row !== pos.row && f.col !== pos.col)).toEqual([]);
    });
  });
});
