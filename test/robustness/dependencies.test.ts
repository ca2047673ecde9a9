/**
 * What ships (the production dependency tree in package-lock.json) against
 * the advisories known for it. `npm audit --omit=dev` needs the
 * registry's advisory service; this test needs nothing and fails the moment
 * the lockfile brings back a version an advisory names. Severity as GitHub's
 * advisory database gives it.
 */
import * as fs from 'fs';
import * as path from 'path';

interface LockPackage {
  version: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** Every installed copy of each production package (nested copies too), by name. */
function productionTree(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, p] of Object.entries(lock.packages)) {
    if (key === '' || p.dev === true) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    out.set(name, [...(out.get(name) ?? []), p.version]);
  }
  return out;
}

function atLeast(version: string, floor: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Package, major line, first fixed version, advisories (severity). */
const FIXED: [string, number, string, string][] = [
  ['minimatch', 3, '3.1.5', 'GHSA-3ppc-4f35-3m26, GHSA-7r86-cg39-jmmj, GHSA-23c5-xmqv-rm74 (high, ReDoS)'],
  ['minimatch', 5, '5.1.9', 'GHSA-3ppc-4f35-3m26, GHSA-7r86-cg39-jmmj, GHSA-23c5-xmqv-rm74 (high, ReDoS)'],
  ['tmp', 0, '0.2.4', 'GHSA-52f5-9888-hmc6 (symlink write)'],
  ['brace-expansion', 1, '1.1.12', 'GHSA-v6h2-p8h4-qcjw (low, ReDoS)'],
  ['brace-expansion', 2, '2.0.2', 'GHSA-v6h2-p8h4-qcjw (low, ReDoS)'],
  ['jszip', 3, '3.8.0', 'GHSA-jg8v-48h5-wgxg, GHSA-36fh-84j7-cv5h (prototype pollution, zip slip)'],
  ['fstream', 1, '1.0.12', 'CVE-2019-13173 (high, arbitrary file overwrite)'],
];

describe('the production dependency tree', () => {
  const tree = productionTree();

  it("ships the .xlsx reader's XML library and the task pane's libraries only (no development tool in production)", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@borgar/fx', '@fast-csv/format', '@fluentui/react-components', '@microsoft/office-js', 'react', 'react-dom', 'saxes']);
    for (const dev of ['exceljs', '@e965/xlsx']) expect(tree.has(dev)).toBe(false);
    for (const dev of ['webpack', 'webpack-dev-server', 'office-addin-dev-certs', 'playwright-core', 'jest', 'keytar']) expect(tree.has(dev)).toBe(false);
  });

  it.each(FIXED)('%s %s.x is at least %s (%s)', (name, major, floor) => {
    for (const v of tree.get(name) ?? []) {
      if (Number(v.split('.')[0]) !== major) continue;
      expect(`${name}@${v}`).toBe(atLeast(v, floor) ? `${name}@${v}` : `${name}@≥${floor}`);
    }
  });
});
