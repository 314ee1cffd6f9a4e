/**
 * Who a clause is about: reads the words before a phrase back to the clause boundary and decides
 * whether its head is a person (or a group of people) or a system.
 */
import { PERSON_WORDS } from './data/blame';
import { CODE_TOKEN } from './prose';
import type { PeopleIndex } from './people';

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
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|or|because|so|which|that|when|while|since|although|though|after|before|if|where|then|until|as|once)\b/gi;
const RELATIVE = /\b(?:who|whom)\s*$/i;
const ADVERBS = new Set(['also', 'then', 'clearly', 'simply', 'never', 'probably', 'still', 'apparently', 'again', 'just', 'really', 'obviously', 'certainly', 'definitely', 'likely', 'therefore', 'thus', 'really', 'always', 'arguably', 'perhaps', 'maybe', 'all', 'both', 'themselves', 'himself', 'herself', 'ourselves', 'itself', 'really', 'not']);
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'its', 'this', 'that', 'these', 'those', 'my', 'your', 'some', 'each', 'every', 'any', 'no']);

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
  let text = pre.slice(start).trim();
  // Drop trailing adverbs and auxiliaries ("the team also", "we really").
  const words = text.split(/\s+/).filter(Boolean);
  while (words.length && ADVERBS.has(words[words.length - 1].toLowerCase())) words.pop();
  text = words.join(' ');
  const subjStart = start + (pre.slice(start).length - pre.slice(start).trimStart().length);
  if (!words.length) return { kind: 'none', text: '', start: subjStart };
  // A gerund phrase is an action, not an actor: "Appointing an incident manager could have helped".
  if (/^\p{L}+ing$/iu.test(words[0]) && !/^(?:everything|nothing|something|anything)$/i.test(words[0])) return { kind: 'system', text, start: subjStart };
  return { ...classify(words, people), text, start: subjStart };
}

/** Decides on the head of a noun phrase: its last word, or a possessor when the head is a person word. */
export function classify(words: string[], people: PeopleIndex): { kind: SubjectKind; head?: string } {
  const clean = words.map((w) => w.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ''));
  const lower = clean.map((w) => w.toLowerCase());
  const last = lower[lower.length - 1];
  if (!last) return { kind: 'none' };
  if (last === CODE_TOKEN) return { kind: 'system', head: last };
  // Two-word person nouns ("on call", "release manager", "no one").
  const two = lower.slice(-2).join(' ');
  if (PERSON_SET.has(two)) return { kind: 'person', head: two };
  if (clean[clean.length - 1].startsWith('@')) return { kind: 'person', head: clean[clean.length - 1] };
  if (PERSON_SET.has(last)) return { kind: 'person', head: last };
  // A capitalised head ("Desmond", "Ana Silva") that the document or the lexicon knows as a person.
  const capitalised = /^\p{Lu}/u.test(clean[clean.length - 1]);
  const noDeterminer = !DETERMINERS.has(lower[0]) || lower.length === 1;
  if (capitalised && noDeterminer && people.isPerson(clean.slice(-2).join(' ')) ) return { kind: 'person', head: clean[clean.length - 1] };
  if (capitalised && noDeterminer && people.isPerson(clean[clean.length - 1])) return { kind: 'person', head: clean[clean.length - 1] };
  // Possessive person before a system head: "Ravi's script" is about a script; "Ravi's team" is people (below).
  // "the SRE team", "Ana's team": a group of people.
  if (/^(?:team|squad|crew|rotation|group|department)s?$/.test(last)) return { kind: 'person', head: last };
  // A determiner alone before a person word is covered above; anything else is a system or unknown.
  if (lower.length === 1 && DETERMINERS.has(last)) return { kind: 'none' };
  return { kind: 'system', head: last };
}
