/**
 * The CI integrations as CI runs them. The GitHub Action: action.yml's entry run with the INPUT_*
 * variables a workflow step passes. The pre-commit hook: the repository packed as pre-commit packs a
 * node hook (`npm pack` with its prepack build), installed offline into a prefix, and the hook's
 * entry and args run on the files a commit stages that its `types` and `files` select.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ensureBundle, ROOT } from '../protocol/lspClient';
import { npm, pack, POSTMORTEM } from './helpers';

// Owned, and "in review": warnings stay warnings (a draft shows them as hints).
const WARNINGS_ONLY = POSTMORTEM.replace('|  | 2026-04-20 |', '| @ines | 2026-04-20 |').replace('status: draft', 'status: in review');

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: string;
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(60_000);
  let ws: string;
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));

  before(() => {
    ensureBundle();
    ws = mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-'));
    mkdirSync(path.join(ws, 'postmortems'));
    mkdirSync(path.join(ws, 'reviews'));
    writeFileSync(path.join(ws, 'postmortems', 'search.md'), POSTMORTEM);
    writeFileSync(path.join(ws, 'reviews', 'owned.md'), WARNINGS_ONLY);
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  function runAction(inputs: Record<string, string>, workspace = ws): ActionRun {
    const outputFile = path.join(workspace, `.github-output-${Math.random().toString(36).slice(2)}`);
    writeFileSync(outputFile, '');
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile };
    // What the runner does: every input declared in action.yml, with its default unless the step sets it.
    for (const [name, spec] of Object.entries(action.inputs as Record<string, { default?: string }>)) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = inputs[name] ?? spec.default ?? '';
    }
    const run = spawnSync(process.execPath, [path.join(ROOT, action.runs.main)], { cwd: workspace, env, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, outputs: readFileSync(outputFile, 'utf8') };
  }

  it('is a Node 20 action with the inputs the README documents', () => {
    assert.equal(action.runs.using, 'node20');
    assert.ok(existsSync(path.join(ROOT, action.runs.main)));
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'fail-level', 'format', 'output', 'paths']);
  });

  it('annotates the pull request and fails the step on errors (the defaults)', () => {
    const run = runAction({});
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^::error file=postmortems\/search\.md,line=\d+/m);
    assert.match(run.stdout, /::warning file=postmortems\/search\.md,.*blame-language/); // a draft softens only what is not written yet; blame keeps its severity
    assert.match(run.outputs, /^exit-code=1$/m);
  });

  it('fail-level picks what fails the step', () => {
    assert.equal(runAction({ paths: 'reviews/', 'fail-level': 'error' }).status, 0);
    assert.equal(runAction({ paths: 'reviews/', 'fail-level': 'warning' }).status, 1);
    const none = runAction({ paths: 'postmortems/\nreviews/', 'fail-level': 'none' });
    assert.equal(none.status, 0);
    assert.match(none.stdout, /file=reviews\/owned\.md/);
    assert.match(none.stdout, /file=postmortems\/search\.md/);
  });

  it('writes SARIF for upload-sarif, and takes a configuration file', () => {
    writeFileSync(path.join(ws, 'strict.yaml'), 'root: true\nrules:\n  blame-language: error\n  action-item-owner-missing: off\n');
    const run = runAction({ format: 'sarif', output: 'postmortems.sarif', config: 'strict.yaml', paths: 'reviews/' });
    assert.equal(run.status, 1);
    const log = JSON.parse(readFileSync(path.join(ws, 'postmortems.sarif'), 'utf8'));
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results as Array<{ ruleId: string; level: string }>;
    assert.ok(results.some((r) => r.ruleId === 'blame-language' && r.level === 'error'));
    assert.ok(!results.some((r) => r.ruleId === 'action-item-owner-missing'));
  });

  it('rejects a bad input with an error annotation', () => {
    const run = runAction({ format: 'xml' });
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^::error title=postmortem-lint::format must be/m);
  });

  it('uses the workflow’s installed postmortem-lint when there is one: its bin shim, else its bundle', () => {
    const other = mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-installed-'));
    try {
      const pkg = path.join(other, 'node_modules', 'postmortem-lint');
      mkdirSync(path.join(pkg, 'dist'), { recursive: true });
      writeFileSync(path.join(pkg, 'dist', 'cli.js'), 'process.stdout.write("installed cli " + process.argv.slice(2).join(" ") + "\\n");');
      let run = runAction({ paths: 'a.md' }, other);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), 'installed cli --format github --no-color a.md');
      mkdirSync(path.join(pkg, 'bin'));
      writeFileSync(path.join(pkg, 'bin', 'postmortem-lint.js'), 'process.stdout.write("installed bin " + process.argv.slice(2).join(" ") + "\\n");');
      run = runAction({ paths: 'a.md' }, other);
      assert.equal(run.status, 0);
      assert.equal(run.stdout.trim(), 'installed bin --format github --no-color a.md');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('runs its own CLI through the bin shim, with the code cache and the V8 settings', () => {
    const ws2 = mkdtempSync(path.join(os.tmpdir(), 'postmortem-action-own-'));
    try {
      writeFileSync(path.join(ws2, 'a.md'), '# Queue stalled\n\n## Summary\n\nThe operator should have noticed.\n');
      const probe = path.join(ws2, 'probe.cjs');
      // Preloaded into the action's child: says which script Node runs and whether it is the bin shim.
      writeFileSync(
        probe,
        "process.on('exit', () => require('fs').writeSync(2, 'entry=' + require('path').basename(process.argv[1]) + ' shim=' + (globalThis.__postmortemLintEntry !== undefined) + '\\n'));",
      );
      const env = { ...process.env, INPUT_PATHS: 'a.md', NODE_OPTIONS: `--require ${probe}` };
      const run = spawnSync(process.execPath, [path.join(ROOT, action.runs.main)], { cwd: ws2, env, encoding: 'utf8' });
      assert.match(run.stderr, /entry=postmortem-lint\.js shim=true/, run.stderr);
      assert.match(run.stdout, /blame-language/);
    } finally {
      rmSync(ws2, { recursive: true, force: true });
    }
  });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(180_000);
  let tmp: string;
  let prefix: string;
  const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((h) => h.id === 'postmortem-lint')!;

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-precommit-'));
    // pre-commit's node hooks: `npm pack` in the hook repository, then `npm install -g` of the tarball.
    const tarball = pack(ROOT, tmp);
    prefix = path.join(tmp, 'prefix');
    npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], tmp);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** The staged files pre-commit hands the hook: `types: [markdown]` (identify: .md/.markdown) and `files`. */
  function selected(staged: string[]): string[] {
    const src = String(hook.files);
    const flags = src.startsWith('(?i)') ? 'i' : '';
    const files = new RegExp(src.replace(/^\(\?i\)/, ''), flags);
    assert.deepEqual(hook.types, ['markdown']);
    return staged.filter((f) => /\.(md|markdown|mdown|mkd)$/i.test(f) && files.test(f));
  }

  function commitRepo(files: Record<string, string>): { dir: string; staged: string[] } {
    const dir = mkdtempSync(path.join(tmp, 'repo-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), text);
    }
    execFileSync('git', ['add', '-A'], { cwd: dir });
    const staged = execFileSync('git', ['diff', '--cached', '--name-only'], { cwd: dir, encoding: 'utf8' }).split('\n').filter(Boolean);
    return { dir, staged };
  }

  function runHook(dir: string, files: string[]) {
    assert.equal(hook.language, 'node');
    const [cmd, ...entryArgs] = String(hook.entry).split(/\s+/);
    const bin = path.join(prefix, process.platform === 'win32' ? '' : 'bin', cmd);
    return spawnSync(bin, [...entryArgs, ...((hook.args as string[]) ?? []), ...files], { cwd: dir, encoding: 'utf8' });
  }

  it('checks the staged postmortems and fails the commit on an error', () => {
    const { dir, staged } = commitRepo({
      'postmortems/2026-04-02-search.md': POSTMORTEM,
      'docs/incidents/2026-05-01-queue.md': WARNINGS_ONLY,
      'README.md': '# Widgets\n\nYou should have Node 20.\n',
      'notes.txt': 'The on-call engineer should have noticed.\n',
    });
    const files = selected(staged);
    assert.deepEqual(files.sort(), ['docs/incidents/2026-05-01-queue.md', 'postmortems/2026-04-02-search.md']);
    const run = runHook(dir, files);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /postmortems\/2026-04-02-search\.md/);
    assert.match(run.stdout, /action-item-owner-missing/);
    assert.doesNotMatch(run.stdout, /\u001b\[/, 'no colour codes in the hook output');
  });

  it('passes a commit whose postmortems have warnings only', () => {
    const { dir, staged } = commitRepo({ 'incidents/queue-postmortem.md': WARNINGS_ONLY });
    const run = runHook(dir, selected(staged));
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /blame-language/);
  });
});
