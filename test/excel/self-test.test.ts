/**
 * Självtest on the simulated Excel: every path passes on each requirement
 * set the add-in supports, the workbook is exactly as before (the user's
 * sheets and marks untouched, no self-test sheet left), and a failure is
 * reported with its Office.js error code while the cleanup still runs.
 */
import { seedAsWorkbook } from '../../src/example/seed';
import { memoryStore } from '../../src/excel/changelog';
import { formatSelfTestReport, SELF_TEST_PREFIX, SELF_TEST_STEPS, type SelfTestStep } from '../../src/excel/self-test';
import { runSelfTest } from '../../src/excel/self-test';
import { TestHost, type TestHostOptions } from '../../src/excel/simulated';
import { createActions } from '../../src/excel/workbook-actions';
import { loadSeed } from '../helpers/seed';

function setup(options: TestHostOptions) {
  const host = new TestHost(seedAsWorkbook(loadSeed()), options);
  return { host, actions: createActions(host, { store: memoryStore() }) };
}

describe('Självtest', () => {
  it.each([
    ['1.7', 'windows'],
    ['1.9', 'mac'],
    ['1.18', 'windows'],
    ['1.20', 'windows'],
    ['1.20', 'web'],
  ] as const)('ExcelApi %s on %s: every step OK (notes skipped before 1.18), and the workbook is exactly as before', async (apiVersion, platform) => {
    const { host, actions } = setup({ apiVersion, platform });
    const before = host.snapshot();
    const report = await actions.selfTest();
    const outcomes = Object.fromEntries(report.steps.map((s) => [s.id, s.outcome]));
    expect(outcomes).toEqual({
      sheet: 'ok',
      read: 'ok',
      marks: 'ok',
      'fix-undo': 'ok',
      notes: apiVersion === '1.18' || apiVersion === '1.20' ? 'ok' : 'skipped',
      comments: 'ok',
      chart: 'ok',
      storage: 'ok',
      cleanup: 'ok',
    });
    // The chart step names the type it drew: a waterfall where ExcelApi 1.9 has it.
    expect(report.steps.find((s) => s.id === 'chart')?.detail).toBe(apiVersion === '1.7' ? 'BarClustered' : 'Waterfall');
    expect(report.cleanedUp).toBe(true);
    expect(host.snapshot()).toBe(before);
    expect(host.sheets.some((s) => s.name.startsWith(SELF_TEST_PREFIX))).toBe(false);
    expect(report.sets[`ExcelApi ${apiVersion}`]).toBe(true);
  });

  it("never touches the user's sheets: their marks stay", async () => {
    const { host, actions } = setup({ apiVersion: '1.9' });
    await actions.validate({ mark: true });
    const marked = host.snapshot();
    const report = await actions.selfTest();
    expect(report.steps.every((s) => s.outcome !== 'failed')).toBe(true);
    expect(host.snapshot()).toBe(marked);
  });

  it('a failing step is reported with its Office.js error code; the cleanup still runs', async () => {
    const { host } = setup({ apiVersion: '1.9' });
    const before = host.snapshot();
    const failing: SelfTestStep = {
      id: 'lost',
      title: 'a request whose connection drops',
      run: async ({ host: h, sheet }) => {
        host.dropConnection({ onSync: 1 });
        await h.run(async (context) => {
          context.workbook.worksheets.getItem(sheet).getRange('A1').load('values');
          await context.sync();
        });
      },
    };
    const report = await runSelfTest(host, { store: memoryStore(), scratch: (h, s) => createActions(h, { store: s }) }, [...SELF_TEST_STEPS.slice(0, 2), failing]);
    expect(report.steps.find((s) => s.id === 'lost')).toMatchObject({ outcome: 'failed', code: 'ConnectionFailure' });
    expect(report.cleanedUp).toBe(true);
    expect(host.snapshot()).toBe(before);
    const text = formatSelfTestReport(report);
    expect(text).toMatch(/^Avvikelsekollen självtest /);
    expect(text).toContain('FEL  lost: a request whose connection drops');
    expect(text).toContain('[ConnectionFailure]');
    expect(text).toContain('ExcelApi 1.9 ja');
    expect(text).toContain('ExcelApi 1.16 nej');
  });
});
