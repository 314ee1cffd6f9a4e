import { SECTION_INFO, sectionKindOf } from '../data/sections';
import type { Fix, SectionKind } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Where a finding that has no text of its own goes: the front matter's opening line, else the title, else line 1. */
export function documentAnchor(ctx: RuleContext): { start: number; end: number } {
  const fm = ctx.model.metadata.frontMatter;
  if (fm) return { start: fm.start, end: ctx.lines.lineEnd(ctx.lines.lineOf(fm.start)) };
  const t = ctx.model.title;
  if (t && ctx.lines.lineOf(t.span.start) === 0) return t.span;
  return { start: 0, end: ctx.lines.lineEnd(0) };
}

/**
 * Fix: insert the section (heading and a one-line prompt) at its template position. Needs only the
 * text, model and template, so the Sections view's "Insert section" (server) uses it too.
 */
export function insertSectionFix(ctx: Pick<RuleContext, 'text' | 'model' | 'options'>, kind: SectionKind): Fix {
  const info = SECTION_INFO.get(kind)!;
  const template = ctx.options.template;
  const idx = template.indexOf(kind);
  const { sections } = ctx.model;
  // Never 1 when there is none: a lone "# …" would become the title.
  const depth = sections.find((s) => !s.label && s.kind && template.includes(s.kind))?.depth ?? 2;
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  // Before the first present section that comes later in the template, else at the end.
  let at = ctx.text.length;
  for (const later of template.slice(idx + 1)) {
    const s = sections.find((x) => !x.label && x.kind === later && x.depth === depth);
    if (s) {
      at = s.heading.start;
      break;
    }
  }
  const block = `${'#'.repeat(depth)} ${info.title}${eol}${eol}<!-- ${info.prompt} -->${eol}${eol}`;
  let newText = block;
  if (at === ctx.text.length) {
    const needs = ctx.text.length === 0 ? '' : ctx.text.endsWith('\n\n') || ctx.text.endsWith('\r\n\r\n') ? '' : ctx.text.endsWith('\n') ? eol : eol + eol;
    newText = needs + block.replace(new RegExp(`${eol}$`), '');
    // Appended after an unclosed code fence the heading would be code, and the fix would repeat forever.
    const fence = unclosedFence(ctx.text);
    if (fence) newText = (ctx.text.endsWith('\n') ? '' : eol) + fence + eol + eol + newText.replace(/^(?:\r?\n)+/, '');
  }
  return { title: `Insert the "${info.title}" section`, edits: [{ start: at, end: at, newText }], preferred: true };
}

/** The fence (``` or ~~~) a text ends inside of, if a top-level code fence is left open. */
function unclosedFence(text: string): string | undefined {
  let open: string | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^ {0,3}(`{3,}(?!`)|~{3,}(?!~))(.*)$/.exec(line);
    if (!m) continue;
    if (!open) {
      if (!(m[1][0] === '`' && m[2].includes('`'))) open = m[1];
    } else if (m[1][0] === open[0] && m[1].length >= open.length && !m[2].trim()) open = undefined;
  }
  return open;
}

export const sectionMissing = defineRule({
  id: 'section-missing',
  defaultSeverity: 'warning',
  summary: 'A section of the postmortem template is missing (headings with other common names count).',
  fixable: true,
  check(ctx) {
    const present = new Set(ctx.model.sections.map((s) => s.kind).filter(Boolean));
    // A heading that names several sections ("Response, Cause, Prevention", "Lessons learned & next
    // steps") holds each of them.
    for (const s of ctx.model.sections) {
      if (s.label) continue;
      // Split on the separators and trim the parts (spaces matched on both sides of the separator were quadratic on long runs).
      const parts = s.title
        .split(/,|&|\/|\+|\band\b/i)
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length < 2) continue;
      for (const p of parts) {
        const k = sectionKindOf(p, ctx.options.sectionAliases);
        if (k) present.add(k);
      }
    }
    // A 5 Whys section stands in for root causes.
    if (present.has('five-whys')) present.add('root-causes');
    const anchor = documentAnchor(ctx);
    for (const kind of ctx.options.template) {
      if (present.has(kind)) continue;
      const info = SECTION_INFO.get(kind)!;
      ctx.report(anchor, `The "${info.title}" section is missing: ${info.prompt.charAt(0).toLowerCase()}${info.prompt.slice(1)}`, [
        insertSectionFix(ctx, kind),
      ]);
    }
  },
});
