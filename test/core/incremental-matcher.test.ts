/**
 * The fast paths added for speed must not change a single hit: the trie-shaped phrase regex equals
 * the plain longest-first alternation, and the fast `fold` equals folding one code unit at a time.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { BLAME_PHRASES, REJECTION_CUES } from '../../core/data/blame';
import { HINDSIGHT, HUMAN_ERROR, TIMELINE_CAUSAL } from '../../core/data/causes';
import { FILLER_PHRASES } from '../../core/data/placeholders';
import { VAGUE_PHRASES } from '../../core/data/actionItemWords';
import { flatPhraseSource, fold, phraseSource } from '../../core/language/match';

function slowFold(s: string): string {
  let out = '';
  for (const c of s.split('')) {
    if (c === '\u2019' || c === '\u2018' || c === '\u02bc') out += "'";
    else out += c.toLowerCase().length === 1 ? c.toLowerCase() : c;
  }
  return out;
}

function hits(source: string, text: string): string[] {
  const re = new RegExp(source, 'gu');
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(`${m.index}:${m[0]}`);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

const keysOf = (phrases: string[]) => [...new Set(phrases.map((p) => fold(p).replace(/\s+/g, ' ').trim()).filter(Boolean))];

const LISTS: Record<string, string[]> = {
  blame: keysOf(BLAME_PHRASES.flatMap((e) => e.phrases)),
  rejection: keysOf(REJECTION_CUES),
  hindsight: keysOf(HINDSIGHT.flatMap((e) => e.phrases)),
  humanError: keysOf(HUMAN_ERROR.phrases),
  causal: keysOf(TIMELINE_CAUSAL),
  filler: keysOf(FILLER_PHRASES),
  vague: keysOf(VAGUE_PHRASES.flatMap((e) => e.phrases)),
  // Prefixes of one another, punctuation phrases, a hyphenated word: the shapes where order matters.
  shapes: ['fail', 'failed', 'failed to', 'failed to notice', '!!', '!!!', '?!', 'double-check', 'double-check more', "didn't", 'a', 'a b'],
};

/** Text made of phrase pieces, neighbours of phrases and separators, so hits overlap and nest. */
function textFrom(keys: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...keys),
    fc.constantFrom(...keys).map((k) => k.slice(0, Math.max(1, k.length - 2))),
    fc.constantFrom(...keys).map((k) => k.toUpperCase()),
    fc.constantFrom(' ', '  ', '\n', '-', "'", '\u2019', '.', ',', '!', '?', 'x', 'ed', 's', 'é', '3'),
  );
  return fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(''));
}

describe('incremental infrastructure: phrase matching', () => {
  for (const [name, keys] of Object.entries(LISTS)) {
    it(`the trie regex finds exactly what the plain alternation finds (${name}, ${keys.length} phrases)`, () => {
      assert.ok(keys.length > 0);
      const trie = phraseSource(keys);
      const flat = flatPhraseSource(keys);
      assert.notEqual(trie, flat);
      fc.assert(
        fc.property(textFrom(keys), (raw) => {
          const text = fold(raw);
          assert.deepEqual(hits(trie, text), hits(flat, text));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('finds the longest phrase at a position and respects word edges', () => {
    const src = phraseSource(LISTS.shapes);
    assert.deepEqual(hits(src, 'we failed to notice it'), ['3:failed to notice']);
    assert.deepEqual(hits(src, 'failedx fail-safe failed'), ['18:failed']);
    assert.deepEqual(hits(src, 'stop!!! now?!'), ['4:!!!', '11:?!']);
  });

  it('fold equals folding one code unit at a time, for any text', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 40 }), (s) => assert.equal(fold(s), slowFold(s))),
      { numRuns: 2000 },
    );
    for (const s of ['ΟΔΟΣ', 'İstanbul', 'Don\u2019t', '\u{10400}x', 'ẞ', 'MIXED Case ŉ']) assert.equal(fold(s), slowFold(s), s);
  });
});
