/** allMatches must give what [...text.matchAll(re)] gives, without copying the pattern. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { allMatches, trailingByLength, trimEndWhere, trimStartWhere, withoutLastWord } from '../../core/language/regexp';

const PATTERNS = [/a+/g, /\p{Lu}\p{Ll}*/gu, /(?:)/g, /(?:)/gu, /x*/gu, /(?<![\p{L}])(to|of)\s+(\p{Lu})/gu, /\b\w/gy, /[\u{1F692}]|b/gu];
const text = fc.array(fc.constantFrom('a', 'b', 'A', 'Ana', ' ', 'to', 'of', 'x', '\u{1F692}', '\ud83d', 'é', '\n'), { maxLength: 20 }).map((p) => p.join(''));

describe('allMatches', () => {
  it('equals matchAll for global patterns, empty matches and surrogate pairs included', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (t, re) => {
        const expected = [...t.matchAll(re)].map((m) => [m.index, ...m]);
        assert.deepEqual(allMatches(re, t).map((m) => [m.index, ...m]), expected, `${re} on ${JSON.stringify(t)}`);
        assert.equal(re.lastIndex, 0);
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });

  it('lets the caller use the pattern again inside the loop', () => {
    const re = /\d/g;
    const seen: string[] = [];
    for (const m of allMatches(re, 'a1b2')) seen.push(m[0] + allMatches(re, '34').length);
    assert.deepEqual(seen, ['12', '22']);
  });

  it('refuses a pattern without the global flag, like matchAll', () => {
    assert.throws(() => allMatches(/a/, 'a'), TypeError);
  });
});

describe('trimEndWhere / trimStartWhere', () => {
  const runs = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '*', '_', ':', ')', ']', 'a', 'b', '\u{1F692}'), { maxLength: 20 }).map((p) => p.join(''));
  it('strip what /[…]+$/ and /^[…]+/ strip, for the classes the core uses', () => {
    const classes: [RegExp, RegExp, RegExp][] = [
      [/[\s:.,)\]]/, /[\s:.,)\]]+$/, /^[\s:.,)\]]+/],
      [/[\s*_]/, /[\s*_]+$/, /^[\s*_]+/],
      [/[\s*_\]`)]/, /[\s*_\]`)]+$/, /^[\s*_\]`)]+/],
    ];
    fc.assert(
      fc.property(runs, fc.constantFrom(...classes), (t, [one, end, start]) => {
        assert.equal(trimEndWhere(t, one), t.replace(end, ''), JSON.stringify(t));
        assert.equal(trimStartWhere(t, one), t.replace(start, ''), JSON.stringify(t));
      }),
      { numRuns: 1000, seed: 20261207 },
    );
  });
});

describe('withoutLastWord / trailingByLength', () => {
  const words = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', 'by', 'BY', 'b', 'y', 'x', 'abby'), { maxLength: 12 }).map((p) => p.join(''));
  it('equal the /\\s+\\S+$/ cut and the /\\s+by\\s+$/i match they replace', () => {
    fc.assert(
      fc.property(words, (t) => {
        assert.equal(withoutLastWord(t), t.replace(/\s+\S+$/, ''), JSON.stringify(t));
        assert.equal(trailingByLength(t), /\s+by\s+$/i.exec(t)?.[0].length, JSON.stringify(t));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});

describe('withoutTrailingUnit (a time column header without its unit)', () => {
  it('equals the /\\s*\\([^)]*\\)\\s*$/ strip it replaces on trimmed cells', async () => {
    const fc = (await import('fast-check')).default;
    const { withoutTrailingUnit } = await import('../../core/extract/timeline');
    const cell = fc.stringOf(fc.constantFrom('(', ')', ' ', '\t', 'T', 'i', 'm', 'e', 'U', 'C'), { maxLength: 30 }).map((s) => s.trim());
    fc.assert(fc.property(cell, (h) => withoutTrailingUnit(h) === h.replace(/\s*\([^)]*\)\s*$/, '')), { numRuns: 3000 });
    for (const [h, want] of [['Time (UTC)', 'Time'], ['Date', 'Date'], ['Day (local) (CET)', 'Day (local)'], ['()', ''], ['(a) b', '(a) b']]) assert.equal(withoutTrailingUnit(h), want);
  });
});
