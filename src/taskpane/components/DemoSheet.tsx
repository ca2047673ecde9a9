/**
 * Demo mode only: a small picture of the sheet around the cell the pane
 * selected (a finding or a draft's figure), with the findings' marks, so the
 * jump to the cell and the marks can be seen without Excel. Loaded when the
 * first cell is selected in demo mode.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import type { SessionState } from '../session';
import { demoGrid } from '../demo-grid';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word' },
  scroll: { maxWidth: '100%', maxHeight: '260px', overflow: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase100, fontVariantNumeric: 'tabular-nums' },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, padding: `0 ${tokens.spacingHorizontalXS}`, textAlign: 'end' },
  cell: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '9em',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  numeric: { textAlign: 'end' },
  error: { backgroundColor: tokens.colorPaletteRedBackground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  selected: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
});

export function DemoSheet({ state, t }: { state: SessionState; t: (id: string, params?: Record<string, string | number>) => string }) {
  const styles = useStyles();
  const { report, selected, lang } = state;
  const grid = useMemo(() => (report === null || selected === null ? undefined : demoGrid(report.workbook, report.result.tables, report.result.findings, selected, lang)), [report, selected, lang]);
  const chosen = useRef<HTMLTableCellElement>(null);
  useEffect(() => {
    chosen.current?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [grid]);
  if (grid === undefined || selected === null) return null;
  return (
    <section className={styles.root} aria-labelledby="demo-sheet-heading" data-testid="demo-sheet" data-selected={`${selected.sheet}!${selected.cell}`}>
      <h2 id="demo-sheet-heading" className={styles.heading}>
        {t('taskpane.demoSheet.title', { sheet: grid.sheet, cell: selected.cell })}
      </h2>
      <div className={styles.scroll} tabIndex={0} role="region" aria-labelledby="demo-sheet-heading">
        <table className={styles.table}>
          <thead>
            <tr>
              <td className={styles.head} />
              {grid.columns.map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.label}>
                <th scope="row" className={styles.rowHead}>
                  {r.label}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.address}
                    ref={c.selected ? chosen : undefined}
                    className={mergeClasses(styles.cell, c.numeric && styles.numeric, c.mark !== null && styles[c.mark], c.selected && styles.selected)}
                    data-cell={c.address}
                    data-mark={c.mark ?? undefined}
                    data-selected={c.selected ? 'true' : undefined}
                    title={c.text}
                  >
                    {c.text}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
