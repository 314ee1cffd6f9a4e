import type { List, Nodes, Paragraph, Table } from 'mdast';
import { minutesOf } from '../extract/timeline';
import type { Fix, Span, Timeline, TimelineEntry } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Where an entry stands in time, with the date carried over from the entries above it. */
export interface OrderKey {
  /** ISO date, or "????-MM-DD" when the year is unknown. */
  date?: string;
  day?: number;
  minutes?: number;
  /** The date was written with the entry (or a date heading), not carried over. */
  ownDate: boolean;
}

/** Keys for the entries of a timeline in document order; entries with only a relative time get none. */
export function orderKeys(entries: TimelineEntry[]): Array<OrderKey | undefined> {
  let prev: OrderKey | undefined;
  // A timeline without AM/PM that writes "1:05" after "12:40" is on a 12-hour clock: read it as 13:05.
  const twelveHour = !entries.some((e) => /\d\s*[ap]\.?m\b/i.test(e.timeText));
  return entries.map((e) => {
    if (!e.time && !e.date && !e.monthDay) return undefined;
    const own = e.date ?? (e.monthDay ? `????-${e.monthDay}` : undefined);
    let date = own;
    if (!date && prev?.date && (e.day === undefined || e.day === prev.day)) date = prev.date;
    let minutes = e.time ? minutesOf(e.time) : undefined;
    if (
      twelveHour && minutes !== undefined && !own && prev?.minutes !== undefined && prev.minutes >= 12 * 60 && e.time.hour < 12 &&
      /(?:^|\D)\d:\d\d/.test(e.timeText) && minutes + 12 * 60 >= prev.minutes
    ) {
      minutes += 12 * 60;
    }
    const key: OrderKey = { date, day: e.day, minutes, ownDate: own !== undefined };
    prev = key;
    return key;
  });
}

/** Negative when a comes before b, positive when after, 0 when equal or not comparable. */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.date && b.date) {
    const [x, y] = a.date.startsWith('????') || b.date.startsWith('????') ? [a.date.slice(5), b.date.slice(5)] : [a.date, b.date];
    if (x !== y) return x < y ? -1 : 1;
  } else if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return a.day - b.day;
  if (a.minutes !== undefined && b.minutes !== undefined) return a.minutes - b.minutes;
  return 0;
}

function fmt(e: TimelineEntry): string {
  return e.timeText.replace(/\s+/g, ' ').trim();
}

interface Unit extends Span {
  keyIndex: number; // first entry with a key in the unit, or -1
}

/** The table, list or paragraph that holds an entry, with its rows, items or lines as units. */
function containerUnits(ctx: RuleContext, offset: number): Span[] | undefined {
  let found: Table | List | Paragraph | undefined;
  const walk = (n: Nodes) => {
    const s = n.position?.start.offset ?? 0;
    const e = n.position?.end.offset ?? 0;
    if (offset < s || offset >= e) return;
    if (n.type === 'table' || n.type === 'list') found = n;
    else if (n.type === 'paragraph' && !found) found = n;
    if (n.type === 'table') return;
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(ctx.tree);
  if (!found) return undefined;
  if (found.type === 'table') return found.children.slice(1).map((r) => ({ start: r.position!.start.offset!, end: r.position!.end.offset! }));
  if (found.type === 'list') {
    const ordered = !!found.ordered;
    return found.children.map((item) => {
      // Ordered lists keep their numbers in place: only the content moves.
      const start = ordered && item.children[0]?.position ? item.children[0].position.start.offset! : item.position!.start.offset!;
      return { start, end: item.position!.end.offset! };
    });
  }
  // A paragraph of entry lines: each line is a unit.
  const units: Span[] = [];
  const s = found.position!.start.offset!;
  const e = found.position!.end.offset!;
  for (let l = ctx.lines.lineOf(s); l <= ctx.lines.lineOf(e); l++) {
    units.push({ start: Math.max(s, ctx.lines.offset(l, 0)), end: Math.min(e, ctx.lines.lineEnd(l)) });
  }
  return units;
}

function sameContainer(ctx: RuleContext, a: TimelineEntry, b: TimelineEntry): boolean {
  const units = containerUnits(ctx, a.span.start);
  return !!units?.some((u) => b.timeSpan.start >= u.start && b.timeSpan.start < u.end);
}

/** Fix: sort the rows, items or lines of the container chronologically, each kept intact. */
function sortFix(ctx: RuleContext, t: Timeline, keys: Array<OrderKey | undefined>, flagged: TimelineEntry, preferred: boolean): Fix | undefined {
  const spans = containerUnits(ctx, flagged.span.start);
  if (!spans || spans.length < 2) return undefined;
  const units: Unit[] = spans.map((s) => ({ ...s, keyIndex: t.entries.findIndex((e, i) => keys[i] && e.timeSpan.start >= s.start && e.timeSpan.start < s.end) }));
  // A unit without a time travels with the unit above it.
  const groups: Array<{ start: number; end: number; key?: OrderKey }> = [];
  for (const u of units) {
    const key = u.keyIndex >= 0 ? keys[u.keyIndex] : undefined;
    const g = groups[groups.length - 1];
    if (g && !key) g.end = u.end;
    else groups.push({ start: u.start, end: u.end, key });
  }
  if (groups.length < 2) return undefined;
  const order = groups.map((g, i) => ({ g, i }));
  // The head (units above the first timed one) stays first.
  const head = order[0].g.key ? [] : [order.shift()!];
  order.sort((a, b) => compareKeys(a.g.key!, b.g.key!) || a.i - b.i);
  const sorted = [...head, ...order];
  if (sorted.every((x, i) => x.i === i)) return undefined;
  let newText = '';
  sorted.forEach((x, i) => {
    newText += ctx.text.slice(x.g.start, x.g.end);
    if (i < groups.length - 1) newText += ctx.text.slice(groups[i].end, groups[i + 1].start);
  });
  const start = groups[0].start;
  const end = groups[groups.length - 1].end;
  return { title: 'Sort the timeline chronologically', edits: [{ start, end, newText }], ...(preferred ? { preferred: true } : {}) };
}

export const timelineOrder = defineRule({
  id: 'timeline-order',
  defaultSeverity: 'warning',
  summary: 'Timeline entries out of chronological order (dates across midnight are handled).',
  fixable: true,
  check(ctx) {
    for (const t of ctx.model.timelines) {
      const keys = orderKeys(t.entries);
      const found: Array<{ e: TimelineEntry; p: TimelineEntry; nextDay: boolean }> = [];
      let prev = -1;
      t.entries.forEach((e, i) => {
        const key = keys[i];
        if (!key) return;
        if (prev >= 0 && compareKeys(keys[prev]!, key) > 0) {
          const pk = keys[prev]!;
          // A dateless entry that jumps back by hours probably happened on a later day.
          const dateless = !key.ownDate && !(pk.ownDate && key.date !== pk.date);
          const nextDay = dateless && (pk.minutes ?? 0) - (key.minutes ?? 0) > 180;
          found.push({ e, p: t.entries[prev], nextDay });
        }
        prev = i;
      });
      for (const { e, p, nextDay } of found) {
        const message = `This entry (${fmt(e)}) is earlier than the one above it (${fmt(p)}); ${nextDay ? 'add its date if it happened on a later day, or move it into chronological order' : 'move it into chronological order'}.`;
        // Sorting would move a probable next-day entry to the top: offer it, but never as the preferred fix.
        const fix = sortFix(ctx, t, keys, e, !found.some((x) => x.nextDay && sameContainer(ctx, x.e, e)));
        ctx.report(e.span, message, fix ? [fix] : undefined);
      }
    }
  },
});
