import { normalizeHeading } from '../data/sections';
import { defineRule } from './defineRule';

/** Headings that name a narrative rather than a summary: their length is not a summary's. */
const NARRATIVE = new Set(['what happened', 'description', 'incident description']);
export const MAX_SENTENCES = 5;
const MONTH_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$)/i;

export const summaryTooLong = defineRule({
  id: 'summary-too-long',
  defaultSeverity: 'info',
  summary: 'A Summary of more than five sentences.',
  fixable: false,
  check(ctx) {
    ctx.model.sections.forEach((s, i) => {
      if (s.kind !== 'summary' || NARRATIVE.has(normalizeHeading(s.title))) return;
      const all = ctx.prose.sentences.filter((x) => x.section === i && x.span.start >= s.heading.end && !x.cell && /[\p{L}]/u.test(x.text));
      // "On 5. January …": a day number with a period does not end a sentence.
      const sentences = all.filter((x, k) => !(k > 0 && all[k - 1].unit === x.unit && /(?:^|\s)\d{1,2}\.$/.test(all[k - 1].text) && MONTH_START.test(x.text)));
      if (sentences.length <= MAX_SENTENCES) return;
      ctx.report(
        s.heading,
        `The summary has ${sentences.length} sentences; keep it to ${MAX_SENTENCES} or fewer (what failed, who was affected, for how long, what ended it) and move the detail to later sections.`,
      );
    });
  },
});
