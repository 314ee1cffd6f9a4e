import { SECTION_INFO } from '../data/sections';
import type { Fix, Section } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** What to write in a section, as one line (the section-missing prompts, or a generic one). */
export function sectionPrompt(s: Section): string {
  return (s.kind && SECTION_INFO.get(s.kind)?.prompt) || 'Write what belongs under this heading, or remove the heading.';
}

function promptFix(ctx: RuleContext, s: Section): Fix {
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  // The body is blank (or holds only comments): replace it with the prompt between blank lines. The
  // prompt is a comment, so the section stays flagged until something is written under it.
  const last = s.body.end >= ctx.text.length;
  // The cursor lands below the prompt, where the author writes; `--fix` leaves it out (not preferred).
  const prompt = sectionPrompt(s).replace(/[$}\\]/g, '\\$&');
  const newText = `${eol}${eol}<!-- ${prompt} -->${eol}${eol}\${1}${last ? '' : eol}`;
  return { title: 'Insert a prompt for this section', edits: [{ start: s.heading.end, end: s.body.end, newText }], snippet: true };
}

export const sectionEmpty = defineRule({
  id: 'section-empty',
  defaultSeverity: 'warning',
  summary: 'A heading with nothing under it before the next heading of the same or a higher level.',
  fixable: true,
  check(ctx) {
    const { sections, title } = ctx.model;
    sections.forEach((s, i) => {
      // A bold label ("**Impact:**") is read as a section for the other rules; a bare one is not a heading to fill.
      // A heading with no text ("##" alone) names no section to write.
      if (s.label || !s.title) return;
      // Anything written under the heading counts: text, a table, a subsection. A comment alone (the
      // template's prompt, a note to the author) is not content: a blank template is still blank.
      if (
        ctx.text
          .slice(s.body.start, s.body.end)
          .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
          .trim() !== ''
      )
        return;
      // A label heading ("## Owner: @kim", "## Call recording:") is metadata written as a heading.
      if (!s.kind && /^[\p{L}][\p{L} /-]{0,30}:/u.test(s.title)) return;
      // A subtitle right under the title ("# Postmortem" then "### Checkout outage, 3 March").
      if (i === 0 && !s.kind && title && ctx.text.slice(title.span.end, s.heading.start).trim() === '') return;
      const what = s.kind ? sectionPrompt(s).replace(/\.$/, '') : '';
      const message = s.kind
        ? `The "${s.title}" section is empty; write ${what.charAt(0).toLowerCase()}${what.slice(1)}, or remove the heading.`
        : `The "${s.title}" section is empty; write what belongs under it, or remove the heading.`;
      // A comment under the heading (a prompt, a suppression) stays: the prompt fix is for a blank body only.
      const blank = ctx.text.slice(s.body.start, s.body.end).trim() === '';
      ctx.report(s.heading, message, blank ? [promptFix(ctx, s)] : undefined);
    });
  },
});
