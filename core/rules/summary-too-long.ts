import { normalizeHeading } from '../data/sections';
import type { List } from 'mdast';
import type { Span } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Headings that name a narrative rather than a summary: their length is not a summary's. */
const NARRATIVE = new Set(['what happened', 'description', 'incident description', 'how did it happen', 'how it happened']);
export const MAX_SENTENCES = 5;
const MONTH_START = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|,|$)/i;

/**
 * Sentences as a reader meets them: a bulleted list of short facts ("4 accounts affected", "2 tokens
 * revoked") is read as one statement, however many items it has; an item of several sentences adds
 * the ones after its first.
 */
function countWithLists(ctx: RuleContext, body: Span, sentences: Array<{ span: Span }>): number {
  const items: Span[] = [];
  const lists: Span[] = [];
  for (const n of ctx.tree.children) {
    const a = n.position?.start.offset ?? 0;
    if (a < body.start || a >= body.end || n.type !== 'list') continue;
    lists.push({ start: a, end: n.position!.end.offset! });
    for (const it of (n as List).children) items.push({ start: it.position!.start.offset!, end: it.position!.end.offset! });
  }
  if (!lists.length) return sentences.length;
  let count = 0;
  const seenItems = new Set<number>();
  const seenLists = new Set<number>();
  for (const x of sentences) {
    const li = lists.findIndex((l) => x.span.start >= l.start && x.span.start < l.end);
    if (li < 0) {
      count++;
      continue;
    }
    const ii = items.findIndex((it) => x.span.start >= it.start && x.span.start < it.end);
    if (!seenLists.has(li)) {
      seenLists.add(li);
      count++;
    } else if (ii >= 0 && seenItems.has(ii)) count++;
    if (ii >= 0) seenItems.add(ii);
  }
  return count;
}

export const summaryTooLong = defineRule({
  id: 'summary-too-long',
  defaultSeverity: 'info',
  summary: 'A Summary of more than five sentences.',
  fixable: false,
  check(ctx) {
    ctx.model.sections.forEach((s, i) => {
      if (s.kind !== 'summary' || NARRATIVE.has(normalizeHeading(s.title))) return;
      // A blog's excerpt break ("<!-- more -->") ends the summary: what follows is the article.
      const more = /<!--\s*more\s*-->/i.exec(ctx.text.slice(s.body.start, s.body.end));
      const end = more ? s.body.start + more.index : s.body.end;
      const all = ctx.prose.sentences.filter(
        (x) => x.section === i && x.span.start >= (s.label ? s.heading.start : s.heading.end) && x.span.start < end && !x.cell && /[\p{L}]/u.test(x.text),
      );
      // "On 5. January …": a day number with a period does not end a sentence.
      const sentences = all.filter((x, k) => !(k > 0 && all[k - 1].unit === x.unit && /(?:^|\s)\d{1,2}\.$/.test(all[k - 1].text) && MONTH_START.test(x.text)));
      const count = countWithLists(ctx, s.body, sentences);
      if (count <= MAX_SENTENCES) return;
      ctx.report(
        s.heading,
        `The summary has ${count} sentences; keep it to ${MAX_SENTENCES} or fewer (what failed, who was affected, for how long, what ended it) and move the detail to later sections.`,
      );
    });
  },
});
