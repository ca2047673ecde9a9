/**
 * LibreOffice as an independent spreadsheet engine for the tests: find
 * `soffice`, open a file with "recalculate on load: always" and save it as
 * .xlsx, and read the values it stored straight from its XML (not through
 * our reader or formula evaluator).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { cellAddress, type WorkbookGrid } from '../../src/engine/grid';
import type { Program } from '../helpers/programs';
import { readZipEntry } from './files';

/** LibreOffice's command-line program. */
export const SOFFICE: Program = { names: ['soffice', 'libreoffice'], envVar: 'SOFFICE', install: 'Debian: apt-get install libreoffice-calc-nogui' };

export type LoValue = number | string | boolean | { error: string } | null;

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function part(buf: Buffer, name: string): string {
  const text = readZipEntry(buf, name);
  if (text === undefined) throw new Error(`${name} missing from LibreOffice's file`);
  return text;
}

/** The values LibreOffice stored, by sheet name and A1 address, read straight from its .xlsx. */
export function libreOfficeValues(file: string): Map<string, Map<string, LoValue>> {
  const buf = fs.readFileSync(file);
  const shared = [...(readZipEntry(buf, 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    decodeXml([...(m[1] as string).matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1] as string).join('')),
  );
  const rels = new Map([...part(buf, 'xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
  const out = new Map<string, Map<string, LoValue>>();
  for (const m of part(buf, 'xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2] as string) as string).replace(/^\/?(xl\/)?/, '');
    const xml = part(buf, `xl/${target}`);
    const cells = new Map<string, LoValue>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const type = /\st="([^"]+)"/.exec(c[2] as string)?.[1] ?? 'n';
      const body = c[3] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: LoValue = null;
      if (type === 's') value = shared[Number(v)] ?? null;
      else if (type === 'str') value = decodeXml(v ?? '');
      else if (type === 'inlineStr') value = decodeXml(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '');
      else if (type === 'e') value = { error: v ?? '' };
      else if (type === 'b') value = v === '1';
      else if (v !== undefined) value = Number(v);
      cells.set(c[1] as string, value);
    }
    out.set(decodeXml(m[1] as string), cells);
  }
  return out;
}

/** Opens `file` in LibreOffice with "recalculate on load: always", saves it as .xlsx into `outDir`. */
export function recalculateWithLibreOffice(soffice: string, file: string, outDir: string, profile: string): string {
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(
    path.join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  const r = spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const out = path.join(outDir, path.basename(file));
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not convert ${file}: ${r.stderr || r.stdout || String(r.error)}`);
  return out;
}

/** Every non-empty cell of the grid as LibreOffice would store its value. */
export function gridValues(grid: WorkbookGrid): Map<string, Map<string, LoValue>> {
  const out = new Map<string, Map<string, LoValue>>();
  for (const s of grid.sheets) {
    const cells = new Map<string, LoValue>();
    s.cells.forEach((row, r) =>
      row?.forEach((c, col) => {
        if (c === undefined) return;
        cells.set(cellAddress(r, col), c.error !== undefined && c.errorIsText !== true ? { error: 'error' } : c.value);
      }),
    );
    out.set(s.name, cells);
  }
  return out;
}
