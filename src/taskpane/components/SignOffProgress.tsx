import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { type CommentaryDrafts, signOffProgress, type WorkbookGrid } from '../../engine';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  workbook: WorkbookGrid;
  drafts: CommentaryDrafts;
  t: (id: string, params?: Record<string, string | number>) => string;
}

/** The sign-off per table on Kommentarer: "Kommunledning: 12 av 15 kommenterade, 3 godkända". */
export function SignOffProgress({ workbook, drafts, t }: Props) {
  const styles = useStyles();
  const progress = useMemo(() => signOffProgress(workbook, drafts), [workbook, drafts]);
  if (progress.length === 0) return null;
  return (
    <section aria-label={t('review.signoff.heading')} data-testid="signoff-progress">
      <h3 className={styles.heading}>{t('review.signoff.heading')}</h3>
      <ul className={styles.list}>
        {progress.map((p) => (
          <li key={p.tableId} data-testid="signoff" data-table={p.tableId}>
            <Text size={200}>{`${p.unit}: ${t('review.signoff.progress', { commented: p.commented, total: p.total, approved: p.approved })}`}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
