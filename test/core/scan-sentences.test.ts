/**
 * Phrase rules scan all of a document's sentences at once (PhraseMatcher.scanSentences, folded texts
 * joined by NUL). The hits must be exactly those of scanning each sentence on its own.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BLAME_PHRASES } from '../../core/data/blame';
import { HINDSIGHT } from '../../core/data/causes';
import { fold, PhraseMatcher } from '../../core/language/match';

const matchers = [
  new PhraseMatcher(BLAME_PHRASES.map((e) => ({ phrases: e.phrases, entry: e.id }))),
  new PhraseMatcher(HINDSIGHT.map((e, i) => ({ phrases: e.phrases, entry: i }))),
  new PhraseMatcher([{ phrases: ['!!', '?!', 'lorem ipsum', 'to be filled in', 'fault'], entry: 'x' }]),
];
const pieces = [
  'should', 'have', 'should have', 'failed to', 'Failed', 'to', 'careless', 'obviously', 'clearly', 'fault', '!!', '!', '?', 'lorem', 'ipsum',
  'to be filled in', 'the', 'deploy', '-', 'lazy-loaded', 'É', '’', "'", '2', '\u0000', '\n', ' ', '  ', '\u00a0', 'ΣΑΣ', '\u{1F692}',
];
const sentence = fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), fc.constantFrom(' ', '')).map(([p, gap]) => {
  const text = p.join(gap);
  return { text, folded: fold(text) };
});

describe('phrase matching: all sentences in one scan', () => {
  it('gives each sentence the hits of scanning it alone', () => {
    let hits = 0;
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 8 }), (sentences) => {
        for (const m of matchers) {
          const together = m.scanSentences(sentences);
          const alone = sentences.map((s) => m.scan(s.text, s.folded));
          assert.deepEqual(together.map((h) => [...h]), alone);
          hits += alone.flat().length;
        }
      }),
      { numRuns: 600, seed: 20261123 },
    );
    assert.ok(hits > 500, `only ${hits} hits`);
  });
});
