#!/usr/bin/env node
'use strict';
// Runs the compiled command line (build/cli/main.js, made by `npm install` via the prepare script).
let cli;
try {
  cli = require('../build/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('build')) {
    process.stderr.write('avvikelsekollen: the command line is not built yet; run "npm install" (or "npm run prepare") first.\n');
    process.exit(2);
  }
  throw e;
}
cli.run();
