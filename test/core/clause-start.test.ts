/**
 * blame-language reads a rewrite back from the start of its coordinate clause; that boundary is the
 * clause reader's (core/clauses.ts `coordinateClauseStart`). It must be where the rule's own copy put it
 * (the copy, deleted since, is kept below as the oracle).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { coordinateClauseStart } from '../../core/language/clauses';
import { allMatches } from '../../core/language/regexp';

/** blame-language's former clauseStart, verbatim. */
function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  let start = 0;
  for (const m of allMatches(/;\s+|,\s+(?:and|but|so|or|while|yet)\s+/g, before)) start = m.index + m[0].length;
  return start;
}

const pieces = [
  'the',
  'on-call engineer',
  'should have',
  'checked',
  'Ana',
  'and',
  'but',
  'so',
  'or',
  'while',
  'yet',
  'band',
  'Andrew',
  'sorry',
  'butter',
  'Yet',
  'AND',
  ',',
  ';',
  ', and',
  '; ',
  ',and',
  '.',
  '—',
  '(',
  ')',
  '\u00a0',
  '\t',
  '\n',
  '🚒',
  'Ravi’s',
  'émigré',
];
const text = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', '  ', '\t', '\n')), { maxLength: 16 })
  .map((xs) => xs.map(([w, g]) => w + g).join(''));

describe('coordinate clause start (the clause reader)', () => {
  it('is where blame-language put it, at every offset', () => {
    let inside = 0;
    fc.assert(
      fc.property(text, (t) => {
        for (let at = 0; at <= t.length; at++) {
          const got = coordinateClauseStart(t, at);
          assert.equal(got, clauseStart(t, at), `${JSON.stringify(t)} at ${at}`);
          if (got > 0) inside++;
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
    assert.ok(inside > 1000, `only ${inside} offsets after a break`);
  });

  it('starts after the last semicolon or comma-and before the offset', () => {
    const s = 'The deploy went out; the canary passed, and the on-call engineer should have paused it, so we lost time.';
    assert.equal(s.slice(coordinateClauseStart(s, s.indexOf('should'))), s.slice(s.indexOf('the on-call')));
    assert.equal(coordinateClauseStart(s, s.indexOf('canary')), s.indexOf('the canary'));
    assert.equal(coordinateClauseStart('Ana and Ben should have checked', 20), 0);
  });
});
