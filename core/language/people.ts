/**
 * Who is a person in this document. Built once per analysis from, in order of authority:
 * 1. the roster: front-matter authors / commander / responders, action-item owners, @handles, and
 *    `people.roster` from configuration — always people;
 * 2. `people.notPeople` from configuration and the document's own words: "Mabel, the experiment
 *    scheduler", "Remy (transactional mail)", "the Iris orchestrator" — services and tools;
 * 3. well-known tools with person-like names (data/people.ts);
 * 4. evidence in the text: a capitalised word with "he"/"she" in its sentence, or followed by a verb
 *    only people do ("said", "joined", "took command");
 * 5. compromise's lexicon of first names.
 */
import { KNOWN_TOOLS, PERSON_ONLY_VERBS, SYSTEM_NOUNS } from '../data/people';
import { PERSON_ONLY_PREDICATES } from '../data/clauses';
import { nameKind } from './nlp';
import type { Prose } from '../engine/prose';
import type { AnalyzeOptions, PostmortemModel } from '../types';
import { allMatches, matchesAtStarts } from './regexp';

export interface PeopleIndex {
  /** Lower-cased names (full names and first names) and handles (without "@") known to be people. */
  roster: Set<string>;
  /** Lower-cased names known to be services or tools. */
  notPeople: Set<string>;
  /** Role of a roster name, when known ("incident commander"). Keys: full names, first names, handles. */
  roles: Map<string, string>;
  isPerson(name: string): boolean;
  /** The roster role of a name, full or first name or @handle ("the incident commander"), in O(1). */
  roleOf(name: string): string | undefined;
}

const HANDLE = /(?<![\p{L}\p{N}_.])@([\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]|[\p{L}\p{N}_])/gu;
const SYSTEM_NOUN_ALT = SYSTEM_NOUNS.join('|');
// A name starts after a non-letter that is not a hyphen: in "A-A-A-…" every hyphen was a start, each
// reading the rest of the run (quadratic before).
const APPOSITIVE = new RegExp(
  `(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]+),\\s+(?:the|our|a|an)\\s+(?:[\\p{L}-]+\\s+){0,4}?(?:${SYSTEM_NOUN_ALT})s?\\b` +
    `|(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]+)\\s+\\((?:the\\s+|our\\s+|a\\s+|an\\s+)?\\p{Ll}` +
    `|\\bthe\\s+(\\p{Lu}[\\p{L}-]+)\\s+(?:${SYSTEM_NOUN_ALT})s?\\b` +
    `|(?<![\\p{L}-])(\\p{Lu}[\\p{L}-]+)\\s+(?:${SYSTEM_NOUN_ALT})s?\\b(?!\\s+(?:lead|owner|engineer|manager|team)s?\\b)`,
  'gu',
);
const ROLE =
  '(?:engineer|developer|operator|administrator|admin|technician|contractor|reviewer|manager|lead|analyst|intern|consultant|specialist|sre|on-call|oncall|responder|member of (?:the|our) [\\p{L}-]+ team|team member|staff member|employee|colleague|architect|tester)s?';
/**
 * "Thirumalai, an engineer on …" and "one of our engineers, Amadou,". Sticky: tried only where either
 * form can start (APPOSITIVE_START), as a global search would try it. (Searched for with the g flag,
 * recheck's fuzzer measured the search growing with the square of runs like "a a a …"; anchored at each
 * start it finds it linear, and the matches are the same.)
 */
const PERSON_APPOSITIVE = new RegExp(
  `(?<![\\p{L}])(\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?),\\s+(?:[Tt]he|[Oo]ur|[Aa]n?|[Oo]ne of our)\\s+(?:[\\p{L}-]+\\s+){0,3}?${ROLE}(?![\\p{L}])` +
    `|(?<![\\p{L}])(?:[Tt]he|[Oo]ur|[Aa]n?|[Oo]ne of our)\\s+(?:[\\p{L}-]+\\s+){0,3}?${ROLE},\\s+(\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?)\\s*,`,
  'yu',
);
/** Where PERSON_APPOSITIVE can match: a capital (a name, "The", "Our", "A", "One") or "t", "o", "a" after no letter. */
const APPOSITIVE_START = /(?<![\p{L}])[\p{Lu}toa]/gu;

/** Every match of PERSON_APPOSITIVE in `text`, left to right, none overlapping: what a global search gives. */
export function personAppositives(text: string): RegExpExecArray[] {
  return matchesAtStarts(PERSON_APPOSITIVE, APPOSITIVE_START, text);
}
const PRONOUN = /\b(?:he|she|him|her|his|hers)\b/i;
const CAPITALISED = /(?<![\p{L}\p{N}@_-])\p{Lu}[\p{Ll}]+(?:-\p{Ll}+)?(?![\p{L}\p{N}])/gu;
/** A capitalised word before a verb only people do ("said", "forgot to", "panicked"): evidence of a person. */
const PERSON_VERBS = [...new Set([...PERSON_ONLY_VERBS, ...PERSON_ONLY_PREDICATES.phrases])]
  .sort((a, b) => b.length - a.length)
  .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
const PERSON_VERB = new RegExp(
  `(?<![\\p{L}])(\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}?\\p{Ll}+)?)\\s+(?:(?:also|then|just|simply|again|still|probably|apparently)\\s+)?(?:${PERSON_VERBS.join('|')})(?![\\p{L}])`,
  'gu',
);

function add(set: Set<string>, name: string): void {
  const n = name.trim().toLowerCase().replace(/^@/, '');
  if (!n) return;
  set.add(n);
  const first = n.split(/\s+/)[0];
  if (first && first !== n && first.length > 1) set.add(first);
}

/**
 * What one stretch of text says about who is a person: the parts of the index that are read from the
 * text, before the document-wide facts (the roster, configuration) are applied. Blocks cut at headings
 * can be read one at a time: none of these patterns reaches across a line that starts a heading.
 */
export interface PeopleEvidence {
  handles: string[];
  /** Names used like services: "Mabel, the scheduler", "the Iris orchestrator". */
  appositives: string[];
  /** For each sentence with "he" or "she": its capitalised words that may be names. */
  pronounCaps: string[][];
  /** Names followed by a verb only people do. */
  personVerbs: string[];
}

export function peopleEvidence(text: string, sentences: Prose['sentences']): PeopleEvidence {
  const out: PeopleEvidence = { handles: [], appositives: [], pronounCaps: [], personVerbs: [] };
  for (const m of allMatches(HANDLE, text)) out.handles.push(m[1]);
  for (const m of allMatches(APPOSITIVE, text)) out.appositives.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  for (const s of sentences) {
    if (PRONOUN.test(s.text)) {
      out.pronounCaps.push(
        allMatches(CAPITALISED, s.text)
          .map((m) => m[0])
          .filter((w) => !KNOWN_TOOLS.has(w.toLowerCase()) && !COMMON_CAPS.has(w.toLowerCase())),
      );
    }
  }
  // "Thirumalai, an engineer on our media team," and "one of our engineers, Amadou,": a role in apposition.
  for (const m of personAppositives(text)) out.personVerbs.push(m[1] ?? m[2]);
  for (const s of sentences) for (const m of allMatches(PERSON_VERB, s.text)) if (!COMMON_CAPS.has(m[1].toLowerCase())) out.personVerbs.push(m[1]);
  return out;
}

/**
 * The people index of a document. `parts` is what `peopleEvidence` read from its text, whole or block
 * by block in document order (an editor's cache keeps it per block); by default it is read here.
 */
export function buildPeopleIndex(text: string, model: PostmortemModel, prose: Prose, options: AnalyzeOptions, parts?: PeopleEvidence[]): PeopleIndex {
  const evidenceParts = parts ?? [peopleEvidence(text, prose.sentences)];
  const roster = new Set<string>();
  const roles = new Map<string, string>();
  const firstRoles = new Map<string, string>();
  for (const p of [...model.people, ...(options.people?.roster ?? [])]) {
    add(roster, p.name);
    if (p.role) {
      const full = p.name.trim().toLowerCase().replace(/^@/, '');
      roles.set(full, p.role);
      // A first name finds the role too, unless two roster people share it.
      const first = full.split(/\s+/)[0];
      if (first !== full) firstRoles.set(first, firstRoles.has(first) && firstRoles.get(first) !== p.role ? '' : p.role);
    }
  }
  for (const [first, role] of firstRoles) if (role && !roles.has(first)) roles.set(first, role);
  for (const part of evidenceParts) for (const h of part.handles) add(roster, h);
  const notPeople = new Set<string>();
  for (const n of options.people?.notPeople ?? []) notPeople.add(n.toLowerCase());
  for (const part of evidenceParts) {
    for (const a of part.appositives) {
      const name = a.toLowerCase();
      if (!roster.has(name)) notPeople.add(name);
    }
  }
  const evidence = new Set<string>();
  for (const part of evidenceParts) {
    for (const caps of part.pronounCaps) {
      const candidates = caps.filter((w) => !notPeople.has(w.toLowerCase()));
      if (candidates.length === 1) evidence.add(candidates[0].toLowerCase());
    }
    for (const v of part.personVerbs) evidence.add(v.toLowerCase());
  }
  const isPerson = (name: string): boolean => {
    const n = name
      .trim()
      .toLowerCase()
      .replace(/^@/, '')
      .replace(/['’]s$/, '');
    if (!n) return false;
    if (name.trim().startsWith('@')) return true;
    if (roster.has(n)) return true;
    if (notPeople.has(n) || KNOWN_TOOLS.has(n)) return false;
    if (evidence.has(n)) return true;
    const first = n.split(/\s+/)[0];
    return nameKind(first) === 'first';
  };
  const roleOf = (name: string): string | undefined =>
    roles.get(
      name
        .trim()
        .toLowerCase()
        .replace(/^@/, '')
        .replace(/['’]s$/, ''),
    );
  return { roster, notPeople, roles, isPerson, roleOf };
}

/** Capitalised words that start sentences and are never names in a postmortem. */
const COMMON_CAPS = new Set([
  'the',
  'a',
  'an',
  'we',
  'our',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'when',
  'while',
  'after',
  'before',
  'because',
  'since',
  'during',
  'on',
  'at',
  'in',
  'by',
  'for',
  'from',
  'with',
  'without',
  'and',
  'but',
  'or',
  'so',
  'then',
  'if',
  'why',
  'what',
  'who',
  'how',
  'where',
  'there',
  'here',
  'no',
  'not',
  'nobody',
  'everyone',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everybody',
  'no-one',
  'none',
  'support',
  'ops',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
