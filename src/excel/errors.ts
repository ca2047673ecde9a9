/**
 * Office.js failures (OfficeExtension.Error and its codes) as ActionError codes.
 */
import { ActionError, type ActionErrorCode } from './actions';

/** The `code` of an OfficeExtension.Error (or of the test host's imitation), if any. */
export function officeErrorCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** True when Excel refused a request or response for its payload size (Excel on the web, 5 MB). */
export function isPayloadTooLarge(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * What went wrong, as an action error code. `readOnly` tells an AccessDenied
 * on a read-only workbook from one on a protected sheet.
 */
export function classifyError(err: unknown, readOnly = false): ActionErrorCode {
  if (err instanceof ActionError) return err.code;
  const code = officeErrorCode(err);
  const message = messageOf(err);
  switch (code) {
    case 'AccessDenied':
      return readOnly ? 'readonly' : 'protected';
    case 'InvalidOperationInCellEditMode':
      return 'editing';
    case 'ConnectionFailure':
    case 'RequestAborted':
      return 'connection';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'too-large';
    case 'ItemNotFound':
      return 'stale';
    // Codes of learn.microsoft.com/office/dev/add-ins/reference/javascript-api-error-codes-excel (Excel error codes)
    // and the undo page (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
    case 'UndoNotSupported':
      return 'undo-unsupported';
    case 'InactiveWorkbook':
      return 'inactive-workbook';
    case 'InvalidArgument':
      return 'invalid-argument';
    case 'InvalidOperation':
      if (/edit/i.test(message)) return 'editing';
      if (/read.?only/i.test(message)) return 'readonly';
      if (/protect/i.test(message)) return 'protected';
      return 'unknown';
    default:
      break;
  }
  // A fetch that never reached Excel on the web (offline, proxy) surfaces as a TypeError.
  if (err instanceof TypeError && /fetch|network|load failed/i.test(message)) return 'connection';
  return 'unknown';
}

/** Wraps any failure as an ActionError (keeping an ActionError as it is). */
export function toActionError(err: unknown, readOnly = false): ActionError {
  if (err instanceof ActionError) return err;
  return new ActionError(classifyError(err, readOnly), messageOf(err));
}
