#!/usr/bin/env node
'use strict';
// The GitHub Action's entry (action.yml): reads the inputs a workflow passes as INPUT_* variables,
// runs the bundled CLI once and sets the step's outcome. Plain Node, no dependencies, so the action
// needs no install step. The CLI used: the workflow's own `npm i -D postmortem-lint`
// (node_modules/postmortem-lint in the workspace) when present, so the editor, CI and the action agree
// on one version; else the bundle next to this file (dist/cli.js, built into release tags).
const { spawnSync } = require('node:child_process');
const { appendFileSync, existsSync, writeFileSync } = require('node:fs');
const path = require('node:path');

function input(name, fallback = '') {
  const v = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return v === undefined || v.trim() === '' ? fallback : v.trim();
}

/**
 * The CLI to run: the workflow's installed postmortem-lint, else the one beside this action. Its bin
 * shim, which loads the bundle with V8's code cache and the CLI's V8 settings (bin/compile-cache.js,
 * bin/v8-tuning.js); the bundle itself for an install that has no shim.
 */
function cliPath(workspace) {
  for (const root of [path.join(workspace, 'node_modules', 'postmortem-lint'), path.join(__dirname, '..')]) {
    const bundle = path.join(root, 'dist', 'cli.js');
    const shim = path.join(root, 'bin', 'postmortem-lint.js');
    if (existsSync(bundle)) return existsSync(shim) ? shim : bundle;
  }
  return path.join(__dirname, '..', 'dist', 'cli.js');
}

function fail(message) {
  process.stdout.write(`::error title=postmortem-lint::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exitCode = 1;
}

function main() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const paths = input('paths', 'postmortems/').split(/\s+/).filter(Boolean);
  const format = input('format', 'github');
  const config = input('config');
  const failLevel = input('fail-level', 'error');
  const output = input('output');
  if (!['github', 'sarif', 'json', 'stylish'].includes(format)) return fail(`format must be github, sarif, json or stylish, not "${format}"`);
  if (!['error', 'warning', 'none'].includes(failLevel)) return fail(`fail-level must be error, warning or none, not "${failLevel}"`);
  const cli = cliPath(workspace);
  if (!existsSync(cli)) return fail(`the CLI is missing (${cli}); add postmortem-lint to the repository's devDependencies and run npm ci first`);
  const args = [cli, '--format', format, '--no-color'];
  if (config) args.push('--config', config);
  if (failLevel === 'warning') args.push('--max-warnings', '0');
  args.push(...paths);
  const run = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  const code = run.status ?? 2;
  if (output) writeFileSync(path.resolve(workspace, output), run.stdout);
  else process.stdout.write(run.stdout);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `exit-code=${code}\n`);
  if (code === 2) return fail('postmortem-lint could not run (usage, configuration or I/O error; see above)');
  if (code === 1 && failLevel !== 'none') return fail(failLevel === 'warning' ? 'postmortem-lint found errors or warnings' : 'postmortem-lint found errors');
  process.exitCode = 0;
}

main();
