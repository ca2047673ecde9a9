/**
 * Decides where the pane runs: inside Excel (Office.onReady reports the Excel
 * host) or in demo mode (office.js could not load, or it loaded outside
 * Office). Loads the matching WorkbookActions lazily, so neither the Office.js
 * adapter nor the demo host's example workbook is in the first-paint bundle.
 * One session per runtime: the ribbon command and the pane share it.
 */
import type { WorkbookActions } from '../excel/actions';
import { knownHost, type HostMode } from './mode';
import { Session } from './session';

export type { HostMode } from './mode';
export { knownHost } from './mode';

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
export function detectHost(timeoutMs?: number): Promise<HostMode> {
  const known = knownHost();
  if (known !== undefined) return Promise.resolve(known);
  return new Promise<HostMode>((resolve) => {
    // Opened by Office: never demo mode inside Excel, however slow Office is to start (the actions wait, then say Excel is not answering).
    const byOffice = openedByOffice();
    const timer = setTimeout(() => resolve(byOffice ? 'excel' : 'demo'), timeoutMs ?? (byOffice ? 15000 : 2500));
    Office.onReady()
      .then((info) => resolve(info.host === Office.HostType.Excel ? 'excel' : 'demo'))
      .catch(() => resolve(byOffice ? 'excel' : 'demo'))
      .finally(() => clearTimeout(timer));
  });
}

async function loadActions(mode: HostMode): Promise<WorkbookActions> {
  if (mode === 'excel') {
    const { createExcelActionsWhenReady } = await import(/* webpackChunkName: "excel" */ '../excel/office');
    return createExcelActionsWhenReady(Office.onReady());
  }
  const { createDemoActions } = await import(/* webpackChunkName: "demo" */ '../excel/demo');
  return createDemoActions();
}

let session: Promise<Session> | undefined;
let ready: Session | undefined;

/**
 * The runtime's one session, created on first use. When the mode is known at
 * once (demo), the workbook code is requested in the same call, so its files
 * download while the rest of the page's script runs.
 */
export function getSession(): Promise<Session> {
  if (session === undefined) {
    const known = knownHost();
    const mode = known !== undefined ? Promise.resolve(known) : detectHost();
    const actions = known !== undefined ? loadActions(known) : mode.then(loadActions);
    session = Promise.all([mode, actions]).then(async ([m, a]) => {
      const s = new Session(a, m);
      await s.start();
      ready = s;
      return s;
    });
  }
  return session;
}

/** The session once it has started (for a first render without a spinner), else undefined. */
export function startedSession(): Session | undefined {
  return ready;
}
