/**
 * Issue #16: six super-linear patterns of the rules rewritten linearly (blame-language, hindsight-bias,
 * human-error-root-cause). Each OLD pattern is kept here, and only here, to pin what its caller used:
 * fast-check compares old and new on texts built from the pattern's own words, spaces, punctuation,
 * capitals, case-folding characters (ſ, the Kelvin sign, U+0345) and surrogate pairs, and on the shape
 * of recheck's attack at small sizes. Every rewrite gives exactly the old result (no deliberate
 * difference).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { allMatches } from '../../core/language/regexp';
import { rejectionFrame, withoutClauseBefore } from '../../core/rules/blame-language';
import { clauseMatches } from '../../core/rules/hindsight-bias';
import { endsInPossession, passiveDecision } from '../../core/rules/human-error-root-cause';

const RUNS = 4000;

/** A text of up to `max` pieces drawn from `pieces`, each piece in lower, upper or title case. */
function textOf(pieces: string[], max = 24): fc.Arbitrary<string> {
  const cased = fc
    .tuple(fc.constantFrom(...pieces), fc.constantFrom(0, 0, 0, 1, 2))
    .map(([p, c]) => (c === 1 ? p.toUpperCase() : c === 2 ? p.charAt(0).toUpperCase() + p.slice(1) : p));
  return fc.array(cased, { maxLength: max }).map((p) => p.join(''));
}

/** `unit` repeated `n` times between a head and a tail: the shape of a recheck attack, small. */
function attack(head: string[], unit: string[], tail: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...head), fc.constantFrom(...unit), fc.integer({ min: 0, max: 12 }), fc.constantFrom(...tail))
    .map(([h, u, n, t]) => h + u.repeat(n) + t);
}

/** What a caller of a global pattern reads: each match's start, text and groups. */
const shape = (ms: ReadonlyArray<RegExpExecArray>) => ms.map((m) => ({ index: m.index, groups: [...m] }));

const ODD = ['ſ', '\u212a', '\u0345', 'é', 'ß', 'ı', 'İ', '\u{1D400}', '\ud83d', '\u00a0', '_', '7', '\x00'];
const SPACES = [' ', ' ', ' ', '\t', '\n', '  '];

describe('regex rewrites (issue #16): blame-language', () => {
  const OLD_REJECTION =
    /\b(?:calling|treating|labell?ing|describing|writing (?:it|this|that) (?:up )?as|blaming)\b[^.;]*?\b(?:would|is not|isn't|was not|wasn't|does not|doesn't|hides?|stops?|ends?|explains? nothing)\b/i;
  const rejectionWords = [
    'calling',
    'treating',
    'labelling',
    'labeling',
    'describing',
    'writing it as',
    'writing this up as',
    'writing that',
    'blaming',
    'would',
    'is not',
    "isn't",
    'was not',
    "wasn't",
    'does not',
    "doesn't",
    'hide',
    'hides',
    'stops',
    'end',
    'explains nothing',
    'explain nothing',
    'the handover',
    'careless',
    'x',
    'ing',
    'call',
    '.',
    ';',
    ',',
    "'",
    '-',
    ...SPACES,
    ...ODD,
  ];

  it('rejectionFrame gives what the old REJECTION_FRAME pattern tested', () => {
    const texts = fc.oneof(
      textOf(rejectionWords),
      attack(['', 'x ', 'calling '], ["TREATING\x00WASN'", 'treating ', 'calling would', 'calling. would '], ['U', '', ' would', '.']),
    );
    fc.assert(
      fc.property(texts, (t) => rejectionFrame(t) === OLD_REJECTION.test(t)),
      { numRuns: RUNS },
    );
  });

  it('rejectionFrame: a result in the gerund clause, not in the next one', () => {
    assert.equal(rejectionFrame('Calling the handover careless would hide the gap.'), true);
    assert.equal(rejectionFrame('Calling the handover careless. It would hide the gap.'), false);
    assert.equal(rejectionFrame('Calling it; treating it as a lapse hides the gap.'), true);
    assert.equal(rejectionFrame('callingwould'), false);
  });

  const OLD_WITHOUT = /(?:^\W*|[,;:\u2014]\s*)without\b[^,;:]*,?\s*[\p{L}'’-]+\s*$/iu;
  const withoutWords = ['without', 'WITHOUT', 'withouts', 'paging', 'we', 'it', 'x', "'", '’', '-', ',', ';', ':', '\u2014', '.', '(', ...SPACES, ...ODD];

  it('withoutClauseBefore gives what the old "without …, word" pattern tested', () => {
    const texts = fc.oneof(
      textOf(withoutWords),
      attack(['h', '', ', '], ["\u2014without'o", 'without ', ', without', '\t'], ["h'\t\t:without'", ' we', ', we ', '']),
      fc
        .tuple(textOf(withoutWords, 8), attack(['h', ''], ["\u2014without'o"], ["h'"]), fc.constantFrom('\t', ' ', ''), textOf(withoutWords, 6))
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(texts, (t) => withoutClauseBefore(t) === OLD_WITHOUT.test(t)),
      { numRuns: RUNS },
    );
  });

  it('withoutClauseBefore: the clause "without" opens runs to the end', () => {
    assert.equal(withoutClauseBefore('Without paging we '), true);
    assert.equal(withoutClauseBefore('The check ran, without paging, we'), true);
    assert.equal(withoutClauseBefore('Without paging, alerts, we'), false);
    assert.equal(withoutClauseBefore('We ran without paging: we'), false);
    assert.equal(withoutClauseBefore("without'"), true);
    assert.equal(withoutClauseBefore('withoutx'), false);
  });
});

describe('regex rewrites (issue #16): hindsight-bias', () => {
  const OLD_IF_HAD =
    /\b(?:if|when)\s+([\p{L}@'’-]+(?:\s+[\p{L}@'’-]+){0,3}?)\s+had\s+(?:(?:not|never|only|just|already|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+(?:ed|en|wn|un|ne|t))\b[^.;]*?\bwould(?:\s+not|n't|\s+never)?\s+have\b/giu;
  const IF_HAD =
    /\b(?:if|when)\s+([\p{L}@'’-]+(?:\s+[\p{L}@'’-]+){0,3}?)\s+had\s+(?:(?:not|never|only|just|already|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+(?:ed|en|wn|un|ne|t))\b/giu;
  const WOULD_HAVE = /\bwould(?:\s+not|n't|\s+never)?\s+have\b/giu;
  const ifHadWords = [
    'if',
    'when',
    'we',
    'the team',
    '@ana',
    "o'neil",
    'had',
    'not',
    'never',
    'quickly',
    'been',
    'tested',
    'given',
    'shown',
    'run',
    'done',
    'sent',
    'sent-out',
    're-tested',
    'c',
    'would',
    'have',
    'not have',
    "n't",
    'never',
    ' would have',
    'wouldn',
    '.',
    ';',
    ',',
    '-',
    ...SPACES,
    ...ODD,
  ];

  it('clauseMatches(IF_HAD, WOULD_HAVE) gives the old IF_HAD matches: start, text and groups', () => {
    const texts = fc.oneof(
      textOf(ifHadWords, 30),
      attack(
        ['', 'x ', 'if we had tested '],
        ['when\tc\thad\t', 'if we had sent ', 'when c had tested would '],
        ['\x00', ' would have', '. would have', 'would have'],
      ),
    );
    fc.assert(
      fc.property(texts, (t) => assert.deepEqual(shape(clauseMatches(t, IF_HAD, WOULD_HAVE)), shape(allMatches(OLD_IF_HAD, t)))),
      { numRuns: RUNS },
    );
  });

  it('clauseMatches(IF_HAD, WOULD_HAVE): a participle that a hyphen ends, and two conditionals in one sentence', () => {
    const t = 'If we had sent-would have. If the team had been tested, it would have; when we had run it we would not have.';
    assert.deepEqual(shape(clauseMatches(t, IF_HAD, WOULD_HAVE)), shape(allMatches(OLD_IF_HAD, t)));
    assert.equal(clauseMatches(t, IF_HAD, WOULD_HAVE).length, 3);
  });

  const OLD_HAD_INVERTED =
    /(?:^|[,;:]\s*|\b(?:and|but)\s+)((?:had|were)\s+((?:the|our|a|an|either|any|one)\s+(?:of\s+(?:them|us)|[\p{L}-]+(?:\s+[\p{L}-]+)?)|we|they|someone|anyone|\p{Lu}[\p{L}'’-]+)\s+(?:(?:not|only|just|simply|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+))\b[^.;]*?,/giu;
  const HAD_INVERTED =
    /(?:^|[,;:]\s*|\b(?:and|but)\s+)((?:had|were)\s+((?:the|our|a|an|either|any|one)\s+(?:of\s+(?:them|us)|[\p{L}-]+(?:\s+[\p{L}-]+)?)|we|they|someone|anyone|\p{Lu}[\p{L}'’-]+)\s+(?:(?:not|only|just|simply|\p{Ll}+ly)\s+)?(been\s+)?([\p{L}-]+))\b/giu;
  const invertedWords = [
    'had',
    'were',
    'the',
    'a',
    'one of them',
    'either',
    'reviewer',
    'second engineer',
    'we',
    'they',
    'someone',
    'Ana',
    "O'Neil",
    'not',
    'simply',
    'quickly',
    'been',
    'run',
    'looked',
    'dı',
    'p',
    'ßb',
    'and',
    'but',
    ',',
    ';',
    ':',
    '.',
    '-',
    ...SPACES,
    ...ODD,
  ];

  it('clauseMatches(HAD_INVERTED, ",") gives the old HAD_INVERTED matches: start, text and groups', () => {
    const texts = fc.oneof(
      textOf(invertedWords, 30),
      attack(['had\tdı\tp', 'Had we ', '; had the team ', 'x, were they '], ['ßb', 'run ', 'ßb, had we ', '; had we '], ['.', ',', ', it', '']),
    );
    fc.assert(
      fc.property(texts, (t) => assert.deepEqual(shape(clauseMatches(t, HAD_INVERTED, /,/g)), shape(allMatches(OLD_HAD_INVERTED, t)))),
      { numRuns: RUNS },
    );
  });

  it('clauseMatches(HAD_INVERTED, ","): an inversion after ";" and one whose comma is in the next clause', () => {
    const t = 'It held; had the reviewer run the suite, it would have failed. Had we looked. Then, it stopped';
    assert.deepEqual(shape(clauseMatches(t, HAD_INVERTED, /,/g)), shape(allMatches(OLD_HAD_INVERTED, t)));
    assert.equal(clauseMatches(t, HAD_INVERTED, /,/g).length, 1);
  });
});

describe('regex rewrites (issue #16): human-error-root-cause', () => {
  const OLD_PASSIVE =
    /\b(?:was|were|been|got)\s+(?:\p{Ll}+ly\s+)?(deemed|performed|uploaded|entered|typed|edited|made|approved without|judged|decided|considered|approved|merged|deleted|removed|executed|pushed|deployed|changed|modified|misconfigured|introduced|disabled|dropped|truncated|wiped|overwritten|run|made|skipped|ignored|overlooked)\b[^,;.]*?(?=\s+by\s)/iu;
  const passiveWords = [
    'was',
    'were',
    'been',
    'got',
    'quickly',
    'deemed',
    'approved',
    'approved without',
    'run',
    'running',
    'made',
    'review',
    'by',
    ' by ',
    'by by',
    'abby',
    'the',
    'engineer',
    ',',
    ';',
    '.',
    ...SPACES,
    ...ODD,
  ];

  it('passiveDecision gives the old PASSIVE_DECISION match: start, text and verb', () => {
    const texts = fc.oneof(
      textOf(passiveWords, 30),
      attack(['', 'x ', 'was run '], ['got\trun\x00', 'was run ', '  ', 'was made, '], [',', ' by x', '  by ', ' by', 'by ']),
    );
    fc.assert(
      fc.property(texts, (t) => {
        const m = passiveDecision(t);
        const o = OLD_PASSIVE.exec(t);
        assert.deepEqual(m && { index: m.index, groups: [...m] }, o && { index: o.index, groups: [...o] });
      }),
      { numRuns: RUNS },
    );
  });

  it('passiveDecision: the match ends where the spaces before "by" begin', () => {
    const m = passiveDecision('The change was deemed safe   by the developer.');
    assert.ok(m);
    assert.equal(m[0], 'was deemed safe');
    assert.equal(m[1], 'deemed');
    assert.equal(passiveDecision('It was deemed safe, by then.'), null);
  });

  const OLD_POSSESSION = /\b(?:had|has|have)\s+(?:its|their|his|her|the|a|an)\s+[\p{L}\s-]{1,30}$/iu;
  const possessionWords = [
    'had',
    'has',
    'have',
    'its',
    'itſ',
    'their',
    'his',
    'her',
    'the',
    'a',
    'an',
    'config',
    'rollout checklist',
    'x-y',
    'ha',
    'xhad',
    ...SPACES,
    ...ODD,
  ];

  it('endsInPossession gives what the old "had its …" pattern tested (up to 30 code points, case-folded)', () => {
    const texts = fc.oneof(
      textOf(possessionWords, 20),
      attack(['had\ta\t', 'had the ', 'x had an '], ['\t\t', 'ab ', '\u{1D400}', '\u0345'], ['\x00', '', ' ', 'x']),
    );
    fc.assert(
      fc.property(texts, (t) => endsInPossession(t) === OLD_POSSESSION.test(t)),
      { numRuns: RUNS },
    );
  });

  it('endsInPossession: 30 code points, not 30 UTF-16 units', () => {
    const astral = '\u{1D400}'.repeat(20);
    assert.equal(endsInPossession(`had the ${astral}`), true);
    assert.equal(endsInPossession(`had the ${'a'.repeat(31)}`), false);
    assert.equal(endsInPossession('had the '), false);
    assert.equal(endsInPossession('had the  '), true);
  });
});
