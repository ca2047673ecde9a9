/**
 * The engine on the 100 000-row stress workbook, three times, for a CPU profile:
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-engine.ts
 */
import { performance } from 'perf_hooks';
import { checkWorkbook } from '../src/engine/check';
import { draftCommentary } from '../src/engine/commentary';
import { generatedWorkbook } from '../src/example/generate';

const grid = generatedWorkbook(100, 994);
for (let i = 0; i < 3; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = checkWorkbook(grid);
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  const drafts = draftCommentary(result, grid, { lang: 'sv' });
  const t2 = performance.now();
  const c2 = process.cpuUsage(c0);
  const cpu = (c: NodeJS.CpuUsage): string => ((c.user + c.system) / 1000).toFixed(0);
  process.stdout.write(
    `check ${(t1 - t0).toFixed(0)} ms (cpu ${cpu(c1)}; ${result.findings.length} findings), check + drafts ${(t2 - t0).toFixed(0)} ms (cpu ${cpu(c2)}; ${drafts.units.length} units)\n`,
  );
}
