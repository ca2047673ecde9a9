#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml (and dist/manifest.xml when built) offline.
 *
 * 1. xmllint against Microsoft's XSDs in schemas/office-manifest/
 *    (manifest 1.1 + VersionOverrides 1.0, with the local <Runtimes> addition:
 *    see that folder's README for what the schemas cover).
 * 2. office-addin-manifest's offline part: it parses the manifest as Office
 *    tooling does (id, version, names, hosts). Its `validate` command is online
 *    only (it posts the file to Microsoft's validation service); run it with
 *    `npx office-addin-manifest validate manifest.xml` when you have network.
 * 3. Checks the XSDs cannot make: every resid is defined, every string has an
 *    en-US override, every icon exists in assets/ with the size it claims, URLs
 *    are HTTPS and under one base URL, the ExecuteFunction names are associated
 *    in src/commands, and the built manifest has no localhost left when
 *    ADDIN_BASE_URL was set.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml ...]
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const SCHEMA_DIR = path.join(ROOT, 'schemas', 'office-manifest');
const SCHEMA = path.join(SCHEMA_DIR, 'OfficeAppManifestV1_1.xsd');
const DEV_BASE = 'https://localhost:3000/';

const problems = [];
const fail = (file, msg) => problems.push(`${path.relative(ROOT, file)}: ${msg}`);

function xsd(file) {
  if (!fs.existsSync(SCHEMA)) {
    fail(file, `schema not found at ${path.relative(ROOT, SCHEMA)}`);
    return;
  }
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  if (r.error) {
    fail(file, `xmllint could not run (${r.error.message}); on Debian: apt-get install libxml2-utils`);
    return;
  }
  if (r.status !== 0) fail(file, `XSD validation failed:\n${r.stderr.trim()}`);
  else console.log(`✓ ${path.relative(ROOT, file)}: valid against ${path.relative(ROOT, SCHEMA)}`);
}

async function officeAddinManifest(file) {
  let lib;
  try {
    lib = require('office-addin-manifest');
  } catch {
    console.log('– office-addin-manifest not installed: skipping its offline parse');
    return;
  }
  try {
    const info = await lib.OfficeAddinManifest.readManifestFile(file);
    const missing = ['id', 'version', 'displayName', 'providerName', 'defaultLocale', 'description'].filter((k) => !info[k]);
    if (missing.length > 0) fail(file, `office-addin-manifest read no ${missing.join(', ')}`);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(info.id ?? '')) fail(file, `Id is not a GUID: ${info.id}`);
    if (!(info.hosts ?? []).includes('Workbook')) fail(file, 'Host Workbook missing');
    console.log(`✓ ${path.relative(ROOT, file)}: office-addin-manifest reads ${info.displayName} ${info.version} (${info.defaultLocale}, hosts: ${(info.hosts ?? []).join(', ')})`);
  } catch (err) {
    fail(file, `office-addin-manifest could not read it: ${err.message}`);
  }
}

function pngSize(file) {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function crossChecks(file, built) {
  const xml = fs.readFileSync(file, 'utf8');
  const defined = new Map();
  for (const m of xml.matchAll(/<bt:(Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"(\s*\/>|>([\s\S]*?)<\/bt:String>)/g)) {
    defined.set(m[2], { kind: m[1], value: m[3], body: m[5] ?? '' });
  }
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) if (!defined.has(m[1])) fail(file, `resid "${m[1]}" is not defined in Resources`);
  for (const [id, r] of defined) {
    if (r.kind === 'String' && !/Locale="en-US"/.test(r.body)) fail(file, `string "${id}" has no en-US override`);
  }
  for (const m of xml.matchAll(/<(DisplayName|Description)\s+DefaultValue="[^"]*">([\s\S]*?)<\/\1>/g)) {
    if (!/Locale="en-US"/.test(m[2])) fail(file, `${m[1]} has no en-US override`);
  }
  if (!/<DefaultLocale>sv-SE<\/DefaultLocale>/.test(xml)) fail(file, 'DefaultLocale is not sv-SE');
  const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  const bases = new Set();
  for (const url of urls) {
    if (!url.startsWith('https://')) fail(file, `not HTTPS: ${url}`);
    const base = url.replace(/(assets\/)?[^/]*$/, '');
    bases.add(base);
    const rel = url.slice(base.length);
    if (/\.png$/.test(rel)) {
      const local = path.join(ROOT, rel);
      const want = /icon-(\d+)\.png$/.exec(rel);
      if (!fs.existsSync(local)) fail(file, `icon ${rel} does not exist`);
      else {
        const size = pngSize(local);
        if (size === undefined) fail(file, `${rel} is not a PNG`);
        else if (want && (size.width !== Number(want[1]) || size.height !== Number(want[1]))) fail(file, `${rel} is ${size.width}×${size.height}`);
      }
    }
  }
  for (const m of xml.matchAll(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/g)) {
    const img = defined.get(m[2]);
    if (img && !img.value.endsWith(`icon-${m[1]}.png`)) fail(file, `image ${m[2]} used for size ${m[1]} points to ${img.value}`);
  }
  if (bases.size > 1) fail(file, `URLs use more than one base: ${[...bases].join(', ')}`);
  if (built && process.env.ADDIN_BASE_URL && xml.includes(DEV_BASE)) fail(file, `still contains ${DEV_BASE} although ADDIN_BASE_URL is set`);
  const commandsSrc = ['src/commands/register.ts']
    .map((p) => path.join(ROOT, p))
    .filter((p) => fs.existsSync(p))
    .map((p) => fs.readFileSync(p, 'utf8'))
    .join('\n');
  for (const m of xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)) {
    if (!commandsSrc.includes(`'${m[1]}'`)) fail(file, `FunctionName ${m[1]} is not associated in src/commands/register.ts`);
  }
  console.log(`✓ ${path.relative(ROOT, file)}: ${defined.size} resources, icons and URLs consistent`);
}

async function main() {
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args.map((f) => path.resolve(f)) : [path.join(ROOT, 'manifest.xml')];
  const builtManifest = path.join(ROOT, 'dist', 'manifest.xml');
  if (args.length === 0 && fs.existsSync(builtManifest)) files.push(builtManifest);
  for (const file of files) {
    if (!fs.existsSync(file)) {
      fail(file, 'does not exist');
      continue;
    }
    xsd(file);
    await officeAddinManifest(file);
    crossChecks(file, file === builtManifest);
  }
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `✗ ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log("\nOffline checks passed. Online (Microsoft's validation service, needs network): npx office-addin-manifest validate manifest.xml");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
