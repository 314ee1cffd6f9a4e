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
      twelveHour && minutes !== undefined && !own && prev?.minutes !== undefined && prev.minutes >= 12 * 60 && e.time!.hour < 12 &&
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

/** The innermost table, list or paragraph that holds an offset. */
function containerAt(ctx: RuleContext, offset: number): Table | List | Paragraph | undefined {
  let found: Table | List | Paragraph | undefined;
  // Down the tree through the child that holds the offset (children are in document order: binary search).
  let n: Nodes | undefined = ctx.tree;
  while (n) {
    if (n.type === 'table' || n.type === 'list') found = n;
    else if (n.type === 'paragraph' && !found) found = n;
    if (n.type === 'table' || !('children' in n)) break;
    const children = n.children as Nodes[];
    let lo = 0;
    let hi = children.length - 1;
    let next: Nodes | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = children[mid];
      const s = c.position?.start.offset ?? 0;
      const e = c.position?.end.offset ?? 0;
      if (offset < s) hi = mid - 1;
      else if (offset >= e) lo = mid + 1;
      else {
        next = c;
        break;
      }
    }
    n = next;
  }
  return found;
}

/** The rows, items or lines of a container, each a unit that moves as a whole. */
function unitsOf(ctx: RuleContext, found: Table | List | Paragraph): Span[] {
  const span = { start: found.position!.start.offset!, end: found.position!.end.offset! };
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
  for (let l = ctx.lines.lineOf(span.start); l <= ctx.lines.lineOf(span.end); l++) {
    units.push({ start: Math.max(span.start, ctx.lines.offset(l, 0)), end: Math.min(span.end, ctx.lines.lineEnd(l)) });
  }
  return units;
}

/** Fix: sort the rows, items or lines of the container chronologically, each kept intact. */
function sortFix(ctx: RuleContext, t: Timeline, keys: Array<OrderKey | undefined>, spans: Span[], preferred: boolean): Fix | undefined {
  if (spans.length < 2) return undefined;
  // Entries and units are both in document order: one sweep pairs each unit with its first keyed entry.
  const units: Unit[] = [];
  let j = 0;
  for (const s of spans) {
    while (j < t.entries.length && t.entries[j].timeSpan.start < s.start) j++;
    let k = j;
    while (k < t.entries.length && t.entries[k].timeSpan.start < s.end && !keys[k]) k++;
    units.push({ ...s, keyIndex: k < t.entries.length && t.entries[k].timeSpan.start < s.end ? k : -1 });
  }
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

/** A container's sort fix rides on its first few findings only: each copy holds the whole container. */
const MAX_FIXES_PER_CONTAINER = 10;

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
      // Findings grouped by the table, list or paragraph that holds them; one sort fix per group.
      const groups = new Map<number, { units: Span[]; items: typeof found }>();
      for (const x of found) {
        // The innermost container: an entry of a nested list belongs to that list, not to the outer one.
        const c = containerAt(ctx, x.e.timeSpan.start);
        const at = c ? c.position!.start.offset! : -1 - x.e.span.start;
        let g = groups.get(at);
        if (!g) {
          g = { units: c ? unitsOf(ctx, c) : [], items: [] };
          groups.set(at, g);
        }
        g.items.push(x);
      }
      for (const g of groups.values()) {
        // Sorting would move a probable next-day entry to the top: offer it, but never as the preferred fix.
        const fix = sortFix(ctx, t, keys, g.units, !g.items.some((x) => x.nextDay));
        g.items.forEach(({ e, p, nextDay }, n) => {
          const message = `This entry (${fmt(e)}) is earlier than the one above it (${fmt(p)}); ${nextDay ? 'add its date if it happened on a later day, or move it into chronological order' : 'move it into chronological order'}.`;
          ctx.report(e.span, message, fix && n < MAX_FIXES_PER_CONTAINER ? [fix] : undefined);
        });
      }
    }
  },
});
