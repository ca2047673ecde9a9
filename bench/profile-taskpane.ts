/**
 * A CPU profile of the task pane's main thread in headless Chromium, from
 * navigation to the rendered findings list (demo mode, `?demo=bench40`), the
 * same way `bench/taskpane.ts` opens and clicks it:
 *   npx tsx bench/profile-taskpane.ts [dist-folder] [runs]
 * Prints, per phase (navigation → Validera shown → click → first finding),
 * the main thread's busy time and its heaviest functions (self time, by
 * script), and writes the last run's profile to artifacts/taskpane.cpuprofile
 * (open it in Chrome DevTools' Performance panel).
 */
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { launchChromium } from '../test/helpers/chromium';
import { serveStatic } from '../test/helpers/static-server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.join(__dirname, '..');
const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const runs = Number(process.argv[3] ?? 3);
const sheets = Number(process.env.SHEETS ?? 40);
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const CLOCK = `(() => {
  const b = (window.bench = {});
  // A 3 ms busy loop of a known name: its first sample ties the profile's clock to the page's.
  (function avkClockAnchor() { const t = performance.now(); while (performance.now() - t < 3); b.anchor = t; })();
  const after = (key) => { b[key] = -1; requestAnimationFrame(() => setTimeout(() => { b[key] = performance.now(); }, 0)); };
  const look = () => {
    if (b.ready === undefined && [...document.querySelectorAll('button')].some((x) => x.textContent === 'Validera')) after('ready');
    if (b.findings === undefined && document.querySelector('[data-testid="finding"]') !== null) after('findings');
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
  document.addEventListener('click', () => { if (b.click === undefined) b.click = performance.now(); }, true);
})();`;

function short(url: string): string {
  return url.replace(/^.*\//, '') || '(native)';
}

async function main(): Promise<void> {
  const server = await serveStatic(dist);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium(OFFLINE);
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 320, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
      await page.addInitScript(CLOCK);
      await cdp.send('Profiler.start');
      // performance.now() of the page is relative to its navigation start; the profile's clock is the monotonic one.
      await page.goto(`${origin}/taskpane.html?demo=bench${sheets}`, { waitUntil: 'commit' });
      const validate = page.getByRole('button', { name: 'Validera', exact: true });
      await validate.waitFor();
      await validate.click();
      await page.locator('[data-testid="finding"]').first().waitFor();
      await page.waitForFunction('window.bench.findings > 0');
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const marks = (await page.evaluate(
        '({ anchor: window.bench.anchor, ready: window.bench.ready, click: window.bench.click, findings: window.bench.findings, origin: performance.timeOrigin, v0: performance.getEntriesByName("avk:validate:start")[0]?.startTime, v1: performance.getEntriesByName("avk:validate:end")[0]?.startTime })',
      )) as { anchor: number; ready: number; click: number; findings: number; origin: number; v0?: number; v1?: number };
      await context.close();
      if (run === 0 && runs > 1) continue; // warm-up
      // Profile timestamps are µs on the monotonic clock; map them to the page's clock by the first sample near navigation.
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      let t = profile.startTime;
      const samples: { at: number; node: ProfileNode; dt: number }[] = [];
      for (let i = 0; i < profile.samples.length; i++) {
        t += profile.timeDeltas[i] as number;
        const next = profile.timeDeltas[i + 1] ?? 0;
        samples.push({ at: t, node: byId.get(profile.samples[i] as number) as ProfileNode, dt: next / 1000 });
      }
      const anchor = samples.find((s) => s.node.callFrame.functionName === 'avkClockAnchor');
      if (anchor === undefined) throw new Error('no anchor sample');
      const nav = anchor.at / 1000 - marks.anchor;
      const phases: [string, number, number][] = [
        ['load → ready', 0, marks.ready],
        ['ready → click', marks.ready, marks.click],
        ['click → list', marks.click, marks.findings],
      ];
      console.log(
        `run ${run}: ready ${marks.ready.toFixed(0)} click ${marks.click.toFixed(0)} list ${marks.findings.toFixed(0)} validate ${((marks.v1 ?? NaN) - (marks.v0 ?? NaN)).toFixed(0)} (from ${(marks.v0 ?? NaN).toFixed(0)})`,
      );
      for (const [name, from, to] of phases) {
        // Page clock ≈ profile clock − first boot sample + (its own page time, unknown): report relative to boot's first sample.
        const inPhase = samples.filter((s) => {
          const rel = s.at / 1000 - nav;
          return rel >= from && rel < to;
        });
        const busy = inPhase.filter((s) => !['(idle)', '(program)', '(garbage collector)'].includes(s.node.callFrame.functionName));
        const gc = inPhase.filter((s) => s.node.callFrame.functionName === '(garbage collector)').reduce((n, s) => n + s.dt, 0);
        const prog = inPhase.filter((s) => s.node.callFrame.functionName === '(program)').reduce((n, s) => n + s.dt, 0);
        const total = busy.reduce((n, s) => n + s.dt, 0);
        const byFn = new Map<string, number>();
        const byUrl = new Map<string, number>();
        for (const s of busy) {
          const k = `${s.node.callFrame.functionName || '(anon)'} ${short(s.node.callFrame.url)}:${s.node.callFrame.lineNumber}:${s.node.callFrame.columnNumber}`;
          byFn.set(k, (byFn.get(k) ?? 0) + s.dt);
          const u = short(s.node.callFrame.url);
          byUrl.set(u, (byUrl.get(u) ?? 0) + s.dt);
        }
        console.log(`  ${name} (${(to - from).toFixed(0)} ms): js ${total.toFixed(0)} ms, program ${prog.toFixed(0)} ms, gc ${gc.toFixed(0)} ms`);
        console.log(
          `    by script: ${[...byUrl]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 6)
            .map(([k, v]) => `${k} ${v.toFixed(0)}`)
            .join(', ')}`,
        );
        for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    ${v.toFixed(1).padStart(6)} ms ${k}`);
      }
      fs.mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
      fs.writeFileSync(path.join(ROOT, 'artifacts', 'taskpane.cpuprofile'), JSON.stringify(profile));
    }
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
