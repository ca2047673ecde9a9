/**
 * What the task pane's browser tests share: the production build (built when
 * older than its sources), a local server for it, Chromium through
 * playwright-core (test/helpers/chromium.ts), offline (office.js refused, so demo mode), and the checks
 * a controller's pane must pass at every width: no sideways scrolling, no
 * serious or critical axe-core violation, a screenshot in artifacts/.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { openPaneBrowser, type PaneBrowser } from '../helpers/browser';

export { DIST, ensureBuild, ROOT } from '../helpers/build';
export { OFFICE_JS, type PaneBrowser } from '../helpers/browser';
export const ARTIFACTS = path.join(__dirname, '..', '..', 'artifacts');

/** The pane widths of Office: on the web and Windows 320–350 px, narrowest 270 px. */
export const WIDTHS = [270, 320, 350] as const;

/** Serves dist/ and opens a Chromium page on it, offline, Swedish, 320 px wide. */
export function openBrowser(locale = 'sv-SE'): Promise<PaneBrowser> {
  return openPaneBrowser(locale);
}

/** Opens the pane fresh (settings cleared unless `keepSettings`) and waits for Validera. */
export async function openPane(pb: PaneBrowser, { keepSettings = false, lang = 'sv' }: { keepSettings?: boolean; lang?: 'sv' | 'en' } = {}): Promise<Page> {
  const { page, origin } = pb;
  await page.goto(`${origin}/taskpane.html`);
  if (!keepSettings) {
    await page.evaluate((l) => {
      localStorage.clear();
      if (l === 'en') localStorage.setItem('avvikelsekollen.settings.v1', JSON.stringify({ language: 'en' }));
    }, lang);
    await page.reload();
  }
  await page.getByTestId('validate').waitFor();
  return page;
}

/** Clicks Validera and waits until the list of findings is there. */
export async function validate(page: Page): Promise<void> {
  await page.getByTestId('validate').click();
  await page.getByTestId('finding').first().waitFor();
  await page.locator('[data-testid="validate"]:not([disabled])').waitFor();
}

/** How many pixels the page is wider than the pane (0: no sideways scrolling). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Elements wider than the pane, for a readable failure. */
export async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return Array.from(document.querySelectorAll('body *'))
      .filter((e) => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''} right=${Math.round(e.getBoundingClientRect().right)}`);
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations of our own on the page as it is
 * now. Left out: Fluent UI's focus guards (tabster's `<i tabindex="0"
 * aria-hidden>` elements, which move focus on and are meant to be unseen).
 * The script goes in through DevTools (exempt from the page's CSP, which
 * allows no inline script).
 */
export async function axeSeriousViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are measured once every transition has ended (a button just enabled fades from grey to its colour); an endless animation such as a spinner's is not waited for.
  await page.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined)))');
  const loaded = await page.evaluate('typeof window.axe === "object"');
  if (loaded !== true) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const violations = (await page.evaluate(
    `axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A full-page screenshot in artifacts/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The settings as stored (what the next validation uses), or null. */
export async function storedSettings(page: Page): Promise<Record<string, unknown> | null> {
  const text = await page.evaluate(() => localStorage.getItem('avvikelsekollen.settings.v1'));
  return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
}
