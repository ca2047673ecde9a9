/**
 * Självtest in the production build of the pane (Chromium, demo mode,
 * offline): under Inställningar it runs against the simulated Excel, every
 * step passes, the cleanup is confirmed and the report can be read.
 */
import { openPaneBrowser, type PaneBrowser } from '../helpers/browser';

jest.setTimeout(300_000);

describe('Självtest under Inställningar (Chromium, demo mode)', () => {
  let pane: PaneBrowser;

  beforeAll(async () => {
    pane = await openPaneBrowser();
  });

  afterAll(async () => {
    await pane?.close();
  });

  it('runs every step against the simulated Excel and shows a report to copy', async () => {
    const { page, origin } = pane;
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByRole('button', { name: 'Kör självtest' }).click();
    const summary = page.getByTestId('self-test-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/^Alla \d+ steg gick bra\.$/);
    const report = (await page.getByTestId('self-test-report').textContent()) ?? '';
    expect(report).toMatch(/^Avvikelsekollen självtest /);
    expect(report).toContain('Excel: simulerad Excel (ExcelApi 1.9)');
    expect(report).toContain('OK  read:');
    expect(report).toContain('Städning: klar, inga spår kvar.');
    await page.getByRole('button', { name: 'Kopiera rapporten' }).click();
    expect(pane.pageErrors).toEqual([]);
  });
});
