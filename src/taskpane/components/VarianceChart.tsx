/**
 * The variance chart per table, drawn as plain SVG (no chart library: a
 * ranked bar chart is a few rectangles, and this keeps the chunk small):
 * each row's variance in mnkr, largest first, favourable bars solid to the
 * right of zero with a `+`, unfavourable bars striped to the left with a `−`
 * (told apart by side, pattern and sign as well as colour), the materiality
 * threshold drawn as dashed lines. The SVG is an image with a name that says
 * what it shows; the figures follow as a table for screen readers. A click on
 * a bar goes to the row's cell. Loaded only when the chart is opened.
 */
import { Button, Select, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { formatNumber, type Language, type VarianceBar, varianceChartData, type VarianceTable, type WorkbookGrid } from '../../engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  bar: { cursor: 'pointer' },
  label: { fontSize: '10px', fill: tokens.colorNeutralForeground1 },
  value: { fontSize: '10px', fill: tokens.colorNeutralForeground1 },
  threshold: { fontSize: '9px', fill: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', padding: 0, margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

interface Props {
  tables: readonly VarianceTable[];
  workbook: WorkbookGrid;
  lang: Language;
  /** The materiality threshold in mnkr (drawn as ±). */
  thresholdMnkr: number;
  t: (id: string, params?: Record<string, string | number>) => string;
  tableName: (table: VarianceTable) => string;
  onSelect: (sheet: string, cell: string) => void;
  /** "Infoga diagram": a native chart of the table in the workbook (absent where the host cannot). */
  onInsert?: (tableId: string) => void;
  busy: boolean;
}

const WIDTH = 300;
const LABEL = 64;
const ROW = 18;
const TOP = 16;

/** `+4,6` / `−1,2`: the sign always written. */
function signed(mnkr: number, lang: Language): string {
  const text = formatNumber(Math.abs(mnkr), lang, 1);
  return `${mnkr >= 0 ? '+' : '\u2212'}${text}`;
}

export function VarianceChart({ tables, workbook, lang, thresholdMnkr, t, tableName, onSelect, onInsert, busy }: Props) {
  const styles = useStyles();
  const pickerId = useId('chart-table');
  const patternId = useId('unfavourable');
  const [tableId, setTableId] = useState(tables[0]?.id ?? '');
  const table = tables.find((x) => x.id === tableId) ?? tables[0];
  const data = useMemo(() => (table === undefined ? undefined : varianceChartData(table, workbook)), [table, workbook]);
  if (table === undefined || data === undefined) return null;
  const bars = data.bars;
  const name = tableName(table);
  const max = Math.max(thresholdMnkr, ...bars.map((b) => Math.abs(b.mnkr)), 0.1) * 1.25;
  const plot = WIDTH - LABEL;
  const zero = LABEL + plot / 2;
  const x = (v: number) => zero + (v / max) * (plot / 2);
  const height = TOP + bars.length * ROW + 4;
  const favourable = bars.filter((b) => b.favourable).length;
  const ariaName = t('review.chart.name', { table: name, count: bars.length, favourable, unfavourable: bars.length - favourable, threshold: formatNumber(thresholdMnkr, lang, 1) });
  const go = (b: VarianceBar) => onSelect(data.sheet, b.cell);
  return (
    <div className={styles.root} data-testid="variance-chart-panel">
      <div className={styles.field}>
        <label htmlFor={pickerId}>
          <Text size={200}>{t('review.chart.table')}</Text>
        </label>
        <Select id={pickerId} size="small" value={table.id} onChange={(_, d) => setTableId(d.value)} data-testid="chart-table">
          {tables.map((x) => (
            <option key={x.id} value={x.id}>
              {`${x.sheet}: ${tableName(x)}`}
            </option>
          ))}
        </Select>
      </div>
      {onInsert !== undefined && bars.length > 0 && (
        <div>
          <Button size="small" onClick={() => onInsert(table.id)} disabled={busy} data-testid="insert-chart">
            {t('review.chart.insert')}
          </Button>
        </div>
      )}
      {bars.length === 0 ? (
        <Text>{t('review.chart.none')}</Text>
      ) : (
        <>
          <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={ariaName} data-testid="variance-chart">
            <defs>
              <pattern id={patternId} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                <rect width="5" height="5" style={{ fill: tokens.colorPaletteRedBackground2 }} />
                <line x1="0" y1="0" x2="0" y2="5" strokeWidth="2.5" style={{ stroke: tokens.colorPaletteRedForeground1 }} />
              </pattern>
            </defs>
            {thresholdMnkr > 0 &&
              [-thresholdMnkr, thresholdMnkr].map((v) => (
                <line key={v} x1={x(v)} x2={x(v)} y1={TOP - 4} y2={height} strokeDasharray="3 3" style={{ stroke: tokens.colorNeutralStroke1 }} data-testid="threshold" />
              ))}
            {thresholdMnkr > 0 && (
              <text x={x(thresholdMnkr)} y={TOP - 6} textAnchor="middle" className={styles.threshold}>
                {t('review.chart.threshold', { threshold: formatNumber(thresholdMnkr, lang, 1) })}
              </text>
            )}
            <line x1={zero} x2={zero} y1={TOP - 4} y2={height} style={{ stroke: tokens.colorNeutralForeground2 }} />
            {bars.map((b, i) => {
              const y = TOP + i * ROW;
              const end = x(b.mnkr);
              const left = Math.min(zero, end);
              const w = Math.max(1, Math.abs(end - zero));
              const code = b.label.split(/\s+/)[0] ?? b.label;
              return (
                <g key={b.row} className={styles.bar} onClick={() => go(b)} data-testid="chart-bar" data-cell={`${data.sheet}!${b.cell}`} data-favourable={b.favourable}>
                  <text x={LABEL - 4} y={y + ROW / 2 + 3} textAnchor="end" className={styles.label}>
                    {code.length > 10 ? `${code.slice(0, 9)}…` : code}
                  </text>
                  <rect
                    x={left}
                    y={y + 3}
                    width={w}
                    height={ROW - 6}
                    style={b.favourable ? { fill: tokens.colorPaletteGreenBackground3 } : { fill: `url(#${patternId})`, stroke: tokens.colorPaletteRedForeground1 }}
                  />
                  <text x={b.favourable ? end + 3 : end - 3} y={y + ROW / 2 + 3} textAnchor={b.favourable ? 'start' : 'end'} className={styles.value}>
                    {signed(b.mnkr, lang)}
                  </text>
                </g>
              );
            })}
          </svg>
          <Text size={200} className={styles.muted}>
            {t('review.chart.legend')}
          </Text>
          <table className={styles.srOnly} data-testid="chart-data">
            <caption>{t('review.chart.caption', { table: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('review.chart.col.unit')}</th>
                <th scope="col">{t('review.chart.col.variance')}</th>
                <th scope="col">{t('review.chart.col.direction')}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.row}>
                  <th scope="row">{b.label}</th>
                  <td>{signed(b.mnkr, lang)}</td>
                  <td>{t(b.favourable ? 'review.chart.favourable' : 'review.chart.unfavourable')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export default VarianceChart;
