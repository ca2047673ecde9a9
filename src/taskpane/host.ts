/**
 * Decides where the pane runs: inside Excel (Office.onReady reports the Excel
 * host) or in demo mode (office.js could not load, or it loaded outside
 * Office). Loads the matching WorkbookActions lazily, so neither the Office.js
 * adapter nor the demo host's example workbook is in the first-paint bundle.
 * One session per runtime: the ribbon command and the pane share it.
 */
import type { WorkbookActions } from '../excel/actions';
import { Session } from './session';

export type HostMode = 'excel' | 'demo';

/** True when the page was opened by an Office client (it passes host info), so a slow start must not fall into demo mode. */
function openedByOffice(): boolean {
  try {
    if (/[?&]_host_Info=/i.test(window.location.search)) return true;
    if (window.sessionStorage?.getItem('hostInfoValue')) return true;
    // Excel on Windows hosts the pane in WebView2, on Mac in WKWebView; on the web it is framed.
    const w = window as unknown as { chrome?: { webview?: unknown }; webkit?: { messageHandlers?: unknown } };
    if (w.chrome?.webview !== undefined || w.webkit?.messageHandlers !== undefined) return true;
    return window.parent !== window;
  } catch {
    return true; // a cross-origin parent: we are framed by Office on the web
  }
}

/**
 * Waits for office.js. Resolves 'excel' when Office reports Excel, else 'demo':
 * office.js missing (offline, blocked), onReady without a host (plain
 * browser), or no answer within the timeout.
 */
export function detectHost(timeoutMs = openedByOffice() ? 15000 : 2500): Promise<HostMode> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return Promise.resolve('demo');
  if (/[?&]demo=(1|bench\d+)\b/.test(window.location.search)) return Promise.resolve('demo');
  return new Promise<HostMode>((resolve) => {
    const timer = setTimeout(() => resolve('demo'), timeoutMs);
    Office.onReady()
      .then((info) => resolve(info.host === Office.HostType.Excel ? 'excel' : 'demo'))
      .catch(() => resolve('demo'))
      .finally(() => clearTimeout(timer));
  });
}

async function loadActions(mode: HostMode): Promise<WorkbookActions> {
  if (mode === 'excel') {
    const { createExcelActions } = await import(/* webpackChunkName: "excel" */ '../excel/office');
    return createExcelActions();
  }
  const { createDemoActions } = await import(/* webpackChunkName: "demo" */ '../excel/demo');
  return createDemoActions();
}

let session: Promise<Session> | undefined;

/** The runtime's one session, created on first use. */
export function getSession(): Promise<Session> {
  session ??= detectHost().then(async (mode) => {
    const s = new Session(await loadActions(mode), mode);
    await s.start();
    return s;
  });
  return session;
}
