import { VAGUE_FACTORS, type VagueFactorEntry } from '../data/vagueFactors';
import { fold, PhraseMatcher } from '../language/match';
import type { Span } from '../types';
import { kindsAt } from '../extract/sections';
import { defineRule } from './defineRule';

const matcher = new PhraseMatcher<VagueFactorEntry>(VAGUE_FACTORS.map((e) => ({ phrases: e.phrases, entry: e })));

const STOP = new Set(
  'a an the of to in on at for by with from and or but was were is are be been being it its this that these those there their our we they as into during about between than then so very more less some any all no not'.split(
    ' ',
  ),
);
/**
 * What follows the phrase and makes it specific: "Insufficient testing: …", "— …", "because …". The
 * spaces before a word are read by one quantifier (before, `^\s*,?\s*` split a long run of spaces every
 * way: quadratic).
 */
export const EXPLAINED =
  /^(?:\s*(?:[:;(—–]|(?:,\s*)?(?:because|since|as|so|so that|which|where|when|while|meaning|e\.g\.|i\.e\.|for example|such as|in that|caused by|due to)\b)|\s+-\s)\s*(\S+\s+){2,}/i;
/** Enough content words of its own outside the phrase. */
const MIN_CONTENT_WORDS = 5;

/**
 * "Insufficient code review", "inadequate disaster recovery procedures": up to two words naming what
 * kind of review or procedure stand between the quantity word and the category; they name no
 * condition either, so they are folded away before the phrases are matched.
 */
const MODIFIED =
  /\b(insufficient|inadequate|poor|limited|missing|lack of)\s+(?:[\p{L}-]+\s+){1,2}?(review|reviews|testing|tests|procedures|process|documentation|monitoring|alerting|training|planning)\b/giu;

export function foldModifiers(text: string): string {
  return text.replace(MODIFIED, '$1 $2');
}

/** True when a statement holding a vague phrase at [start, end) says nothing more specific. */
export function isVagueStatement(text: string, start: number, end: number): boolean {
  if (EXPLAINED.test(text.slice(end))) return false;
  const rest = text.slice(0, start) + ' ' + text.slice(end);
  if (/\d|`/.test(rest)) return false;
  const words = rest.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  return words.filter((w) => !STOP.has(w)).length < MIN_CONTENT_WORDS;
}

function locate(source: string, phrase: string, from: Span): Span {
  const i = fold(source).replace(/\s+/g, ' ').indexOf(phrase);
  // Spaces folded one-for-one only when the source has single spaces; otherwise fall back to the line.
  if (i >= 0 && fold(source).indexOf(phrase) === i) return { start: from.start + i, end: from.start + i + phrase.length };
  return from;
}

export const contributingFactorVague = defineRule({
  id: 'contributing-factor-vague',
  defaultSeverity: 'warning',
  summary: 'A contributing factor that names a category ("insufficient testing", "communication issues") with no specific condition.',
  fixable: false,
  check(ctx) {
    for (const st of ctx.model.contributingFactors) {
      let text = st.text;
      let hit = matcher.scan(text).find((h) => isVagueStatement(text, h.start, h.end));
      if (!hit) {
        text = foldModifiers(st.text);
        hit = text === st.text ? undefined : matcher.scan(text).find((h) => isVagueStatement(text, h.start, h.end));
      }
      if (!hit) continue;
      MODIFIED.lastIndex = 0;
      const m = text === st.text ? undefined : MODIFIED.exec(st.text);
      const written = m ? m[0] : text.slice(hit.start, hit.end);
      const span = locate(ctx.text.slice(st.span.start, st.span.end), hit.phrase, st.span);
      ctx.report(span, `"${written}" names a category, not a condition; ${hit.entry.instead}.`);
    }
    // Prose that lists the factors in a sentence ("Contributing factors included X, Y and Z") outside a
    // Contributing factors section: each item of the list is a factor of its own.
    for (const sentence of ctx.prose.sentences) {
      if (sentence.cell || kindsAt(ctx.model.sections, sentence.section).includes('contributing-factors')) continue;
      const intro = INTRO.exec(sentence.text);
      if (!intro) continue;
      let at = intro.index + intro[0].length;
      // The items are trimmed here rather than by `\s*` on both sides of the separator (quadratic on long runs of spaces).
      for (const item of sentence.text
        .slice(at)
        .split(ITEM_SPLIT)
        .map((x) => x.trim())) {
        const start = sentence.text.indexOf(item, at);
        at = start + item.length;
        const folded = foldModifiers(item);
        const hit = matcher.scan(folded).find((h) => isVagueStatement(folded, h.start, h.end));
        if (!hit) continue;
        // Folded ("insufficient code review" read as "insufficient review"): the words as written are quoted and marked.
        MODIFIED.lastIndex = 0;
        const m = folded === item ? undefined : MODIFIED.exec(item);
        const [a0, a1] = m ? [start + m.index, start + m.index + m[0].length] : [start + hit.start, start + hit.end];
        const s0 = sentence.offsetAt(a0);
        const s1 = sentence.offsetAt(a1);
        ctx.report(
          { start: s0, end: Math.max(s0 + 1, s1) },
          `"${m ? m[0] : folded.slice(hit.start, hit.end)}" names a category, not a condition; ${hit.entry.instead}.`,
        );
        break;
      }
    }
  },
});

/** Words that introduce a list of factors in a sentence: "contributing factors, including …", "underlying issues included …". */
const INTRO =
  /\b(?:contributing (?:factors?|causes?)|underlying (?:issues|causes|factors|problems)|other factors)\b[^.:;]{0,40}?\b(?:include[sd]?|including|were|are)\b:?\s*/i;
/** Items of the list: commas, a final ", and"/"and", semicolons. */
const ITEM_SPLIT = /;|,(?:\s*(?:and|or)\s)?/;
