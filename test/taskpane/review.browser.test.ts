/**
 * The review in the production build of the pane (Chromium, demo mode,
 * offline): the variance chart's accessible name and its data table, a click
 * on a bar; approve with a reason, still approved after the pane is reloaded
 * on the same workbook; Nästa / Föregående; Exportera granskning and Ångra.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { DIST, openPaneBrowser, type PaneBrowser } from '../helpers/browser';
import { BUILD_TIMEOUT_MS } from '../helpers/build';

jest.setTimeout(300_000);

const REASON = 'Känd avvikelse, beslut i KS 2021-03-01';

async function validate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Validera', exact: true }).click();
  await page.locator('[data-testid="finding"]').first().waitFor();
}

describe('review in the task pane (Chromium, demo mode)', () => {
  let pane: PaneBrowser;

  beforeAll(async () => {
    pane = await openPaneBrowser();
  }, BUILD_TIMEOUT_MS + 60_000); // (building dist/ on a loaded machine; the browser itself gets 30 s to start)

  afterAll(async () => {
    await pane?.close();
  });

  it('draws the variance chart as an image with a descriptive name and the figures as a table; a bar goes to its row', async () => {
    const { page, origin } = pane;
    await page.goto(`${origin}/taskpane.html`);
    await validate(page);
    await page.getByTestId('toggle-chart').click();
    const chart = page.getByRole('img', { name: /^Stapeldiagram: avvikelse mot budget per rad i mnkr, RN3/ });
    await chart.waitFor();
    const name = (await chart.getAttribute('aria-label')) as string;
    expect(name).toMatch(/\d+ rader, störst först\. Gynnsamma \d+, ogynnsamma \d+\. Väsentlighetsgräns ±0,5 mnkr\./);
    // The figures for screen readers: a table with a caption, one row per bar, signed mnkr and the direction in words.
    const table = page.getByRole('table', { name: /Avvikelse mot budget per rad, mnkr/ });
    const rows = table.locator('tbody tr');
    const bars = page.getByTestId('chart-bar');
    expect(await rows.count()).toBe(await bars.count());
    const first = await rows.first().locator('td').allTextContents();
    expect(first[0]).toMatch(/^[+−]\d+,\d$/);
    expect(first[1]).toMatch(/^(Gynnsam|Ogynnsam)$/);
    // Unfavourable is told apart by more than colour: a sign and a striped pattern.
    const unfavourable = page.locator('[data-testid="chart-bar"][data-favourable="false"]').first();
    if ((await unfavourable.count()) > 0) {
      await expect(unfavourable.locator('text').last().textContent()).resolves.toMatch(/^−/);
      await expect(unfavourable.locator('rect').getAttribute('style')).resolves.toMatch(/url\("?#/);
    }
    expect(await page.getByTestId('threshold').count()).toBe(2);
    // Another table, then a click on its largest bar: no error (the demo selects the cell).
    await page
      .getByTestId('chart-table')
      .selectOption({ label: 'Kommunstyrelseförvaltning: RN3 (A3:F18)' })
      .catch(async () => {
        const value = await page.locator('[data-testid="chart-table"] option', { hasText: 'Kommunstyrelseförvaltning' }).first().getAttribute('value');
        await page.getByTestId('chart-table').selectOption(value as string);
      });
    await expect(page.getByRole('img', { name: /Stapeldiagram/ }).getAttribute('aria-label')).resolves.not.toBe(name);
    await bars.first().click();
    await expect(page.getByTestId('error').count()).resolves.toBe(0);
    // Infoga diagram: a waterfall (the demo is ExcelApi 1.9) beside the table on its own sheet, where the example has room; Ångra removes it.
    await page.getByTestId('insert-chart').click();
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(
      /^Diagrammet \(vattenfall\) infogades bredvid tabellen på bladet Kommunstyrelseförvaltning, med sina siffror i H\d+:I\d+\.$/,
    );
    await page.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(/^Återställde \d+ celler/);
    // The chart is not in the first-paint bundle.
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const initial = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => (m[1] ?? m[2]) as string).filter((s) => !/^https?:/.test(s));
    for (const f of initial) expect(fs.readFileSync(path.join(DIST, f), 'utf8')).not.toContain('variance-chart');
    expect(pane.pageErrors).toEqual([]);
  });

  it('approve with a reason: hidden, counted, listed with its reason, and still approved after the pane is reloaded on the same workbook', async () => {
    const { page, origin } = pane;
    await page.goto(`${origin}/taskpane.html`);
    await validate(page);
    const signFlip = page.locator('[data-testid="finding"][data-rule="sign-flip"][data-cell="Kommungemensamt!F4"]');
    await signFlip.waitFor();
    const open = await page.locator('[data-testid="finding"]').count();
    const item = page.locator('li', { has: signFlip });
    await item.getByTestId('approve-open').click();
    await item.getByTestId('approve-reason').fill(REASON);
    await item.getByTestId('approve-confirm').click();
    await page.getByTestId('approved-count').waitFor();
    await expect(page.getByTestId('approved-count').textContent()).resolves.toBe('1 godkända');
    await expect(signFlip.count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="finding"]').count()).resolves.toBe(open - 1);

    await page.reload();
    await validate(page);
    await page.getByTestId('approved-count').waitFor();
    await expect(signFlip.count()).resolves.toBe(0);
    await page.getByTestId('show-approved').click();
    await expect(page.getByTestId('approved').first().textContent()).resolves.toContain(`Kommungemensamt!F4: `);
    await expect(page.getByTestId('approved').first().textContent()).resolves.toContain(REASON);

    // Reopen: open again (and forgotten by the demo's workbook).
    await page.getByRole('button', { name: 'Återöppna Kommungemensamt!F4' }).click();
    await signFlip.waitFor();
    await expect(page.getByTestId('approved-count').count()).resolves.toBe(0);
    expect(pane.pageErrors).toEqual([]);
  });

  it('Nästa / Föregående step through the open findings in sheet order', async () => {
    const { page, origin } = pane;
    await page.goto(`${origin}/taskpane.html`);
    await validate(page);
    const position = page.getByTestId('step-position');
    await page.getByTestId('step-next').click();
    await expect(position.textContent()).resolves.toMatch(/^1 av (\d+) öppna: Kommunledning!/);
    const total = Number(/av (\d+)/.exec((await position.textContent()) as string)?.[1]);
    await page.getByTestId('step-next').click();
    await expect(position.textContent()).resolves.toMatch(new RegExp(`^2 av ${total} öppna: `));
    await page.getByTestId('step-previous').click();
    await page.getByTestId('step-previous').click();
    // Before the first comes the last: on the workbook's last sheet, Kommentarer (its comments that disagree with the tables).
    await expect(position.textContent()).resolves.toMatch(new RegExp(`^${total} av ${total} öppna: Kommentarer!`));
    await expect(page.getByTestId('error').count()).resolves.toBe(0);
  });

  it('Exportera granskning writes the sheet in one step that Ångra undoes', async () => {
    const { page, origin } = pane;
    await page.goto(`${origin}/taskpane.html`);
    await validate(page);
    const open = await page.locator('[data-testid="finding"]').count();
    await page.getByTestId('export-review').click();
    await expect(page.getByTestId('notice').textContent()).resolves.toBe(`Bladet Granskning skrevs med ${open} avvikelser.`);
    await page.getByRole('button', { name: 'Ångra', exact: true }).click();
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(/^Återställde \d+ celler/);
    expect(pane.foreign).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});
