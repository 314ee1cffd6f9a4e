import type { Section } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';
import { replaceIdentifiers } from '../language/regexp';

/** Numbers that measure nothing: dates, years, versions, identifiers, severities, status codes, placeholders. */
const NOT_FIGURES: (RegExp | ((s: string) => string))[] = [
  /\b\d{4}-\d{2}-\d{2}\b/g,
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?/gi,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?/gi,
  /\b(?:19|20)\d{2}\b(?!\s*(?:%|users|customers|requests|orders|errors))/g,
  /\bv?\d+(?:\.\d+){2,}\b/g,
  /\bv\d+(?:\.\d+)?\b/gi,
  /\b(?:sev|p|s)[\s-]?\d\b/gi,
  /\b[A-Z][A-Z0-9]+-\d+\b/g,
  /#\d+\b/g,
  /\b(?:HTTP|status|code|error)\s*[1-5]\d\d\b/gi,
  /\b[45]\d\d(?=s\b|\s+(?:errors?|responses?|status(?:es)?|codes?|pages?)\b)/gi,
  (s) => replaceIdentifiers(s, ' '),
  /\b(?:XX+|N)(?:%|(?![\w]))/g,
];
const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third|twice|doubled?|tripled?|tenfold|zero|everyone|everybody|nobody|no one|one (?:hour|minute|day|week|customer|user|request|order))\b|\bevery\s+(?!(?:time|day|week|month|hour|minute|now|so)\b)[\w-]+|\b(?:all|every|each|none of)\s+(?:(?:of\s+)?(?:the|our|their)\s+)?(?:[\w-]+\s+)?(?:users?|customers?|requests?|orders?|logins?|sign-ins?|sessions?|payments?|accounts?|merchants?|sellers?|tenants?|regions?|traffic|calls?|queries|query|transactions?|uploads?|downloads?|messages?|emails?|jobs?|builds?|deploys?|deployments?|pages?|sites?|stores?|devices?|apps?|clients?|api calls?)\b/i;
/** A statement that there was no impact is a figure too (zero). */
const NO_IMPACT =
  /\b(?:no|not any|zero)\s+(?:\w+\s+){0,2}(?:impact|data loss|customers?|users?|requests?|orders?)\b|\b(?:unaffected|not affected|no one was affected)\b|\bno\s+(?:[\w-]+\s+){1,3}(?:was|were|has been|have been)\s+(?:compromised|affected|impacted|lost|exposed|harmed|damaged|corrupted)\b/i;
/** "A single cask", "only one account": one is a figure too. */
const ONE = /\b(?:a single|only one|exactly one)\s+[\w-]+/i;

export function hasFigures(text: string): boolean {
  let t = text;
  for (const re of NOT_FIGURES) t = typeof re === 'function' ? re(t) : t.replace(re, ' ');
  return /\d/.test(t) || NUMBER_WORDS.test(t) || NO_IMPACT.test(t) || ONE.test(t);
}

/** The text of a section (with its subsections) as the prose sees it: no code, comments or URLs. */
export function sectionProse(ctx: RuleContext, s: Section): string {
  // Sentences are in document order: a binary search finds the first one, not a scan of them all.
  const all = ctx.prose.sentences;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // A bold label's sentence starts with the label itself: it belongs to the label's section.
    if (all[mid].span.start < (s.label ? s.heading.start : s.heading.end)) lo = mid + 1;
    else hi = mid;
  }
  const parts: string[] = [];
  for (let i = lo; i < all.length && all[i].span.start < s.body.end; i++) parts.push(all[i].text);
  return parts.join(' ');
}

export const impactUnquantified = defineRule({
  id: 'impact-unquantified',
  defaultSeverity: 'warning',
  summary: 'An Impact section with no figures ("some users were affected").',
  fixable: false,
  check(ctx) {
    ctx.model.sections.forEach((s, i) => {
      if (s.kind !== 'impact') return;
      // Only the outermost Impact section; an empty one is section-empty's finding.
      for (let p = s.parent; p >= 0; p = ctx.model.sections[p].parent) if (ctx.model.sections[p].kind === 'impact') return;
      if (ctx.text.slice(s.body.start, s.body.end).trim() === '') return;
      if (hasFigures(sectionProse(ctx, s))) return;
      // "## Affected crates" over a list of them: the list is the count.
      if (
        /\b(?:affected|impacted)\b/i.test(s.title) &&
        ctx.tree.children.some((n) => n.type === 'list' && n.position!.start.offset! >= s.body.start && n.position!.start.offset! < s.body.end)
      )
        return;
      void i;
      ctx.report(
        s.heading,
        `The "${s.title}" section gives no figures; state the impact in numbers (users or requests affected, error rate, duration, orders or revenue lost).`,
      );
    });
  },
});
