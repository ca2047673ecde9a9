import { Select, Switch, ToggleButton, makeStyles, tokens, useId, Label } from '@fluentui/react-components';
import type { Language, RuleId, Severity } from '../../engine';
import { SEVERITIES, ruleName, type FindingFilter } from '../format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, },
  toggles: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

interface Props {
  filter: FindingFilter;
  rules: RuleId[];
  lang: Language;
  t: (id: string, params?: Record<string, string | number>) => string;
  onChange: (filter: FindingFilter) => void;
}

/** Filters by severity and rule, and "visa bara fel". */
export function Filters({ filter, rules, lang, t, onChange }: Props) {
  const styles = useStyles();
  const ruleId = useId('rule');
  const toggle = (s: Severity) => {
    const next = new Set(filter.severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    onChange({ ...filter, severities: next });
  };
  return (
    <div className={styles.root} role="group" aria-label={t('taskpane.filter')}>
      <div className={styles.toggles} role="group" aria-label={t('taskpane.filter.severity')}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={filter.onlyErrors ? s === 'error' : filter.severities.has(s)}
            disabled={filter.onlyErrors}
            onClick={() => toggle(s)}
          >
            {t(`severity.${s}`)}
          </ToggleButton>
        ))}
      </div>
      <Switch
        checked={filter.onlyErrors}
        label={t('taskpane.filter.onlyErrors')}
        onChange={(_, d) => onChange({ ...filter, onlyErrors: d.checked })}
        data-testid="only-errors"
      />
      <div className={styles.field}>
        <Label htmlFor={ruleId} size="small">
          {t('taskpane.filter.rule')}
        </Label>
        <Select id={ruleId} size="small" value={filter.rule} onChange={(_, d) => onChange({ ...filter, rule: d.value as RuleId | 'all' })}>
          <option value="all">{t('taskpane.filter.rule.all')}</option>
          {rules.map((r) => (
            <option key={r} value={r}>
              {ruleName(r, lang)}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
