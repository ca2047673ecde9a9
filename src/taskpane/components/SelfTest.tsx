/**
 * Självtest under Inställningar: runs the self-test (src/excel/self-test.ts)
 * on the workbook the pane works on (the simulated Excel in demo mode) and
 * shows its report, to copy into a bug report.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatSelfTestReport, type SelfTestReport } from '../../excel/self-test-report';
import { copyText } from '../clipboard';
import { getSession } from '../host';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  report: { whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, margin: 0, maxWidth: '100%', overflowX: 'auto' },
});

interface Props {
  t: (id: string, params?: Record<string, string | number>) => string;
  /** What runs the self-test (default: the pane's session). */
  run?: () => Promise<SelfTestReport>;
}

export function SelfTest({ t, run = () => getSession().then((s) => s.selfTest()) }: Props) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<SelfTestReport | null>(null);
  const [copied, setCopied] = useState(false);
  const text = report === null ? '' : formatSelfTestReport(report);
  const failed = report === null ? 0 : report.steps.filter((s) => s.outcome === 'failed').length;
  return (
    <section className={styles.root} data-testid="self-test" aria-label={t('selftest.title')}>
      <Text weight="semibold">{t('selftest.title')}</Text>
      <Text size={200}>{t('selftest.intro')}</Text>
      <Button
        disabled={running}
        onClick={() => {
          setRunning(true);
          setCopied(false);
          void run()
            .then(setReport)
            .finally(() => setRunning(false));
        }}
      >
        {running ? t('selftest.running') : t('selftest.run')}
      </Button>
      {report !== null && (
        <>
          <Text role="status" data-testid="self-test-summary">
            {failed === 0 ? t('selftest.passed', { count: report.steps.length }) : t('selftest.failed', { failed, count: report.steps.length })}
          </Text>
          <pre className={styles.report} data-testid="self-test-report">
            {text}
          </pre>
          <Button size="small" onClick={() => void copyText(text).then(setCopied)}>
            {t('selftest.copy')}
          </Button>
          {copied && <Text size={200}>{t('selftest.copied')}</Text>}
        </>
      )}
    </section>
  );
}
