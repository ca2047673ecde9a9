import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine';
import { SEVERITIES } from '../format';
import type { SessionState } from '../session';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  count: { minWidth: 'auto' },
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
  /** The severity the list shows, or all. */
  shown: Severity | 'all';
  t: (id: string, params?: Record<string, string | number>) => string;
  onValidate: () => void;
  onShow: (severity: Severity | 'all') => void;
}

/**
 * Top of the pane: the Validera button, what was checked, and the counts per
 * severity, which are also the one control of which severities the list
 * shows (one pressed at a time: all, or one severity; pressing the pressed
 * one shows all again).
 */
export function Summary({ state, counts, shown, t, onValidate, onShow }: Props) {
  const styles = useStyles();
  const busy = state.phase !== 'idle';
  const r = state.report?.result;
  const total = counts.error + counts.warning + counts.info;
  const choices: (Severity | 'all')[] = ['all', ...SEVERITIES];
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
        <div className={styles.counts} role="group" aria-label={t('taskpane.filter.severity')} data-testid="severity-filter">
          {choices.map((s) => {
            const pressed = shown === s;
            return (
              <Button
                key={s}
                size="small"
                className={styles.count}
                appearance={pressed ? 'primary' : 'outline'}
                aria-pressed={pressed}
                onClick={() => onShow(pressed ? 'all' : s)}
                data-testid={`count-${s}`}
              >
                {s === 'all' ? t('taskpane.filter.all', { count: total }) : t(`taskpane.count.${s}`, { count: counts[s] })}
              </Button>
            );
          })}
        </div>
      )}
    </section>
  );
}
