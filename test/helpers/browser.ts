/**
 * The production build of the task pane in Chromium (test/helpers/chromium.ts),
 * offline and in demo mode, as test/taskpane/browser.test.ts runs it: dist/ is
 * built when older than its sources, office.js from Microsoft's CDN is refused
 * (so the pane falls back to demo mode), and any other foreign request is
 * blocked and recorded.
 */
import type * as http from 'http';
import type { AddressInfo } from 'net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, ensureBuild } from './build';
import { launchChromium } from './chromium';
import { serveStatic } from './static-server';

export { DIST, ensureBuild, ROOT } from './build';

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface PaneBrowser {
  origin: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests to anything but the page's own files and office.js. */
  foreign: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves dist/ and opens a 320 px page on it (Swedish unless `locale` says otherwise), offline. */
export async function openPaneBrowser(locale = 'sv-SE'): Promise<PaneBrowser> {
  ensureBuild();
  const server: http.Server = await serveStatic(DIST);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const context = await browser.newContext({ locale, viewport: { width: 320, height: 900 }, serviceWorkers: 'block' });
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
    context,
    page,
    foreign,
    pageErrors,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
