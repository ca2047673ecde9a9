/**
 * The finding cards, what was checked, the jump to the cell, Skriv till
 * bladet Kommentarer, accessibility and words, in Chromium (production
 * build, demo mode): as a controller reads them at 270, 320 and 350 px.
 */
import type { Page } from 'playwright-core';
import { WIDTHS, axeSeriousViolations, openBrowser, openPane, screenshot, sidewaysOverflow, tooWide, validate, type PaneBrowser } from './browser-pane';

jest.setTimeout(300_000);

/** The levels of the page's headings in document order. */
async function headingLevels(page: Page): Promise<number[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.tagName.slice(1))));
}

describe('finding cards, what was checked, the jump to the cell, the comments sheet, accessibility, words', () => {
  let pb: PaneBrowser;
  beforeAll(async () => {
    pb = await openBrowser();
  });
  afterAll(async () => {
    await pb?.close();
  });

  it.each(WIDTHS)('at %i px a card shows its cell first, keeps the severity beside it, and gives figures their unit', async (width) => {
    await pb.page.setViewportSize({ width, height: 900 });
    const page = await openPane(pb);
    await validate(page);
    const cards = await page.getByTestId('finding').evaluateAll((els) =>
      els.map((button) => {
        const cell = button.querySelector('[data-testid="finding-cell"]') as HTMLElement;
        const badge = cell.nextElementSibling as HTMLElement;
        const first = button.textContent ?? '';
        return {
          startsWithCell: first.startsWith(cell.textContent ?? '-'),
          sameLine: Math.abs(cell.getBoundingClientRect().top + cell.getBoundingClientRect().height / 2 - (badge.getBoundingClientRect().top + badge.getBoundingClientRect().height / 2)) < 6,
          values: (button.querySelector('[data-testid="finding-values"]')?.textContent ?? '').trim(),
          name: button.getAttribute('aria-label'),
        };
      }),
    );
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) {
      expect(c.startsWithCell).toBe(true);
      expect(c.sameLine).toBe(true);
      expect(c.name).toBeNull(); // the accessible name is the visible text
      // A figure carries its unit, joined by a non-breaking space.
      for (const m of c.values.matchAll(/(Förväntat|Faktiskt): ([^F]*?)(?=Faktiskt:|$)/g)) {
        const v = (m[2] as string).trim();
        if (/^[−-]?\d[\d\u00a0]*(,\d+)?$/.test(v)) throw new Error(`figure without unit: ${v}`);
      }
    }
    const withFigures = cards.filter((c) => /\d\u00a0(%|tkr|mnkr|kr)/.test(c.values));
    expect(withFigures.length).toBeGreaterThan(0);
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  it('lists every table found with its columns and sign convention, and the rules that ran', async () => {
    await pb.page.setViewportSize({ width: 320, height: 900 });
    const page = await openPane(pb);
    await validate(page);
    const checked = (await page.getByTestId('checked').textContent()) ?? '';
    const tables = Number(/(\d+) tabeller/.exec(checked)?.[1]);
    await page.getByTestId('checked-tables').locator('summary').click();
    await expect(page.getByTestId('checked-table').count()).resolves.toBe(tables);
    const texts = await page.getByTestId('checked-table').allTextContents();
    for (const t of texts) {
      expect(t).toMatch(/Kolumner: .*Utfall [A-Z]+/);
      expect(t).toMatch(/kostnader (negativa|positiva)/);
      expect(t).toMatch(/belopp i (tkr|mnkr|kr)/);
      expect(t).toMatch(/Inga anmärkningar|\d+ anmärkning/);
    }
    const rules = (await page.getByTestId('rules-run').textContent()) ?? '';
    expect(rules).toContain('Division med noll');
    expect(rules).toContain('Avvikelsen stämmer inte');
    await screenshot(page, 'taskpane-320-checked');

    // "Varför?" where a finding has its calculation: the cells, their values, the result and what the cell shows.
    const why = page.getByTestId('why');
    if ((await why.count()) > 0) {
      await why.first().click();
      await expect(page.getByTestId('why-text').first().textContent()).resolves.toMatch(/^[A-Z]+\d+ = .+: .+ = .+, cellen visar .+$/);
    }
  });

  it('a click on a finding selects its cell: in demo mode a picture of the table shows the cell and the marks', async () => {
    const page = await openPane(pb);
    await validate(page);
    const finding = page.locator('[data-testid="finding"][data-rule="div0"]').first();
    const where = (await finding.getAttribute('data-cell')) as string;
    const severity = (await finding.getAttribute('data-severity')) as string;
    await finding.click();
    const sheet = page.getByTestId('demo-sheet');
    await sheet.waitFor();
    await expect(sheet.getAttribute('data-selected')).resolves.toBe(where);
    const cell = sheet.locator('td[data-selected="true"]');
    await expect(cell.getAttribute('data-cell')).resolves.toBe(where.slice(where.indexOf('!') + 1));
    await expect(cell.getAttribute('data-mark')).resolves.toBe(severity);
    await expect(cell.isVisible()).resolves.toBe(true);
    expect(await sheet.locator('td[data-mark]').count()).toBeGreaterThan(1);
    await expect(page.getByTestId('error').count()).resolves.toBe(0);
    expect(await tooWide(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await screenshot(page, 'taskpane-320-demo-sheet');
  });

  it('Skriv till bladet Kommentarer says it writes every table, and its message and the undo line count the same cells', async () => {
    const page = await openPane(pb);
    await validate(page);
    await page.getByRole('tab', { name: 'Kommentarer' }).click();
    const write = page.getByTestId('write-comments');
    await write.waitFor();
    await expect(write.textContent()).resolves.toBe('Skriv alla tabellers utkast till bladet Kommentarer');
    await expect(page.getByTestId('comments-view').textContent()).resolves.toMatch(/Skriver utkasten för alla \d+ tabeller, inte bara den som visas här/);
    await write.click();
    const notice = (await page.getByTestId('notice').textContent()) ?? '';
    const undoLine = (await page.getByTestId('comments-last-change').textContent()) ?? '';
    const cells = /\((\d[\d\u00a0]*) celler\)/.exec(notice)?.[1];
    expect(cells).toBeDefined();
    expect(undoLine).toBe(`Senaste ändring: Skrev utkast till bladet Kommentarer (${cells} celler)`);
    await page.getByTestId('comments-undo').click();
    await page.getByTestId('notice').filter({ hasText: 'Återställde' }).waitFor();
  });

  it('headings are in order in every view, and no view has a serious accessibility violation', async () => {
    const page = await openPane(pb);
    await validate(page);
    await page.getByTestId('open-fix-preview').click();
    await page.getByTestId('planned-edit').first().waitFor();
    await page.getByTestId('finding').first().click();
    await page.getByTestId('demo-sheet').waitFor();
    for (const tab of ['Resultat', 'Kommentarer', 'Inställningar']) {
      await page.getByRole('tab', { name: tab }).click();
      if (tab === 'Kommentarer') await page.getByTestId('draft').first().waitFor();
      if (tab === 'Inställningar') await page.getByTestId('settings').waitFor();
      const levels = await headingLevels(page);
      expect(levels[0]).toBe(1);
      levels.forEach((l, i) => expect([tab, i, l - (levels[i - 1] ?? 0) <= 1]).toEqual([tab, i, true]));
      expect(await axeSeriousViolations(page)).toEqual([]);
    }
  });

  it('in English every control, heading and figure label is English; the marker written stays the setting', async () => {
    const page = await openPane(pb, { lang: 'en' });
    await validate(page);
    await page.getByTestId('checked-tables').locator('summary').click();
    const ui = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll(
          'button:not([data-testid="finding"]), [role="tab"], h1, label, summary, [data-testid="finding-values"], [data-testid="checked-table"] span:not(:first-child), [data-testid="rules-run"], [data-testid="checked"]',
        ),
      )
        .map((e) => e.textContent ?? '')
        .join(' | '),
    );
    expect(ui).toContain('Validate');
    expect(ui).not.toMatch(/\b(Validera|Kontrollerat|Förväntat|Faktiskt|Åtgärda|Ångra|Visa|Alla|Varningar|Fel|positiv|negativ|avvikelse|Inställningar|Resultat|Kolumner|rader|kostnader|Regler)\b/);
    await page.getByTestId('open-fix-preview').click();
    await page.getByTestId('planned-edit').first().waitFor();
    const after = await page.getByTestId('planned-after').allTextContents();
    expect(after.some((a) => a.includes('–'))).toBe(true); // the marker is the setting, in any language
    await screenshot(page, 'taskpane-320-english');
  });
});
