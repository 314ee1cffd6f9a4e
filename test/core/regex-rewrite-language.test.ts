/**
 * Issue #16: the super-linear patterns of the clause reader (core/language/clauses.ts), the people
 * index (core/language/people.ts) and person-as-cause, rewritten linearly. Each OLD pattern is kept here
 * only, and fast-check compares it with the rewrite on inputs built from the pattern's own alphabet (its
 * words, spaces and tabs, punctuation, capitals, astral letters and lone surrogates, the shape of
 * recheck's attack at small n), on what the caller uses (match or not, offsets, groups).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { appositiveBefore, negatedInClause, personErrorIn } from '../../core/language/clauses';
import { personAppositives, type PeopleIndex } from '../../core/language/people';
import { subjectMatches } from '../../core/rules/person-as-cause';
import { CAUSE_VERBS, RESPONSE_VERBS } from '../../core/data/agency';
import { PERSON_ONLY_PREDICATES } from '../../core/data/clauses';
import { KNOWN_TOOLS } from '../../core/data/people';
import { allMatches } from '../../core/language/regexp';
import { assertProperty } from '../helpers/property';

const join = (parts: string[]) => parts.join('');

describe('appositiveBefore (clauses.ts, "Lumen, our paging bot," before a verb)', () => {
  const OLD = /(?:^|[\s(])["“]?(\p{Lu}[\p{L}\p{N}_-]*|codespan)["”]?,\s+((?:the|our|a|an|their|its)\s+[^,;:]{1,60}?),\s*$/u;
  const same = (s: string) => {
    const m = OLD.exec(s);
    const n = appositiveBefore(s);
    assert.deepEqual(n && [n.index, n.match, n.name, n.description], m ? [m.index, m[0], m[1], m[2]] : undefined, JSON.stringify(s));
    return true;
  };
  const space = fc.constantFrom(' ', '\t', '\n', '\u00a0', '  ');
  const spaces = fc.array(space, { minLength: 0, maxLength: 3 }).map(join);
  const name = fc.constantFrom('Lumen', 'A', 'At', 'codespan', 'Codespan', 'xcodespan', 'lumen', 'Ærø', 'Bo-2_x', '\u{1D400}b', 'B\u{1F692}', 'Q\ud83d', '');
  const det = fc.constantFrom('the', 'our', 'a', 'an', 'their', 'its', 'The', 'the\u00a0', 'another', 'them', 'a,', '');
  const run = (n: number) => fc.integer({ min: 0, max: n });
  const descWord = fc.oneof(
    fc.constantFrom('paging', 'bot', 'release captain', ' ', '\t', 'x', 'é', '\u{1F692}', '\ud83d', ';', ':', '.', '(', '"'),
    fc.tuple(fc.constantFrom('a', ' ', '\u{1F692}'), run(64)).map(([c, n]) => c.repeat(n)),
  );
  const desc = fc.array(descWord, { maxLength: 4 }).map(join);
  const lead = fc.constantFrom('', ' ', '(', 'x', '"', ' "', '(“', 'We saw ', 'Then, ', 'a; ', ',');
  const quote = fc.constantFrom('', '', '"', '“', '”');
  const shaped = fc
    .tuple(lead, quote, name, quote, fc.constantFrom(',', ', ', ',,', ''), spaces, det, spaces, desc, fc.constantFrom(',', ', ', ',\t\n', '', ';'), spaces)
    .map(join);
  const loose = fc
    .array(fc.constantFrom('A', 'codespan', 'the', 'a', ',', ' ', '\t', ':', ';', '"', '“', '”', '(', 'x', '\u{1F692}', '\ud83d'), { maxLength: 24 })
    .map(join);

  it('equals the old pattern on appositive-shaped text and on its loose alphabet', () => {
    assertProperty(fc.property(shaped, same), { seed: 16, numRuns: 4000, minRuns: 400, budgetMs: 8000 });
    assertProperty(fc.property(loose, same), { seed: 17, numRuns: 3000, minRuns: 300, budgetMs: 6000 });
  });

  it("equals it on recheck's attack shape and at the 60-character bound", () => {
    for (let n = 0; n < 70; n++) {
      for (const end of [':', ',', ', ', '']) same('A,\ta\t' + '\t'.repeat(n) + end);
      for (const sp of ['', ' ', '   ']) same(`Rita, the${sp} ${'r'.repeat(n)},`);
      same(`Rita, an ${'\u{1F692}'.repeat(n)},\t`);
    }
  });

  it('finds the appositive the reader relies on', () => {
    const m = appositiveBefore('Then Lumen, our paging bot, ');
    assert.deepEqual(m && [m.index, m.name, m.description], [4, 'Lumen', 'our paging bot']);
    assert.equal(appositiveBefore('Lumen, our paging bot'), undefined);
  });
});

describe('negatedInClause, the negation before the words (clauses.ts)', () => {
  const OLD =
    /(?:^|[^\p{L}])(?:nobody|no one|no-one|no individual|none|nothing|not|never|n't|no)(?![\p{L}'’-])(?:(?!\b(?:and|but|so|because|while|which|who|when|since|although)\b)[^,;:.!?\u2014])*$/iu;
  // At the end of the text, the negation after the words (NEGATED_AFTER) has nothing to read: only the one before counts.
  const same = (s: string) => {
    assert.equal(negatedInClause(s, s.length, s.length), OLD.test(s), JSON.stringify(s));
    return true;
  };
  const piece = fc.constantFrom(
    ...['no', 'No one', 'nobody', 'NOT', 'not', "n't", "don't", 'n’t', 'never', 'none', 'no-one', 'no individual', 'nothing', 'nothings', 'know', 'no_'],
    ...['and', 'AND', 'so', 'ſo', 'band', 'because', 'which', 'Although', 'whenever', 'sand'],
    ...[',', '.', '—', '!', '?', ';', ':', ' ', ' ', ' ', '\t', '\n', 'x', 'é', '\u{1D400}', '\u{1F692}', '\ud83d', '_', '-', "'", '’', '1', 'was lazy'],
  );
  const text = fc.array(piece, { maxLength: 16 }).map(join);

  it('equals the old pattern on words, links, stops and letters around them', () => {
    assertProperty(fc.property(text, same), { seed: 16, numRuns: 5000, minRuns: 500, budgetMs: 8000 });
  });

  it("equals it on recheck's attack shape and on long clauses", () => {
    for (let n = 0; n < 40; n++) {
      for (const end of ['!', '', ' was lazy', ' and x']) same('-' + '\x00no '.repeat(n) + end);
      same('no' + ' x'.repeat(n) + ' and');
      same(`${'and '.repeat(n)}nobody was ${'very '.repeat(n)}careless`);
    }
  });
});

describe('personErrorIn, the human-error noun with a person (clauses.ts)', () => {
  // The old pattern as clauses.ts built it: "(?:the|…)?\s*" after "by\s+" read the same spaces twice.
  const ERROR_NOUN =
    '(?:error|errors|mistake|mistakes|slip|slips|lapse|lapses|fault|failure|oversight|misstep|blunder|distraction|confusion|negligence|misjudge?ment|inattention|carelessness|misunderstanding)';
  const PERSON_NOUN =
    '(?:engineer|developer|dev|operator|ops|admin|administrator|technician|reviewer|contractor|person|user|employee|team member|staff member|staff|human|team|colleague|on-call|oncall|responsible|person in charge|technicians|operators|engineers|developers|admins|reviewers|people)';
  const OLD = new RegExp(
    `(?:\\b${PERSON_NOUN}['’]s\\s+(?:[\\p{L}-]+\\s+)?${ERROR_NOUN}\\b` +
      `|(?<![\\p{L}])(\\p{Lu}[\\p{Ll}]+)['’]s\\s+(?:[\\p{L}-]+\\s+)?${ERROR_NOUN}\\b` +
      `|\\b${ERROR_NOUN}\\s+(?:of|by|from)\\s+(?:the|a|an|our|one of our|his|her|their)?\\s*(?:[\\p{L}-]+\\s+)?${PERSON_NOUN}\\b` +
      `|\\b(?:${PERSON_NOUN}|ops|manual)\\s+${ERROR_NOUN}\\b)`,
    'iu',
  );
  const people = { isPerson: (n: string) => n === 'Keoni', notPeople: new Set(['redis']) } as unknown as PeopleIndex;
  // What personErrorIn did with the old pattern's match.
  const oldResult = (text: string) => {
    const m = OLD.exec(text);
    if (!m) return undefined;
    if (m[1] && !people.isPerson(m[1]) && !/^(?:[\p{Lu}][\p{Ll}]+)$/u.test(m[1])) return undefined;
    if (m[1] && (people.notPeople.has(m[1].toLowerCase()) || KNOWN_TOOLS.has(m[1].toLowerCase()))) return undefined;
    return { start: m.index, end: m.index + m[0].length };
  };
  const same = (s: string) => {
    assert.deepEqual(personErrorIn(s, people), oldResult(s), JSON.stringify(s));
    return true;
  };
  const piece = fc.constantFrom(
    ...['slip', 'mistake', 'Errors', 'misjudgment', 'misjudgement', 'ops', 'manual', 'by', 'of', 'from', 'BY'],
    ...[
      'the',
      'a',
      'an',
      'our',
      'one of our',
      'his',
      'their',
      'theengineer',
      'new',
      'on-call',
      'engineer',
      'team',
      'team member',
      'person in charge',
      'people',
    ],
    ...["'s", '’s', 'Keoni', 'Redis', 'Ana', 'engineer’s', ' ', ' ', ' ', '\t', '\n', ' \t', '.', ',', 'x', '\u{1F692}', '-'],
  );
  const text = fc.array(piece, { maxLength: 14 }).map(join);

  it('equals the old pattern (match, offsets, the possessor check)', () => {
    assertProperty(fc.property(text, same), { seed: 16, numRuns: 5000, minRuns: 500, budgetMs: 8000 });
  });

  it("equals it on recheck's attack shape", () => {
    for (let n = 0; n < 60; n++) {
      for (const tail of ['\x00', 'engineer', 'the engineer', 'the new engineer', 'theengineer']) same('slip by ' + ' \t'.repeat(n) + tail);
      same('a mistake of the' + ' '.repeat(n) + 'operators.');
    }
  });
});

describe('subjectMatches, a name as the subject of a verb (person-as-cause.ts)', () => {
  // The old pattern as person-as-cause.ts built it: global, with "\s+[^,.;:]{1,40}" in the apposition.
  const alt = (xs: string[]) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
      .join('|');
  const CAUSE = [...new Set([...CAUSE_VERBS, ...PERSON_ONLY_PREDICATES.phrases])];
  const NAME = '(@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_]|\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?(?:\\s+\\p{Lu}[\\p{Ll}]+)?)';
  const ADVERB = '(?:(?:also|then|just|still|accidentally|mistakenly|quickly|first|later|again|never|already)\\s+)?';
  const APPOSITION = '(?:,\\s+(?:the|our|a|an)\\s+[^,.;:]{1,40},)?';
  const PERFECT = '(?:(?:had|has|have)\\s+)?';
  const OLD = new RegExp(
    `(?<![\\p{L}\\p{N}@_'’-])${NAME}(?:\\s+and\\s+${NAME})?${APPOSITION}\\s+${ADVERB}${PERFECT}(${alt(RESPONSE_VERBS)}|${alt(CAUSE)})(?![\\p{L}])`,
    'gu',
  );
  const tuple = (m: RegExpExecArray) => [m.index, m[0], m[1], m[2], m[3]];
  const same = (s: string) => {
    assert.deepEqual(subjectMatches(s).map(tuple), allMatches(OLD, s).map(tuple), JSON.stringify(s));
    return true;
  };
  const verb = fc.constantFrom(...CAUSE.slice(0, 40), ...CAUSE.slice(-10), ...RESPONSE_VERBS.slice(0, 10));
  const piece = fc.oneof(
    { weight: 3, arbitrary: verb },
    {
      weight: 12,
      arbitrary: fc.constantFrom(
        ...['Ana', 'Bo Cy', 'Mary-Jane', '@ops-bot', '@a', 'A', 'Af', 'Ax', 'and', 'had', 'then', 'accidentally', 'the', 'our', 'a', 'an'],
        ...['release captain', ',', ', ', ' ', ' ', ' ', ' ', '\t', '\n', '.', ';', 'x', "'", '-', '\u{1F692}', 'É'],
      ),
    },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('r', ' ', '\u{1F692}'), fc.integer({ min: 36, max: 42 })).map(([c, n]) => c.repeat(n)) },
  );
  const text = fc.array(piece, { maxLength: 16 }).map(join);

  it('equals the old global pattern, every match with its groups', () => {
    assertProperty(fc.property(text, same), { seed: 16, numRuns: 3000, minRuns: 300, budgetMs: 8000 });
  });

  it("equals it on recheck's attack shapes and at the 40-character bound", () => {
    for (let n = 0; n < 50; n++) {
      for (const end of ['.', ',', ', pushed', ' pushed']) same('At,\ta\t' + '\t'.repeat(n) + end);
      same('A' + '\tand\tAf\tAx'.repeat(n % 8) + '\tdeployed');
      for (const sp of ['', ' ', '  ']) same(`Rita, the${sp} ${'c'.repeat(n)}, pushed the flag.`);
    }
  });
});

describe('personAppositives, "Name, the engineer," and "the engineer, Name," (people.ts)', () => {
  const ROLE =
    '(?:engineer|developer|operator|administrator|admin|technician|contractor|reviewer|manager|lead|analyst|intern|consultant|specialist|sre|on-call|oncall|responder|member of (?:the|our) [\\p{L}-]+ team|team member|staff member|employee|colleague|architect|tester)s?';
  const OLD = new RegExp(
    `(?<![\\p{L}])(\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?),\\s+(?:[Tt]he|[Oo]ur|[Aa]n?|[Oo]ne of our)\\s+(?:[\\p{L}-]+\\s+){0,3}?${ROLE}(?![\\p{L}])` +
      `|(?<![\\p{L}])(?:[Tt]he|[Oo]ur|[Aa]n?|[Oo]ne of our)\\s+(?:[\\p{L}-]+\\s+){0,3}?${ROLE},\\s+(\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?)\\s*,`,
    'gu',
  );
  const tuple = (m: RegExpExecArray) => [m.index, m[0], m[1], m[2]];
  const same = (s: string) => {
    assert.deepEqual(personAppositives(s).map(tuple), allMatches(OLD, s).map(tuple), JSON.stringify(s));
    return true;
  };
  const piece = fc.constantFrom(
    ...['Thirumalai', 'Amadou', 'Mary-Jane', 'Bg', 'A', 'The', 'the', 'Our', 'our', 'a', 'An', 'an', 'One of our', 'one of our', 'tthe', 'Ta'],
    ...['engineer', 'engineers', 'team member', 'member of the web team', 'admin', 'administrator', 'lead', 'leads', 'on-call', 'media', 'senior', 'x-y'],
    ...[',', ', ', ' ', ' ', ' ', '\t', '\n', '.', 'é', '\u{1F692}', '\u{1D400}', '-', 'aa'],
  );
  const text = fc.array(piece, { maxLength: 16 }).map(join);

  it('equals the old global pattern, every match with its names', () => {
    assertProperty(fc.property(text, same), { seed: 16, numRuns: 4000, minRuns: 400, budgetMs: 8000 });
  });

  it("equals it on recheck's attack shapes", () => {
    for (let n = 0; n < 40; n++) {
      same('Bg,aa\t' + 'a '.repeat(n) + '\x00');
      same('a ' + 'a\ta '.repeat(n) + 'engineer, Ana,');
      same('Ana, the ' + 'new '.repeat(n % 6) + 'engineer, and the engineer, Bo,');
    }
  });
});
