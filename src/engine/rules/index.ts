/**
 * The rule registry. Adding a rule: one file in this folder exporting a `Rule`,
 * one line here, and its test.
 */
import { changeMismatch } from './change-mismatch';
import { crossTableTotal } from './cross-table-total';
import { div0 } from './div0';
import { errorValue } from './error-value';
import { formulaInconsistent } from './formula-inconsistent';
import { headerYear } from './header-year';
import { missingValue } from './missing-value';
import { narrativeMismatch } from './narrative-mismatch';
import { rowArithmetic } from './row-arithmetic';
import { signFlip } from './sign-flip';
import { sumMismatch } from './sum-mismatch';
import { tinyBase } from './tiny-base';
import { varianceMismatch } from './variance-mismatch';

/** Every rule, in the order they run; `RuleId` is the union of their ids. */
export const RULES = [
  varianceMismatch,
  rowArithmetic,
  changeMismatch,
  sumMismatch,
  div0,
  errorValue,
  missingValue,
  signFlip,
  tinyBase,
  headerYear,
  formulaInconsistent,
  crossTableTotal,
  narrativeMismatch,
] as const;
