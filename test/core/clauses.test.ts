/**
 * The clause reader (core/language/clauses.ts) and its reviewed data (core/data/clauses.ts):
 * - every data list's flagged and clean examples run through analyze() in the section a writer would use;
 * - properties over names and subjects: first names from @faker-js/faker in 23 Latin-script locales
 *   (accents included) × every predicate only people have × every causal section are reported as a
 *   person; 100+ system subjects (tools named like people, backticked identifiers, "the scheduler",
 *   appositives) with the same predicates are never person-as-cause;
 * - the reader's parts: the actor of a clause, a passive's agent, judgements aimed at people.
 */
import { strict as assert } from 'node:assert';
import { allFakers } from '@faker-js/faker';
import fc from 'fast-check';
import { analyze, type Finding } from '../../core';
import { actorBefore, isJudgementWord, judgementsIn, passiveAgent } from '../../core/language/clauses';
import { DENIALS, HINDSIGHT_JUDGEMENTS, HUMAN_ERROR_NOUNS, HUMAN_OMISSIONS, JUDGEMENT_EXAMPLES, PERSON_ONLY_PREDICATES } from '../../core/data/clauses';
import { KNOWN_TOOLS, SYSTEM_NOUNS } from '../../core/data/people';
import type { PeopleIndex } from '../../core/language/people';
import { findingsIn, type Place } from './phrases.test';

const FAMILY = ['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias'];

function run(name: string, place: Place, rule: string | null, examples: { flag: string[]; clean: string[] }) {
  describe(name, () => {
    for (const ex of examples.flag) {
      it(`reports: ${ex}`, () => {
        const { found } = findingsIn(place, ex, rule!);
        assert.ok(found.length > 0, `${rule} should report "${ex}" in ${place}`);
      });
    }
    for (const ex of examples.clean) {
      it(`leaves alone: ${ex}`, () => {
        for (const r of rule ? [rule] : FAMILY) {
          const { found } = findingsIn(place, ex, r);
          assert.deepEqual(
            found.map((f) => f.message),
            [],
            `${r} should not report "${ex}" in ${place}`,
          );
        }
      });
    }
  });
}

describe('clause data: examples run as tests', () => {
  run('PERSON_ONLY_PREDICATES (blame-language, what went poorly)', 'what-went-poorly', 'blame-language', {
    flag: PERSON_ONLY_PREDICATES.examples.flag,
    clean: [],
  });
  run('PERSON_ONLY_PREDICATES clean (no blame-family finding)', 'what-went-poorly', null, { flag: [], clean: PERSON_ONLY_PREDICATES.examples.clean });
  run('HUMAN_ERROR_NOUNS (human-error-root-cause, root causes)', 'root-causes', 'human-error-root-cause', HUMAN_ERROR_NOUNS.examples);
  run('HUMAN_ERROR_NOUNS in the summary', 'summary', 'human-error-root-cause', {
    flag: HUMAN_ERROR_NOUNS.examples.flag,
    clean: HUMAN_ERROR_NOUNS.examples.clean,
  });
  run('HUMAN_OMISSIONS (human-error-root-cause, what went poorly)', 'what-went-poorly', 'human-error-root-cause', HUMAN_OMISSIONS.examples);
  run('HINDSIGHT_JUDGEMENTS (hindsight-bias, root causes)', 'root-causes', 'hindsight-bias', HINDSIGHT_JUDGEMENTS.examples);
  run('DENIALS (no blame-family finding)', 'root-causes', null, DENIALS.examples);
  run('JUDGEMENT_EXAMPLES (blame-language, what went poorly)', 'what-went-poorly', 'blame-language', JUDGEMENT_EXAMPLES);

  it('every data list is well formed: lower case, no duplicates', () => {
    for (const [n, d] of Object.entries({ PERSON_ONLY_PREDICATES, HUMAN_ERROR_NOUNS, HUMAN_OMISSIONS, HINDSIGHT_JUDGEMENTS, DENIALS })) {
      assert.equal(new Set(d.phrases).size, d.phrases.length, `${n} lists a phrase twice`);
      for (const p of d.phrases) assert.equal(p, p.toLowerCase().trim(), `${n}: "${p}"`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over names, subjects and sections
// ---------------------------------------------------------------------------------------------

/** Latin-script locales of @faker-js/faker (accents, diacritics and hyphenated names among them). */
const LOCALES = [
  'de',
  'fr',
  'es',
  'it',
  'pt_BR',
  'pt_PT',
  'nl',
  'pl',
  'cs_CZ',
  'sk',
  'sv',
  'nb_NO',
  'da',
  'fi',
  'hu',
  'ro',
  'hr',
  'tr',
  'id_ID',
  'lv',
  'es_MX',
  'af_ZA',
  'fr_CH',
] as const;

/** First names of a locale written as one capitalised word (hyphenated allowed): what a writer puts before a verb. */
function firstNames(locale: (typeof LOCALES)[number]): string[] {
  const defs = allFakers[locale].definitions.person?.first_name as unknown;
  const all = (Array.isArray(defs) ? defs : Object.values((defs ?? {}) as Record<string, string[]>).flat()) as string[];
  // English words that are also names in some locale ("Will", "May", "Rose") read as words before a verb.
  return all.filter((n) => /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(n) && !ENGLISH_WORDS.has(n.toLowerCase()));
}
const ENGLISH_WORDS = new Set([
  'will',
  'may',
  'june',
  'april',
  'august',
  'rose',
  'grace',
  'hope',
  'faith',
  'joy',
  'bill',
  'mark',
  'sky',
  'summer',
  'winter',
  'autumn',
  'dawn',
  'ray',
  'iris',
  'ivy',
  'jade',
  'amber',
  'ruby',
  'pearl',
  'river',
  'storm',
  'star',
  'sunny',
  'honey',
  'candy',
  'crystal',
  'jewel',
  'lily',
  'violet',
  'holly',
  'heather',
  'daisy',
  'angel',
  'hunter',
  'chase',
  'king',
  'miles',
  'lane',
  'dale',
  'glen',
  'page',
  'rich',
  'drew',
  'pat',
  'sue',
  'don',
  'ken',
  'ben',
  'art',
  'nova',
  'aurora',
  'cloud',
  'delta',
  'echo',
  'atlas',
  'apollo',
  'tempo',
  'loki',
  'nomad',
  'hermes',
  'athena',
  'juno',
  'neptune',
  'mercury',
  'spark',
  'flux',
  'argo',
  'harbor',
  'sentry',
  'consul',
  'vault',
  'envoy',
  'chef',
  'helm',
  'bamboo',
  'octopus',
  'travis',
  'jenkins',
  'celery',
  'hugo',
  'rust',
  'elixir',
  'mocha',
  'jest',
  'astro',
  'remix',
  'gatsby',
  'calypso',
  'hydra',
  'triton',
  'alexa',
  'siri',
  'cortana',
  'cassandra',
  'tri',
  'eka',
  'dwi',
  'ade',
  'aba',
  'bo',
  'lou',
  'noa',
  'mika',
  'nikola',
  'the',
  'and',
  'so',
  'then',
  'because',
  'after',
  'before',
  'when',
  'while',
  'but',
  'also',
  'why',
  'how',
  'nobody',
  'someone',
]);

const NAMES_BY_LOCALE = LOCALES.map((l) => [l, firstNames(l)] as const);

/** Each person-only predicate with words after it that make a sentence. */
function sentenceFor(subject: string, predicate: string): string {
  const tail = /\bto$/.test(predicate)
    ? 'renew the certificate before the weekend'
    : /\bof$/.test(predicate)
      ? 'the renewal date'
      : /^(?:was|were|got)\b|^(?:panicked|messed up|screwed up|made|misunderstood)/.test(predicate)
        ? 'during the certificate rollout'
        : 'the renewal warning';
  return `${subject} ${predicate} ${tail}.`;
}

const PLURAL = (p: string) => /^were\b/.test(p);

/** The causal sections, by the headings writers give them, and what a line there looks like. */
const CAUSAL: Array<{ heading: string; line: (s: string) => string }> = [
  { heading: 'Summary', line: (s) => s },
  { heading: 'Root causes', line: (s) => `- ${s}` },
  { heading: 'Contributing factors', line: (s) => `- ${s}` },
  { heading: 'What went poorly', line: (s) => `* ${s}` },
  { heading: 'Lessons learned', line: (s) => s },
  { heading: 'Trigger', line: (s) => s },
  { heading: '5 Whys', line: (s) => `1. Why did the certificate expire? ${s}` },
];

function doc(heading: string, line: string): { text: string; start: number; end: number } {
  const head = ['# Certificate expiry on the public API', '', '## Impact', '', 'Clients saw TLS errors for 40 minutes.', '', `## ${heading}`, '', ''].join(
    '\n',
  );
  const text = `${head}${line}\n\n## Action items\n\n- [ ] Alert 14 days before a certificate expires (owner: @ops-lead, due 2026-12-20)\n`;
  return { text, start: head.length, end: head.length + line.length };
}

function familyOn(text: string, start: number, end: number): Finding[] {
  const r = analyze(text, { today: '2026-12-06' });
  assert.deepEqual(r.internalErrors, []);
  return r.findings.filter((f) => FAMILY.includes(f.rule) && f.start >= start && f.start < end);
}

describe('clause reader: properties over names and subjects', () => {
  it(`has first names from ${LOCALES.length} Latin-script locales, accented names among them`, () => {
    assert.ok(LOCALES.length >= 20);
    for (const [l, names] of NAMES_BY_LOCALE) assert.ok(names.length >= 20, `${l}: ${names.length} names`);
    assert.ok(NAMES_BY_LOCALE.flatMap(([, n]) => n).filter((n) => /[^\x00-\x7f]/.test(n)).length >= 100, 'accented names');
  });

  it('every person-only predicate × every causal section × names from every locale: person-as-cause names the person', function () {
    this.timeout(60_000);
    let i = 0;
    let checked = 0;
    const misses: string[] = [];
    for (const predicate of PERSON_ONLY_PREDICATES.phrases) {
      for (const section of CAUSAL) {
        // A name from each locale in turn, an accented one when the locale has it.
        const [locale, names] = NAMES_BY_LOCALE[i++ % NAMES_BY_LOCALE.length];
        const accented = names.filter((n) => /[^\x00-\x7f]/.test(n));
        const pool = accented.length && i % 2 ? accented : names;
        const name = pool[(i * 7919) % pool.length];
        const other = names[(i * 104729 + 1) % names.length];
        const subject = PLURAL(predicate) ? `${name} and ${other}` : name;
        const { text, start, end } = doc(section.heading, section.line(sentenceFor(subject, predicate)));
        const found = familyOn(text, start, end);
        checked++;
        if (!found.some((f) => f.rule === 'person-as-cause' && [name, other].some((n) => text.slice(f.start, f.end).startsWith(n))))
          misses.push(`${locale} ${section.heading}: ${text.slice(start, end)} -> ${found.map((f) => f.rule).join(',') || 'nothing'}`);
      }
    }
    assert.ok(checked >= PERSON_ONLY_PREDICATES.phrases.length * CAUSAL.length);
    assert.deepEqual(misses, []);
  });

  it('random names from every locale with a random person-only predicate in a random causal section are blamed (fast-check)', function () {
    this.timeout(60_000);
    const names = NAMES_BY_LOCALE.flatMap(([, n]) => n);
    const singular = PERSON_ONLY_PREDICATES.phrases.filter((p) => !PLURAL(p));
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...singular), fc.constantFrom(...CAUSAL), (name, predicate, section) => {
        const { text, start, end } = doc(section.heading, section.line(sentenceFor(name, predicate)));
        const found = familyOn(text, start, end);
        return found.some((f) => f.rule === 'person-as-cause') && found.some((f) => f.rule === 'blame-language' || f.rule === 'human-error-root-cause');
      }),
      { seed: 17_2026, numRuns: 300 },
    );
  });

  /** System subjects: tools named like people, backticked identifiers, system nouns, appositives. */
  const SYSTEMS: string[] = [
    ...[...KNOWN_TOOLS].map((t) => t.charAt(0).toUpperCase() + t.slice(1)),
    ...[
      '`cert-renewer`',
      '`sync_job`',
      '`reaper`',
      '`billing-worker-2`',
      '`renew.sh`',
      '`ingress-nginx`',
      '`acme_client`',
      '`rotate-keys`',
      '`cron.daily`',
      '`tls-bot`',
    ],
    ...SYSTEM_NOUNS.filter((n) => !/s$/.test(n)).map((n) => `The ${n}`),
    ...[
      'Lumen, our paging bot,',
      'Mabel, the experiment scheduler,',
      'Otto, the certificate bot,',
      'Iris, our deploy pipeline,',
      'Remy, the mail relay service,',
    ],
  ];

  it(`has 100+ system subjects (${SYSTEMS.length})`, () => assert.ok(SYSTEMS.length >= 100));

  it('system subjects with the person-only predicates (each subject with four, in turn) in every causal section are never person-as-cause', function () {
    this.timeout(60_000);
    const wrong: string[] = [];
    const predicates = PERSON_ONLY_PREDICATES.phrases.filter((p) => !PLURAL(p));
    const seen = new Set<string>();
    let i = 0;
    for (const subject of SYSTEMS) {
      for (let k = 0; k < 4; k++) {
        const predicate = predicates[i % predicates.length];
        seen.add(predicate);
        const section = CAUSAL[i++ % CAUSAL.length];
        const { text, start, end } = doc(section.heading, section.line(sentenceFor(subject, predicate)));
        const found = familyOn(text, start, end).filter((f) => f.rule === 'person-as-cause');
        if (found.length) wrong.push(`${section.heading}: ${text.slice(start, end)}`);
      }
    }
    assert.equal(seen.size, predicates.length, 'every predicate was tried');
    assert.deepEqual(wrong, []);
  });
});

describe('clause reader: parts', () => {
  const people: PeopleIndex = {
    roster: new Set(['radu']),
    notPeople: new Set(['lumen']),
    roles: new Map(),
    isPerson: (n) => /^(?:radu|ines|@radu)$/i.test(n.replace(/['’]s$/, '')),
    roleOf: () => undefined,
  };

  it("reads the subject of the clause a phrase stands in, not the sentence's first noun", () => {
    const t = 'The deploy tool was slow, and the retro concluded that Ines should have paged sooner.';
    assert.equal(actorBefore(t, t.indexOf('should'), people).kind, 'person');
    const u = 'Ines restarted the pod after the scheduler forgot the lock.';
    assert.equal(actorBefore(u, u.indexOf('forgot'), people).kind, 'system');
  });

  it('classifies persons, groups, the writers, systems and appositives', () => {
    const at = (t: string, w: string) => actorBefore(t, t.indexOf(w), people).kind;
    assert.equal(at('Oyelaran forgot to renew it.', 'forgot'), 'person');
    assert.equal(at('The operators ignored the page.', 'ignored'), 'group');
    assert.equal(at('We forgot to renew it.', 'forgot'), 'we');
    assert.equal(at('Lumen, our paging bot, forgot the schedule.', 'forgot'), 'system');
    assert.equal(at('Rita, the release captain, forgot the schedule.', 'forgot'), 'person');
    assert.equal(at('The `renewer` forgot the schedule.', 'forgot'), 'system');
  });

  it('finds the agent of a passive', () => {
    const t = 'The flag was flipped by Radu during the freeze.';
    const a = passiveAgent(t, t.indexOf(' by'), people)!;
    assert.equal(a.text, 'Radu');
    assert.equal(a.kind, 'person');
    const u = 'The flag was flipped by the rollout controller.';
    assert.equal(passiveAgent(u, u.indexOf(' by'), people)!.kind, 'system');
  });

  it('takes judgement words from the AFINN-165 lexicon, aimed at people only', () => {
    assert.ok(isJudgementWord('clueless') && isJudgementWord('reckless') && !isJudgementWord('upset'));
    assert.deepEqual(
      judgementsIn('The vendor team was reckless with the keys.', people).map((j) => j.word),
      ['reckless'],
    );
    assert.deepEqual(judgementsIn('The retry loop was reckless.', people), []);
    assert.deepEqual(judgementsIn('Nobody was reckless.', people), []);
  });
});
