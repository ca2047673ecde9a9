/**
 * "Vad kontrollerades": the tables Validera found (also those without
 * findings) with the columns it understood, the unit and the sign
 * convention, and the rules that ran. Folded by default; loaded after the
 * first validation (it lists the engine's rules).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { type CheckResult, type Language, RULES } from '../../engine';
import { checkedTable, rulesRun } from '../checked-tables';

const useStyles = makeStyles({
  root: { minWidth: 0, fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { listStyleType: 'none', margin: `${tokens.spacingVerticalS} 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'break-word', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  rules: { margin: 0, overflowWrap: 'break-word' },
});

interface Props {
  result: CheckResult;
  lang: Language;
  t: (id: string, params?: Record<string, string | number>) => string;
}

export function CheckedTables({ result, lang, t }: Props) {
  const styles = useStyles();
  const tables = useMemo(() => result.tables.map((table) => checkedTable(table, result.findings, lang)), [result, lang]);
  const rules = useMemo(
    () =>
      rulesRun(
        RULES.map((r) => r.id),
        lang,
      ),
    [lang],
  );
  return (
    <details className={styles.root} data-testid="checked-tables">
      <summary className={styles.summary}>{t('taskpane.checked.title', { tables: tables.length, rules: rules.length })}</summary>
      <ul className={styles.list}>
        {tables.map((c) => (
          <li key={c.id} className={styles.table} data-testid="checked-table" data-table={c.id}>
            <span className={styles.name}>{`${c.sheet}: ${c.label}`}</span>
            <span>{c.details}</span>
            <span className={styles.muted}>{t('taskpane.checked.columns', { columns: c.columns })}</span>
            <span className={styles.muted}>
              {c.findings === 0 ? t('taskpane.checked.noFindings') : t(c.findings === 1 ? 'taskpane.checked.findings.one' : 'taskpane.checked.findings.other', { count: c.findings })}
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.heading}>{t('taskpane.checked.rules')}</p>
      <p className={styles.rules} data-testid="rules-run">
        {rules.join(', ')}
      </p>
    </details>
  );
}
