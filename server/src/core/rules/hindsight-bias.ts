import { HINDSIGHT, JUDGEMENT_ADJECTIVES, TIMELINE_CAUSAL, type HindsightEntry } from '../data/causes';
import { kindsAt } from '../extract/sections';
import { PhraseMatcher } from '../match';
import { defineRule } from './defineRule';
import { insideQuotes, isRejected } from './blame-language';

const matcher = new PhraseMatcher<HindsightEntry>(HINDSIGHT.map((e) => ({ phrases: e.phrases, entry: e })));
const causal = new PhraseMatcher<true>([{ phrases: TIMELINE_CAUSAL, entry: true }]);
const JUDGED = new RegExp(`^\\s+(?:the\\s+|a\\s+|an\\s+|our\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}-]+\\s+){0,2}?(?:${JUDGEMENT_ADJECTIVES.join('|')})\\b`, 'iu');

export const hindsightBias = defineRule({
  id: 'hindsight-bias',
  defaultSeverity: 'info',
  summary: 'Wording that judges with hindsight: "obviously", "if only", "could have been avoided if", or a cause judged inside a timeline entry.',
  fixable: false,
  scope: 'sentence',
  check(ctx) {
    for (const s of ctx.prose.sentences) {
      if (s.quoted || isRejected(s)) continue;
      const kinds = s.section >= 0 ? kindsAt(ctx.model.sections, s.section) : [];
      const inTimeline = kinds.includes('timeline');
      const lucky = kinds.includes('where-we-got-lucky');
      for (const h of matcher.scan(s.text)) {
        if (insideQuotes(s.text, h.start, h.end)) continue;
        if (lucky && h.entry.kind === 'counterfactual') continue;
        // "not obvious at 11:40" records what could be seen then.
        if (/\b(?:not|n't|never|hardly)\s+(?:\w+\s+)?$/i.test(s.text.slice(Math.max(0, h.start - 16), h.start))) continue;
        if (h.entry.kind === 'minimising' && kinds.includes('action-items')) continue;
        // "clearly showed", "clearly labelled": how something was shown, not a judgement.
        if (h.phrase === 'clearly' && /^\s+\p{L}+(?:ed|s)\b/u.test(s.text.slice(h.end)) && !/^\s+(?:was|is|were|has|had|does|did)\b/i.test(s.text.slice(h.end))) continue;
        const words = s.text.slice(h.start, h.end);
        ctx.report({ start: s.offsetAt(h.start), end: s.offsetAt(h.end) }, `"${words}" judges with hindsight; ${h.entry.instead}.`);
      }
      if (inTimeline) {
        for (const h of causal.scan(s.text)) {
          const m = JUDGED.exec(s.text.slice(h.end));
          if (!m) continue;
          const end = h.end + m[0].length;
          ctx.report(
            { start: s.offsetAt(h.start), end: s.offsetAt(end) },
            `"${s.text.slice(h.start, end)}" judges a cause inside the timeline; record what was observed at that time and leave causes to the analysis.`,
          );
        }
      }
    }
  },
});
