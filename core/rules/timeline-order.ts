import type { List, Nodes, Paragraph, Table } from 'mdast';
import { addDays } from '../language/dates';
import { minutesOf } from '../extract/timeline';
import type { Fix, PostmortemModel, Span, Timeline, TimelineEntry } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Where an entry stands in time, with the date carried over from the entries above it. */
export interface OrderKey {
  /** ISO date, or "????-MM-DD" when the year is unknown. */
  date?: string;
  /** Years after the first for "????" dates: a month-day that falls back by months ("12-05" then "03-20") crossed a new year. */
  yearShift?: number;
  day?: number;
  minutes?: number;
  /** The date was written with the entry (or a date heading), not carried over. */
  ownDate: boolean;
  /** The date was inferred: the times wrapped past midnight in an incident that spans two dates. */
  rolledOver?: boolean;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Days from a "MM-DD" to a later one in the same year (negative when it falls back). */
function monthDayDays(a: string, b: string): number {
  const at = (md: string) => Date.UTC(2001, +md.slice(0, 2) - 1, +md.slice(3, 5));
  return (at(b) - at(a)) / 86_400_000;
}

/**
 * Keys for the entries of a timeline in document order; entries with only a relative time get none.
 *
 * A dateless entry whose time falls back by more than three hours from the one above it ("23:58" then
 * "00:20") is read as the next day when the incident spans two dates: `spansDays` (its metadata start
 * and end fall on different dates), a later entry carrying the next date, or an evening entry followed
 * by a morning one with the times rising after it (unless `spansDays` is false: the metadata
 * puts start and end on one date). An entry marked "(+1 day)" is always the next day. The hover's
 * elapsed times (features/modelSummaries.ts) read the same keys.
 */
export function orderKeys(entries: TimelineEntry[], spansDays?: boolean): Array<OrderKey | undefined> {
  let prev: OrderKey | undefined;
  // A timeline without AM/PM that writes "1:05" after "12:40" is on a 12-hour clock: read it as 13:05.
  const twelveHour = !entries.some((e) => /\d\s*[ap]\.?m\b/i.test(e.timeText));
  // The first own ISO date at or after each entry: a later date says the incident ran past midnight.
  const nextDate: Array<string | undefined> = new Array(entries.length);
  for (let i = entries.length - 1, d: string | undefined; i >= 0; i--) {
    nextDate[i] = d;
    if (entries[i].date && ISO.test(entries[i].date!)) d = entries[i].date;
  }
  let shift = 0;
  let lastMonthDay: string | undefined;
  return entries.map((e, i) => {
    if (!e.time && !e.date && !e.monthDay) return undefined;
    const own = e.date ?? (e.monthDay ? `????-${e.monthDay}` : undefined);
    if (e.monthDay && !e.date) {
      if (lastMonthDay && monthDayDays(lastMonthDay, e.monthDay) < -150) shift++;
      lastMonthDay = e.monthDay;
    }
    let date = own;
    let day = e.day ?? (own ? undefined : prev?.day);
    let rolledOver = false;
    if (!date && prev?.date && (e.day === undefined || e.day === prev.day)) date = prev.date;
    let minutes = e.time ? minutesOf(e.time) : undefined;
    if (
      twelveHour &&
      minutes !== undefined &&
      !own &&
      prev?.minutes !== undefined &&
      prev.minutes >= 12 * 60 &&
      e.time!.hour < 12 &&
      /(?:^|\D)\d:\d\d/.test(e.timeText) &&
      minutes + 12 * 60 >= prev.minutes
    ) {
      minutes += 12 * 60;
    }
    // Past midnight: a "(+1 day)" marker, or a wrap of the clock in an incident that spans two dates.
    const wrapped = !own && minutes !== undefined && prev?.minutes !== undefined && prev.minutes - minutes > 180;
    const later = !!(date && ISO.test(date) && nextDate[i] && nextDate[i]! > date);
    // An evening entry followed by a morning one (before noon), with the times rising again after it until
    // the next written date, crossed midnight ("23:50", "00:20", "01:05").
    const overnight = wrapped && spansDays !== false && prev!.minutes! >= 18 * 60 && minutes! < 12 * 60 && risesAfter(entries, i);
    if (!own && prev && (e.plusDays || (wrapped && (spansDays || later || overnight)))) {
      const n = e.plusDays ?? 1;
      if (date && ISO.test(date)) date = addDays(date, n);
      else day = (prev.day ?? 0) + n;
      rolledOver = true;
    }
    const key: OrderKey = { date, day, minutes, ownDate: own !== undefined };
    if (date?.startsWith('????')) key.yearShift = shift;
    if (rolledOver) key.rolledOver = true;
    prev = key;
    return key;
  });
}

/** The dateless timed entries after `i`, up to the next written date, rise from its time without falling back. */
function risesAfter(entries: TimelineEntry[], i: number): boolean {
  let last = minutesOf(entries[i].time!);
  for (let j = i + 1; j < entries.length; j++) {
    const e = entries[j];
    if (e.date || e.monthDay || e.day !== entries[i].day) break;
    if (!e.time) continue;
    const m = minutesOf(e.time);
    if (m < last) return false;
    last = m;
  }
  return true;
}

/** Negative when a comes before b, positive when after, 0 when equal or not comparable. */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  if (a.date && b.date) {
    const unknown = a.date.startsWith('????') || b.date.startsWith('????');
    const [x, y] = unknown ? [`${a.yearShift ?? 0}-${a.date.slice(5)}`, `${b.yearShift ?? 0}-${b.date.slice(5)}`] : [a.date, b.date];
    if (x !== y) return x < y ? -1 : 1;
  } else if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return a.day - b.day;
  else if (a.day !== undefined && b.day === undefined && a.day > 0 && b.date === undefined) return 1;
  else if (b.day !== undefined && a.day === undefined && b.day > 0 && a.date === undefined) return -1;
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

/** Whether the metadata's start and end fall on different dates; undefined when it gives no both. */
export function spansDays(metadata: PostmortemModel['metadata']): boolean | undefined {
  const { start, end } = metadata.fields;
  const s = typeof start?.value === 'string' ? start.value.slice(0, 10) : undefined;
  const e = typeof end?.value === 'string' ? end.value.slice(0, 10) : undefined;
  if (!(s && e && ISO.test(s) && ISO.test(e))) return undefined;
  return e > s;
}

export const timelineOrder = defineRule({
  id: 'timeline-order',
  defaultSeverity: 'warning',
  summary: 'Timeline entries out of chronological order (dates across midnight are handled).',
  fixable: true,
  check(ctx) {
    for (const t of ctx.model.timelines) {
      const keys = orderKeys(t.entries, spansDays(ctx.model.metadata));
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
