/**
 * Who a clause is about: reads the words before a phrase back to the clause boundary and decides
 * whether its head is a person (or a group of people) or a system.
 */
import { PERSON_WORDS } from '../data/blame';
import { CODE_TOKEN } from '../engine/prose';
import type { PeopleIndex } from './people';
import { allMatches } from './regexp';

export type SubjectKind = 'person' | 'system' | 'none';

export interface Subject {
  kind: SubjectKind;
  /** The subject's words as written (may be empty). */
  text: string;
  /** Offset of the subject within the sentence. */
  start: number;
  /** The word that decided: a person word, a name, a handle. */
  head?: string;
}

const PERSON_SET = new Set(PERSON_WORDS);
// Word edges by letter class, not \\b (ASCII only): "Petrișor" holds no "or".
const CLAUSE_BREAK =
  /[,;:()\u2014\u2013]|\s-\s|(?<![\p{L}\p{N}_])(?:and|but|or|because|so|which|that|when|while|since|although|though|after|before|if|where|then|until|as|once)(?![\p{L}\p{N}_])/giu;
const RELATIVE = /(?<![\p{L}])(?:who|whom)\s*$/iu;
const ADVERBS = new Set([
  'also',
  'then',
  'clearly',
  'simply',
  'never',
  'probably',
  'still',
  'apparently',
  'again',
  'just',
  'really',
  'obviously',
  'certainly',
  'definitely',
  'likely',
  'therefore',
  'thus',
  'really',
  'always',
  'arguably',
  'perhaps',
  'maybe',
  'all',
  'both',
  'themselves',
  'himself',
  'herself',
  'ourselves',
  'itself',
  'really',
  'not',
]);
const WORD = /\S+/g;
const GERUND = /^\p{L}+ing$/u;
const GERUND_I = /^\p{L}+ing$/iu;
const PRONOUN_THING = /^(?:everything|nothing|something|anything)$/i;
const NON_LETTER = /[^\p{L}]/gu;
const LY_ADVERB = /^\p{L}{3,}ly$/u;
const CAPITAL = /^\p{Lu}/u;
const AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  'has',
  'have',
  'had',
  'will',
  'would',
  'may',
  'might',
  'must',
  'shall',
]);
/** Words that end a noun phrase's head: "the owner of the job", "the engineer on call". */
const PREPOSITIONS = new Set([
  'of',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'without',
  'behind',
  'under',
  'inside',
  'within',
  'across',
  'during',
  'near',
  'like',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'our',
  'their',
  'his',
  'her',
  'its',
  'this',
  'that',
  'these',
  'those',
  'my',
  'your',
  'some',
  'each',
  'every',
  'any',
  'no',
]);

/** Classifies the subject of the clause that ends at `at` in `sentence`. */
export function subjectBefore(sentence: string, at: number, people: PeopleIndex): Subject {
  let pre = sentence.slice(0, at);
  // "the engineer who forgot to …": the subject is the antecedent before "who".
  const rel = RELATIVE.exec(pre);
  if (rel) pre = pre.slice(0, rel.index);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(pre))) {
    // Keep "and" inside a subject ("Ana and Ben failed to …") when what precedes is itself a subject.
    start = m.index + m[0].length;
  }
  // Words of the clause with their offsets in the sentence.
  const tokens = allMatches(WORD, pre.slice(start)).map((t) => ({ w: t[0], at: start + t.index! }));
  // "the engineer who ran it", "anyone who saw the graph": the head stands before the relative pronoun.
  const who = tokens.findIndex((t) => /^(?:who|whom)$/i.test(t.w));
  if (who > 0) tokens.length = who;
  // Drop trailing adverbs and auxiliaries ("the team also", "we really", "the platform group is").
  while (tokens.length && (ADVERBS.has(tokens[tokens.length - 1].w.toLowerCase()) || AUXILIARIES.has(tokens[tokens.length - 1].w.toLowerCase()))) tokens.pop();
  // Drop leading sentence adverbs ("Unfortunately we", "In hindsight the team"): they are not the subject.
  while (
    tokens.length > 1 &&
    isLeadingAdverb(
      tokens.map((t) => t.w),
      people,
    )
  )
    tokens.shift();
  const words = tokens.map((t) => t.w);
  const text = words.join(' ');
  const subjStart = tokens.length ? tokens[0].at : start + (pre.slice(start).length - pre.slice(start).trimStart().length);
  if (!words.length) return { kind: 'none', text: '', start: subjStart };
  // A gerund phrase is an action, not an actor: "Appointing an incident manager could have helped".
  if (GERUND_I.test(words[0]) && !PRONOUN_THING.test(words[0])) return { kind: 'system', text, start: subjStart };
  // Written out rather than spread: classify's two result shapes made the spread a slow copy.
  const c = classify(words, people);
  return 'head' in c ? { kind: c.kind, head: c.head, text, start: subjStart } : { kind: c.kind, text, start: subjStart };
}

const LEADING = new Set([
  'so',
  'then',
  'also',
  'again',
  'still',
  'honestly',
  'frankly',
  'really',
  'meanwhile',
  'later',
  'first',
  'finally',
  'instead',
  'yet',
  'sadly',
  'hindsight',
  'in',
]);

/** "Unfortunately", "Honestly", "In hindsight": words before the subject that are not part of it. */
function isLeadingAdverb(words: string[], people: PeopleIndex): boolean {
  const w = words[0].replace(NON_LETTER, '');
  const l = w.toLowerCase();
  if (l === 'in') return words[1]?.toLowerCase().replace(NON_LETTER, '') === 'hindsight';
  if (LEADING.has(l)) return true;
  return LY_ADVERB.test(w) && !people.isPerson(w);
}

/** Decides on the head of a noun phrase: its last word, or a possessor when the head is a person word. */
export function classify(words: string[], people: PeopleIndex): { kind: SubjectKind; head?: string } {
  let clean = words.map(withoutEdgePunctuation);
  let lower = clean.map((w) => w.toLowerCase());
  // "Whoever wrote the runbook", "Anyone watching the graph": a free relative about people.
  if (/^(?:whoever|whomever|anyone|anybody|someone|somebody|everyone|everybody|nobody)$/.test(lower[0] ?? '') && lower.length > 1)
    return { kind: 'person', head: lower[0] };
  // The head stands before a post-modifier: a preposition ("the owner of the job") or, after a person
  // word or a name, a participle ("the person typing it", "Ana running the migration").
  for (let i = 1; i < lower.length; i++) {
    const prep = PREPOSITIONS.has(lower[i]) && !(lower[i] === 'on' && lower[i + 1] === 'call');
    const participle = GERUND.test(lower[i]) && (PERSON_SET.has(lower[i - 1]) || (CAPITAL.test(clean[i - 1]) && people.isPerson(clean[i - 1])));
    if (prep || participle) {
      clean = clean.slice(0, i);
      lower = lower.slice(0, i);
      break;
    }
  }
  const last = lower[lower.length - 1];
  if (!last) return { kind: 'none' };
  if (last === CODE_TOKEN) return { kind: 'system', head: last };
  // Two-word person nouns ("on call", "release manager", "no one").
  const two = lower.slice(-2).join(' ');
  if (PERSON_SET.has(two)) return { kind: 'person', head: two };
  if (clean[clean.length - 1].startsWith('@')) return { kind: 'person', head: clean[clean.length - 1] };
  if (PERSON_SET.has(last)) return { kind: 'person', head: last };
  // A capitalised head ("Desmond", "Ana Silva") that the document or the lexicon knows as a person.
  const capitalised = CAPITAL.test(clean[clean.length - 1]);
  const noDeterminer = !DETERMINERS.has(lower[0]) || lower.length === 1;
  if (capitalised && noDeterminer && people.isPerson(clean.slice(-2).join(' '))) return { kind: 'person', head: clean[clean.length - 1] };
  if (capitalised && noDeterminer && people.isPerson(clean[clean.length - 1])) return { kind: 'person', head: clean[clean.length - 1] };
  // Possessive person before a system head: "Ravi's script" is about a script; "Ravi's team" is people (below).
  // "the SRE team", "Ana's team": a group of people.
  if (/^(?:team|squad|crew|rotation|group|department|shift|side|org|organisation|organization)s?$/.test(last)) return { kind: 'person', head: last };
  // A determiner alone before a person word is covered above; anything else is a system or unknown.
  if (lower.length === 1 && DETERMINERS.has(last)) return { kind: 'none' };
  return { kind: 'system', head: last };
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/**
 * `w` without the punctuation at its edges: what `w.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, '')`
 * gives (an "@" may start a handle, not end a word), read code point by code point from each end
 * instead of trying the end pattern from every character of a run.
 */
export function withoutEdgePunctuation(w: string): string {
  let start = 0;
  while (start < w.length) {
    const cp = String.fromCodePoint(w.codePointAt(start)!);
    if (cp === '@' || LETTER_OR_DIGIT.test(cp)) break;
    start += cp.length;
  }
  let end = w.length;
  while (end > start) {
    const low = w.charCodeAt(end - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && end - 2 >= start && w.charCodeAt(end - 2) >= 0xd800 && w.charCodeAt(end - 2) <= 0xdbff;
    const cp = w.slice(end - (pair ? 2 : 1), end);
    if (LETTER_OR_DIGIT.test(cp)) break;
    end -= cp.length;
  }
  return w.slice(start, end);
}
