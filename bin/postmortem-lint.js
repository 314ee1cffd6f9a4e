#!/usr/bin/env node
'use strict';
// The CLI is bundled by esbuild into dist/cli.js (`npm run build`); this shim only loads it, with V8's
// code cache (./compile-cache.js), and is where the CLI's worker threads start too.
const path = require('node:path');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
try {
  require.resolve(bundle);
} catch {
  process.stderr.write('postmortem-lint: dist/cli.js is missing; run `npm run build` first\n');
  process.exit(2);
}
// V8 settings for a short run (./v8-tuning.js); the worker threads, started from this file too, share them.
if (require('node:worker_threads').isMainThread) require('./v8-tuning.js').tune();
globalThis.__postmortemLintEntry = __filename;
// cli/workers.ts calls this just before it starts a pool of workers.
globalThis.__postmortemLintTunePool = () => require('./v8-tuning.js').tunePool();
require('./compile-cache.js').requireCached(bundle);
