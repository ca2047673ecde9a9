/**
 * The one place that touches the Office globals: `Excel.run`,
 * `Office.context.requirements`, the document URL and the display language.
 * Everything else in `src/excel/` talks to an `XlHost`.
 */
import { EXCEL_API_VERSIONS, type ExcelApiVersion, type XlContext, type XlHost, type XlRunOptions } from './xl';

/** True when office.js is loaded and runs inside Excel (`Office.onReady` reported Excel). */
export function insideExcel(): boolean {
  try {
    return (
      typeof Office !== 'undefined' &&
      typeof Excel !== 'undefined' &&
      typeof Excel.run === 'function' &&
      Office.context !== undefined &&
      Office.context.requirements !== undefined &&
      Office.context.requirements.isSetSupported('ExcelApi', '1.1')
    );
  } catch {
    return false;
  }
}

const SUPPORTED = new Map<ExcelApiVersion, boolean>();

function isSetSupported(version: ExcelApiVersion): boolean {
  let v = SUPPORTED.get(version);
  if (v === undefined) {
    try {
      v = Office.context.requirements.isSetSupported('ExcelApi', version);
    } catch {
      v = false;
    }
    SUPPORTED.set(version, v);
  }
  return v;
}

/** Runs a batch through `Excel.run`, merging its syncs into one Excel undo step where ExcelApi 1.20 allows. */
function run<T>(batch: (context: XlContext) => Promise<T>, options: XlRunOptions = {}): Promise<T> {
  // Excel.RequestContext satisfies XlContext structurally (see office.ts).
  const body = (context: Excel.RequestContext): Promise<T> => batch(context);
  if (options.mergeUndoGroup === true && isSetSupported('1.20')) {
    return Excel.run({ mergeUndoGroup: true }, body);
  }
  return Excel.run(body);
}

/** The Office.js host. Call only when `insideExcel()`. */
export function officeHost(): XlHost {
  return {
    run,
    supports: isSetSupported,
    documentUrl: () => {
      try {
        return Office.context.document.url ?? '';
      } catch {
        return '';
      }
    },
    diagnostics: () => {
      const sets: Record<string, boolean> = {};
      for (const v of EXCEL_API_VERSIONS) sets[`ExcelApi ${v}`] = isSetSupported(v);
      for (const [name, version] of [
        ['SharedRuntime', '1.1'],
        ['DialogApi', '1.1'],
      ] as const) {
        try {
          sets[`${name} ${version}`] = Office.context.requirements.isSetSupported(name, version);
        } catch {
          sets[`${name} ${version}`] = false;
        }
      }
      try {
        return { version: Office.context.diagnostics.version, platform: String(Office.context.diagnostics.platform), sets };
      } catch {
        return { version: 'okänd', platform: 'okänd', sets };
      }
    },
    displayLanguage: () => {
      try {
        return Office.context.displayLanguage || 'sv-SE';
      } catch {
        return 'sv-SE';
      }
    },
  };
}
