import { Field, Radio, RadioGroup, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type Language, MARKERS } from '../../engine';
import type { LanguageSetting, Settings } from '../settings';
import { NumberSetting } from './NumberSetting';
import { SelfTest } from './SelfTest';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  settings: Settings;
  lang: Language;
  t: (id: string, params?: Record<string, string | number>) => string;
  onChange: (patch: Partial<Settings>) => void;
}

/** The settings economists change: marker text, sign flips, rounding tolerance, commentary materiality, language. */
export function SettingsView({ settings, lang, t, onChange }: Props) {
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
      <Switch checked={settings.signFlipMeaningless} label={t('taskpane.settings.signFlip')} onChange={(_, d) => onChange({ signFlipMeaningless: d.checked })} />
      <Switch checked={settings.notes} label={t('taskpane.settings.notes')} onChange={(_, d) => onChange({ notes: d.checked })} />
      <NumberSetting
        label={t('taskpane.settings.tolerance')}
        hint={t('taskpane.settings.tolerance.hint')}
        value={settings.tolerance}
        min={0}
        max={1e6}
        lang={lang}
        t={t}
        onSave={(tolerance) => onChange({ tolerance })}
        testId="tolerance"
      />
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('taskpane.settings.materiality')}</legend>
        <NumberSetting
          label={t('taskpane.settings.materialityMnkr')}
          value={settings.materialityMnkr}
          min={0}
          max={1e6}
          lang={lang}
          t={t}
          onSave={(materialityMnkr) => onChange({ materialityMnkr })}
          testId="materiality-mnkr"
        />
        <NumberSetting
          label={t('taskpane.settings.materialityPercent')}
          hint={t('taskpane.settings.materiality.hint')}
          value={settings.materialityPercent}
          min={0}
          max={100}
          lang={lang}
          t={t}
          onSave={(materialityPercent) => onChange({ materialityPercent })}
          testId="materiality-percent"
        />
      </fieldset>
      <Field label={t('taskpane.settings.language')}>
        <Select value={settings.language} onChange={(_, d) => onChange({ language: d.value as LanguageSetting })}>
          <option value="auto">{t('taskpane.settings.language.auto')}</option>
          <option value="sv">{t('taskpane.settings.language.sv')}</option>
          <option value="en">{t('taskpane.settings.language.en')}</option>
        </Select>
      </Field>
      <Text size={200}>{t('taskpane.settings.applies')}</Text>
      <SelfTest t={t} />
    </div>
  );
}
