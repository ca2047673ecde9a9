import type { LanguagePack } from './index';

/** The review workflow (approvals, export, stepping, sign-off, charts), English. Keys `review.*`. */
export const reviewEn: LanguagePack = {
  'review.status.open': 'Open',
  'review.status.approved': 'Approved',
  'review.row.total': 'Total',
  'review.export.sheet': 'Sheet',
  'review.export.cell': 'Cell',
  'review.export.unit': 'Unit',
  'review.export.rule': 'Rule',
  'review.export.severity': 'Severity',
  'review.export.message': 'Message',
  'review.export.expected': 'Expected',
  'review.export.actual': 'Actual',
  'review.export.status': 'Status',
  'review.export.reason': 'Reason',
};
