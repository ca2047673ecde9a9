import { Field, Input, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MARKERS } from '../../engine/fixes';
import type { LanguageSetting, Settings } from '../settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface Props {
  settings: Settings;
  t: (id: string, params?: Record<string, string | number>) => string;
  onChange: (patch: Partial<Settings>) => void;
}

/** The settings economists change: marker text, sign flips, rounding tolerance, language. */
export function SettingsView({ settings, t, onChange }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="settings">
      <Field label={t('taskpane.settings.marker')}>
        <RadioGroup value={settings.marker} onChange={(_, d) => onChange({ marker: d.value })}>
          {MARKERS.map((m) => (
            <Radio key={m === '' ? 'empty' : m} value={m} label={m === '' ? t('taskpane.settings.marker.empty') : m} />
          ))}
        </RadioGroup>
      </Field>
      <Switch
        checked={settings.signFlipMeaningless}
        label={t('taskpane.settings.signFlip')}
        onChange={(_, d) => onChange({ signFlipMeaningless: d.checked })}
      />
      <Field label={t('taskpane.settings.tolerance')} hint={t('taskpane.settings.tolerance.hint')}>
        <Input
          type="number"
          inputMode="decimal"
          min={0}
          step={1}
          value={String(settings.tolerance)}
          onChange={(_, d) => {
            const n = Number(d.value.replace(',', '.'));
            if (Number.isFinite(n) && n >= 0) onChange({ tolerance: n });
          }}
        />
      </Field>
      <Field label={t('taskpane.settings.language')}>
        <Select value={settings.language} onChange={(_, d) => onChange({ language: d.value as LanguageSetting })}>
          <option value="auto">{t('taskpane.settings.language.auto')}</option>
          <option value="sv">{t('taskpane.settings.language.sv')}</option>
          <option value="en">{t('taskpane.settings.language.en')}</option>
        </Select>
      </Field>
      <Text size={200}>{t('taskpane.settings.applies')}</Text>
    </div>
  );
}
