/**
 * The Resultat view in Chromium (production build, demo mode, Swedish), as a
 * controller uses it: the counts choose which severity the list shows, the
 * fix preview shows formulas as a Swedish Excel does and fits the pane, the
 * undo line names what was done. At 270, 320 and 350 px: no sideways
 * scrolling, no serious accessibility violation, a screenshot of each view.
 */
import type { Page } from 'playwright-core';
import { WIDTHS, axeSeriousViolations, openBrowser, openPane, screenshot, sidewaysOverflow, tooWide, validate, type PaneBrowser } from './browser-pane';

jest.setTimeout(300_000);

async function severities(page: Page): Promise<string[]> {
  return page.getByTestId('finding').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-severity') ?? ''))].sort());
}

/** The figure in a count button's label (`Fel: 3` → 3). */
async function countIn(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
}

/** Every finding drawn (a long list draws the first ones first). */
async function allDrawn(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid="findings"]');
    return list !== null && list.getAttribute('data-drawn') === list.getAttribute('data-total');
  });
  return page.getByTestId('finding').count();
}

describe('Resultat in the browser', () => {
  let pb: PaneBrowser;
  beforeAll(async () => {
    pb = await openBrowser();
  });
  afterAll(async () => {
    await pb?.close();
  });

  it('the counts are the one severity filter: a click shows that severity, a second click all again', async () => {
    const page = await openPane(pb);
    await validate(page);
    const total = await allDrawn(page);
    await expect(page.getByTestId('count-all').getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await countIn(page, 'count-all')).toBe(total);
    // No second control for the same thing.
    await expect(page.getByText('Visa bara fel').count()).resolves.toBe(0);
    await expect(page.getByRole('switch').count()).resolves.toBe(0);

    await page.getByTestId('count-error').click();
    await expect(page.getByTestId('count-error').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByTestId('count-all').getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await severities(page)).toEqual(['error']);
    expect(await allDrawn(page)).toBe(await countIn(page, 'count-error'));
    await expect(page.getByTestId('findings-shown').textContent()).resolves.toBe(`Visar ${await countIn(page, 'count-error')} av ${total}`);

    await page.getByTestId('count-warning').click();
    expect(await severities(page)).toEqual(['warning']);
    expect(await allDrawn(page)).toBe(await countIn(page, 'count-warning'));

    // Pressed again: all severities.
    await page.getByTestId('count-warning').click();
    expect(await allDrawn(page)).toBe(total);
    expect((await severities(page)).length).toBeGreaterThan(1);

    // From another view a count brings the list back, filtered.
    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByTestId('count-error').click();
    await expect(page.getByRole('tab', { name: 'Resultat' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(await severities(page)).toEqual(['error']);
  });

  it('the fix preview shows formulas as a Swedish Excel does, and the undo line names what was done', async () => {
    const page = await openPane(pb);
    await validate(page);
    await page.getByTestId('open-fix-preview').click();
    await page.getByTestId('planned-edit').first().waitFor();
    const after = await page.getByTestId('planned-after').allTextContents();
    const formulas = after.filter((a) => a.startsWith('='));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) {
      expect(f).toMatch(/^=OM\(/);
      expect(f).not.toMatch(/\bIF\(|\bOR\(|\bSIGN\(/);
      expect(f).not.toMatch(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/); // no comma outside quotes: ; separates the arguments
    }
    await page.getByTestId('apply-fixes').click();
    await page.getByTestId('notice').waitFor();
    await expect(page.getByTestId('last-change').textContent()).resolves.toMatch(
      /^Senaste ändring: Ersatte #DIVISION\/0! (i förändringen i procent|och procent som teckenbyte gör meningslösa) \(\d+ celler\)$/,
    );
    await page.getByTestId('undo').click();
    await page.getByTestId('notice').filter({ hasText: 'Återställde' }).waitFor();
  });

  it('the advice names the marker Inställningar writes, and a setting the checks use validates again at once', async () => {
    const page = await openPane(pb);
    await validate(page);
    const div0 = page.locator('[data-testid="finding"][data-rule="div0"]').first();
    await expect(div0.textContent()).resolves.toContain('Åtgärda ersätter den med ”–”');
    await expect(div0.textContent()).resolves.not.toContain('e.j.');
    const signFlips = page.locator('[data-testid="finding"][data-rule="sign-flip"]');
    expect(await signFlips.count()).toBeGreaterThan(0);
    await expect(signFlips.first().textContent()).resolves.toContain('Åtgärda ersätter den med ”–”');
    const fixes = await page.getByTestId('open-fix-preview').textContent();

    await page.getByRole('tab', { name: 'Inställningar' }).click();
    await page.getByRole('radio', { name: 'e.j.' }).check();
    await page.getByRole('switch', { name: /byter tecken/ }).uncheck();
    await page.getByRole('tab', { name: 'Resultat' }).click();
    // Validated again without a click on Validera: the sign changes are no longer findings, nor fixes.
    await page.locator('[data-testid="validate"]:not([disabled])').waitFor();
    await expect(signFlips.count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="finding"][data-rule="div0"]').first().textContent()).resolves.toContain('Åtgärda ersätter den med ”e.j.”');
    await expect(page.getByTestId('open-fix-preview').textContent()).resolves.not.toBe(fixes);
  });

  it.each(WIDTHS)('at %i px: the preview wraps formulas at their separators, no view scrolls sideways, no serious accessibility violation', async (width) => {
    await pb.page.setViewportSize({ width, height: 900 });
    const page = await openPane(pb);
    await screenshot(page, `taskpane-${width}-start`);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await validate(page);
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, `taskpane-${width}-findings`);

    await page.getByTestId('open-fix-preview').click();
    await page.getByTestId('planned-edit').first().waitFor();
    const layout = await page.getByTestId('planned-edit').evaluateAll((els) =>
      els.map((e) => {
        const sheet = e.querySelector('[data-testid="planned-edit-sheet"]') as HTMLElement;
        const lineHeight = parseFloat(getComputedStyle(sheet).lineHeight);
        return { height: e.getBoundingClientRect().height, sheetLines: Math.round(sheet.getBoundingClientRect().height / lineHeight) };
      }),
    );
    for (const l of layout) {
      expect(l.sheetLines).toBe(1); // the sheet name is never broken mid-word
      expect(l.height).toBeLessThan(150); // a formula takes a few lines, not one a character
    }
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, `taskpane-${width}-preview`);

    // Kommentarer: the table picker fits too.
    await page.getByRole('tab', { name: 'Kommentarer' }).click();
    await page.getByTestId('comments-table').waitFor();
    await page.getByTestId('draft').first().waitFor();
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, `taskpane-${width}-comments`);
  });
});
