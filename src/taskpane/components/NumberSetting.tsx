import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatNumber, type Language } from '../../engine';
import { numberSettingProblem, parseDecimal } from '../settings';

type T = (id: string, params?: Record<string, string | number>) => string;

/** A setting's number in the language's format, with as many decimals as it has (up to 3): `0,5`, `7,5`, `2`. */
export function formatSettingNumber(value: number, lang: Language): string {
  const decimals = Math.min(3, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, lang, decimals);
}

interface Props {
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  lang: Language;
  t: T;
  onSave: (value: number) => void;
  testId: string;
}

/**
 * A number setting typed as text: `1,5` and `1.5` both mean one and a half,
 * the field can be emptied while typing, and it is saved when the field is
 * left or Enter is pressed. What cannot be saved (empty, not a number, out of
 * range) says so under the field at once and is not saved: the message names
 * the value that still holds.
 */
export function NumberSetting({ label, hint, value, min, max, lang, t, onSave, testId }: Props) {
  const [text, setText] = useState(() => formatSettingNumber(value, lang));
  const problem = numberSettingProblem(text, min, max);
  useEffect(() => {
    // The language changed: a valid value in its format.
    setText((current) => (numberSettingProblem(current, min, max) === null ? formatSettingNumber(value, lang) : current));
    // Only on a change of language: `value` follows the typing.
  }, [lang]);
  const saved = formatSettingNumber(value, lang);
  /** Saves what was typed when it is a number in range (on leaving the field or Enter), in the language's format. */
  const commit = (): void => {
    const n = parseDecimal(text);
    if (numberSettingProblem(text, min, max) !== null || n === null) return;
    if (n !== value) onSave(n);
    setText(formatSettingNumber(n, lang));
  };
  const message = problem === null ? undefined : t(`taskpane.settings.number.${problem}`, { text: text.trim(), min: formatSettingNumber(min, lang), max: formatSettingNumber(max, lang), saved });
  return (
    <Field label={label} hint={hint} validationState={problem === null ? 'none' : 'error'} validationMessage={message}>
      <Input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
        data-testid={testId}
      />
    </Field>
  );
}
