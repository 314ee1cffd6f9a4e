/** allMatches must give what [...text.matchAll(re)] gives, without copying the pattern. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  allMatches,
  hasLinkTarget,
  lastLineStart,
  replaceIdentifiers,
  trailingByLength,
  trimEndWhere,
  trimStartWhere,
  withoutLastWord,
  withoutLineComments,
  withoutTrailingParenthesis,
  withoutTrailingWordOrSpace,
} from '../../core/language/regexp';
import { EXPLAINED } from '../../core/rules/contributing-factor-vague';
import { isWhyTitle } from '../../core/extract/fiveWhys';
import { endsWithLowerWordNotBe } from '../../core/rules/hindsight-bias';
import { headingText } from '../../core/rules/metadata-missing';
import { WHY_LABEL } from '../../core/rules/human-error-root-cause';

const PATTERNS = [/a+/g, /\p{Lu}\p{Ll}*/gu, /(?:)/g, /(?:)/gu, /x*/gu, /(?<![\p{L}])(to|of)\s+(\p{Lu})/gu, /\b\w/gy, /[\u{1F692}]|b/gu];
const text = fc.array(fc.constantFrom('a', 'b', 'A', 'Ana', ' ', 'to', 'of', 'x', '\u{1F692}', '\ud83d', 'é', '\n'), { maxLength: 20 }).map((p) => p.join(''));

describe('allMatches', () => {
  it('equals matchAll for global patterns, empty matches and surrogate pairs included', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...PATTERNS), (t, re) => {
        const expected = [...t.matchAll(re)].map((m) => [m.index, ...m]);
        assert.deepEqual(
          allMatches(re, t).map((m) => [m.index, ...m]),
          expected,
          `${re} on ${JSON.stringify(t)}`,
        );
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
    fc.assert(
      fc.property(cell, (h) => withoutTrailingUnit(h) === h.replace(/\s*\([^)]*\)\s*$/, '')),
      { numRuns: 3000 },
    );
    for (const [h, want] of [
      ['Time (UTC)', 'Time'],
      ['Date', 'Date'],
      ['Day (local) (CET)', 'Day (local)'],
      ['()', ''],
      ['(a) b', '(a) b'],
    ])
      assert.equal(withoutTrailingUnit(h), want);
  });
});

describe('quotesWord (a flagged word inside a quotation)', () => {
  it('equals the /["“][^"”]{0,60}\\bWORD\\b[^"”]{0,60}["”]/iu test it replaces', async () => {
    const { quotesWord } = await import('../../core/language/clauses');
    const old = (t: string, w: string) =>
      new RegExp(`["“][^"”]{0,60}\\b${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[^"”]{0,60}["”]`, 'iu').test(t);
    // A quotation around the word with fillers near the 60-code-point windows (surrogate pairs count
    // one under `u`), other quotation marks and words around it.
    const bit = fc.constantFrom('"', '\u201c', '\u201d', "'", ' ', 'careless', 'CARELESS', 'carelessly', 'ha ha', 'x', '\u{1F692}', '.', '\n');
    const bits = fc.array(bit, { maxLength: 4 }).map((p) => p.join(''));
    const filler = fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 56, max: 63 }), fc.constantFrom(' ', '-', '\u{1F692}'))
      .map(([z, k, c]) => (z === 0 ? ' ' : c.repeat(k)));
    const text = fc
      .tuple(
        bits,
        fc.constantFrom('"', '\u201c', '\u201d', ''),
        filler,
        bits,
        fc.constantFrom('careless', 'Careless', 'ha ha ha'),
        filler,
        bits,
        fc.constantFrom('"', '\u201d', '\u201c', ''),
        bits,
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom('careless', 'Careless', 'ha ha', "'s fault", 'x.y'), (t, w) => {
        assert.equal(quotesWord(t, w), old(t, w), `${JSON.stringify(w)} in ${JSON.stringify(t)}`);
      }),
      { numRuns: 5000, seed: 20261207 },
    );
    assert.equal(quotesWord('the draft said "careless" once', 'careless'), true);
    assert.equal(quotesWord(`"${'y'.repeat(61)} careless"`, 'careless'), false);
  });
});

describe('patterns that start at the first space of a run (linear rewrites)', () => {
  // Each pair: the old pattern's use and the new one's, as the core calls them. A match of the old
  // `\s*X` or `\s+X` can always start at the first space of its run, so `(?<!\s)` (or an optional
  // `(?:(?<!\s)\s+)?`) finds the same leftmost matches without retrying from every space of a run.
  const PAIRS: Array<[string, (s: string) => unknown, (s: string) => unknown]> = [
    ['due-date range split', (s) => s.split(/\s+(?:-|–|—|to)\s+/), (s) => s.split(/(?<!\s)\s+(?:-|–|—|to)\s+/)],
    [
      'trailing "items"',
      (s) => s.replace(/\s*(?:items?|actions?|measures?)\s*$/i, ''),
      (s) => s.replace(/(?:(?<!\s)\s+)?(?:items?|actions?|measures?)\s*$/i, ''),
    ],
    ['trailing [tag]', (s) => s.replace(/\s*\[[a-z]+\]\s*$/i, ''), (s) => s.replace(/(?:(?<!\s)\s+)?\[[a-z]+\]\s*$/i, '')],
    ['space before punctuation', (s) => s.replace(/\s+([:;,.])/g, '$1'), (s) => s.replace(/(?<!\s)\s+([:;,.])/g, '$1')],
    ['metadata list split', (s) => s.split(/\s*(?:,|;|\band\b|&|\/)\s*/), (s) => s.split(/(?:(?<!\s)\s+)?(?:,|;|\band\b|&|\/)\s*/)],
    ['owner list split (report)', (s) => s.split(/\s*(?:,|;|&|\/|\+|\band\b)\s*/i), (s) => s.split(/(?:(?<!\s)\s+)?(?:,|;|&|\/|\+|\band\b)\s*/i)],
    [
      'owner list split (rule)',
      (s) => s.split(/\s*(?:,|;|&|\+|\band\b|\s\/\s|(?<=\S)\/(?=@))\s*/i),
      (s) => s.split(/(?:(?<!\s)\s+)?(?:,|;|&|\+|\band\b|\s\/\s|(?<=\S)\/(?=@))\s*/i),
    ],
    ['blame fields', (s) => /\s+(?:\(|[—–]\s|-\s|\|)/.exec(s)?.index, (s) => /(?<!\s)\s+(?:\(|[—–]\s|-\s|\|)/.exec(s)?.index],
    [
      'trailing "sooner"',
      (s) => s.replace(/\s*\b(?:sooner|earlier|faster|in time)$/i, ''),
      (s) => s.replace(/(?:(?<!\s)\s+)?\b(?:sooner|earlier|faster|in time)$/i, ''),
    ],
    ['next word after a mark', (s) => nextWords(/\s+(\S)/g, s), (s) => nextWords(/(?<!\s)\s+(\S)/g, s)],
    ['last word or trailing space', (s) => s.replace(/\s+\S*$/, ''), (s) => withoutTrailingWordOrSpace(s)],
    ['JSON position', (s) => s.replace(/ in JSON at position \d+.*$/, ''), (s) => cutLastLine(s, / in JSON at position \d/)],
    ['URI query', (s) => s.replace(/[?#].*$/, ''), (s) => cutLastLine(s, /[?#]/)],
  ];
  /** NEXT_WORD as prose.ts uses it: from right after each non-space character. */
  function nextWords(re: RegExp, s: string): unknown[] {
    const out: unknown[] = [];
    for (let p = 0; p <= s.length; p++) {
      if (p > 0 && /\s/.test(s[p - 1])) continue;
      re.lastIndex = p;
      const m = re.exec(s);
      out.push(m && [m.index, m[1]]);
    }
    return out;
  }
  function cutLastLine(s: string, re: RegExp): string {
    const last = lastLineStart(s);
    const m = re.exec(s.slice(last));
    return m ? s.slice(0, last + m.index) : s;
  }
  const bits = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\n',
    '\r',
    '\u2028',
    '-',
    '–',
    '—',
    'to',
    't',
    ',',
    ';',
    'and',
    'band',
    '&',
    '/',
    '+',
    '@',
    '[',
    ']',
    'x',
    'items',
    'action',
    '(',
    '|',
    'sooner',
    'in time',
    ':',
    '.',
    '?',
    '#',
    ' in JSON at position ',
    '5',
  );
  const text = fc.array(bits, { maxLength: 14 }).map((p) => p.join(''));
  for (const [name, before, after] of PAIRS) {
    it(`${name}: the same result as the old pattern`, () => {
      fc.assert(
        fc.property(text, (s) => assert.deepEqual(after(s), before(s), JSON.stringify(s))),
        { numRuns: 3000, seed: 20261207 },
      );
    });
  }
});

describe('anchored line patterns without adjacent quantifiers over the same characters', () => {
  // Each pair: the old pattern and its rewrite, compared on the whole match and every group.
  const PAIRS: Array<[string, RegExp, RegExp]> = [
    ['heading text (detect)', /^ {0,3}#{1,6}[ \t]+(.*)$/, /^ {0,3}#{1,6}[ \t]+(?![ \t])(.*)$/],
    ['code fence (section-missing)', /^ {0,3}(`{3,}|~{3,})(.*)$/, /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/],
    ['heading without a colon (metadata-missing)', /^[ \t]*(#{1,6})[ \t]+[^:]*$/, /^[ \t]*(#{1,6})[ \t]+(?![ \t])[^:]*$/],
    [
      'why marker',
      /^((?:\*\*|__)?\s*(?:why\s*#?\s*|q\s*))(\d+)(\s*[:.)—–-]+\s*(?:\*\*|__)?\s*)/i,
      /^((?:\*\*|__)?\s*(?:why\s*(?:#\s*)?|q\s*))(\d+)(\s*[:.)—–-]+\s*(?:(?:\*\*|__)\s*)?)/i,
    ],
    [
      'answer marker',
      /^((?:\*\*|__)?\s*(?:because\b[,:]?|a\s*(\d*)\s*[:.)]|answer\s*\d*\s*[:.]|→|->|=>)\s*(?:\*\*|__)?[ \t]*)/i,
      /^((?:\*\*|__)?\s*(?:because\b[,:]?|a\s*(\d*)(?:(?<=\d)\s*)?[:.)]|answer\s*(?:\d+\s*)?[:.]|→|->|=>)\s*(?:(?:\*\*|__)[ \t]*)?)/i,
    ],
  ];
  const lead = fc.constantFrom('#', '##', ' #', '```', '~~~~', '**', '__', 'why', 'Why', 'q', 'a', 'A', 'answer', 'because', '→', '', ' ');
  const bits = fc.constantFrom(' ', '\t', '\n', '\r', '#', '`', '~', 'x', ':', '.', ')', '-', '—', '**', '__', ',', '2', '12', '2 ', ' 12 ', '=>');
  const text = fc.tuple(lead, fc.array(bits, { maxLength: 10 })).map(([l, p]) => l + p.join(''));
  for (const [name, before, after] of PAIRS) {
    it(`${name}: the same match and groups`, () => {
      fc.assert(
        fc.property(text, (s) => assert.deepEqual(after.exec(s) && [...after.exec(s)!], before.exec(s) && [...before.exec(s)!], JSON.stringify(s))),
        { numRuns: 4000, seed: 20261207 },
      );
    });
  }
});

describe('replaceDelimited / linksToText (an opener read to its closer in linear time)', () => {
  const bits = fc.constantFrom('(', ')', '[', ']', '](', '${', '${1', '${12:', '${2|', '|', '|}', ',', '}', ':', 'a', 'b', ' ', '\n', '$', '{', '1');
  const text = fc.array(bits, { maxLength: 16 }).map((p) => p.join(''));
  it('equal the patterns they replace', async () => {
    const { replaceDelimited, linksToText } = await import('../../core/language/regexp');
    const { resolveSnippet } = await import('../../core/rules/actionItemCommon');
    const oldSnippet = (s: string) =>
      s
        .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}|\$\d+/g, '')
        .replace(/\\([$}\\])/g, '$1');
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(
          replaceDelimited(s, /\(/g, ')', () => ' '),
          s.replace(/\([^)]*\)/g, ' '),
          JSON.stringify(s),
        );
        assert.equal(linksToText(s), s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'), JSON.stringify(s));
        assert.equal(resolveSnippet(s), oldSnippet(s), JSON.stringify(s));
      }),
      { numRuns: 5000, seed: 20261207 },
    );
  });
});

describe('5 Whys and question patterns whose greedy runs end at a lookahead', () => {
  // A failed `(.*)$` fails again from any shorter run before it (it reads more), so ending each run
  // with a lookahead keeps the only attempt that could match: same match and groups, linear.
  const PAIRS: Array<[string, RegExp, RegExp]> = [
    [
      'fiveWhys.ts',
      /^(?:why\s*#?\s*(\d+)\s*[:.)—–-]+\s*|q\s*(\d*)\s*[:.)]\s*|question\s*\d*\s*[:.]\s*)(.*)$/i,
      /^(?:why\s*(?:#\s*)?(\d+)\s*[:.)—–-]+(?![:.)—–-])\s*(?!\s)|q\s*(\d*)(?:(?<=\d)\s*)?[:.)]\s*(?!\s)|question\s*(?:\d+\s*)?[:.]\s*(?!\s))(.*)$/i,
    ],
    [
      'fiveWhys.ts',
      /^(?:because\b[,:]?\s*|a\s*(\d*)\s*[:.)]\s*|answer\s*\d*\s*[:.]\s*|(?:→|->|=>)\s*)(.*)$/i,
      /^(?:because\b[,:]?\s*(?!\s)|a\s*(\d*)(?:(?<=\d)\s*)?[:.)]\s*(?!\s)|answer\s*(?:\d+\s*)?[:.]\s*(?!\s)|(?:→|->|=>)\s*(?!\s))(.*)$/i,
    ],
    [
      'fiveWhys.ts',
      /^(?:(?:the\s+)?root\s+cause|conclusion)\s*(?:[:—–-]|is\b)\s*(.*)$/i,
      /^(?:(?:the\s+)?root\s+cause|conclusion)\s*(?:[:—–-]|is\b)\s*(?!\s)(.*)$/i,
    ],
    [
      'fiveWhys.ts',
      /^(?:problem(?:\s+statement)?|symptom|issue|incident|starting point)\s*[:—–-]\s*(.*)$/i,
      /^(?:problem(?:\s+statement)?|symptom|issue|incident|starting point)\s*[:—–-]\s*(?!\s)(.*)$/i,
    ],
    ['fiveWhys.ts', /^(why\b[^?]*\?)\s*(?:[—–:-]+\s*)?(.*)$/i, /^(why\b[^?]*\?)\s*(?!\s)(?:[—–:-]+(?![—–:-])\s*(?!\s))?(.*)$/i],
    ['fiveWhys.ts', /^([^?]*\?)\s*(?:[—–:-]+\s*)?(.*)$/, /^([^?]*\?)\s*(?!\s)(?:[—–:-]+(?![—–:-])\s*(?!\s))?(.*)$/],
    ['blame-language.ts', /^\s+([\p{L}'-]+)([^?]*)\?/u, /^\s+([\p{L}'-]+)(?![\p{L}'-])([^?]*)\?/u],
  ];
  const lead = fc.constantFrom(
    'why',
    'Why',
    'q',
    'question',
    'a',
    'answer',
    'because',
    'root cause',
    'the root  cause',
    'conclusion',
    'problem statement',
    'issue',
    '→',
    '',
    ' ',
  );
  const bits = fc.constantFrom(' ', '\t', '\n', '\r', 'why', 'is', ':', '.', ')', ',', '-', '—', '?', '#', '2', '12', '2 ', ' 12 ', '->', "'", 'x', 'é');
  const text = fc.tuple(lead, fc.array(bits, { maxLength: 10 })).map(([l, p]) => l + p.join(''));
  for (const [file, before, after] of PAIRS) {
    it(`${file} ${before.source.slice(0, 40)}…: the same match and groups`, () => {
      fc.assert(
        fc.property(text, (s) => assert.deepEqual(after.exec(s) && [...after.exec(s)!], before.exec(s) && [...before.exec(s)!], JSON.stringify(s))),
        { numRuns: 4000, seed: 20261207 },
      );
    });
  }
});

describe('conditions, edge punctuation and cut-unsafe text read in one pass', () => {
  it('equal the patterns they replace', async () => {
    const { openCondition } = await import('../../core/rules/blame-language');
    const { withoutEdgePunctuation } = await import('../../core/language/subject');
    const { cutUnsafe } = await import('../../core/engine/parse');
    const bits = fc.constantFrom(
      'if',
      'If',
      'whether',
      'iffy',
      'x',
      ' ',
      ',',
      ';',
      ':',
      '.',
      '[',
      ']',
      ']:',
      '\n',
      ' <',
      '<!--',
      '<a',
      '   <',
      '@',
      '-',
      '\u{1F692}',
      '\u{1D400}',
      '\ud835',
      'é',
      '1',
      '٣',
    );
    const text = fc.array(bits, { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (s) => {
        assert.equal(openCondition(s), /\b(?:whether|if)\b[^,;:.]*$/i.test(s), JSON.stringify(s));
        assert.equal(withoutEdgePunctuation(s), s.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ''), JSON.stringify(s));
        assert.equal(cutUnsafe(s), /\[[^\]\n]*\]:|^ {0,3}<(?!!--)/m.test(s), JSON.stringify(s));
      }),
      { numRuns: 6000, seed: 20261207 },
    );
  });
});

describe('optional separators that carry their own spaces', () => {
  // `\s*[/ ]?\s*` and `\s*\.?\s*` are `\s*\s*` when the separator is absent: every split of a run of
  // spaces was tried. `\s*(?:\/\s*)?` and `\s*(?:\.\s*)?` match the same text, once.
  const PAIRS: Array<[string, RegExp, RegExp]> = [
    [
      'quarter',
      /(?<![\w-])(?:(?:the\s+)?end\s+of\s+|eo)?(?:(\d{4})\s*)?q([1-4])(?:\s*[/ ]?\s*(\d{4}))?(?![\w-])/i,
      /(?<![\w-])(?:(?:the\s+)?end\s+of\s+|eo)?(?:(\d{4})\s*)?q([1-4])(?:\s*(?:\/\s*)?(\d{4}))?(?![\w-])/i,
    ],
    [
      'half',
      /(?<![\w-])(?:(?:the\s+)?end\s+of\s+)?h([12])(?:\s*[/ ]?\s*(\d{4}))?(?![\w-])/i,
      /(?<![\w-])(?:(?:the\s+)?end\s+of\s+)?h([12])(?:\s*(?:\/\s*)?(\d{4}))?(?![\w-])/i,
    ],
    ['trailing parenthesis', /\(([^()]*)\)\s*\.?\s*$/, /\(([^()]*)\)\s*(?:\.\s*)?$/],
  ];
  const bits = fc.constantFrom(' ', '  ', '\t', '/', '.', 'q1', 'Q4', 'h2', 'H1', 'eo', 'end of ', 'the ', '2026', '20261', '-', 'x', '(', ')', '(a)', '\n');
  const text = fc.array(bits, { maxLength: 10 }).map((p) => p.join(''));
  for (const [name, before, after] of PAIRS) {
    it(`${name}: the same match and groups`, () => {
      fc.assert(
        fc.property(text, (s) =>
          assert.deepEqual(
            after.exec(s) && [...after.exec(s)!, after.exec(s)!.index],
            before.exec(s) && [...before.exec(s)!, before.exec(s)!.index],
            JSON.stringify(s),
          ),
        ),
        { numRuns: 4000, seed: 20261207 },
      );
    });
  }
});

describe('rewrites of patterns recheck found super-linear (old pattern against the linear form)', () => {
  const join = (bits: fc.Arbitrary<string>, max: number) => fc.array(bits, { maxLength: max }).map((p) => p.join(''));
  // Each generator mixes the attack shape recheck reported (long runs of one repeated piece) with the
  // pieces that make the old pattern match.
  const attack = (piece: string) => fc.integer({ min: 0, max: 40 }).map((n) => piece.repeat(n));

  it('withoutTrailingParenthesis gives what /\\s*\\([^)]*\\)\\s*$/ removes', () => {
    const bits = fc.oneof(fc.constantFrom('(', ')', ' ', '\t', '\n', 'a', 'SRE', '@kim', '()', '(x)', ' (a b) '), attack('\t'), attack(' ('));
    fc.assert(
      fc.property(join(bits, 14), (t) => assert.equal(withoutTrailingParenthesis(t), t.replace(/\s*\([^)]*\)\s*$/, ''), JSON.stringify(t))),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it('hasLinkTarget says what /\\]\\(\\s*[^)\\s]+\\s*\\)/ says', () => {
    const bits = fc.oneof(fc.constantFrom('](', ']', '(', ')', ' ', '\t', '\n', 'x', 'http://a', '[a](b)', '](b )', ']( b)'), attack(']('), attack('](]'));
    fc.assert(
      fc.property(join(bits, 14), (t) => assert.equal(hasLinkTarget(t), /\]\(\s*[^)\s]+\s*\)/.test(t), JSON.stringify(t))),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it('withoutLineComments gives what /<!--.*?-->/g removes', () => {
    const bits = fc.oneof(
      fc.constantFrom('<!--', '-->', '<!---->', '-', '>', '<', '!', 'a', ' ', '\n', '\r', '\u2028', '\u2029', '\u{1F692}'),
      attack('-><!--\x00'),
    );
    fc.assert(
      fc.property(join(bits, 14), (t) => assert.equal(withoutLineComments(t), t.replace(/<!--.*?-->/g, ''), JSON.stringify(t))),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it('WHY_LABEL leaves markup only where /^\\s*(?:q\\d*|why)\\s*[:.)]?/gim did', () => {
    const only = (s: string) => /^[\s>*_#\-\d.)]*$/.test(s);
    const bits = fc.oneof(
      fc.constantFrom('q', 'Q', 'q1', 'Q12', 'why', 'Why', 'WHY', ':', '.', ')', ' ', '\t', '\n', '\r', '\u2028', '>', '*', '#', '-', '2', 'a', 'x'),
      attack('\n'),
      attack(' \n'),
    );
    fc.assert(
      fc.property(join(bits, 14), (t) => assert.equal(only(t.replace(WHY_LABEL, '')), only(t.replace(/^\s*(?:q\d*|why)\s*[:.)]?/gim, '')), JSON.stringify(t))),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('replaceIdentifiers gives what /\\b[A-Za-z][A-Za-z-]*\\d[\\w-]*/g replaces', () => {
    const bits = fc.oneof(
      fc.constantFrom('A', 'a', 'z', '-', '_', '0', '7', ' ', '\x00', 'é', 'db-2', 'v8x', '2a', '_a1-b2', '\u{1F692}'),
      attack('-A'),
      attack('a-'),
    );
    fc.assert(
      fc.property(join(bits, 14), (t) => assert.equal(replaceIdentifiers(t, ' '), t.replace(/\b[A-Za-z][A-Za-z-]*\d[\w-]*/g, ' '), JSON.stringify(t))),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('endsWithLowerWordNotBe says what /\\b(?!(?:is|…|there)\\b)\\p{Ll}+\\s+$/u says', () => {
    const bits = fc.oneof(
      fc.constantFrom(
        'is',
        'was',
        'were',
        'been',
        'being',
        'it',
        'this',
        'there',
        'the',
        'state',
        'x',
        'A',
        'µ',
        'ß',
        '\u{1D41A}',
        '\ud835',
        '1',
        '_',
        ' ',
        '\t',
        '\n',
        ',',
      ),
      attack('hµ'),
      attack('is'),
    );
    fc.assert(
      fc.property(join(bits, 12), (t) =>
        assert.equal(endsWithLowerWordNotBe(t), /\b(?!(?:is|was|were|are|be|been|being|it|this|that|there)\b)\p{Ll}+\s+$/u.test(t), JSON.stringify(t)),
      ),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('EXPLAINED says what its old form with ^\\s*,?\\s* said', () => {
    const old =
      /^\s*(?:[:;(—–]|\s-\s|,?\s*(?:because|since|as|so|so that|which|where|when|while|meaning|e\.g\.|i\.e\.|for example|such as|in that|caused by|due to)\b)\s*(\S+\s+){2,}/i;
    const bits = fc.oneof(
      fc.constantFrom(' ', '\t', '\n', ',', ':', ';', '(', '—', '-', ' - ', 'because', 'Since', 'so that', 'e.g.', 'due to', 'as', 'asx', 'x', 'T', 'word '),
      attack(' '),
    );
    fc.assert(
      fc.property(join(bits, 12), (t) => assert.equal(EXPLAINED.test(t), old.test(t), JSON.stringify(t))),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('isWhyTitle says what /\\bwhys\\b|^\\W*why\\b.*\\?\\W*$/i says', () => {
    const bits = fc.oneof(
      fc.constantFrom('why', 'WHY', 'Why', 'whys', 'whyx', 'x', ' ', '?', '!', '.', '\n', '\r', '\u2028', '-', '#', 'a', '2', 'é'),
      attack('?'),
      attack('WHY?'),
    );
    fc.assert(
      fc.property(join(bits, 12), (t) => assert.equal(isWhyTitle(t), /\bwhys\b|^\W*why\b.*\?\W*$/i.test(t), JSON.stringify(t))),
      { numRuns: 5000, seed: 20261207 },
    );
  });

  it('headingText gives what /^[ \\t]*#{1,6}[ \\t]+([^:#]+?)[ \\t#]*$/ captures', () => {
    const bits = fc.oneof(fc.constantFrom('#', '##', '#######', ' ', '\t', ':', 'a', 'Owner', '*', '\r', '\n', '\x00'), attack('\t'), attack(' #'));
    fc.assert(
      fc.property(join(bits, 12), (t) => assert.equal(headingText(t), /^[ \t]*#{1,6}[ \t]+([^:#]+?)[ \t#]*$/.exec(t)?.[1], JSON.stringify(t))),
      { numRuns: 8000, seed: 20261207 },
    );
  });
});
