/**
 * Real LSP clients nobody here wrote, headless, against the server from the installed package:
 * Neovim's built-in client (Debian bookworm: 0.7, which echoes diagnostics with UTF-8 byte columns)
 * and Emacs with Eglot and markdown-mode (Debian: Emacs 28, elpa-eglot 1.9, elpa-markdown-mode). Each
 * opens a postmortem with non-ASCII text (a curly apostrophe, an emoji) before a blame finding,
 * receives diagnostics, lists the quick-fixes and applies a rewrite, then edits above it and sees the
 * diagnostics follow. scripts/editors-setup.sh installs the editors (.ci/run calls it); an editor that
 * is not installed is skipped with a message saying so (pending, never counted as a pass).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../protocol/lspClient';
import { installedPackage, type Installed } from '../package/helpers';
import { NON_ASCII_POSTMORTEM } from '../helpers/postmortems';

const BLAME_LINE = NON_ASCII_POSTMORTEM.split('\n').find((l) => l.startsWith('Zoë'))!;

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

interface EditorRun {
  version?: string;
  error?: string;
  steps: string[];
  diagnostics?: number;
  blame?: { line: string; col?: number; column?: number; lspCharacter?: number; message?: string };
  offered?: string[];
  rewritten?: string;
  edited?: { line: string };
}

function checkRun(r: EditorRun): void {
  assert.equal(r.error, undefined, `${r.error} (steps done: ${r.steps.join(', ')})`);
  assert.deepEqual(r.steps, ['started', 'diagnostics', 'fixed', 'cleared', 'followed']);
  assert.equal(r.blame!.line, BLAME_LINE);
  assert.ok(r.offered!.filter((t) => t.startsWith('Rewrite')).length >= 1, JSON.stringify(r.offered));
  assert.match(r.rewritten!, /^Zoë’s 🚨 pager fired at 09:20, and (nothing in the process|the process)/);
  assert.doesNotMatch(r.rewritten!, /should have/);
  assert.match(r.edited!.line, /failed to follow the runbook/);
}

describe('real editors as LSP clients of the installed postmortem-language-server', function () {
  this.timeout(240_000);
  let pkg: Installed;
  let n = 0;

  /** A fresh project (a git repository, as editors find projects) holding the postmortem. */
  function project(): { file: string; out: string } {
    const dir = path.join(pkg.tmp, `editor-${++n}`);
    mkdirSync(path.join(dir, 'postmortems'), { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const file = path.join(dir, 'postmortems', '2026-02-11-cafe.md');
    writeFileSync(file, NON_ASCII_POSTMORTEM);
    return { file, out: path.join(dir, 'result.json') };
  }

  before(function () {
    if (!has('nvim') && !has('emacs')) return;
    pkg = installedPackage(ROOT);
  });

  it('Neovim (built-in client): diagnostics, a quick-fix on a line with non-ASCII text, edits followed', function () {
    if (!has('nvim')) {
      console.log("    SKIPPED: nvim is not installed (scripts/editors-setup.sh installs Debian's neovim)");
      this.skip();
    }
    const { file, out } = project();
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(__dirname, 'nvim-client.lua')}`], {
      env: { ...process.env, PM_SERVER: pkg.bin('postmortem-language-server'), PM_FILE: file, PM_OUT: out },
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.ok(existsSync(out), `no result from nvim (status ${run.status}): ${run.stdout}${run.stderr}`);
    const r = JSON.parse(readFileSync(out, 'utf8')) as EditorRun;
    checkRun(r);
    // Neovim counts the diagnostic's column in bytes, not in the UTF-16 units the server sent: the echo
    // its code-action request carries, which the server must recognise.
    const utf16 = r.blame!.lspCharacter!;
    assert.equal(r.blame!.col, Buffer.byteLength(BLAME_LINE.slice(0, utf16)));
    assert.notEqual(r.blame!.col, utf16);
  });

  it('Emacs (Eglot, markdown-mode): diagnostics, a quick-fix on a line with non-ASCII text, edits followed', function () {
    if (!has('emacs')) {
      console.log("    SKIPPED: emacs is not installed (scripts/editors-setup.sh installs Debian's emacs-nox, elpa-eglot, elpa-markdown-mode)");
      this.skip();
    }
    const { file, out } = project();
    const run = spawnSync('emacs', ['--batch', '-Q', '-l', path.join(__dirname, 'emacs-client.el')], {
      env: { ...process.env, PM_SERVER: pkg.bin('postmortem-language-server'), PM_FILE: file, PM_OUT: out },
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.ok(existsSync(out), `no result from emacs (status ${run.status}): ${run.stdout}${run.stderr}`);
    checkRun(JSON.parse(readFileSync(out, 'utf8')) as EditorRun);
  });
});
