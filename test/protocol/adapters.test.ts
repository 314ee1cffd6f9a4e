/** The server's small adapters, tested directly: snippet text, file selection, code-action kinds, settings. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compileGlobs, DEFAULT_FILE_GLOBS, PostmortemFiles } from '../../config/postmortemFiles';
import { kindWanted } from '../../server/src/lsp/codeActions';
import { snippetToPlainText } from '../../server/src/lsp/snippet';
import { localToday, readSettings } from '../../server/src/server';
import { ROOT } from './lspClient';

describe('snippetToPlainText', function () {
  const cases: Array<[string, string]> = [
    ['@${1:owner}', '@owner'],
    [' (owner: @${1:owner}, due ${2:2026-04-01})', ' (owner: @owner, due 2026-04-01)'],
    ['${1:outer ${2:inner}} end', 'outer inner end'],
    ['a $1 b ${2} c $0', 'a  b  c '],
    ['${1|prevent,detect|}', 'prevent'],
    ['cost: \\$5 and \\} and \\\\', 'cost: $5 and } and \\'],
    ['plain $ sign and {braces}', 'plain $ sign and {braces}'],
    ['${1:unclosed', '${1:unclosed'],
    ['', ''],
  ];
  for (const [snippet, plain] of cases) {
    it(`${JSON.stringify(snippet)} -> ${JSON.stringify(plain)}`, function () {
      assert.equal(snippetToPlainText(snippet), plain);
    });
  }
});

describe('which documents are postmortems (config/postmortemFiles.ts)', function () {
  const files = new PostmortemFiles();
  files.setWorkspaceFolders(['file:///home/sam/ops', 'file:///home/sam/ops/nested']);

  it('matches paths relative to the innermost workspace folder', function () {
    assert.equal(files.relativePath('file:///home/sam/ops/postmortems/a.md'), 'postmortems/a.md');
    assert.equal(files.relativePath('file:///home/sam/ops/nested/b.md'), 'b.md');
    assert.equal(files.relativePath('file:///elsewhere/c%20d.md'), 'elsewhere/c d.md');
    assert.equal(files.relativePath('untitled:Untitled-1'), undefined);
  });

  it('applies the default globs to folders and file names, case-insensitively', function () {
    const yes = ['postmortems/2026-01-dns.md', 'team/Post-Mortems/x.md', 'incidents/2025/inc-42.md', 'docs/2026-03-api-postmortem.md', 'Q1-Post-Mortem.md'];
    const no = ['README.md', 'docs/runbook.md', 'notes/incident-free-week.md'];
    for (const rel of yes) assert.equal(files.matchesGlobs(`file:///home/sam/ops/${rel}`, DEFAULT_FILE_GLOBS), true, rel);
    for (const rel of no) assert.equal(files.matchesGlobs(`file:///home/sam/ops/${rel}`, DEFAULT_FILE_GLOBS), false, rel);
  });

  it('matches a glob without a slash against the file name', function () {
    const m = compileGlobs(['retro-*.md']);
    assert.equal(m('deep/folder/retro-2026.md'), true);
    assert.equal(m('deep/retro/notes.md'), false);
  });

  it('ignores invalid or empty globs and reports them', function () {
    const bad: string[] = [];
    const tooLong = '*'.repeat(70_000);
    const m = compileGlobs(['', '   ', tooLong, '**/ok/**'], (g) => bad.push(g));
    assert.equal(m('x/ok/y.md'), true);
    assert.equal(m('x/other/y.md'), false);
    assert.deepEqual(bad, [tooLong]);
  });

  it('checks text that declares a postmortem, and opted-in files, whatever their path', function () {
    const f = new PostmortemFiles();
    assert.equal(f.isPostmortem('file:///tmp/notes.md', '# Release notes\n', DEFAULT_FILE_GLOBS), false);
    assert.equal(f.isPostmortem('file:///tmp/notes.md', '---\ntype: postmortem\n---\n# Notes\n', DEFAULT_FILE_GLOBS), true);
    assert.equal(f.isPostmortem('untitled:Untitled-1', '# Incident review: cache stampede\n', DEFAULT_FILE_GLOBS), true);
    assert.equal(f.isPostmortem('untitled:Untitled-2', '# Queue stall postmortem\n', DEFAULT_FILE_GLOBS), true);
    // A README about postmortems is not one; with two postmortem sections it is.
    assert.equal(f.isPostmortem('file:///tmp/README.md', '# Postmortem Writer\n\n## Install\n\n## Rules\n', DEFAULT_FILE_GLOBS), false);
    assert.equal(f.isPostmortem('file:///tmp/x.md', '# Postmortem process notes\n\n## Summary\n\n## Timeline\n', DEFAULT_FILE_GLOBS), true);
    f.optIn('file:///tmp/notes.md');
    assert.equal(f.isPostmortem('file:///tmp/notes.md', '# Release notes\n', DEFAULT_FILE_GLOBS), true);
  });

  it('has the defaults package.json declares for postmortem.files', function () {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['postmortem.files'].default, [...DEFAULT_FILE_GLOBS]);
  });
});

describe('server helpers', function () {
  it('kindWanted follows LSP kind hierarchy', function () {
    assert.equal(kindWanted('quickfix', undefined), true);
    assert.equal(kindWanted('quickfix', []), true);
    assert.equal(kindWanted('quickfix', ['quickfix']), true);
    assert.equal(kindWanted('quickfix', ['source']), false);
    assert.equal(kindWanted('source.fixAll.postmortem', ['source.fixAll']), true);
    assert.equal(kindWanted('sourcex', ['source']), false);
  });

  it('readSettings keeps valid values and replaces malformed ones with defaults', function () {
    assert.deepEqual(readSettings({ files: ['a/**'] }).files, ['a/**']);
    assert.deepEqual(readSettings({ files: 'a/**' }).files, [...DEFAULT_FILE_GLOBS]);
    assert.deepEqual(readSettings({ files: [1, 2] }).files, [...DEFAULT_FILE_GLOBS]);
    assert.deepEqual(readSettings(null).files, [...DEFAULT_FILE_GLOBS]);
  });

  it('localToday formats the local date as YYYY-MM-DD', function () {
    assert.equal(localToday(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
    assert.equal(localToday(new Date(2026, 11, 31, 0, 0)), '2026-12-31');
  });
});
