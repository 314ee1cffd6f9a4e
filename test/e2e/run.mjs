#!/usr/bin/env node
// `npm run test:e2e`: the editor tests.
//   1. packages the extension (`npm run package` -> postmortem-writer-<version>.vsix) and checks what it holds;
//   2. bundles the extension-host suite (test/e2e/suite/*.ts -> out/e2e/suite/*.js);
//   3. runs that suite in a real VS Code: desktop VS Code through @vscode/test-electron when
//      VSCODE_EXECUTABLE_PATH is set (or E2E_DESKTOP=download where the network allows a download),
//      otherwise code-server's Node extension host driven by headless Chromium;
//   4. runs the UI test (test/e2e/ui.mjs) in code-server with the .vsix installed;
//   5. runs the web build in code-server's web worker extension host (test/e2e/webHost.mjs).
// Options: --ui-only, --suite-only, --screenshots <dir> (the UI test writes the README images there).
// code-server and Chromium come from scripts/e2e-setup.sh. Everything a run writes goes under
// .vscode-test/runs/<time>/ (profiles, HOME, TMPDIR, logs, screenshots of failures).
// The last line is `N passed, N failed` over every check.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { installVsix, prepareProfile, startCodeServer } from './lib/codeServer.mjs';
import { runHostTests } from './lib/hostTests.mjs';
import { runUiTest } from './ui.mjs';
import { runWebHostTest } from './webHost.mjs';

const exec = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.E2E_CACHE || path.join(ROOT, '.vscode-test');
const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');

const args = process.argv.slice(2);
const uiOnly = args.includes('--ui-only');
const suiteOnly = args.includes('--suite-only');
const shotsArg = args.indexOf('--screenshots');
const shotsDir = shotsArg >= 0 ? path.resolve(ROOT, args[shotsArg + 1] ?? 'docs/images') : undefined;

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const extensionId = `${pkg.publisher}.${pkg.name}`;
const timings = [];
const totals = { passed: 0, failed: 0 };
const t0 = Date.now();
async function timed(label, fn) {
  const start = Date.now();
  try {
    return await fn();
  } finally {
    timings.push(`${label} ${((Date.now() - start) / 1000).toFixed(1)}s`);
  }
}
function check(name, ok, detail = '') {
  totals[ok ? 'passed' : 'failed']++;
  console.log(`  ${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const runsDir = path.join(CACHE, 'runs');
const runDir = path.join(runsDir, stamp);
fs.mkdirSync(runDir, { recursive: true });
// Keep the last five runs' logs and screenshots.
for (const old of fs.readdirSync(runsDir).sort().slice(0, -5)) fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
// Children (code-server, Chromium, their sockets) keep temporary files in a fresh folder with a
// short path (Unix socket paths must stay under 108 bytes), removed at the end.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pmw-e2e-'));
process.env.TMPDIR = tmp;

let server;
try {
  // 1. The .vsix, exactly as `npm run package` makes it.
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  await timed('package', async () => {
    fs.rmSync(vsix, { force: true });
    await exec('npm', ['run', '--silent', 'package'], { cwd: ROOT, maxBuffer: 16 << 20 });
  });
  const sizeKb = (fs.statSync(vsix).size / 1024).toFixed(0);
  console.log(`Packaged ${path.basename(vsix)}: ${sizeKb} KB`);

  // 2. The editor suite, bundled for the extension host (mocha and glob load from node_modules).
  const suiteDir = path.join(ROOT, 'out', 'e2e', 'suite');
  if (!uiOnly) {
    await timed('bundle suite', async () => {
      fs.rmSync(suiteDir, { recursive: true, force: true });
      const entryPoints = fs
        .readdirSync(path.join(ROOT, 'test', 'e2e', 'suite'))
        .filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts'))
        .map((f) => path.join(ROOT, 'test', 'e2e', 'suite', f));
      await esbuild.build({
        entryPoints,
        outdir: suiteDir,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'mocha', 'glob'],
        sourcemap: 'inline',
        logLevel: 'warning',
      });
    });
  }

  const wsCopy = (name) => {
    const dest = path.join(runDir, name);
    fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), dest, { recursive: true });
    return dest;
  };

  const desktop = process.env.VSCODE_EXECUTABLE_PATH || process.env.E2E_DESKTOP === 'download';
  const needServer = !suiteOnly || !desktop;
  let extensionDir;
  if (needServer) {
    if (!fs.existsSync(CODE_SERVER)) throw new Error(`${CODE_SERVER} is missing: run scripts/e2e-setup.sh first.`);
    await timed('install .vsix', async () => {
      prepareProfile(runDir);
      extensionDir = await installVsix(CODE_SERVER, runDir, vsix, extensionId);
    });
    console.log('Checking the installed extension:');
    const files = fs
      .readdirSync(extensionDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) =>
        path
          .relative(extensionDir, path.join(e.parentPath ?? e.path, e.name))
          .split(path.sep)
          .join('/'),
      );
    check('the .vsix holds the bundled client and server', files.includes('dist/client.js') && files.includes('dist/server.js'));
    check('the .vsix holds the web client and stays under 1 MB', files.includes('dist/web/client.js') && fs.statSync(vsix).size < 1024 * 1024, `${sizeKb} KB`);
    const stray = files.filter((f) => /\.(?:ts|map)$/.test(f) || /^(?:test|node_modules|client|server|out|bench|scripts)\//.test(f));
    check('the .vsix holds no sources, tests, maps or node_modules', stray.length === 0, stray.slice(0, 5).join(', '));
    check(
      'the .vsix holds every rule page',
      files.filter((f) => f.startsWith('docs/rules/')).length >= fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).length,
    );
    server = await timed('start code-server', () => startCodeServer(CODE_SERVER, runDir));
    console.log(`code-server on 127.0.0.1:${server.port} (pid ${server.pid}); log ${path.join(runDir, 'code-server.log')}`);
  }

  // 3. The extension-host suite.
  if (!uiOnly) {
    const testsPath = path.join(suiteDir, 'index.js');
    console.log(`\nExtension-host suite (${desktop ? 'desktop VS Code via @vscode/test-electron' : "code-server's Node extension host"})`);
    await timed('extension-host suite', async () => {
      if (desktop) {
        const { runTests } = await import('@vscode/test-electron');
        let code = 0;
        let out = '';
        try {
          await runTests({
            ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
            extensionDevelopmentPath: ROOT,
            extensionTestsPath: testsPath,
            launchArgs: [
              wsCopy('ws-suite'),
              '--disable-extensions',
              '--disable-workspace-trust',
              '--user-data-dir',
              path.join(runDir, 'desktop-ud'),
              '--extensions-dir',
              path.join(runDir, 'desktop-exts'),
            ],
            reuseMachineInstall: false,
          });
        } catch (e) {
          code = 1;
          out = String(e?.message ?? e);
        }
        // test-electron prints the suite's output (and its closing line) itself; count from the exit code.
        if (code) {
          console.error(out);
          totals.failed++;
        } else totals.passed++;
        return;
      }
      const r = await runHostTests({ port: server.port, workspace: wsCopy('ws-suite'), extensionPath: extensionDir, testsPath, tmp });
      totals.passed += r.passed;
      totals.failed += r.failed;
      if (r.code !== 0 && r.failed === 0) totals.failed++;
      check('the suite made no request off the machine', r.external.length === 0, r.external.slice(0, 3).join(' '));
    });
  }

  // 4. The UI test, against the installed .vsix.
  if (!suiteOnly) {
    console.log('');
    await timed('UI test', async () => {
      const r = await runUiTest({ port: server.port, workspace: wsCopy('ws-ui'), extensionDir, outDir: path.join(runDir, 'ui'), shotsDir, tmp });
      totals.passed += r.passed;
      totals.failed += r.failed;
    });
    if (shotsDir) console.log(`Screenshots written to ${path.relative(ROOT, shotsDir)}/`);
    // 5. The web build in the browser's web worker extension host (test/e2e/webHost.mjs).
    console.log('\nWeb worker extension host (code-server, the extension forced to run as a web extension)');
    await timed('web worker host', async () => {
      const r = await runWebHostTest(vsix, runDir);
      totals.passed += r.passed;
      totals.failed += r.failed;
    });
  }
} catch (err) {
  console.error(`\nThe editor tests could not run: ${err?.stack ?? err}`);
  totals.failed++;
} finally {
  if (server) await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`\nTimings: ${timings.join(', ')}; total ${((Date.now() - t0) / 1000).toFixed(1)}s. Run folder: ${path.relative(ROOT, runDir)}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
