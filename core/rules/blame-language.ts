import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import { BLAME_PHRASES, REJECTION_CUES, REJECTION_GERUND, REJECTION_RESULT, type BlameKind, type PhraseEntry } from '../data/blame';
import { KNOWN_TOOLS } from '../data/people';
import { PhraseMatcher } from '../language/match';
import { allMatches, withoutLastWord } from '../language/regexp';
import { ConfiguredMatcher } from '../language/configuredPhrases';
import { CLAUSE_SHAPE_MAX, clauseShape, gerund, infinitive } from '../language/nlp';
import type { Sentence } from '../engine/prose';
import { classify, subjectBefore, type Subject, type SubjectKind } from '../language/subject';
import {
  actorBefore,
  coordinateClauseStart,
  isDenied,
  isPeople,
  judgementsIn,
  looksLikeName,
  negatedInClause,
  passiveAgent,
  personStatesIn,
  quotesWord,
} from '../language/clauses';
import { CHECK_PARTICIPLES, PERSON_ONLY_PREDICATES } from '../data/clauses';
import { kindsAt } from '../extract/sections';
import type { PeopleIndex } from '../language/people';
import type { Fix } from '../types';
import { defineRule } from './defineRule';

/** Phrases added by configuration (`phrases.blame.add`): judged wherever they stand, like "careless". */
const CONFIGURED: PhraseEntry = {
  id: 'configured',
  phrases: [],
  kind: 'judgement',
  personSubject: false,
  instead: 'describe what happened and what the system allowed',
  examples: { flag: [], clean: [] },
};
const matchers = new ConfiguredMatcher<PhraseEntry>(
  BLAME_PHRASES.map((e) => ({ phrases: e.phrases, entry: e })),
  CONFIGURED,
);
const rejection = new PhraseMatcher<true>([{ phrases: REJECTION_CUES, entry: true }]);

const QUOTE_REACH = 400;

/** True when the hit stands inside quotation marks in its sentence. */
export function insideQuotes(sentence: string, hitStart: number, hitEnd: number): boolean {
  // Quotation marks further than QUOTE_REACH from the hit do not quote it: reading only that far keeps
  // a sentence with many hits (a run of "!!") linear.
  const from = Math.max(0, hitStart - QUOTE_REACH);
  const text = sentence.slice(from, Math.min(sentence.length, hitEnd + QUOTE_REACH));
  const start = hitStart - from;
  const end = hitEnd - from;
  const pairs: Array<[string, string]> = [
    ['"', '"'],
    ['\u201c', '\u201d'],
    ['\u2018', '\u2019'],
  ];
  for (const [open, close] of pairs) {
    const o = text.lastIndexOf(open, start - 1);
    if (o < 0) continue;
    const c = text.indexOf(close, Math.max(end, o + 1));
    if (c >= end) {
      if (open === close && (text.slice(0, o).split(open).length - 1) % 2 !== 0) continue;
      if (open === '\u2018' && /\p{L}$/u.test(text.slice(0, o))) continue;
      return true;
    }
  }
  // 'single quoted' blame: an opening quote after a space, a closing one before punctuation or a space.
  const before = text.slice(0, start);
  const o = before.search(/(?:^|[\s(])'[^']*$/);
  if (o >= 0 && /^[^']*'(?=[\s.,;:)!?]|$)/.test(text.slice(end))) return true;
  return false;
}

/** True when the sentence quotes or names blame in order to set it aside. */
export function isRejected(sentence: Sentence): boolean {
  return rejection.scan(sentence.text, sentence.folded).length > 0 || rejectionFrame(sentence.text);
}

/**
 * True when a REJECTION_GERUND ("calling", "treating") has a REJECTION_RESULT ("would", "hides") after
 * it in its clause (no "." or ";" between): what `/GERUND[^.;]*?RESULT/i.test(text)` gave, in linear
 * time. (That pattern, from every gerund of a long clause without a result, read the clause to its
 * end.) A later gerund of the same clause sees only part of what the first one sees, so each clause is
 * read once, from its first gerund.
 */
export function rejectionFrame(text: string): boolean {
  const gerund = REJECTION_GERUND;
  gerund.lastIndex = 0;
  for (let m = gerund.exec(text); m; m = gerund.exec(text)) {
    const from = m.index + m[0].length;
    let stop = from;
    while (stop < text.length && text[stop] !== '.' && text[stop] !== ';') stop++;
    // The gerund ends at a word edge, so the slice's start cuts no word the result could begin.
    if (REJECTION_RESULT.test(text.slice(from, stop))) {
      gerund.lastIndex = 0;
      return true;
    }
    gerund.lastIndex = stop + 1;
  }
  gerund.lastIndex = 0;
  return false;
}

const NEGATED_FAULT = /\b(?:nobody|no one|no-one|none of (?:us|them)|not|never|n't)\b(?:\s+[\p{L}'’-]+){0,4}\s*$/iu;
const FAULT_OBJECT_STOP = /^(?:for|in|on|at|when|because|during|after|before|with|by|that|who|which|and|but|or|as)$/i;

/**
 * Whom a fault phrase points at: the possessor of "'s fault", the object of "fault of", the subject of
 * "at fault" / "to blame". "A fault of the RAID controller" and "the load balancer's fault" are about
 * systems; "the night shift's fault" is about people.
 */
function faultTarget(text: string, start: number, end: number, phrase: string, people: PeopleIndex): SubjectKind {
  // "Nobody was to blame", "it was not the fault of the on-call": fault denied, not assigned.
  if (NEGATED_FAULT.test(text.slice(0, start))) return 'none';
  if (phrase === "'s fault") {
    // "Priya's fault": an unknown capitalised possessor is taken as a person unless known as a tool.
    const sub = subjectBefore(text, start, people);
    const head =
      sub.text
        .split(/\s+/)
        .pop()
        ?.replace(/[^\p{L}\p{N}@-]/gu, '') ?? '';
    const namedTool = people.notPeople.has(head.toLowerCase()) || KNOWN_TOOLS.has(head.toLowerCase());
    return sub.kind === 'system' && (!/^\p{Lu}/u.test(head) || namedTool) ? 'system' : 'person';
  }
  if (phrase === 'fault of') {
    const words: string[] = [];
    for (const w of text.slice(end).split(/\s+/).filter(Boolean)) {
      if (FAULT_OBJECT_STOP.test(w) || words.length >= 5) break;
      words.push(w);
      if (/[,.;:!?]$/.test(w)) break;
    }
    return words.length ? classify(words, people).kind : 'none';
  }
  if (/^(?:at fault|to blame|is to blame|are to blame)$/.test(phrase)) return subjectBefore(text, start, people).kind;
  // "the blame would be on us": the writers taking it on themselves blame nobody else.
  if (phrase === 'the blame' && /^\s+(?:\p{L}+\s+){0,3}?(?:on|with)\s+(?:us|ourselves|me|myself)\b/iu.test(text.slice(end))) return 'none';
  return 'person';
}

/** The message: names the words, says what they do and what to write instead, itself without judgement. */
function messageFor(kind: BlameKind, words: string, subject: Subject | undefined, instead: string): string {
  const who = subject?.kind === 'person' && subject.text && subject.text.split(/\s+/).length <= 4 ? subject.text : '';
  const quoted = who ? `"${who} ${words}"` : `"${words}"`;
  switch (kind) {
    case 'counterfactual':
      return `${quoted} measures a person against what is known now, not against what the system allowed at the time; ${instead}.`;
    case 'omission':
      return `${quoted} frames an omission as a person's failing; ${instead}.`;
    case 'judgement':
      return `"${words}" judges people rather than describing what happened; ${instead}.`;
    case 'exhortation':
      return `"${words}" asks people for more care rather than changing the system; ${instead}.`;
    case 'accusation':
      return `"${words}" asks who is at fault; ${instead}.`;
    case 'fault':
      return `"${words}" assigns fault; ${instead}.`;
    case 'outrage':
      return `"${words}" adds indignation to a factual record; ${instead}.`;
  }
}

/** Source span of sentence characters [a, b), or undefined when markup sits inside (no safe rewrite). */
function exact(s: Sentence, a: number, b: number): { start: number; end: number } | undefined {
  const start = s.offsetAt(a);
  const end = s.offsetAt(b);
  return end - start === b - a ? { start, end } : undefined;
}

function capitalise(text: string, atSentenceStart: boolean): string {
  return atSentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const NEXT_WORD = /^\s+([\p{L}'-]+)/u;

const ADVERB_WORD = /^(?:\p{L}+ly|also|just|then|first|still|even|ever|at least)$/iu;
const SAFEGUARD = WRITTEN_PLACEHOLDERS.safeguard;

/**
 * "<X> before <Y>[.!?]" as one clause (no , ; : . ! ? inside): [X, Y, final mark], or undefined.
 * String steps, not one pattern: a lazy group, adjacent runs of spaces and an anchored end made the
 * pattern it replaces quartic in a run of spaces (a padded table cell).
 */
export function beforeClause(tail: string): [string, string, string] | undefined {
  const trimmed = tail.trimEnd();
  const mark = /[.!?]$/.test(trimmed) ? trimmed.slice(-1) : '';
  const body = mark ? trimmed.slice(0, -1) : trimmed;
  if (/[,;:.!?]/.test(body)) return undefined;
  for (const m of allMatches(/\bbefore\b/g, body)) {
    const at = m.index!;
    const x = body.slice(0, at);
    const y = body.slice(at + 6);
    if (x.length === 0 || !/\s$/.test(x) || !/^\s/.test(y)) continue;
    const yText = y.trimStart();
    if (!yText) continue;
    return [x.trimEnd(), yText, mark];
  }
  return undefined;
}

/** "should have <verb>" rewrites: the process as the subject, the verb as a gerund or an infinitive. */
function counterfactualFixes(s: Sentence, hitEnd: number, phrase: string, subject: Subject): Fix[] {
  // The verb after the phrase, past any adverbs ("should have immediately paged").
  const tail = s.text.slice(hitEnd);
  const re = /\s+([\p{L}'-]+)/uy;
  let pos = 0;
  let m: RegExpExecArray | null;
  let verb: string | undefined;
  let verbEnd = hitEnd;
  while (((re.lastIndex = pos), (m = re.exec(tail)))) {
    pos = re.lastIndex;
    if (ADVERB_WORD.test(m[1])) continue;
    verb = m[1];
    verbEnd = hitEnd + pos;
    break;
  }
  // "should have to <verb>" is an obligation, not a counterfactual: no rewrite reads right.
  if (!verb || /^(?:been|known|had|got|gotten|to)$/i.test(verb)) return [];
  const inf = infinitive(verb);
  if (!inf || /\s/.test(inf) || (inf === verb.toLowerCase() && /(?:ed|en)$/i.test(verb))) return [];
  const ger = gerund(inf);
  const span = exact(s, subject.start, verbEnd);
  if (!span) return [];
  const atStart = s.text.slice(0, subject.start).trim() === '';
  // "Nobody should have missed it" means "someone should not have": the rewrite says what nothing prevented.
  const nobody = /^(?:nobody|no one|no-one|none)\b/i.test(subject.text);
  const negative = /n't|not/.test(phrase) !== nobody;
  const fixes: Fix[] = [];
  const offer = (t: string) => fixes.push({ title: `Rewrite as "${capitalise(t, atStart)} …"`, edits: [{ ...span, newText: capitalise(t, atStart) }] });
  if (negative) {
    offer(`nothing in the process prevented ${ger}`);
    offer(`no check stopped ${ger}`);
  } else {
    offer(`nothing in the process required ${ger}`);
    offer(`the process did not ${inf === 'ask' ? 'require' : 'ask'} anyone to ${inf}`);
    // "<doing X> was not required before <Y>": the whole clause, when it is one clause.
    const rest = beforeClause(s.text.slice(verbEnd));
    if (rest && atStart) {
      const whole = exact(s, subject.start, s.text.length - rest[2].length - (s.text.length - s.text.trimEnd().length));
      if (whole) {
        const t = `${capitalise(ger, true)}${rest[0]} was not required before ${rest[1]}`;
        fixes.push({ title: `Rewrite as "${capitalise(ger, true)} … was not required before …"`, edits: [{ ...whole, newText: t }] });
      }
    }
  }
  return fixes;
}

/** Rewrites for one hit; the first is preferred. */
function fixesFor(s: Sentence, hitStart: number, hitEnd: number, phrase: string, subject: Subject | undefined): Fix[] {
  const fixes: Fix[] = [];
  const words = s.text.slice(hitStart, hitEnd);
  const after = s.text.slice(hitEnd);
  if (/^(?:failed|fails|neglected|neglects|forgot|forgets|omitted) to$/.test(phrase)) {
    const span = exact(s, hitStart, hitEnd);
    const present = /s to$/.test(phrase);
    // "Nobody failed to follow it" -> "Nobody did not follow it" says the opposite: no rewrite.
    if (subject && NEGATIVE_SUBJECT.test(subject.text.trim())) return fixes;
    if (span)
      fixes.push({ title: `Replace "${words}" with "${present ? 'does not' : 'did not'}"`, edits: [{ ...span, newText: present ? 'does not' : 'did not' }] });
  } else if (/^(?:didn't|did not|never) even$/.test(phrase)) {
    const kept = phrase.startsWith('never') ? 'never' : 'did not';
    const span = exact(s, hitStart, hitEnd);
    if (span) fixes.push({ title: `Replace "${words}" with "${kept}"`, edits: [{ ...span, newText: capitalise(kept, hitStart === 0) }] });
  } else if (/^(?:didn't|did not) bother$/.test(phrase)) {
    const to = /^\s+to\b/.exec(after);
    const span = to && exact(s, hitStart, hitEnd + to[0].length);
    if (span) fixes.push({ title: `Replace "${words}${to![0]}" with "did not"`, edits: [{ ...span, newText: capitalise('did not', hitStart === 0) }] });
  } else if (
    /^(?:should|could|ought to|should not|shouldn't|should've|could've) have$|^should(?:n't| not) have$|^(?:should|could)'ve$/.test(phrase) &&
    subject &&
    subject.text
  ) {
    fixes.push(...counterfactualFixes(s, hitEnd, phrase, subject));
  } else if (
    /^(?:careless|sloppy|negligent|lazy|incompetent|reckless|irresponsible|clueless|stupid|dumb|boneheaded|amateurish|carelessly|recklessly|negligently)$/.test(
      phrase,
    )
  ) {
    // An adjective before a noun ("a careless change") or an adverb ("carelessly deleted"): remove it.
    const next = NEXT_WORD.exec(after);
    const adverb = /ly$/.test(phrase);
    if (next && (adverb || !/^(?:and|or|but|to|of|in|on|when|because|with|for|about|at)$/i.test(next[1]))) {
      const prevA = /(?:^|\s)(an?)\s+$/i.exec(s.text.slice(Math.max(0, hitStart - 4), hitStart));
      const start = prevA && !adverb ? hitStart - prevA[0].trimStart().length : hitStart;
      const article = prevA && !adverb ? (/^[aeiou]/i.test(next[1]) ? 'an ' : 'a ') : '';
      const span = exact(s, start, hitEnd + 1);
      const cap = prevA && /^A/.test(prevA[1]) ? article.charAt(0).toUpperCase() + article.slice(1) : article;
      const first = start === 0 && !cap && /^\p{Ll}/u.test(next[1]);
      if (first) {
        const span2 = exact(s, start, hitEnd + 2);
        if (span2) fixes.push({ title: `Remove "${words}"`, edits: [{ ...span2, newText: next[1].charAt(0).toUpperCase() }] });
      } else if (span) fixes.push({ title: `Remove "${words}"`, edits: [{ ...span, newText: cap }] });
    }
  } else if (/^which is ridiculous$/.test(phrase)) {
    // ", which is ridiculous": the fact stands without it.
    const comma = /,\s*$/.exec(s.text.slice(0, hitStart));
    const start = comma ? hitStart - comma[0].length : hitStart;
    const span = exact(s, start, hitEnd);
    if (span && start > 0) fixes.push({ title: `Remove "${s.text.slice(start, hitEnd)}"`, edits: [{ ...span, newText: '' }] });
  } else if (
    /^(?:be more careful|be careful|being more careful|been more careful|pay more attention|pay closer attention|be more vigilant|be more diligent|try harder|double-check more|remember to)$/.test(
      phrase,
    )
  ) {
    // The clause asks for care; a placeholder asks for the safeguard instead. An action item's fields
    // after the text ("(owner: …)", "— @ana — 2026-05-01") stay.
    const lead = s.text.length - s.text.trimStart().length;
    const fields = /(?<!\s)\s+(?:\(|[—–]\s|-\s|\|)/.exec(s.text.slice(hitEnd));
    let end = fields ? hitEnd + fields.index : s.text.trimEnd().length;
    if (/[.!?]/.test(s.text[end - 1] ?? '')) end--;
    const span = exact(s, lead, end);
    if (span) fixes.push({ title: 'Replace with a concrete safeguard', edits: [{ ...span, newText: `\${1:${SAFEGUARD}}` }], snippet: true });
  } else if (
    /^(?:why didn't anyone|why did no one|why did nobody|why didn't someone|why didn't they|why didn't we|why did not anyone|how did nobody|how did no one)$/.test(
      phrase,
    )
  ) {
    const q = /^\s+([\p{L}'-]+)(?![\p{L}'-])([^?]*)\?/u.exec(after);
    if (q) {
      const span = exact(s, hitStart, hitEnd + q[0].length);
      // "… sooner?" already asks about time.
      const rest = q[2].trim().replace(/(?:(?<!\s)\s+)?\b(?:sooner|earlier|faster|in time)$/i, '');
      const text =
        /^(?:catch|notice|spot|see)$/i.test(q[1]) && (!rest || /^(?:this|it|that)$/i.test(rest))
          ? 'What would have caught this earlier?'
          : `What would have helped us ${infinitive(q[1])}${rest ? ' ' + rest : ''} earlier?`;
      if (span) fixes.push({ title: `Rewrite as "${text}"`, edits: [{ ...span, newText: capitalise(text, hitStart === 0) }] });
    }
  } else if (/^(?:!!|\?!|!\?|!!!)$/.test(phrase)) {
    const span = exact(s, hitStart, hitEnd);
    if (span)
      fixes.push({
        title: phrase.includes('?') ? 'End with a question mark' : 'End with a full stop',
        edits: [{ ...span, newText: phrase.includes('?') ? '?' : '.' }],
      });
  }
  if (fixes.length) fixes[0].preferred = true;
  return fixes;
}

/** Index of sentence `s` whose source offset is `offset` (offsetAt is non-decreasing), or -1. */
function indexAt(s: Sentence, offset: number): number {
  let lo = 0;
  let hi = s.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.offsetAt(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  return s.offsetAt(lo) === offset ? lo : -1;
}

const REWRITTEN_CLAUSE =
  /^(?:should|could|ought|careless|sloppy|negligent|lazy|incompetent|reckless|irresponsible|clueless|stupid|dumb|boneheaded|amateurish|carelessly|recklessly|negligently)\b/;
const NEGATIVE_SUBJECT = /^(?:nobody|no one|no-one|none|nothing)\b/i;
const NEGATED_VERB = /\b(?:not|never)\b|n't\b/i;

/**
 * True when the sentence, rewritten by `fix`, still reads as a sentence: a subject (a leading -ing
 * clause counts) and a verb, no double negative, no bare form of "be" as its subject. A rewrite that
 * cannot be checked (markup inside, a very long sentence) is not offered.
 */
export function rewriteReads(s: Sentence, fix: Fix): boolean {
  if (fix.snippet) return true; // an editor placeholder the author fills in, not a rewrite
  if (s.text.length > CLAUSE_SHAPE_MAX) return false; // too long to read: checked before copying it
  let out = s.text;
  let firstEdit = s.text.length;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) {
    const i = indexAt(s, e.start);
    const j = indexAt(s, e.end);
    if (i < 0 || j < i) return false;
    out = out.slice(0, i) + e.newText + out.slice(j);
    firstEdit = Math.min(firstEdit, i);
  }
  // Read the clause the rewrite is in: from the last coordination or semicolon before the first edit
  // ("…, and the on-call engineer should have …" is read from "the on-call engineer"), so what the
  // sentence says before it cannot hide or stand in for the rewritten clause's subject and verb.
  const clause = out.slice(coordinateClauseStart(out, firstEdit)).trim();
  const shape = clauseShape(clause);
  if (!shape) return false;
  const first = /^\s*([\p{L}'-]+)/u.exec(clause)?.[1] ?? '';
  const subject = shape.subject || (/ing$/i.test(first) ? first : '');
  if (!subject || !shape.verb) return false;
  if (/^(?:being|be|been)$/i.test(subject)) return false;
  if (NEGATIVE_SUBJECT.test(subject) && NEGATED_VERB.test(shape.verb)) return false;
  return true;
}

/**
 * fixesFor, keeping only the rewrites that still read as a sentence; the first kept is preferred.
 * `preferredOnly`: that first one alone (the rewrites after it are not read back).
 */
function checkedFixes(s: Sentence, hitStart: number, hitEnd: number, phrase: string, subject: Subject | undefined, preferredOnly = false): Fix[] {
  const all = fixesFor(s, hitStart, hitEnd, phrase, subject);
  // Rewrites that change the clause (a counterfactual, "failed to", a removed word) are read back; a
  // mark replaced ("!!" -> ".") or a fixed question cannot lose the subject or the verb.
  if (!REWRITTEN_CLAUSE.test(phrase)) return all;
  const first = preferredOnly ? all.find((f) => rewriteReads(s, f)) : undefined;
  const fixes = preferredOnly ? (first ? [first] : []) : all.filter((f) => rewriteReads(s, f));
  fixes.forEach((f, i) => {
    if (i === 0) f.preferred = true;
    else delete f.preferred;
  });
  return fixes;
}

/** Irregular past participles that follow "should have" in a counterfactual. */
const IRREGULAR_PARTICIPLES =
  /^(?:been|done|made|run|seen|known|gone|put|set|let|hit|cut|read|said|told|kept|left|felt|found|held|caught|brought|thought|bought|sent|spent|built|lost|met|paid|sold|taught|won|understood|written|given|taken|spoken|chosen|frozen|broken|driven|ridden|shown|thrown|drawn|grown|flown|begun|sung|rung|swum|drunk|stuck|struck|hung|fed|led|bled|fled|shot|got|gotten|rolled|split|shut|spread|quit|bet|cast|hurt|forgotten|forbidden|overseen|undone|redone|rerun|withdrawn)$/i;

/** True when the words after "should have" start with a past participle (skipping adverbs): a counterfactual, not possession. */
function pastParticipleNext(after: string): boolean {
  const words = after.trim().split(/\s+/).slice(0, 3);
  for (const w0 of words) {
    const w = w0.replace(/[^\p{L}'-]/gu, '');
    if (
      /^(?:also|then|just|still|even|ever|really|immediately|simply|probably|definitely|certainly|at|least|first|never|not|n't)$/i.test(w) ||
      /^\p{L}+ly$/u.test(w)
    )
      continue;
    if (/^had$/i.test(w)) return false;
    return IRREGULAR_PARTICIPLES.test(w) || /(?:ed|en|wn)$/i.test(w);
  }
  return false;
}

const personOnlyMatcher = new PhraseMatcher<true>([{ phrases: PERSON_ONLY_PREDICATES.phrases, entry: true }]);
const STATE = /^(?:was|were|got)\s/i;
const GROUP_OMISSION = /\b(?:did not|didn't|never)\s+(?:follow|read|check|test|follow up on|respond to|update)\s+(?:the|our|their|any)\b/giu;
const CHECK_PASSIVE = new RegExp(
  `\\b(?:should|ought\\s+to|could)(?:\\s+not|n't)?\\s+(?:have\\s+|had\\s+)?been\\s+(?:\\p{Ll}+ly\\s+)?(${CHECK_PARTICIPLES.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`,
  'giu',
);
const STATE_PROMPT = WRITTEN_PLACEHOLDERS.statePrompt;
const PROCESS_PROMPT = WRITTEN_PLACEHOLDERS.processPrompt;

interface Extra {
  start: number;
  end: number;
  message: string;
  fixes: Fix[];
}

/**
 * What the clause reader adds to the phrase list: predicates only people have, with a person or group as
 * the subject ("Thanh ignored the canary", "the operators panicked"); a group that did not follow a
 * procedure; "should have been caught in review" (the passive of a check people make, with no system as
 * its agent); judgement words from the AFINN-165 lexicon aimed at people ("the contractors were clueless").
 * Positions already covered by the phrase list are left to it.
 */
function readClauses(
  ctx: Parameters<typeof blameLanguage.check>[0],
  s: Sentence,
  hits: ReadonlyArray<{ start: number; end: number }>,
  personOnlyHits: ReadonlyArray<{ start: number; end: number; phrase: string }>,
): Extra[] {
  const out: Extra[] = [];
  const covered = (a: number, b: number) => hits.some((h) => h.start < b && a < h.end) || out.some((x) => x.start < b && a < x.end);
  const kinds = s.section >= 0 ? kindsAt(ctx.model.sections, s.section) : [];
  const lucky = kinds.includes('where-we-got-lucky');
  for (const h of personOnlyHits) {
    if (covered(h.start, h.end) || insideQuotes(s.text, h.start, h.end)) continue;
    const actor = actorBefore(s.text, h.start, ctx.people);
    if (!isPeople(actor) || /^(?:nobody|no one|no-one|none)\b/i.test(actor.text)) continue;
    if (/\b(?:not|never|n't)\s*$/i.test(s.text.slice(0, h.start))) continue;
    const words = s.text.slice(h.start, h.end);
    const who = actor.text && actor.text.split(/\s+/).length <= 4 ? `${actor.text} ` : '';
    if (STATE.test(h.phrase)) {
      out.push({
        start: h.start,
        end: h.end,
        message: `"${who}${words}" puts a person's state forward as the explanation; describe the conditions that made the state matter (workload, hand-offs, what the tools showed).`,
        fixes: promptFix(s, actor.start, STATE_PROMPT),
      });
    } else {
      out.push({
        start: h.start,
        end: h.end,
        message: `"${who}${words}" judges what a person did or did not do; describe the action and what made it likely or easy.`,
        fixes: [],
      });
    }
  }
  for (const st of personStatesIn(s.text)) {
    if (covered(st.start, st.end) || insideQuotes(s.text, st.start, st.end)) continue;
    const actor = actorBefore(s.text, st.at, ctx.people);
    if (!isPeople(actor) || /^(?:nobody|no one|no-one|none)\b/i.test(actor.text)) continue;
    const who = actor.text && actor.text.split(/\s+/).length <= 4 ? `${actor.text} ` : '';
    out.push({
      start: st.start,
      end: st.end,
      message: `"${who}${s.text.slice(st.start, st.end)}" puts a person's state forward as the explanation; describe the conditions that made the state matter (workload, hand-offs, what the tools showed).`,
      fixes: promptFix(s, actor.start, STATE_PROMPT),
    });
  }
  GROUP_OMISSION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (/not|n't|never/.test(s.folded) && (m = GROUP_OMISSION.exec(s.text))) {
    const actor = actorBefore(s.text, m.index, ctx.people);
    if (actor.kind !== 'group' || covered(m.index, m.index + m[0].length)) continue;
    const end = m.index + withoutLastWord(m[0]).length;
    out.push({
      start: m.index,
      end,
      message: `"${actor.text} ${s.text.slice(m.index, end)}" blames a group; say what the process did not provide (a check, a step, a signal) that would have made the step happen.`,
      fixes: promptFix(s, actor.start, PROCESS_PROMPT),
    });
  }
  if (!lucky && s.folded.includes('been')) {
    CHECK_PASSIVE.lastIndex = 0;
    while ((m = CHECK_PASSIVE.exec(s.text))) {
      const end = m.index + m[0].length;
      const agent = passiveAgent(s.text, end, ctx.people);
      if ((agent && !isPeople(agent)) || out.some((x) => x.start < end && m!.index < x.end) || insideQuotes(s.text, m.index, end)) continue;
      // "Reflect on whether the change should have been announced": a question to answer, not a verdict.
      if (openCondition(s.text.slice(0, m.index))) continue;
      out.push({
        start: m.index,
        end,
        message: `"${s.text.slice(m.index, end)}" judges the people who did not ${m[1] === 'caught' ? 'catch' : 'make'} it, with what is known now; say what would have made it visible at the time (a test, a check, a signal).`,
        fixes: [],
      });
    }
  }
  for (const j of judgementsIn(s.text, ctx.people)) {
    if (covered(j.start, j.end) || insideQuotes(s.text, j.start, j.end)) continue;
    out.push({
      start: j.start,
      end: j.end,
      message: `"${j.word}" judges people rather than describing what happened; describe the action and the conditions around it.`,
      fixes: removeAdjective(s, j.start, j.end),
    });
  }
  return out;
}

/** Replaces the clause from its subject to the sentence end with a prompt (a snippet), when it maps exactly. */
function promptFix(s: Sentence, from: number, prompt: string): Fix[] {
  let end = s.text.trimEnd().length;
  if (/[.!?]/.test(s.text[end - 1] ?? '')) end--;
  if (end <= from) return [];
  const span = exact(s, from, end);
  return span
    ? [{ title: 'Replace with a question about the conditions', edits: [{ ...span, newText: `\${1:${prompt}}` }], snippet: true, preferred: true }]
    : [];
}

/** "a reckless admin" -> "an admin"; a predicate adjective ("were clueless") has no safe removal. */
function removeAdjective(s: Sentence, a: number, b: number): Fix[] {
  const before = /(?:^|\s)(an?)\s+$/i.exec(s.text.slice(Math.max(0, a - 4), a));
  const next = /^\s+([\p{L}-]+)/u.exec(s.text.slice(b));
  if (!before || !next) return [];
  const start = a - before[0].trimStart().length;
  const span = exact(s, start, b + 1);
  const article = /^[aeiou]/i.test(next[1]) ? 'an ' : 'a ';
  const cap = /^A/.test(before[1]) ? article.charAt(0).toUpperCase() + article.slice(1) : article;
  return span ? [{ title: `Remove "${s.text.slice(a, b)}"`, edits: [{ ...span, newText: cap }], preferred: true }] : [];
}

export const blameLanguage = defineRule({
  id: 'blame-language',
  defaultSeverity: 'warning',
  summary:
    'Judgemental wording aimed at people ("should have", "failed to", "careless", "Thanh ignored the alarm", "should have been caught in review") instead of the system.',
  fixable: true,
  scope: 'sentence',
  check(ctx) {
    const matcher = matchers.get(ctx.options.phrases?.blame);
    const sentences = ctx.prose.sentences;
    const found = matcher.scanSentences(sentences);
    const personOnlyFound = personOnlyMatcher.scanSentences(sentences);
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      const hits = found[i];
      if (s.quoted) continue;
      const extra = readClauses(ctx, s, hits, personOnlyFound[i]);
      if ((!hits.length && !extra.length) || isRejected(s) || isDenied(s)) continue;
      for (const x of extra) {
        if (negatedInClause(s.text, x.start, x.end) || quotesWord(s.text, s.text.slice(x.start, x.end))) continue;
        ctx.report({ start: s.offsetAt(x.start), end: s.offsetAt(x.end) }, x.message, x.fixes);
      }
      for (const h of hits) {
        if (extra.some((x) => x.start < h.end && h.start < x.end)) continue;
        // "No one here was careless", "not Fenna's fault", "… to try harder is not a fix": denied in its clause.
        // ("Nobody should have missed it" is a counterfactual about everyone; "never forgets" still frames an omission.)
        const ownNegation = h.entry.kind === 'counterfactual' || (h.entry.kind === 'omission' && /\b(?:never|not)\s+$/i.test(s.text.slice(0, h.start)));
        if (
          h.entry.kind !== 'accusation' &&
          h.entry.kind !== 'outrage' &&
          ((!ownNegation && negatedInClause(s.text, h.start, h.end)) || quotesWord(s.text, s.text.slice(h.start, h.end)))
        )
          continue;
        if (insideQuotes(s.text, h.start, h.end)) continue;
        const e = h.entry;
        // '"!!"' names the marks rather than using them.
        if (e.kind === 'outrage' && /["'\u201c\u2018`]$/.test(s.text.slice(0, h.start))) continue;
        const words = s.text.slice(h.start, h.end);
        let subject: Subject | undefined;
        if (e.personSubject) {
          // "should have a talk", "should have more alerts": possession, not a counterfactual.
          if (
            e.kind === 'counterfactual' &&
            /^\s+(?:a|an|the|some|more|any|no|our|their|this|that|enough|access|time|one|two|\d+)\b/i.test(s.text.slice(h.end))
          )
            continue;
          // "should have alerting on this", "should not have had to": possession or an expectation, not a past act.
          if (e.kind === 'counterfactual' && !pastParticipleNext(s.text.slice(h.end))) continue;
          // "so they could have tested": a purpose clause.
          if (/^could/.test(h.phrase) && /\bso(?:\s+that)?\s+[\p{L}'-]+\s*$/iu.test(s.text.slice(0, h.start))) continue;
          // "Without paging we could have noticed it later": what a safeguard spared, not a judgement.
          if (/^could/.test(h.phrase) && withoutClauseBefore(s.text.slice(0, h.start))) continue;
          let actor = actorBefore(s.text, h.start, ctx.people);
          // "Ysolde should have looked …", "the team says Ysolde should have …": a name no lexicon lists,
          // alone before a counterfactual or an omission, with nothing saying it is a system.
          const lone = actor.text.split(/\s+/);
          if (
            actor.kind === 'system' &&
            !actor.sure &&
            (e.kind === 'counterfactual' || e.kind === 'omission') &&
            looksLikeName(lone[lone.length - 1], ctx.people) &&
            (lone.length === 1 || /^(?:says|said|thinks|thought|concluded|agreed|noted|felt|believes|believed|argued|wrote|that)$/i.test(lone[lone.length - 2]))
          ) {
            actor = {
              kind: 'person',
              text: lone[lone.length - 1],
              start: actor.start + actor.text.lastIndexOf(lone[lone.length - 1]),
              head: lone[lone.length - 1],
            };
          }
          subject = { kind: isPeople(actor) ? 'person' : actor.kind === 'system' ? 'system' : 'none', text: actor.text, start: actor.start, head: actor.head };
          const inherentlyHuman = /^(?:forgot|forgets|forget|forgetting|neglected|neglects)\b/.test(h.phrase);
          if (subject.kind === 'system') continue;
          // "We failed to validate the input": the writers about a gap in their code; see the rule's docs.
          if (
            actor.kind === 'we' &&
            /^fail/.test(h.phrase) &&
            /^\s+(?:properly\s+|correctly\s+|fully\s+)?(?:validate|check|handle|sanitise|sanitize|escape|catch|test|cover|parse|verify|enforce|limit|guard|reject|detect|account for|consider|anticipate|add|build|require|provide|implement|include|configure|set up|monitor|alert|document|design|write|update|automate|lock|back up|protect)\b/i.test(
              s.text.slice(h.end),
            )
          )
            continue;
          // "- should have tested with production data": a bullet or sentence whose subject is left out is
          // about whoever was meant to act.
          const subjectless =
            e.kind === 'counterfactual' && subject.kind === 'none' && s.text.slice(0, h.start).trim() === '' && !/^\s+been\b/i.test(s.text.slice(h.end));
          if (subject.kind === 'none' && !inherentlyHuman && !subjectless) continue;
        } else if (e.kind === 'fault' && faultTarget(s.text, h.start, h.end, h.phrase, ctx.people) !== 'person') {
          continue;
        }
        ctx.report(
          { start: s.offsetAt(h.start), end: s.offsetAt(h.end) },
          messageFor(e.kind, words, subject, e.instead),
          // Rewrites are built (and read back with compromise) only for a caller that shows fixes.
          ctx.options.fixes === false ? undefined : checkedFixes(s, h.start, h.end, h.phrase, subject, ctx.options.fixes === 'preferred'),
        );
      }
    }
  },
});

/**
 * True when "whether" or "if" opens the clause that runs to the end of `before`: what
 * /\b(?:whether|if)\b[^,;:.]*$/i tests, searching only after the last of ",;:." (no match can reach
 * past one) instead of reading to the end from every "if".
 */
export function openCondition(before: string): boolean {
  let last = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i];
    if (c === ',' || c === ';' || c === ':' || c === '.') {
      last = i;
      break;
    }
  }
  return /\b(?:whether|if)\b/i.test(before.slice(last + 1));
}

const SPACE = /\s/;
const WORD_CHAR = /\w/iu;
const FINAL_WORD_CHAR = /[\p{L}'’-]/iu;
const WITHOUT = /without/giu;

/** The code point that ends at `end` in `s` (two UTF-16 units for a surrogate pair). */
function codePointBefore(s: string, end: number): string {
  const c = s.charCodeAt(end - 1);
  const b = end >= 2 ? s.charCodeAt(end - 2) : 0;
  return c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff ? s.slice(end - 2, end) : s[end - 1];
}

/**
 * True when `before` ends in a clause opened by "without" and a last word ("Without paging we"): what
 * `/(?:^\W*|[,;:\u2014]\s*)without\b[^,;:]*,?\s*[\p{L}'’-]+\s*$/iu.test(before)` gave, read from the
 * end. (That pattern, from every "without" of a long stretch, tried every split of what follows between
 * its runs: cubic.) The last word is the run of letters, apostrophes and hyphens before the closing
 * spaces; what "without" may be followed by before it ends at the last ",;:" that is not a comma
 * followed only by spaces: a "without" ending at or after that point and before the text's end
 * qualifies, when the text before it has no word character or ends in ",;:—" and spaces.
 */
export function withoutClauseBefore(before: string): boolean {
  let end = before.length;
  while (end > 0 && SPACE.test(before[end - 1])) end--;
  let word = end;
  while (word > 0 && FINAL_WORD_CHAR.test(codePointBefore(before, word))) word -= codePointBefore(before, word).length;
  if (word === end) return false;
  // The earliest end of "without" from which the text up to the last word reads as `[^,;:]*,?\s*`.
  let from = word;
  while (from > 0 && SPACE.test(before[from - 1])) from--;
  if (from > 0 && before[from - 1] === ',') from--;
  else from = word;
  while (from > 0 && !',;:'.includes(before[from - 1])) from--;
  let firstWordChar = -2;
  WITHOUT.lastIndex = Math.max(0, from - 7);
  for (let m = WITHOUT.exec(before); m; m = WITHOUT.exec(before)) {
    const after = m.index + m[0].length;
    if (after >= end) break;
    if (WORD_CHAR.test(before[after])) continue;
    if (firstWordChar === -2) firstWordChar = before.search(WORD_CHAR);
    let p = m.index;
    while (p > 0 && SPACE.test(before[p - 1])) p--;
    if (m.index === firstWordChar || (p > 0 && ',;:\u2014'.includes(before[p - 1]))) {
      WITHOUT.lastIndex = 0;
      return true;
    }
  }
  WITHOUT.lastIndex = 0;
  return false;
}
