import { Badge, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine';
import { SEVERITIES } from '../format';
import type { SessionState } from '../session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyleType: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export const SEVERITY_COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

interface Props {
  state: SessionState;
  counts: Record<Severity, number>;
  t: (id: string, params?: Record<string, string | number>) => string;
  onValidate: () => void;
}

/** Top of the pane: the Validera button, what was checked and the counts per severity. */
export function Summary({ state, counts, t, onValidate }: Props) {
  const styles = useStyles();
  const busy = state.phase !== 'idle';
  const r = state.report?.result;
  return (
    <section className={styles.root} aria-label={t('taskpane.title')}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={onValidate} disabled={busy} data-testid="validate">
          {t('taskpane.validate')}
        </Button>
        {busy && <Spinner size="tiny" label={t(state.phase === 'validating' ? 'taskpane.validating' : `taskpane.busy.${state.phase}`)} />}
      </div>
      <Text role="status" aria-live="polite" data-testid="checked">
        {r ? t('taskpane.checked', { sheets: r.sheetsChecked, tables: r.tables.length, rows: r.rowsChecked }) : t('taskpane.checked.none')}
      </Text>
      {r && (
        <ul className={styles.counts} aria-label={t('taskpane.counts')}>
          {SEVERITIES.map((s) => (
            <li key={s}>
              <Badge appearance={counts[s] > 0 ? 'filled' : 'outline'} color={SEVERITY_COLOR[s]} data-testid={`count-${s}`}>
                {`${t(`severity.${s}`)}: ${counts[s]}`}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
