import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding, Language, Review } from '../../engine';
import { ruleName } from '../format';
import { step, stepOrder } from '../review';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', justifyContent: 'space-between', overflowWrap: 'anywhere' },
});

interface Props {
  review: Review;
  sheetNames: readonly string[];
  lang: Language;
  busy: boolean;
  t: (id: string, params?: Record<string, string | number>) => string;
  onSelect: (finding: Finding) => void;
  onExport: () => void;
  onReopen: (index: number) => void;
}

/**
 * The review's controls above the findings: Föregående / Nästa through the
 * open findings in sheet order (each step selects the cell), Exportera
 * granskning, and the approved findings (hidden from the list; counted here,
 * listable with their reasons, each can be reopened).
 */
export function ReviewBar({ review, sheetNames, lang, busy, t, onSelect, onExport, onReopen }: Props) {
  const styles = useStyles();
  const order = useMemo(() => stepOrder(review.open, sheetNames), [review, sheetNames]);
  const [current, setCurrent] = useState<Finding | null>(null);
  const [showApproved, setShowApproved] = useState(false);
  const index = current === null ? -1 : order.findIndex((f) => f.sheet === current.sheet && f.cell === current.cell && f.rule === current.rule);
  const go = (direction: 1 | -1) => {
    const next = order[step(index, direction, order.length)];
    if (next === undefined) return;
    setCurrent(next);
    onSelect(next);
  };
  const approved = review.approved;
  return (
    <div className={styles.root}>
      <div className={styles.row} role="group" aria-label={t('review.step.label')}>
        <Button size="small" onClick={() => go(-1)} disabled={order.length === 0} data-testid="step-previous">
          {t('review.step.previous')}
        </Button>
        <Button size="small" onClick={() => go(1)} disabled={order.length === 0} data-testid="step-next">
          {t('review.step.next')}
        </Button>
        <Text size={200} className={styles.muted} aria-live="polite" data-testid="step-position">
          {order.length === 0
            ? t('review.step.none')
            : index >= 0
              ? `${t('review.step.position', { index: index + 1, count: order.length })}: ${order[index]?.sheet}!${order[index]?.cell}`
              : t('review.step.position', { index: 0, count: order.length })}
        </Text>
      </div>
      <div className={styles.row}>
        <Button size="small" onClick={onExport} disabled={busy} data-testid="export-review">
          {t('review.export')}
        </Button>
        {approved.length > 0 && (
          <Button size="small" appearance="subtle" aria-expanded={showApproved} onClick={() => setShowApproved(!showApproved)} data-testid="show-approved">
            {showApproved ? t('review.approved.hide') : t('review.approved.show', { count: approved.length })}
          </Button>
        )}
      </div>
      {showApproved && approved.length > 0 && (
        <section aria-label={t('review.approved.list')}>
          <ul className={styles.list} data-testid="approved-list">
            {approved.map((r, i) => (
              <li key={`${r.finding.rule}:${r.finding.sheet}!${r.finding.cell}`} className={styles.item} data-testid="approved">
                <Text size={200}>
                  {t('review.approved.item', {
                    cell: `${r.finding.sheet}!${r.finding.cell}`,
                    rule: ruleName(r.finding.rule, lang),
                    date: r.approval?.approvedOn ?? '',
                    reason: r.approval?.reason ?? '',
                  })}
                </Text>
                <Button size="small" appearance="subtle" disabled={busy} onClick={() => onReopen(i)} aria-label={t('review.reopen.label', { cell: `${r.finding.sheet}!${r.finding.cell}` })}>
                  {t('review.reopen')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export default ReviewBar;
