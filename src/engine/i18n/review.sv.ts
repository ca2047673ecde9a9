import type { LanguagePack } from './index';

/** The review workflow (approvals, export, stepping, sign-off, charts), Swedish. Keys `review.*`. */
export const reviewSv: LanguagePack = {
  'review.status.open': 'Öppen',
  'review.status.approved': 'Godkänd',
  'review.row.total': 'Summa',
  'review.export.sheet': 'Blad',
  'review.export.cell': 'Cell',
  'review.export.unit': 'Enhet',
  'review.export.rule': 'Regel',
  'review.export.severity': 'Allvarlighet',
  'review.export.message': 'Meddelande',
  'review.export.expected': 'Förväntat',
  'review.export.actual': 'Faktiskt',
  'review.export.status': 'Status',
  'review.export.reason': 'Motivering',
};
