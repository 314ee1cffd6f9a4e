/**
 * Name lookups read a table generated from compromise's lexicon (scripts/gen-name-lexicon.ts) instead
 * of loading compromise: the checked-in table must be what the script makes from the installed
 * compromise, and nameKind / knownNonName must answer exactly as a lookup in compromise's own lexicon.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { knownNonName, LOOKUP_CACHE_MAX, lookupCacheSize, nameKind } from '../../core/language/nlp';
import { NAME_LEXICON_FILE, nameLexiconSource } from '../../scripts/gen-name-lexicon';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lexicon = (require('compromise') as { world(): { model: { one: { lexicon: Record<string, unknown> } } } }).world().model.one.lexicon;

/** The lookup as it was, in compromise's lexicon object itself. */
function reference(word: string): { kind: 'first' | 'last' | undefined; nonName: boolean } {
  const w = word.toLowerCase();
  const tag =
    lexicon[w] ??
    (/[^\x00-\x7f]/.test(w) ? lexicon[w.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss')] : undefined);
  const t = (Array.isArray(tag) ? tag.join(',') : tag) as string | undefined;
  if (!t) return { kind: undefined, nonName: false };
  return {
    kind: /FirstName|MaleName|FemaleName/.test(t) ? 'first' : /LastName/.test(t) ? 'last' : undefined,
    nonName: !/FirstName|MaleName|FemaleName|LastName/.test(t),
  };
}

const same = (w: string) => assert.deepEqual({ kind: nameKind(w), nonName: knownNonName(w) }, reference(w), w);

describe('name lexicon (generated from compromise)', () => {
  it('is current: scripts/gen-name-lexicon.ts makes the checked-in file from the installed compromise', () => {
    assert.equal(readFileSync(NAME_LEXICON_FILE, 'utf8'), nameLexiconSource(), 'run: npx tsx scripts/gen-name-lexicon.ts --write');
  });

  it("answers as compromise's lexicon for every word it holds, capitalised or not", () => {
    for (const w of Object.keys(lexicon)) {
      same(w);
      same(w.charAt(0).toUpperCase() + w.slice(1));
    }
  });

  it("answers as compromise's lexicon for any other word, accents and object keys included", () => {
    for (const w of ['constructor', '__proto__', 'toString', 'José', 'Zoë', 'Łukasz', 'Søren', 'Straße', 'İpek', 'terraform', 'Monday', '']) same(w);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.stringMatching(/^[A-Za-zÀ-ÿłøß]{1,10}$/),
          fc.constantFrom(...Object.keys(lexicon).slice(0, 500)).map((w) => w + 'é'),
        ),
        (w) => same(w),
      ),
      { numRuns: 2000 },
    );
  });

  it(`keeps at most ${LOOKUP_CACHE_MAX} words looked up, and answers the same once it starts over`, () => {
    const before = ['Priya', 'Monday', 'Okonkwo', 'terraform'].map((w) => [nameKind(w), knownNonName(w)]);
    // Words no lexicon holds, as a workspace's host names and ticket ids are.
    for (let i = 0; i < LOOKUP_CACHE_MAX * 3; i++) nameKind(`Host${i.toString(36)}q`);
    assert.ok(lookupCacheSize() <= LOOKUP_CACHE_MAX, `${lookupCacheSize()} words held`);
    assert.deepEqual(
      ['Priya', 'Monday', 'Okonkwo', 'terraform'].map((w) => [nameKind(w), knownNonName(w)]),
      before,
    );
    same('Priya');
  });
});
