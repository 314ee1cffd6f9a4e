import { normalizeHeading } from '../data/sections';
import { defineRule } from './defineRule';

/** Headings that name a narrative rather than a summary: their length is not a summary's. */
const NARRATIVE = new Set(['what happened', 'description', 'incident description']);
export const MAX_SENTENCES = 5;

export const summaryTooLong = defineRule({
  id: 'summary-too-long',
  defaultSeverity: 'info',
  summary: 'A Summary of more than five sentences.',
  fixable: false,
  check(ctx) {
    ctx.model.sections.forEach((s, i) => {
      if (s.kind !== 'summary' || NARRATIVE.has(normalizeHeading(s.title))) return;
      const sentences = ctx.prose.sentences.filter((x) => x.section === i && x.span.start >= s.heading.end && !x.cell && /[\p{L}]/u.test(x.text));
      if (sentences.length <= MAX_SENTENCES) return;
      ctx.report(
        s.heading,
        `The summary has ${sentences.length} sentences; keep it to ${MAX_SENTENCES} or fewer (what failed, who was affected, for how long, what ended it) and move the detail to later sections.`,
      );
    });
  },
});
