/**
 * `npm run validate` against the schemas kept in the repository
 * (schemas/office-manifest/): the add-in's manifest passes, and a manifest
 * with an element the schema does not know is refused. Needs `xmllint`
 * (Debian: libxml2-utils; `.ci/run` installs it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithProgram } from '../helpers/programs';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

function validate(file: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'validate-manifest.js'), file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describeWithProgram('npm run validate (the manifest against the schemas in the repository)', { names: ['xmllint'], install: 'Debian: apt-get install libxml2-utils' }, () => {
  it('passes manifest.xml', () => {
    const r = validate(MANIFEST);
    expect(r.output).toContain('valid against schemas/office-manifest/OfficeAppManifestV1_1.xsd');
    expect(r.status).toBe(0);
  });

  it('refuses a manifest with an element the schema does not know', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avk-manifest-'));
    try {
      const broken = path.join(dir, 'manifest.xml');
      const xml = fs.readFileSync(MANIFEST, 'utf8');
      expect(xml).toContain('</ProviderName>');
      fs.writeFileSync(broken, xml.replace('</ProviderName>', '</ProviderName>\n  <Leverantor>Kommunen</Leverantor>'));
      const r = validate(broken);
      expect(r.output).toMatch(/XSD validation failed[\s\S]*Leverantor/);
      expect(r.status).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
