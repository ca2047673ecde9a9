import { Label, Select, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { Language, RuleId } from '../../engine';
import { ruleName, type FindingFilter } from '../format';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%', width: '100%' },
  selectInner: { minWidth: 0, maxWidth: '100%', width: '100%', textOverflow: 'ellipsis' },
});

interface Props {
  filter: FindingFilter;
  rules: RuleId[];
  lang: Language;
  t: (id: string, params?: Record<string, string | number>) => string;
  onChange: (filter: FindingFilter) => void;
}

/** Which rule's findings the list shows (the severity is chosen with the counts in the summary). */
export function Filters({ filter, rules, lang, t, onChange }: Props) {
  const styles = useStyles();
  const ruleId = useId('rule');
  return (
    <div className={styles.field}>
      <Label htmlFor={ruleId} size="small">
        {t('taskpane.filter.rule')}
      </Label>
      <Select
        id={ruleId}
        className={styles.select}
        select={{ className: styles.selectInner }}
        size="small"
        value={filter.rule}
        onChange={(_, d) => onChange({ ...filter, rule: d.value as RuleId | 'all' })}
        data-testid="rule-filter"
      >
        <option value="all">{t('taskpane.filter.rule.all')}</option>
        {rules.map((r) => (
          <option key={r} value={r}>
            {ruleName(r, lang)}
          </option>
        ))}
      </Select>
    </div>
  );
}
