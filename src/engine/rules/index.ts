/**
 * The rule registry. Adding a rule: one file in this folder exporting a `Rule`,
 * one line here, and its test.
 */
import type { Rule } from '../rule';

export const RULES: readonly Rule[] = [];
