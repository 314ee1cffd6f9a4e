/**
 * The bundled CLI end to end: formats, exit codes, file expansion, --list-rules.
 * Every test writes its own postmortems to a temporary folder and runs `node dist/cli.js` on them.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { RULES } from '../../core';
import { BIN, ensureBuilt, positionOf, ROOT, runCli, tempTree, type JsonReport } from './helpers';
import { CAREFUL, onlyRules, WITH_ERROR, WITH_WARNING } from './samples';

const TODAY = ['--today', '2026-10-10'];

describe('CLI (bundled)', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  describe('exit codes', () => {
    it('exits 0 for a careful postmortem, with no error or warning', () => {
      const t = tempTree({ 'pm.md': CAREFUL });
      try {
        const r = runCli([join(t.dir, 'pm.md'), '--format', 'json', ...TODAY]);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stderr, '');
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files[0].diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'),
          [],
        );
      } finally {
        t.cleanup();
      }
    });

    it('prints nothing when there is no finding', () => {
      const t = tempTree({ 'pm.md': CAREFUL });
      try {
        const r = runCli(['pm.md', ...onlyRules('blame-language'), ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, '');
      } finally {
        t.cleanup();
      }
    });

    it('exits 0 when the findings are warnings only, and shows them', () => {
      const t = tempTree({ 'pm.md': WITH_WARNING });
      try {
        const r = runCli([join(t.dir, 'pm.md'), ...TODAY]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /blame-language/);
        assert.match(r.stdout, /\d+ problems? \(0 errors, 1 warning\b/);
      } finally {
        t.cleanup();
      }
    });

    it('exits 1 when any finding is an error', () => {
      const t = tempTree({ 'a.md': WITH_WARNING, 'b.md': WITH_ERROR });
      try {
        const r = runCli([join(t.dir, 'a.md'), join(t.dir, 'b.md'), ...TODAY]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stdout, /action-item-owner-missing/);
      } finally {
        t.cleanup();
      }
    });

    it('exits 2 with one line on stderr for an unknown flag', () => {
      const r = runCli(['--bogus', 'x.md']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
      assert.match(r.stderr, /^postmortem-lint: unknown option --bogus/);
    });

    it('exits 2 for a flag without its value and for a bad value', () => {
      for (const args of [
        ['x.md', '--format'],
        ['--format', 'xml', 'x.md'],
        ['--today', '2026-02-30', 'x.md'],
        ['--today', 'tomorrow', 'x.md'],
      ]) {
        const r = runCli(args);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
        assert.match(r.stderr, /--format|--today/);
      }
    });

    it('exits 2 when no files are given', () => {
      const r = runCli([]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /no files given/);
    });

    it('exits 2 for a file that does not exist or cannot be read, naming it, and prints no report', () => {
      const t = tempTree({ 'ok.md': WITH_ERROR, 'plain.txt': 'not a folder' });
      try {
        for (const bad of ['missing.md', 'plain.txt/inside.md']) {
          const r = runCli(['ok.md', bad, '--format', 'json'], { cwd: t.dir });
          assert.equal(r.code, 2, r.stderr);
          assert.equal(r.stdout, '');
          assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
          assert.ok(r.stderr.includes(`"${bad}"`), r.stderr);
        }
      } finally {
        t.cleanup();
      }
    });

    it('exits 2 for a glob that matches no Markdown file', () => {
      const t = tempTree({ 'notes.txt': 'x' });
      try {
        const r = runCli(['**/*.md'], { cwd: t.dir });
        assert.equal(r.code, 2);
        assert.match(r.stderr, /no Markdown files match "\*\*\/\*\.md"/);
      } finally {
        t.cleanup();
      }
    });
  });

  describe('--format json', () => {
    it('has exactly the documented shape, with 1-based lines and UTF-16 columns', () => {
      // An emoji (two UTF-16 units) before the phrase on the same line moves the column by two.
      const text = WITH_WARNING.replace('The rollback runbook was current, but', '\u{1F6A8} The rollback runbook was current, but');
      const t = tempTree({ 'pm.md': text });
      try {
        const r = runCli(['pm.md', '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(Object.keys(out), ['version', 'files']);
        assert.equal(out.version, 1);
        assert.equal(out.files.length, 1);
        assert.deepEqual(Object.keys(out.files[0]), ['path', 'diagnostics']);
        assert.equal(out.files[0].path, 'pm.md');
        const [d] = out.files[0].diagnostics;
        assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
        const at = positionOf(text, 'should have');
        assert.deepEqual(
          { rule: d.rule, severity: d.severity, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn },
          { rule: 'blame-language', severity: 'warning', line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 'should have'.length },
        );
        const codePoints = [...text.split('\n')[at.line - 1].slice(0, at.column - 1)].length;
        assert.equal(d.column, codePoints + 2, 'the emoji counts as two columns');
        assert.match(d.message, /should have/);
      } finally {
        t.cleanup();
      }
    });

    it('lists every file, even one with no findings, in the order given', () => {
      const t = tempTree({ 'b.md': CAREFUL, 'a.md': WITH_ERROR });
      try {
        const r = runCli(['b.md', 'a.md', '--format', 'json', ...onlyRules('action-item-owner-missing'), ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 1);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files.map((f) => f.path),
          ['b.md', 'a.md'],
        );
        assert.equal(out.files[0].diagnostics.length, 0);
        assert.ok(out.files[1].diagnostics.some((d) => d.rule === 'action-item-owner-missing' && d.severity === 'error'));
      } finally {
        t.cleanup();
      }
    });
  });

  describe('--format stylish', () => {
    it('groups findings under each file and adds no colour when stdout is not a terminal', () => {
      const t = tempTree({ 'one.md': WITH_WARNING, 'two.md': WITH_ERROR });
      try {
        const r = runCli(['one.md', 'two.md', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 1);
        assert.doesNotMatch(r.stdout, /\x1b\[/);
        const lines = r.stdout.split('\n');
        const one = lines.indexOf('one.md');
        const two = lines.indexOf('two.md');
        assert.ok(one >= 0 && two > one, r.stdout);
        const at = positionOf(WITH_WARNING, 'should have');
        assert.ok(
          lines.slice(one + 1, two).some((l) => l.includes(`${at.line}:${at.column}`) && l.includes('warning') && l.includes('blame-language')),
          r.stdout,
        );
        assert.ok(
          lines.slice(two + 1).some((l) => /error/.test(l) && l.includes('action-item-owner-missing')),
          r.stdout,
        );
        assert.match(r.stdout, /\u2716 \d+ problems? \(1 error, 1 warning\b/);
      } finally {
        t.cleanup();
      }
    });

    it('is the default format', () => {
      const t = tempTree({ 'one.md': WITH_WARNING });
      try {
        const a = runCli(['one.md', ...TODAY], { cwd: t.dir });
        const b = runCli(['one.md', '--format', 'stylish', ...TODAY], { cwd: t.dir });
        assert.equal(a.stdout, b.stdout);
        assert.match(a.stdout, /^one\.md\n/);
      } finally {
        t.cleanup();
      }
    });
  });

  describe('files, folders and globs', () => {
    const tree = {
      'incidents/2026-09-db.md': WITH_WARNING,
      'incidents/nested/2026-10-cache.markdown': WITH_WARNING,
      'incidents/notes.txt': 'should have',
      'incidents/node_modules/pkg/README.md': WITH_ERROR,
      'incidents/.git/info.md': WITH_ERROR,
      'incidents/a-first.md': CAREFUL,
      'other/readme.txt': WITH_ERROR,
    };

    it('expands a folder to its Markdown files, sorted, skipping node_modules, .git and other files', () => {
      const t = tempTree(tree);
      try {
        const r = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files.map((f) => f.path),
          ['incidents/2026-09-db.md', 'incidents/a-first.md', 'incidents/nested/2026-10-cache.markdown'],
        );
      } finally {
        t.cleanup();
      }
    });

    it('expands a glob to the Markdown files it matches, skipping node_modules', () => {
      const t = tempTree(tree);
      try {
        const r = runCli(['incidents/**/*', '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 0, r.stderr);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files.map((f) => f.path),
          ['incidents/2026-09-db.md', 'incidents/a-first.md', 'incidents/nested/2026-10-cache.markdown'],
        );
      } finally {
        t.cleanup();
      }
    });

    it('checks a file named explicitly even when it is not Markdown, and lists a file found twice once', () => {
      const t = tempTree(tree);
      try {
        const r = runCli(['other/readme.txt', 'incidents/a-first.md', 'incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 1, r.stderr);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files.map((f) => f.path),
          ['other/readme.txt', 'incidents/a-first.md', 'incidents/2026-09-db.md', 'incidents/nested/2026-10-cache.markdown'],
        );
        assert.ok(out.files[0].diagnostics.some((d) => d.rule === 'action-item-owner-missing'));
      } finally {
        t.cleanup();
      }
    });

    it('does not follow a symbolic link to a folder while expanding', () => {
      const t = tempTree(tree);
      try {
        mkdirSync(join(t.dir, 'outside'));
        writeFileSync(join(t.dir, 'outside', 'far.md'), WITH_ERROR);
        symlinkSync(join(t.dir, 'outside'), join(t.dir, 'incidents', 'link'));
        const r = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.ok(!out.files.some((f) => f.path.includes('far.md')), r.stdout);
      } finally {
        t.cleanup();
      }
    });

    it('reports a binary file as skipped, on stderr, and goes on with the others', () => {
      const t = tempTree({ 'blob.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0x0a]), 'pm.md': WITH_ERROR });
      try {
        const r = runCli(['blob.md', 'pm.md', '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 1);
        assert.match(r.stderr, /blob\.md: skipped\. .*binary/);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(
          out.files.map((f) => [f.path, f.diagnostics.length > 0]),
          [
            ['blob.md', false],
            ['pm.md', true],
          ],
        );
      } finally {
        t.cleanup();
      }
    });
  });

  describe('--list-rules', () => {
    it('lists every rule as JSON with id, default severity, summary and docs path', () => {
      const r = runCli(['--list-rules', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { rules: Array<{ id: string; severity: string; summary: string; docs: string }> };
      assert.deepEqual(
        out.rules.map((x) => x.id),
        RULES.map((x) => x.id),
      );
      for (const [i, rule] of RULES.entries()) {
        assert.equal(out.rules[i].severity, rule.defaultSeverity);
        assert.equal(out.rules[i].summary, rule.summary);
        assert.equal(out.rules[i].docs, `docs/rules/${rule.id}.md`);
      }
    });

    it('lists every rule as text by default', () => {
      const r = runCli(['--list-rules']);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, RULES.length);
      RULES.forEach((rule, i) => assert.ok(lines[i].startsWith(rule.id) && lines[i].includes(rule.defaultSeverity), lines[i]));
    });
  });

  describe('--stdin', () => {
    it('reads the document from a pipe', () => {
      const r = runCli(['--stdin', '--stdin-filename', 'reviews/pm.md', '--format', 'json', ...onlyRules('action-item-owner-missing'), ...TODAY], {
        input: WITH_ERROR,
      });
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as JsonReport;
      assert.equal(out.files[0].path, 'reviews/pm.md');
      assert.deepEqual(
        out.files[0].diagnostics.map((d) => d.rule),
        ['action-item-owner-missing'],
      );
    });
  });

  describe('bin/postmortem-lint.js', () => {
    it('runs the bundled CLI', () => {
      const r = spawnSync(process.execPath, [BIN, '--list-rules', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).rules.length, RULES.length);
    });
  });
});
