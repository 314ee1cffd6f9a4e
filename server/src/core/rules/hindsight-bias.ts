import { HINDSIGHT, JUDGEMENT_ADJECTIVES, TIMELINE_CAUSAL, TIMELINE_CAUSED, type HindsightEntry } from '../data/causes';
import { kindsAt } from '../extract/sections';
import { PhraseMatcher } from '../match';
import type { Sentence } from '../prose';
import type { Fix } from '../types';
import { defineRule, type RuleContext } from './defineRule';
import { insideQuotes, isRejected } from './blame-language';
import { allMatches } from '../regexp';

const matcher = new PhraseMatcher<HindsightEntry>(HINDSIGHT.map((e) => ({ phrases: e.phrases, entry: e })));
const causal = new PhraseMatcher<true>([{ phrases: TIMELINE_CAUSAL, entry: true }]);
const ADJ = JUDGEMENT_ADJECTIVES.join('|');
/** After "because of" / "due to": "the botched deploy", "a bad config change". */
const JUDGED = new RegExp(`^\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${ADJ})\\b`, 'iu');
/** "the rushed rollout caused …": a judged noun phrase as the subject of a causal verb. */
const JUDGED_SUBJECT = new RegExp(
  `(?<![\\p{L}])(?:the|a|an|our|his|her|their)\\s+(?:${ADJ})\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:${TIMELINE_CAUSED.map((v) => v.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`,
  'giu',
);
/** A word of a hindsight phrase, "of course" as one. */
const JUDGING_WORD = /[\p{L}]+(?: course)?/gu;
const NEGATED = /\b(?:not|n't|never|hardly)\s+(?:\w+\s+)?$/i;

/** Removes a judging word ("obviously", "just") with its spacing; capitalises what then starts the sentence. */
function removalFix(s: Sentence, a: number, b: number, words: string): Fix | undefined {
  const text = s.text;
  let start = a;
  let end = b;
  const parenthetical = /,\s*$/.exec(text.slice(0, a));
  if (parenthetical && text[b] === ',') {
    // "The pins, of course, changed": both commas go.
    const from = s.offsetAt(a - parenthetical[0].length);
    const to = s.offsetAt(b + 1);
    if (to - from !== b + 1 - (a - parenthetical[0].length)) return undefined;
    return { title: `Remove "${words}"`, edits: [{ start: from, end: to, newText: '' }], preferred: true };
  }
  // A following comma belongs to a sentence adverb: "Evidently, nobody …".
  if (text[end] === ',') end++;
  if (/\s/.test(text[end] ?? '')) {
    while (/\s/.test(text[end] ?? '')) end++;
  } else {
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    // ", of course," in the middle: drop the comma before it too.
    if (text[start - 1] === ',' && text[b] === ',') start--;
  }
  if (end >= text.length || /^[.!?]/.test(text.slice(end))) {
    // Nothing (or only the full stop) follows: keep the words before, drop the space.
    start = a;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
  }
  const atSentenceStart = text.slice(0, start).trim() === '';
  let newText = '';
  if (atSentenceStart && end < text.length && /\p{Ll}/u.test(text[end])) {
    newText = text[end].toUpperCase();
    end++;
  }
  const from = s.offsetAt(start);
  const to = s.offsetAt(end);
  if (to - from !== end - start) return undefined;
  return { title: `Remove "${words}"`, edits: [{ start: from, end: to, newText }], preferred: true };
}

function judgedInTimeline(ctx: RuleContext, s: Sentence, a: number, b: number): void {
  ctx.report(
    { start: s.offsetAt(a), end: s.offsetAt(b) },
    `"${s.text.slice(a, b)}" judges a cause inside the timeline; record what was observed at that time and leave causes to the analysis.`,
  );
}

export const hindsightBias = defineRule({
  id: 'hindsight-bias',
  defaultSeverity: 'info',
  summary: 'Wording that judges with hindsight: "obviously", "if only", "could have been avoided if", or a cause judged inside a timeline entry.',
  fixable: true,
  scope: 'sentence',
  check(ctx) {
    const sentences = ctx.prose.sentences;
    const found = matcher.scanSentences(sentences);
    for (let i = 0; i < sentences.length; i++) {
      const s = sentences[i];
      if (s.quoted) continue;
      const kinds = s.section >= 0 ? kindsAt(ctx.model.sections, s.section) : [];
      const inTimeline = kinds.includes('timeline');
      const hits = found[i];
      // Most sentences have nothing to report: the rejection test comes after the phrase scan.
      if ((!hits.length && !inTimeline) || isRejected(s)) continue;
      const lucky = kinds.includes('where-we-got-lucky');
      for (const h of hits) {
        if (insideQuotes(s.text, h.start, h.end)) continue;
        if (lucky && h.entry.kind === 'counterfactual') continue;
        // "not obvious at 11:40" records what could be seen then.
        if (NEGATED.test(s.text.slice(Math.max(0, h.start - 16), h.start))) continue;
        if (h.entry.kind === 'minimising' && kinds.includes('action-items')) continue;
        // "clearly showed", "clearly labelled": how something was shown, not a judgement.
        if (h.phrase === 'clearly' && /^\s+\p{L}+(?:ed|s)\b/u.test(s.text.slice(h.end)) && !/^\s+(?:was|is|were|has|had|does|did)\b/i.test(s.text.slice(h.end))) continue;
        const words = s.text.slice(h.start, h.end);
        const fixes: Fix[] = [];
        const removable = h.entry.removable;
        if (removable) {
          // The judging word inside the phrase ("just" in "just had to").
          for (const w of allMatches(JUDGING_WORD, words)) {
            if (!removable.test(w[0].toLowerCase())) continue;
            const fix = removalFix(s, h.start + w.index!, h.start + w.index! + w[0].length, w[0]);
            if (fix) fixes.push(fix);
            break;
          }
        }
        ctx.report({ start: s.offsetAt(h.start), end: s.offsetAt(h.end) }, `"${words}" judges with hindsight; ${h.entry.instead}.`, fixes);
      }
      if (inTimeline) {
        for (const h of causal.scan(s.text, s.folded)) {
          const m = JUDGED.exec(s.text.slice(h.end));
          if (m) judgedInTimeline(ctx, s, h.start, h.end + m[0].length);
        }
        for (const m of allMatches(JUDGED_SUBJECT, s.text)) judgedInTimeline(ctx, s, m.index, m.index + m[0].length);
      }
    }
  },
});
