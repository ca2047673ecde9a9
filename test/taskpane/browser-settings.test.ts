/**
 * Inställningar in Chromium (production build, demo mode): thresholds typed
 * the Swedish way (`1,5`) or the English way (`1.5`) mean the same, are shown
 * with a decimal comma, a field can be emptied, and what is not a number is
 * said so under the field and never saved. Readable at 270, 320 and 350 px.
 */
import { WIDTHS, axeSeriousViolations, openBrowser, openPane, screenshot, sidewaysOverflow, storedSettings, tooWide, type PaneBrowser } from './browser-pane';

jest.setTimeout(300_000);

describe('Inställningar in the browser', () => {
  let pb: PaneBrowser;
  beforeAll(async () => {
    pb = await openBrowser();
  });
  afterAll(async () => {
    await pb?.close();
  });

  it('takes 1,5 and 1.5 as one and a half, shows 0,5, lets a field be emptied and saves nothing that is not a number', async () => {
    const page = await openPane(pb);
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    const mnkr = page.getByTestId('materiality-mnkr');
    const percent = page.getByTestId('materiality-percent');
    const tolerance = page.getByTestId('tolerance');
    await expect(mnkr.inputValue()).resolves.toBe('0,5');

    // Emptied with the keyboard: the field is empty (not 0), says what to do, and nothing is saved.
    await mnkr.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await expect(mnkr.inputValue()).resolves.toBe('');
    expect(await page.getByTestId('settings').innerText()).toContain('Skriv ett tal. Inget är sparat: 0,5 gäller.');
    expect((await storedSettings(page))?.materialityMnkr).toBeUndefined();

    await page.keyboard.type('1,5');
    await page.keyboard.press('Enter');
    await expect(mnkr.inputValue()).resolves.toBe('1,5');
    expect((await storedSettings(page))?.materialityMnkr).toBe(1.5);

    // 7.5 typed with a point is 7,5 %, shown with a comma once the field is left.
    await percent.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7.5');
    await tolerance.click();
    expect((await storedSettings(page))?.materialityPercent).toBe(7.5);
    await expect(percent.inputValue()).resolves.toBe('7,5');

    // Not a number: said so, with the value that still holds; nothing saved, also after leaving the field.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2x');
    await mnkr.click();
    await expect(tolerance.inputValue()).resolves.toBe('2x');
    expect(await page.getByTestId('settings').innerText()).toContain('”2x” är inte ett tal. Skriv till exempel 1,5. Inget är sparat: 0 gäller.');
    await expect(tolerance.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await storedSettings(page))?.tolerance).toBe(0);

    // Out of range: 150 % is refused the same way.
    await percent.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('150');
    expect(await page.getByTestId('settings').innerText()).toContain('Skriv ett tal från 0 till 100. Inget är sparat: 7,5 gäller.');
    expect((await storedSettings(page))?.materialityPercent).toBe(7.5);

    // What was saved is what the pane shows after a reload.
    await openPane(pb, { keepSettings: true });
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await expect(page.getByTestId('materiality-mnkr').inputValue()).resolves.toBe('1,5');
    await expect(page.getByTestId('materiality-percent').inputValue()).resolves.toBe('7,5');
    expect(pb.pageErrors).toEqual([]);
  });

  it.each(WIDTHS)('fits %i px without sideways scrolling and has no serious accessibility violation', async (width) => {
    await pb.page.setViewportSize({ width, height: 900 });
    const page = await openPane(pb);
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByTestId('materiality-mnkr').fill('abc'); // the error message too
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, `taskpane-${width}-settings`);
  });
});
