import { Badge, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { memo, startTransition, useEffect, useState, type ReactNode } from 'react';
import type { Finding, Language, VarianceTable } from '../../engine';
import { figureWithUnit, findingUnit, whyText } from '../finding-card';
import { paneText } from '../i18n';
import { FIRST_FINDINGS, countFindings, findingMessage, firstFindings, ruleName, tableLabel, type SheetGroup } from '../format';
import { SEVERITY_COLOR } from './Summary';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  sheet: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sheetHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tableHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  item: {
    position: 'relative',
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
  card: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // The cell and its severity stay together on one line.
  where: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  rule: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'break-word' },
  values: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2 },
  message: { overflowWrap: 'break-word', minWidth: 0 },
  why: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', paddingInlineStart: tokens.spacingHorizontalXS },
  whyButton: { minWidth: 'auto', paddingInline: tokens.spacingHorizontalXS },
  whyText: { margin: 0, padding: `0 ${tokens.spacingHorizontalS}`, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'break-word', maxWidth: '100%' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Props {
  groups: SheetGroup[];
  lang: Language;
  /** The marker chosen in Inställningar, which the advice names. */
  marker: string;
  /** What is drawn under a finding (the review's Godkänn…), if anything. */
  extra?: (finding: Finding) => ReactNode;
  onSelect: (finding: Finding) => void;
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

interface ItemProps {
  finding: Finding;
  table: VarianceTable | undefined;
  lang: Language;
  marker: string;
  onSelect: (f: Finding) => void;
  extra?: (f: Finding) => ReactNode;
}

/**
 * One finding: a button (click or Enter goes to the cell) whose name is its
 * visible text: the cell and the severity together (never apart on two
 * lines), the rule, the message, Förväntat and Faktiskt with their unit;
 * beside it "Varför?" with the calculation, where the finding has one.
 */
const FindingItem = memo(function FindingItem({ finding, table, lang, marker, onSelect, extra }: ItemProps) {
  const styles = useStyles();
  const [whyOpen, setWhyOpen] = useState(false);
  const t = (id: string, params?: Record<string, string | number>) => paneText(id, lang, params);
  const where = `${finding.sheet}!${finding.cell}`;
  const message = findingMessage(finding, lang, marker);
  const unit = findingUnit(finding, table);
  const why = whyText(finding, lang);
  const whyId = `why-${where}-${finding.rule}`.replace(/[^\w-]/g, '_');
  return (
    <li className={styles.card} data-testid="finding-card">
      <button type="button" className={styles.item} onClick={() => onSelect(finding)} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity} data-cell={where}>
        <span className={styles.head}>
          <span className={styles.where}>
            <span className={styles.cell} data-testid="finding-cell">
              {finding.cell}
            </span>
            <Badge size="small" appearance="filled" color={SEVERITY_COLOR[finding.severity]}>
              {t(`severity.${finding.severity}`)}
            </Badge>
          </span>
          <span className={styles.rule}>{ruleName(finding.rule, lang)}</span>
        </span>
        <span className={styles.message}>{message}</span>
        {(finding.expected !== null || finding.actual !== null) && (
          <span className={styles.values} data-testid="finding-values">
            <span>{`${t('taskpane.finding.expected')}: ${figureWithUnit(finding.expected, unit, lang)}`}</span>
            <span>{`${t('taskpane.finding.actual')}: ${figureWithUnit(finding.actual, unit, lang)}`}</span>
          </span>
        )}
        <span className={styles.hidden}>{` ${t('taskpane.finding.goto', { cell: where })}`}</span>
      </button>
      {why !== null && (
        <div className={styles.why}>
          <Button size="small" appearance="transparent" className={styles.whyButton} aria-expanded={whyOpen} aria-controls={whyId} onClick={() => setWhyOpen((o) => !o)} data-testid="why">
            {t('taskpane.why')}
          </Button>
          <p id={whyId} className={styles.whyText} hidden={!whyOpen} data-testid="why-text">
            {why}
          </p>
        </div>
      )}
      {extra?.(finding)}
    </li>
  );
});

/** The findings grouped by sheet and table, most severe first; a click or Enter goes to the cell. */
export function Findings({ groups, lang, marker, onSelect, extra }: Props) {
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
                  <FindingItem
                    key={`${f.rule}:${f.sheet}!${f.cell}:${f.messageId}`}
                    finding={f}
                    table={tg.table}
                    lang={lang}
                    marker={marker}
                    onSelect={onSelect}
                    {...(extra === undefined ? {} : { extra })}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
