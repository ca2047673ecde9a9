/**
 * The task pane's main-thread CPU time, for A/B comparisons of builds on a
 * loaded machine (where wall times swing 1,5–3 × with other jobs, CPU time
 * far less): each build in headless Chromium in demo mode (`?demo=bench40`),
 * opened, Validera clicked as soon as it shows, alternating between the
 * builds, with a Chromium trace; from the trace the CPU time (`tdur`) of the
 * renderer's main-thread tasks: navigation → the frame that shows Validera,
 * → the task of the click, → the frame that shows the first findings.
 *   npx tsx bench/taskpane-cpu.ts <dist-a> [<dist-b> …] [--rounds 5] [--wait ms]
 * `--wait` clicks that long after Validera shows (an economist does not click
 * within 0,3 s). Build a folder with `npx webpack --mode production --output-path DIR`.
 */
import * as os from 'os';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../test/helpers/static-server';
import { median, takeNumberOption } from './timing';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** As bench/taskpane.ts's page clock, and a User Timing mark for each moment, so the trace has them. */
const PAGE_CLOCK = `(() => {
  const b = (window.bench = {});
  const stamp = (key) => { b[key] = performance.now(); performance.mark('bench:' + key); };
  const after = (key) => { b[key] = -1; requestAnimationFrame(() => setTimeout(() => stamp(key), 0)); };
  const look = () => {
    if (b.ready === undefined && [...document.querySelectorAll('button')].some((x) => x.textContent === 'Validera')) after('ready');
    if (b.findings === undefined && document.querySelector('[data-testid="finding"]') !== null) after('findings');
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  document.addEventListener('click', () => { if (b.click === undefined) stamp('click'); }, true);
})();`;

type Run = Record<'ready' | 'click' | 'findings' | 'cpuToReady' | 'cpuToClick' | 'cpuClickToList' | 'cpuToList', number>;

async function once(browser: Browser, origin: string, waitMs: number): Promise<Run> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 320, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(PAGE_CLOCK);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
  await page.goto(`${origin}/taskpane.html?demo=bench40`, { waitUntil: 'commit' });
  const validate = page.getByRole('button', { name: 'Validera', exact: true });
  await validate.waitFor();
  if (waitMs > 0) await page.waitForTimeout(waitMs);
  await validate.click();
  await page.locator('[data-testid="finding"]').first().waitFor();
  await page.waitForFunction('window.bench.findings > 0');
  const trace = await browser.stopTracing();
  const at = (await page.evaluate('({ ready: window.bench.ready, click: window.bench.click, findings: window.bench.findings })')) as { ready: number; click: number; findings: number };
  await context.close();
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = (name: string): TraceEvent => {
    const e = events.find((x) => x.name === name && x.cat.includes('user_timing'));
    if (e === undefined) throw new Error(`no ${name} in the trace`);
    return e;
  };
  const [ready, click, findings] = [mark('bench:ready'), mark('bench:click'), mark('bench:findings')];
  const onMain = (e: TraceEvent): boolean => e.pid === findings.pid && e.tid === findings.tid;
  // Top-level tasks of the main thread, once each (nested task events of the same start are counted once).
  const tasks: TraceEvent[] = [];
  for (const e of events) {
    if (!onMain(e) || e.ph !== 'X' || (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask')) continue;
    const last = tasks[tasks.length - 1];
    if (last !== undefined && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  tasks.sort((a, b) => a.ts - b.ts);
  /** Start of the task a moment falls in (a click's work runs in the task that received it). */
  const taskStart = (ts: number): number => tasks.find((t) => t.ts <= ts && ts <= t.ts + (t.dur ?? 0))?.ts ?? ts;
  const cpu = (from: number, to: number): number => tasks.filter((t) => t.ts >= from && t.ts < to).reduce((n, t) => n + (t.tdur ?? 0), 0) / 1000;
  const nav = findings.ts - at.findings * 1000;
  const readyAt = taskStart(ready.ts);
  const clickAt = taskStart(click.ts);
  return {
    ...at,
    cpuToReady: cpu(nav, readyAt),
    cpuToClick: cpu(nav, clickAt),
    cpuClickToList: cpu(clickAt, findings.ts + 1),
    cpuToList: cpu(nav, findings.ts + 1),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number): number => takeNumberOption(args, name, dflt);
  const rounds = opt('--rounds', 5);
  const waitMs = opt('--wait', 0);
  const dirs = args;
  if (dirs.length === 0) throw new Error('usage: npx tsx bench/taskpane-cpu.ts <dist> [<dist> …] [--rounds N] [--wait ms]');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const servers = await Promise.all(dirs.map((d) => serveStatic(d)));
  const load0 = os.loadavg()[0] ?? 0;
  try {
    const runs = new Map<string, Run[]>(dirs.map((d) => [d, []]));
    for (let r = -1; r < rounds; r++) {
      for (const [i, dir] of dirs.entries()) {
        const run = await once(browser, `http://127.0.0.1:${(servers[i]?.address() as AddressInfo).port}`, waitMs);
        if (r >= 0) runs.get(dir)?.push(run); // round -1 warms the disk cache and the servers
      }
    }
    process.stdout.write(`${rounds} alternated rounds, click ${waitMs} ms after Validera shows, load ${load0.toFixed(1)} → ${(os.loadavg()[0] ?? 0).toFixed(1)}; medians, ms:\n`);
    for (const [dir, xs] of runs) {
      const m = (k: keyof Run): string => median(xs.map((x) => x[k])).toFixed(0);
      process.stdout.write(
        `${dir}: wall: ready ${m('ready')}, click ${m('click')}, list ${m('findings')} | main-thread CPU: → ready ${m('cpuToReady')}, → click ${m('cpuToClick')}, click → list ${m('cpuClickToList')}, → list ${m('cpuToList')}\n`,
      );
    }
  } finally {
    await browser.close();
    for (const s of servers) s.close();
  }
}

void main();
