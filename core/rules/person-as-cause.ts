import { CAUSE_POSSESSIONS, CAUSE_PREFIXES, CAUSE_VERBS as AGENCY_CAUSE_VERBS, RESPONSE_VERBS } from '../data/agency';
import { PERSON_ONLY_PREDICATES } from '../data/clauses';

/** A person doing these caused the failure; predicates only people have ("panicked", "misread") count too. */
const CAUSE_VERBS = [...new Set([...AGENCY_CAUSE_VERBS, ...PERSON_ONLY_PREDICATES.phrases])];
import { kindsAt } from '../extract/sections';
import { fold } from '../language/match';
import type { Sentence } from '../engine/prose';
import type { Fix, SectionKind } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';
import { insideQuotes, isRejected } from './blame-language';
import { isDenied, negatedInClause } from '../language/clauses';
import { KNOWN_TOOLS, SYSTEM_NOUNS } from '../data/people';
import { knownNonName, taggedAsNameLike } from '../language/nlp';

const SYSTEM_NOUN_SET = new Set(SYSTEM_NOUNS.flatMap((n) => [n, n + 's']));
import { allMatches, matchesAtStarts, trailingByLength } from '../language/regexp';

/** Sections where a person named as the agent of the failure is reported. Timelines and action items are not among them. */
export const CAUSAL_SECTIONS: SectionKind[] = ['summary', 'root-causes', 'five-whys', 'contributing-factors', 'what-went-poorly', 'lessons-learned', 'trigger'];

const alt = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
const NAME = '(@[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_]|\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?(?:\\s+\\p{Lu}[\\p{Ll}]+)?)';
const ADVERB = '(?:(?:also|then|just|still|accidentally|mistakenly|quickly|first|later|again|never|already)\\s+)?';
/** "<Name> [adverb] <verb>" */
/**
 * "Rita, the release captain, pushed …": a role between commas does not end the subject. After the
 * determiner: spaces, then up to 40 characters that are not a space first and hold no , . ; : (or, with
 * nothing else, two spaces or more). That is the language of "\\s+[^,.;:]{1,40}" before the comma, without
 * its overlap (both parts read spaces: cubic on a long run of spaces before a stop).
 */
const APPOSITION = '(?:,\\s+(?:the|our|a|an)\\s(?:\\s*[^\\s,.;:][^,.;:]{0,39}|\\s+),)?';
/** "Sven had set …": a perfect tense before the verb. */
const PERFECT = '(?:(?:had|has|have)\\s+)?';
/**
 * Sticky: tried only where a name can start (SUBJECT_START), as a global search would try it. (Searched
 * for with the g flag, recheck's fuzzer measured the search growing with the square of runs like
 * "Ana and Bo Cy and …"; anchored at each start it finds it linear, and the matches are the same.)
 */
const SUBJECT = new RegExp(
  `(?<![\\p{L}\\p{N}@_'’-])${NAME}(?:\\s+and\\s+${NAME})?${APPOSITION}\\s+${ADVERB}${PERFECT}(${alt(RESPONSE_VERBS)}|${alt(CAUSE_VERBS)})(?![\\p{L}])`,
  'yu',
);
/** Where SUBJECT can match: a capital letter or "@" after no letter, digit, "@", "_", apostrophe or hyphen. */
const SUBJECT_START = /(?<![\p{L}\p{N}@_'’-])[@\p{Lu}]/gu;

/** Every match of SUBJECT in `text`, left to right, none overlapping: what a global search gives. */
export function subjectMatches(text: string): RegExpExecArray[] {
  return matchesAtStarts(SUBJECT, SUBJECT_START, text);
}
/** "caused by <Name>", "if <Name> had" */
/** Case-insensitive literal alternation, so NAME keeps its case-sensitive capital letter. */
const ciAlt = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) =>
      x
        .split(' ')
        .map((w) => w.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`))
        .join('\\s+'),
    )
    .join('|');
const PREFIXED = new RegExp(`(?<![\\p{L}])(?:${ciAlt(CAUSE_PREFIXES)})\\s+${NAME}(?![\\p{L}])`, 'gu');
/** Past participles of cause verbs, for the passive: "was raised by Claire", "were deleted by @ops-bot". */
const PARTICIPLES = [
  ...CAUSE_VERBS.filter((v) => /^[\p{L}-]+ed$/u.test(v) && !/^(?:failed|used|decided)$/.test(v)),
  'run',
  'broken',
  'set',
  'made',
  'done',
  'put',
  'raised',
  'lowered',
  'pushed',
  'turned off',
  'switched off',
  'taken down',
  'shut down',
];
const PASSIVE = new RegExp(
  `(?<![\\p{L}])(?:${ciAlt(['was', 'were', 'been', 'being', 'got', 'is', 'are'])})\\s+(?:\\p{Ll}+ly\\s+)?(?:${ciAlt(PARTICIPLES)})\\s+[bB]y\\s+${NAME}(?![\\p{L}])`,
  'gu',
);
/** "a typo by Greta", "the change by @ana" */
const NOUN_BY = new RegExp(`(?<![\\p{L}])(?:${ciAlt(CAUSE_POSSESSIONS)})\\s+by\\s+${NAME}(?![\\p{L}])`, 'gu');
/** "<Name>'s change" */
const POSSESSIVE = new RegExp(`(?<![\\p{L}\\p{N}@_-])${NAME}['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${alt(CAUSE_POSSESSIONS)})(?![\\p{L}])`, 'gu');
const RESPONSE = new RegExp(`^(?:${alt(RESPONSE_VERBS)})$`, 'iu');

const FUNCTION_WORDS = new Set([
  'because',
  'when',
  'after',
  'before',
  'then',
  'so',
  'and',
  'but',
  'while',
  'since',
  'as',
  'once',
  'if',
  'until',
  'also',
  'later',
  'finally',
  'first',
  'next',
  'meanwhile',
  'instead',
  'there',
  'here',
  'why',
  'how',
  'what',
  'where',
  'yes',
  'no',
  'a',
  'q',
  'answer',
  'question',
  'today',
  'yesterday',
  'unfortunately',
]);

/** Roles that say what someone did in the incident; "author" and "action-item owner" say nothing about it. */
const INCIDENT_ROLE = (role: string) => !/^(?:author|action-item owner)$/i.test(role);

function roleFor(ctx: RuleContext, name: string): string | undefined {
  const n = name.toLowerCase().replace(/^@/, '');
  const role = ctx.people.roleOf(n);
  return role && INCIDENT_ROLE(role) ? role.replace(/^(?:the|an?)\s+/i, '') : undefined;
}

function replaceFixes(ctx: RuleContext, s: Sentence, a: number, b: number, name: string, possessive: boolean): Fix[] {
  const start = s.offsetAt(a);
  const end = s.offsetAt(b);
  if (end - start !== b - a) return [];
  const atStart = s.text.slice(0, a).trim() === '';
  const cap = (t: string) => (atStart ? t.charAt(0).toUpperCase() + t.slice(1) : t);
  const role = roleFor(ctx, name);
  // One of several responders is "a responder"; a role only one person holds is "the incident commander".
  const single = role && !/^responders?$/i.test(role) ? role : undefined;
  const options = possessive
    ? ['the', ...(single ? [`the ${single}'s`] : [])]
    : single
      ? [`the ${single}`, 'a responder']
      : role
        ? ['a responder', 'an engineer']
        : ['an engineer', 'a responder'];
  return [...new Set(options)].map((t, i) => ({
    title: `Replace "${s.text.slice(a, b)}" with "${cap(t)}"`,
    edits: [{ start, end, newText: cap(t) }],
    ...(i === 0 ? { preferred: true } : {}),
  }));
}

export const personAsCause = defineRule({
  id: 'person-as-cause',
  defaultSeverity: 'warning',
  summary:
    'A named person is given as the agent of the failure in the summary or the analysis (read clause by clause: unknown names with a predicate only people have, passives, possessives).',
  fixable: true,
  scope: 'sentence',
  check(ctx) {
    const seen = new Set<number>();
    // The sentence being read, and whether it sets blame aside: asked only once it has a candidate
    // (most have none). One `report` for all sentences rather than a new closure per sentence.
    let s!: Sentence;
    let rejected: boolean | undefined;
    /**
     * A capitalised word that nothing says is a tool, a service or a common word, as the possessor of a
     * change or the "by" agent of a causing verb: a name no lexicon lists ("Njeri's purge", "pushed by
     * Thirumalai"). Only for these two constructions, whose subject is an agent anyway.
     */
    const unknownName = (name: string): boolean =>
      /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(name) &&
      !ctx.people.notPeople.has(name.toLowerCase()) &&
      !KNOWN_TOOLS.has(name.toLowerCase()) &&
      !SYSTEM_NOUN_SET.has(name.toLowerCase()) &&
      !FUNCTION_WORDS.has(name.toLowerCase()) &&
      !knownNonName(name) &&
      taggedAsNameLike(name);
    const report = (a: number, b: number, name: string, how: string, possessive = false, agentOnly = false) => {
      if ((rejected ??= isRejected(s) || isDenied(s))) return;
      // "Because Lucia", "Then Martin": a capitalised function word is not part of the name.
      const lead = /^(\p{L}+)\s+/u.exec(name);
      if (lead && FUNCTION_WORDS.has(lead[1].toLowerCase())) {
        a += lead[0].length;
        name = name.slice(lead[0].length);
      }
      if (!(ctx.people.isPerson(name) || (agentOnly && unknownName(name))) || insideQuotes(s.text, a, b) || negatedInClause(s.text, a, b)) return;
      const start = s.offsetAt(a);
      if (seen.has(start)) return;
      seen.add(start);
      const fixes = replaceFixes(ctx, s, a, b, name, possessive);
      // "was flipped by Radu" -> "was flipped": a passive needs no agent; offered first.
      const byLength = trailingByLength(s.text.slice(0, a)); // "  by  " before the name (linear; /\s+by\s+$/i was quadratic on runs of spaces)
      if (
        byLength !== undefined &&
        agentOnly &&
        !possessive &&
        /\b(?:was|were|been|being|got|is|are)\s+(?:\p{Ll}+ly\s+)?[\p{L}-]+(?:\s+(?:off|down|up|out))?$/iu.test(s.text.slice(0, a - byLength))
      ) {
        const from = s.offsetAt(a - byLength);
        const to = s.offsetAt(b);
        if (to - from === b - (a - byLength)) {
          for (const f of fixes) delete f.preferred;
          fixes.unshift({ title: `Remove "${s.text.slice(a - byLength, b).trim()}"`, edits: [{ start: from, end: to, newText: '' }], preferred: true });
        }
      }
      ctx.report(
        { start, end: s.offsetAt(b) },
        `"${s.text.slice(a, b)}" names a person as ${how}; describe the action and the conditions that let it cause harm, and refer to people by role ("an engineer", "the incident commander") if at all.`,
        fixes,
      );
    };
    for (s of ctx.prose.sentences) {
      if (s.section < 0 || s.quoted) continue;
      const kinds = kindsAt(ctx.model.sections, s.section);
      if (!kinds.some((k) => k && CAUSAL_SECTIONS.includes(k))) continue;
      if (kinds.includes('timeline') || kinds.includes('action-items') || kinds.includes('what-went-well') || kinds.includes('where-we-got-lucky')) continue;
      rejected = undefined;
      for (const m of subjectMatches(s.text)) {
        const verb = fold(m[3]).replace(/\s+/g, ' ');
        if (RESPONSE.test(verb)) continue;
        // Only the subject of the clause: what precedes must be the sentence start or a clause break.
        const before = s.text.slice(0, m.index);
        if (before.trim() && !/(?:^|[,;:(\u2014\u2013]|\b(?:and|but|because|when|after|so|then|since|as|while|which|that|where|before))\s*$/i.test(before))
          continue;
        report(m.index!, m.index! + m[1].length, m[1], 'the agent of the failure');
        if (m[2]) {
          const i2 = m.index! + m[0].indexOf(m[2], m[1].length);
          report(i2, i2 + m[2].length, m[2], 'the agent of the failure');
        }
      }
      for (const m of allMatches(PREFIXED, s.text)) {
        const i = m.index! + m[0].length - m[1].length;
        if (/^if\b/i.test(m[0]) && !/^\s+(?:had|did|would|could|were|was)\b/i.test(s.text.slice(i + m[1].length))) continue;
        report(i, i + m[1].length, m[1], 'the cause');
      }
      for (const re of [PASSIVE, NOUN_BY]) {
        for (const m of allMatches(re, s.text)) {
          const i = m.index! + m[0].length - m[1].length;
          report(i, i + m[1].length, m[1], 'the cause', false, true);
        }
      }
      for (const m of allMatches(POSSESSIVE, s.text)) {
        const end = m.index! + m[1].length + 2;
        report(m.index!, end, m[1], 'the cause, through their change', true, true);
      }
    }
  },
});
