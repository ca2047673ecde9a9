#!/usr/bin/env node
/**
 * `npm start`, `npm run start:web -- --document URL`, `npm stop`.
 *
 * On Windows and macOS this hands over to Microsoft's office-addin-debugging
 * (fetched by npx on demand; it is not a dependency, because its keytar
 * dependency does not build everywhere): it starts the dev server, trusts the
 * localhost certificate and sideloads manifest.xml into Excel.
 *
 * On Linux there is no desktop Excel: `npm start` explains the alternatives,
 * and `start:web` starts the dev server itself and prints the steps to upload
 * manifest.xml into Excel on the web.
 *
 * Usage: node scripts/start.js [desktop|web|stop] [--document URL]
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MANIFEST = 'manifest.xml';
const PID_FILE = path.join(ROOT, '.dev-server.pid');
const desktopOs = process.platform === 'win32' || process.platform === 'darwin';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const args = process.argv.slice(2);
const command = args[0] && !args[0].startsWith('-') ? args.shift() : 'desktop';
const docIndex = args.indexOf('--document');
const documentUrl = docIndex >= 0 ? args[docIndex + 1] : undefined;

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}

function officeAddinDebugging(extra) {
  console.log(`> npx --yes office-addin-debugging ${extra.join(' ')}`);
  run(npx, ['--yes', 'office-addin-debugging', ...extra]);
}

function explainLinux() {
  console.log(`Avvikelsekollen: sideloading into Excel needs desktop Excel (Windows or macOS), which Linux does not have.

What you can do here:
  • Excel on the web:  npm run start:web -- --document https://<tenant>.sharepoint.com/.../Bok.xlsx
      starts the dev server and shows how to upload manifest.xml into that workbook
      (Excel on the web needs the pane over https: see README "Sideload in Excel on the web").
  • Try the pane without Excel:  npm run demo
      serves the production build (built first if dist/ is empty) on
      http://localhost:3000/taskpane.html in demo mode, with the example workbook.
  • Check the manifest offline:  npm run validate`);
}

function startWebLinux() {
  if (!documentUrl) {
    console.error('Give the workbook to open: npm run start:web -- --document https://<tenant>.sharepoint.com/.../Bok.xlsx');
    process.exit(2);
  }
  const child = spawn(npm, ['run', 'dev-server'], { cwd: ROOT, stdio: 'inherit', detached: false });
  fs.writeFileSync(PID_FILE, String(child.pid));
  console.log(`
Dev server starting on https://localhost:3000 (pid ${child.pid}). Then:
  1. Open the workbook: ${documentUrl}
  2. Home > Add-ins > More Add-ins (Office Add-ins) > Upload My Add-in.
  3. Choose ${path.join(ROOT, MANIFEST)} and click Upload.
  4. The Home tab now has Validera and Avvikelsekollen.
The browser must trust the certificate for https://localhost:3000 (open it once and accept it).
Stop with Ctrl+C or npm stop.`);
  child.on('exit', (code) => {
    try {
      fs.unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
    process.exit(code ?? 0);
  });
}

function stopLinux() {
  if (!fs.existsSync(PID_FILE)) {
    console.log('Nothing to stop: no dev server started by npm run start:web, and nothing is sideloaded on Linux.');
    return;
  }
  const pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the dev server (pid ${pid}).`);
  } catch {
    console.log(`The dev server (pid ${pid}) was not running.`);
  }
  fs.unlinkSync(PID_FILE);
}

switch (command) {
  case 'desktop':
    if (desktopOs) officeAddinDebugging(['start', MANIFEST]);
    else explainLinux();
    break;
  case 'web':
    if (desktopOs) officeAddinDebugging(['start', MANIFEST, 'web', ...(documentUrl ? ['--document', documentUrl] : [])]);
    else startWebLinux();
    break;
  case 'stop':
    if (desktopOs) officeAddinDebugging(['stop', MANIFEST]);
    else stopLinux();
    break;
  default:
    console.error(`Unknown command ${command}: use desktop, web or stop.`);
    process.exit(2);
}
