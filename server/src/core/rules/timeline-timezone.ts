import type { Root, RootContent } from 'mdast';
import { statedZone } from '../extract/timeline';
import type { Fix, Timeline, TimelineEntry } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** "All times are UTC", "Times below in CET", "timestamps: Europe/Berlin": a zone stated for the times. */
const STATEMENT = /\b(?:times?|timestamps?|time[\s-]?zone)\b/i;

/** A zone stated for the whole document: a front-matter key or an "All times UTC" sentence anywhere. */
export function documentZone(ctx: RuleContext): string | undefined {
  for (const [k, v] of Object.entries(ctx.model.metadata.extra)) {
    if (/^(?:time[\s_-]?zone|tz|zone)$/i.test(k) && typeof v === 'string' && v.trim()) return v.trim();
  }
  for (const s of ctx.prose.sentences) {
    if (!STATEMENT.test(s.text)) continue;
    const z = statedZone(s.text);
    if (z) return z;
  }
  return undefined;
}

function topLevelAt(tree: Root, offset: number): RootContent | undefined {
  return tree.children.find((n) => (n.position?.start.offset ?? 0) <= offset && offset < (n.position?.end.offset ?? 0));
}

function zoneFix(ctx: RuleContext, t: Timeline, first: TimelineEntry, zone: string): Fix | undefined {
  if (t.form === 'table' && t.timeHeader) {
    const at = t.timeHeader.end;
    return { title: `Add "(${zone})" to the time column header`, edits: [{ start: at, end: at, newText: ` (${zone})` }], preferred: true };
  }
  const block = topLevelAt(ctx.tree, first.span.start);
  if (!block?.position) return undefined;
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const at = block.position.start.offset!;
  // A list item's block starts at its marker; insert before the whole block, at the start of its line.
  const lineStart = ctx.lines.offset(ctx.lines.lineOf(at), 0);
  return { title: `Add an "All times ${zone}." line`, edits: [{ start: lineStart, end: lineStart, newText: `All times ${zone}.${eol}${eol}` }], preferred: true };
}

export const timelineTimezone = defineRule({
  id: 'timeline-timezone',
  defaultSeverity: 'warning',
  summary: 'Timeline times with no time zone, and no zone stated for the timeline.',
  fixable: true,
  check(ctx) {
    const docZone = documentZone(ctx);
    if (docZone) return;
    // Timelines split by date subsections ("### 14 May", "### 15 May") are one timeline: reported once.
    const reported = new Set<number>();
    const rootOf = (si: number): number => {
      let root = si;
      for (let i = si; i >= 0; i = ctx.model.sections[i].parent) if (ctx.model.sections[i].kind === 'timeline') root = i;
      return root;
    };
    for (const t of ctx.model.timelines) {
      if (t.zone) continue;
      const root = rootOf(t.section);
      if (reported.has(root)) continue;
      const timed = t.entries.filter((e) => e.time);
      // A zone on the first timed entry is stated for the entries below it ("09:02 CEST", then "09:15").
      if (!timed.length || timed[0].zone || timed.every((e) => e.zone)) continue;
      const first = timed[0];
      const zones = [...new Set(timed.map((e) => e.zone).filter((z): z is string => !!z))];
      const zone = zones.length === 1 ? zones[0] : 'UTC';
      const some = zones.length > 0;
      const message = some
        ? `Some timeline times have no time zone and none is stated for the timeline; add one to every entry, or state it once (e.g. "All times ${zone}.").`
        : `The timeline's times have no time zone; state it once for the timeline (e.g. "All times UTC." or a "Time (UTC)" column), or on every entry.`;
      const fix = zoneFix(ctx, t, first, zone);
      reported.add(root);
      ctx.report(first.timeSpan, message, fix ? [fix] : undefined);
    }
  },
});
