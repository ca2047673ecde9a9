import { Field, Input, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MARKERS } from '../../engine';
import type { LanguageSetting, Settings } from '../settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  settings: Settings;
  t: (id: string, params?: Record<string, string | number>) => string;
  onChange: (patch: Partial<Settings>) => void;
}

/** The settings economists change: marker text, sign flips, rounding tolerance, commentary materiality, language. */
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
      <Switch checked={settings.notes} label={t('taskpane.settings.notes')} onChange={(_, d) => onChange({ notes: d.checked })} />
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
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('taskpane.settings.materiality')}</legend>
        <Field label={t('taskpane.settings.materialityMnkr')}>
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            step={0.1}
            value={String(settings.materialityMnkr)}
            onChange={(_, d) => {
              const n = Number(d.value.replace(',', '.'));
              if (d.value.trim() !== '' && Number.isFinite(n) && n >= 0) onChange({ materialityMnkr: n });
            }}
            data-testid="materiality-mnkr"
          />
        </Field>
        <Field label={t('taskpane.settings.materialityPercent')} hint={t('taskpane.settings.materiality.hint')}>
          <Input
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={1}
            value={String(settings.materialityPercent)}
            onChange={(_, d) => {
              const n = Number(d.value.replace(',', '.'));
              if (d.value.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100) onChange({ materialityPercent: n });
            }}
            data-testid="materiality-percent"
          />
        </Field>
      </fieldset>
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
