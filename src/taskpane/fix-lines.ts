/**
 * The fix preview's lines: where, what the cell holds and what it will hold,
 * formulas as the user's Excel shows them. Loaded with the preview (not in
 * the first-paint bundle: it brings the formula tokenizer).
 */
import type { CellContent, CellEdit, Language } from '../engine';
import { displayFormula } from './excel-formula';
import { displayValue } from './format';

/** A cell's content for the fix preview: its formula (as Excel in `lang` shows it) if it has one, else its value. */
export function displayContent(content: CellContent, lang: Language): string {
  return content.formula !== undefined ? displayFormula(content.formula, lang) : displayValue(content.value, lang);
}

export interface EditLine {
  sheet: string;
  cell: string;
  before: string;
  after: string;
  /** For a formula written: what the cell will show. */
  afterShows?: string;
}

/** One line of the fix preview. */
export function editLine(edit: CellEdit, lang: Language): EditLine {
  const line: EditLine = { sheet: edit.sheet, cell: edit.cell, before: displayContent(edit.before, lang), after: displayContent(edit.after, lang) };
  if (edit.after.formula !== undefined) line.afterShows = displayValue(edit.after.value, lang);
  return line;
}
