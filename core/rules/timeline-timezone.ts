import type { Root, RootContent } from 'mdast';
import { statedZone } from '../extract/timeline';
import type { Fix, Timeline, TimelineEntry } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** "All times are UTC", "Times below in CET", "timestamps: Europe/Berlin": a zone stated for the times. */
const STATEMENT = /\b(?:times?|timestamps?|time[\s-]?zone)\b/i;

/**
 * What the fix inserts when the document does not say which zone its times are in: a placeholder the
 * author must fill (placeholder-text reports it until then), never a zone the fix would be guessing.
 */
export const ZONE_PLACEHOLDER = '[TIME ZONE]';

/** A zone stated for the whole document: a front-matter key or an "All times UTC" sentence anywhere. */
export function documentZone(ctx: RuleContext): string | undefined {
  for (const [k, v] of Object.entries(ctx.model.metadata.extra)) {
    if (/^(?:time[\s_-]?zone|tz|zone)$/i.test(k) && typeof v === 'string' && v.trim()) return v.trim();
  }
  for (const s of ctx.prose.sentences) {
    if (!STATEMENT.test(s.text)) continue;
    // The fix's placeholder, not filled in yet: placeholder-text reports it from here on.
    if (s.text.includes(ZONE_PLACEHOLDER)) return ZONE_PLACEHOLDER;
    const z = statedZone(s.text);
    if (z) return z;
  }
  return undefined;
}

function topLevelAt(tree: Root, offset: number): RootContent | undefined {
  return tree.children.find((n) => (n.position?.start.offset ?? 0) <= offset && offset < (n.position?.end.offset ?? 0));
}

/**
 * The fix: the zone when the document gives exactly one (on some of the entries), else the
 * placeholder; none when the placeholder is already there (the author has yet to fill it).
 */
function zoneFix(ctx: RuleContext, t: Timeline, first: TimelineEntry, zone: string | undefined): Fix | undefined {
  const value = zone ?? ZONE_PLACEHOLDER;
  if (!zone && ctx.text.includes(ZONE_PLACEHOLDER)) return undefined;
  if (t.form === 'table' && t.timeHeader) {
    const at = t.timeHeader.end;
    return {
      title: zone ? `Add "(${zone})" to the time column header` : 'Add a time zone placeholder to the time column header',
      edits: [{ start: at, end: at, newText: ` (${value})` }],
      preferred: true,
    };
  }
  const block = topLevelAt(ctx.tree, first.span.start);
  if (!block?.position) return undefined;
  const at = block.position.start.offset!;
  // A list item's block starts at its marker; insert before the whole block, at the start of its line.
  const lineStart = ctx.lines.offset(ctx.lines.lineOf(at), 0);
  return {
    title: zone ? `Add an "All times ${zone}." line` : 'Add an "All times [TIME ZONE]." line to fill in',
    edits: [{ start: lineStart, end: lineStart, newText: `All times ${value}.\n\n` }],
    preferred: true,
  };
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
      if (t.timeHeader && ctx.text.slice(t.timeHeader.start, t.timeHeader.end).includes(ZONE_PLACEHOLDER)) continue;
      const timed = t.entries.filter((e) => e.time);
      // A zone on the first timed entry is stated for the entries below it ("09:02 CEST", then "09:15").
      if (!timed.length || timed[0].zone || timed.every((e) => e.zone)) continue;
      const first = timed[0];
      const zones = [...new Set(timed.map((e) => e.zone).filter((z): z is string => !!z))];
      // Known only when the entries that carry a zone all carry the same one.
      const zone = zones.length === 1 ? zones[0] : undefined;
      const some = zones.length > 0;
      const message = some
        ? `Some timeline times have no time zone and none is stated for the timeline; add one to every entry, or state it once (e.g. "All times ${zone ?? 'UTC'}.").`
        : `The timeline's times have no time zone; state it once for the timeline (e.g. "All times UTC." or a "Time (UTC)" column), or on every entry.`;
      const fix = zoneFix(ctx, t, first, zone);
      reported.add(root);
      ctx.report(first.timeSpan, message, fix ? [fix] : undefined);
    }
  },
});
