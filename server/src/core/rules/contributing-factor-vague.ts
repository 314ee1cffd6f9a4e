import { VAGUE_FACTORS, type VagueFactorEntry } from '../data/vague-factors';
import { fold, PhraseMatcher } from '../match';
import type { Span } from '../types';
import { defineRule } from './defineRule';

const matcher = new PhraseMatcher<VagueFactorEntry>(VAGUE_FACTORS.map((e) => ({ phrases: e.phrases, entry: e })));

const STOP = new Set(
  'a an the of to in on at for by with from and or but was were is are be been being it its this that these those there their our we they as into during about between than then so very more less some any all no not'.split(' '),
);
/** What follows the phrase and makes it specific: "Insufficient testing: …", "— …", "because …". */
const EXPLAINED = /^\s*(?:[:;(—–]|\s-\s|,?\s*(?:because|since|as|so|so that|which|where|when|while|meaning|e\.g\.|i\.e\.|for example|such as|in that|caused by|due to)\b)\s*(\S+\s+){2,}/i;
/** Enough content words of its own outside the phrase. */
const MIN_CONTENT_WORDS = 5;

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
      const hits = matcher.scan(st.text);
      const hit = hits.find((h) => isVagueStatement(st.text, h.start, h.end));
      if (!hit) continue;
      const written = st.text.slice(hit.start, hit.end);
      const span = locate(ctx.text.slice(st.span.start, st.span.end), hit.phrase, st.span);
      ctx.report(span, `"${written}" names a category, not a condition; ${hit.entry.instead}.`);
    }
  },
});
