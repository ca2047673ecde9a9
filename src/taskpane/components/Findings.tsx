import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useState, type ReactNode } from 'react';
import { type Finding, type Language, translate } from '../../engine';
import { FIRST_FINDINGS, countFindings, displayValue, firstFindings, ruleName, tableLabel, type SheetGroup } from '../format';
import { SEVERITY_COLOR } from './Summary';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sheetHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tableHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  rule: { fontWeight: tokens.fontWeightSemibold },
  cell: { marginInlineStart: 'auto', fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  values: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  message: { overflowWrap: 'anywhere' },
});

interface Props {
  groups: SheetGroup[];
  lang: Language;
  onSelect: (finding: Finding) => void;
  /** What is drawn under a finding (the review's Godkänn…), if anything. */
  extra?: (finding: Finding) => ReactNode;
}

/**
 * How many of `total` findings to draw: all, or FIRST_FINDINGS for a new,
 * longer list, and all once the browser has painted those (a transition, so
 * typing and clicking go first).
 */
function useDrawnCount(list: unknown, total: number): number {
  const [drawn, setDrawn] = useState({ list, count: FIRST_FINDINGS });
  const count = drawn.list === list ? drawn.count : FIRST_FINDINGS;
  useEffect(() => {
    if (count >= total) return;
    const expand = () => startTransition(() => setDrawn({ list, count: total }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next paint: a frame, then a task. Without frames (a hidden pane) a timer does it.
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = setTimeout(expand, 0);
    });
    timer = setTimeout(expand, 200);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [list, count, total]);
  return Math.min(count, total);
}

const FindingItem = memo(function FindingItem({ finding, lang, onSelect, extra }: { finding: Finding; lang: Language; onSelect: (f: Finding) => void; extra?: (f: Finding) => ReactNode }) {
  const styles = useStyles();
  const t = (id: string, params?: Record<string, string | number>) => translate(id, lang, params);
  const where = `${finding.sheet}!${finding.cell}`;
  return (
    <li>
      <button
        type="button"
        className={styles.item}
        onClick={() => onSelect(finding)}
        aria-label={`${t(`severity.${finding.severity}`)}: ${ruleName(finding.rule, lang)}. ${t(finding.messageId, finding.params)} ${t('taskpane.finding.goto', { cell: where })}`}
        data-testid="finding"
        data-rule={finding.rule}
        data-cell={where}
      >
        <span className={styles.head}>
          <Badge size="small" appearance="filled" color={SEVERITY_COLOR[finding.severity]}>
            {t(`severity.${finding.severity}`)}
          </Badge>
          <span className={styles.rule}>{ruleName(finding.rule, lang)}</span>
          <span className={styles.cell}>{finding.cell}</span>
        </span>
        <span className={styles.message}>{t(finding.messageId, finding.params)}</span>
        {(finding.expected !== null || finding.actual !== null) && (
          <span className={styles.values}>
            <span>
              {t('taskpane.finding.expected')}: {displayValue(finding.expected, lang)}
            </span>
            <span>
              {t('taskpane.finding.actual')}: {displayValue(finding.actual, lang)}
            </span>
          </span>
        )}
      </button>
      {extra?.(finding)}
    </li>
  );
});

/** The findings grouped by sheet and table, most severe first; a click or Enter goes to the cell. */
export function Findings({ groups, lang, onSelect, extra }: Props) {
  const styles = useStyles();
  const total = countFindings(groups);
  const drawn = useDrawnCount(groups, total);
  return (
    <div className={styles.sheet} data-testid="findings" data-drawn={drawn} data-total={total}>
      {firstFindings(groups, drawn).map((g) => (
        <section key={g.sheet} className={styles.sheet} aria-label={g.sheet}>
          <h2 className={styles.sheetHeading}>{g.sheet}</h2>
          {g.tables.map((tg) => (
            <section key={tg.tableId ?? '-'} aria-label={`${g.sheet}: ${tableLabel(tg, lang)}`}>
              <h3 className={styles.tableHeading}>
                <Text size={300}>{tableLabel(tg, lang)}</Text>
              </h3>
              <ul className={styles.list}>
                {tg.findings.map((f) => (
                  <FindingItem key={`${f.rule}:${f.sheet}!${f.cell}:${f.messageId}`} finding={f} lang={lang} onSelect={onSelect} {...(extra === undefined ? {} : { extra })} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
