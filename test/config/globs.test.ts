/**
 * Globs from configuration stay linear (issue 16 item 7): extglobs are off and wildcards are bounded,
 * for `ignore` in .postmortemrc files, `postmortem.files` and `files.exclude` (an untrusted workspace
 * can set all three). Growth is compared as a ratio of times (n and 4n), never as a time.
 */
import { strict as assert } from 'node:assert';
import { compileGlob, MAX_GLOB_WILDCARDS } from '../../config/globs';
import { compileGlobs } from '../../config/postmortemFiles';
import { excludeMatcher } from '../../server/src/workspace/scan';
import { growth } from '../helpers/growth';

describe('globs from configuration', () => {
  it('an extglob that nests quantifiers (+(*)b) matches in linear time: n and 4n within 6x', () => {
    const m = compileGlob('+(*)b');
    const ratio = growth(
      (n) => 'a'.repeat(n) + 'c',
      (s) => m(s),
      24,
    );
    assert.ok(ratio < 6, `ratio ${ratio.toFixed(2)}`);
    const files = compileGlobs(['**/+(*)b', '+(a*)b']);
    const ratio2 = growth(
      (n) => `x/${'a'.repeat(n)}c`,
      (s) => files(s),
      24,
    );
    assert.ok(ratio2 < 6, `ratio ${ratio2.toFixed(2)}`);
    const exclude = excludeMatcher({ '+(a*)b': true });
    const ratio3 = growth(
      (n) => 'a'.repeat(n) + 'c',
      (s) => exclude(s),
      24,
    );
    assert.ok(ratio3 < 6, `ratio ${ratio3.toFixed(2)}`);
  });

  it('extglob syntax is literal text, ordinary globs still match', () => {
    assert.equal(compileGlob('drafts/**')('drafts/a/b.md'), true);
    assert.equal(compileGlob('**/*postmortem*', { nocase: true })('docs/API-Postmortem.md'), true);
    assert.equal(compileGlob('+(a)b')('aab'), false);
  });

  it('refuses a glob with more wildcards than a path pattern needs', () => {
    assert.throws(() => compileGlob('*a'.repeat(MAX_GLOB_WILDCARDS + 1)), /wildcards/);
    const bad: string[] = [];
    compileGlobs(['*a'.repeat(MAX_GLOB_WILDCARDS + 1), '**/*.md'], (g) => bad.push(g));
    assert.equal(bad.length, 1);
  });
});
