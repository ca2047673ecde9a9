import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewedFinding } from '../../engine';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingInline: tokens.spacingHorizontalS, paddingBlock: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface Props {
  reviewed: ReviewedFinding;
  busy: boolean;
  t: (id: string, params?: Record<string, string | number>) => string;
  onApprove: (reviewed: ReviewedFinding, reason: string) => void;
}

/** "Godkänn…" under a finding: a reason (required), then Godkänn or Avbryt. */
export function ApproveFinding({ reviewed, busy, t, onApprove }: Props) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const where = `${reviewed.finding.sheet}!${reviewed.finding.cell}`;
  if (!open) {
    return (
      <div className={styles.root}>
        <div className={styles.buttons}>
          <Button size="small" appearance="subtle" disabled={busy} onClick={() => setOpen(true)} aria-label={t('review.approve.label', { cell: where })} data-testid="approve-open">
            {t('review.approve')}
          </Button>
        </div>
      </div>
    );
  }
  const submit = () => {
    if (reason.trim() === '') return;
    onApprove(reviewed, reason);
    setOpen(false);
    setReason('');
  };
  return (
    <form
      className={styles.root}
      aria-label={t('review.approve.label', { cell: where })}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label={t('review.approve.reason')} required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} placeholder={t('review.approve.placeholder')} resize="vertical" data-testid="approve-reason" autoFocus />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" size="small" appearance="primary" disabled={busy || reason.trim() === ''} data-testid="approve-confirm">
          {t('review.approve.confirm')}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {t('review.approve.cancel')}
        </Button>
      </div>
    </form>
  );
}

export default ApproveFinding;
