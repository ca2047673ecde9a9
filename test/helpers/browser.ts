/**
 * The production build of the task pane in Chromium (test/helpers/chromium.ts),
 * offline and in demo mode, as test/taskpane/browser.test.ts runs it: dist/ is
 * built when older than its sources, office.js from Microsoft's CDN is refused
 * (so the pane falls back to demo mode), and any other foreign request is
 * blocked and recorded.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { serveStatic } from './static-server';

export const ROOT = path.join(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

/** Builds dist/ unless it is newer than every source it is built from. */
export function ensureBuild(): void {
  const built = path.join(DIST, 'taskpane.html');
  const sources = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package.json'].map((p) => path.join(ROOT, p));
  const fresh = fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(...sources.map(newestMtime));
  if (fresh && process.env.ADDIN_BASE_URL === undefined) return;
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
}

export interface PaneBrowser {
  origin: string;
  browser: Browser;
  page: Page;
  /** Requests to anything but the page's own files and office.js. */
  foreign: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves dist/ and opens a Swedish 320 px page on it, offline. */
export async function openPaneBrowser(): Promise<PaneBrowser> {
  ensureBuild();
  const server: http.Server = await serveStatic(DIST);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 320, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (url === OFFICE_JS) return route.abort('internetdisconnected');
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  return {
    origin,
    browser,
    page,
    foreign,
    pageErrors,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
