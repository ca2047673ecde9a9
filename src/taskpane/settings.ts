/**
 * The settings economists change in the task pane, kept in the browser's
 * storage for the add-in's origin (never in the workbook: writing document
 * settings would clear Excel's undo stack).
 */
import { type Language, MARKERS } from '../engine';

export type LanguageSetting = 'auto' | Language;

export interface Settings {
  /** What a change % that means nothing shows: `''`, `–` or `e.j.`. */
  marker: string;
  /** Whether a sign flip between the years makes a change % not meaningful. */
  signFlipMeaningless: boolean;
  /** Extra rounding tolerance in tkr on top of what rounding explains. */
  tolerance: number;
  /** `auto` follows Excel's display language. */
  language: LanguageSetting;
  /**
   * Commentary materiality: a variance below both thresholds gets the short
   * "i nivå med budget" draft and no gap for the cause. In mnkr and in percent
   * of the budget.
   */
  materialityMnkr: number;
  materialityPercent: number;
  /** Also put a note with the message on each marked cell, where Excel supports notes (ExcelApi 1.18). */
  notes: boolean;
}

export const DEFAULT_SETTINGS: Settings = { marker: '–', signFlipMeaningless: true, tolerance: 0, language: 'auto', materialityMnkr: 0.5, materialityPercent: 5, notes: false };

const KEY = 'avvikelsekollen.settings.v1';

/** Keeps only valid values; anything else falls back to the default. */
export function sanitizeSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.marker === 'string' && MARKERS.includes(r.marker)) s.marker = r.marker;
  if (typeof r.signFlipMeaningless === 'boolean') s.signFlipMeaningless = r.signFlipMeaningless;
  if (typeof r.notes === 'boolean') s.notes = r.notes;
  if (typeof r.tolerance === 'number' && Number.isFinite(r.tolerance) && r.tolerance >= 0 && r.tolerance <= 1e6) s.tolerance = r.tolerance;
  if (r.language === 'sv' || r.language === 'en' || r.language === 'auto') s.language = r.language;
  if (typeof r.materialityMnkr === 'number' && Number.isFinite(r.materialityMnkr) && r.materialityMnkr >= 0 && r.materialityMnkr <= 1e6) s.materialityMnkr = r.materialityMnkr;
  if (typeof r.materialityPercent === 'number' && Number.isFinite(r.materialityPercent) && r.materialityPercent >= 0 && r.materialityPercent <= 100) s.materialityPercent = r.materialityPercent;
  return s;
}

export interface SettingsStore {
  load(): Settings;
  save(settings: Settings): void;
}

/** Settings in `localStorage`; a browser that refuses storage just keeps them for the session. */
export function browserSettingsStore(storage: Storage | undefined = globalThis.localStorage): SettingsStore {
  return {
    load() {
      try {
        const text = storage?.getItem(KEY);
        return sanitizeSettings(text ? JSON.parse(text) : null);
      } catch {
        return { ...DEFAULT_SETTINGS };
      }
    },
    save(settings) {
      try {
        storage?.setItem(KEY, JSON.stringify(settings));
      } catch {
        // Storage full or blocked: the settings still apply until the pane closes.
      }
    },
  };
}

/**
 * A number as a controller types it: `1,5` or `1.5` (`1,` while typing is 1), spaces (also
 * non-breaking) between digit groups allowed, a minus sign either `-` or `−`.
 * Null for anything else (empty, letters, two decimal marks).
 */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/(\d)[\s\u00a0\u202f]+(?=\d)/g, '$1');
  const m = /^([-−]?)(\d*)(?:[.,](\d*))?$/.exec(compact);
  if (m === null || `${m[2] ?? ''}${m[3] ?? ''}` === '') return null;
  const n = Number(`${m[1] === '' ? '' : '-'}${m[2] === '' ? '0' : m[2]}.${m[3] === undefined || m[3] === '' ? '0' : m[3]}`);
  return Number.isFinite(n) ? n : null;
}

/** Why a typed setting cannot be saved, as a message id, or null when it can (`parseDecimal` within [min, max]). */
export function numberSettingProblem(text: string, min: number, max: number): 'empty' | 'invalid' | 'range' | null {
  if (text.trim() === '') return 'empty';
  const n = parseDecimal(text);
  if (n === null) return 'invalid';
  return n < min || n > max ? 'range' : null;
}
