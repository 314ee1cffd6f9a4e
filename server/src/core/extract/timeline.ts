/**
 * Timeline entries from tables (a time column) and from list items or lines that start with a time.
 */
import type { List, ListItem, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ClockTime, Metadata, Section, Span, Timeline, TimelineEntry } from '../types';
import { kindsAt, sectionAt, spanOf } from './sections';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Time zone abbreviations and offsets recognised after a time or in a heading. */
export const ZONES = [
  'UTC', 'GMT', 'Z', 'CET', 'CEST', 'EET', 'EEST', 'WET', 'WEST', 'BST', 'IST', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT',
  'PST', 'PDT', 'AKST', 'AKDT', 'HST', 'JST', 'KST', 'AEST', 'AEDT', 'ACST', 'AWST', 'NZST', 'NZDT', 'SGT', 'HKT', 'MSK',
  'BRT', 'ART', 'PT', 'ET', 'CT', 'MT',
];
const ZONE = `(?:(UTC|GMT)(?:\\s*([+-]\\d{1,2}(?::?\\d{2})?))?|(${ZONES.filter((z) => z !== 'UTC' && z !== 'GMT').join('|')})|([+-]\\d{2}:?\\d{2}))`;
export const ZONE_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ZONES.filter((z) => z.length > 1).join('|')}|UTC[+-]\\d{1,2})(?![\\p{L}\\p{N}])`, 'u');

const VAGUE = '(~\\s*|(?:around|about|approx(?:imately|\\.)?|roughly|circa|ca\\.|sometime|some time|shortly (?:before|after)|just (?:before|after))\\s+)?';
const DATE = `(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})/(\\d{2})/(\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+(\\d{4}))?|${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)`;
const TIME = '(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\.?)?|(\\d{1,2})\\s*([ap])\\.?m\\.?(?![\\p{L}]))';
/** At the start of an entry: optional markup, optional vagueness, optional date, a time, optional zone. */
const ENTRY_START = new RegExp(
  `^[\\s*_\\[\`(]*${VAGUE}(?:${DATE}(?:[\\s,T]+|\\s*[,@]\\s*|\\s+at\\s+))?${TIME}(?:(?:Z\\b)|\\s*\\(?${ZONE}\\)?(?![\\p{L}]))?[\\s*_\\]\`)]*`,
  'iu',
);
const DATE_ONLY = new RegExp(`^[\\s*_\\[\`(]*${DATE}(?![\\p{L}\\p{N}:])[\\s*_\\]\`)]*`, 'iu');

export interface TimeMatch {
  length: number;
  /** Length of the time text itself (markup stripped at both ends). */
  textStart: number;
  textEnd: number;
  time?: ClockTime;
  date?: string;
  /** Month and day when the year is unknown: "MM-DD". */
  monthDay?: string;
  zone?: string;
  vague?: string;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateFrom(m: RegExpExecArray, o: number, year?: number): { date?: string; monthDay?: string } {
  // o: index of the first DATE group
  if (m[o]) return { date: `${m[o]}-${m[o + 1]}-${m[o + 2]}` };
  if (m[o + 3]) return { date: `${m[o + 3]}-${m[o + 4]}-${m[o + 5]}` };
  let month = 0;
  let day = 0;
  let y: number | undefined;
  if (m[o + 6]) {
    day = +m[o + 6];
    month = monthIndex(m[o + 7]);
    y = m[o + 8] ? +m[o + 8] : undefined;
  } else if (m[o + 9]) {
    month = monthIndex(m[o + 9]);
    day = +m[o + 10];
    y = m[o + 11] ? +m[o + 11] : undefined;
  } else return {};
  if (!month || day < 1 || day > 31) return {};
  y ??= year;
  return y ? { date: `${y}-${pad(month)}-${pad(day)}` } : { monthDay: `${pad(month)}-${pad(day)}` };
}

/** Reads a time (with optional date and zone) at the start of `s`. */
export function matchTime(s: string, year?: number): TimeMatch | undefined {
  const m = ENTRY_START.exec(s);
  if (m) {
    // groups: 1 vague, 2..13 date, 14..17 hh:mm:ss ampm, 18..19 h ampm, 20..23 zone
    let hour: number;
    let minute: number;
    let second: number | undefined;
    let ampm: string | undefined;
    if (m[14] !== undefined) {
      hour = +m[14];
      minute = +m[15];
      second = m[16] !== undefined ? +m[16] : undefined;
      ampm = m[17];
    } else {
      hour = +m[18];
      minute = 0;
      ampm = m[19];
    }
    if (ampm) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    }
    if (hour > 24 || minute > 59 || (second ?? 0) > 59) return undefined;
    const zone = m[20] ? (m[21] ? `${m[20]}${m[21]}` : m[20]) : m[22] ?? m[23] ?? (/\dZ\b/i.test(m[0]) ? 'UTC' : undefined);
    const trimmed = m[0].replace(/[\s*_\]`)]+$/, '');
    const lead = m[0].length - m[0].replace(/^[\s*_\[`(]+/, '').length;
    return {
      length: m[0].length,
      textStart: lead,
      textEnd: trimmed.length,
      time: { hour, minute, ...(second !== undefined ? { second } : {}) },
      ...dateFrom(m, 2, year),
      zone,
      vague: m[1]?.trim() || undefined,
    };
  }
  const d = DATE_ONLY.exec(s);
  if (d) {
    const trimmed = d[0].replace(/[\s*_\]`)]+$/, '');
    const lead = d[0].length - d[0].replace(/^[\s*_\[`(]+/, '').length;
    const date = dateFrom(d, 1, year);
    if (!date.date && !date.monthDay) return undefined;
    return { length: d[0].length, textStart: lead, textEnd: trimmed.length, ...date };
  }
  return undefined;
}

const TIME_HEADER = /^(?:time|times|timestamp|when|date|date\s*\/\s*time|date and time|datetime|hour|at)\b/i;
const SOURCE_HEADER = /^(?:source|sources|evidence|ref|reference|link)\b/i;
const EVENT_HEADER = /^(?:event|events|what|what happened|description|details|action|activity|note|notes|update)\b/i;
const STRIP_SEPARATOR = /^[\s\-–—:|•·]+/;

export function extractTimelines(text: string, tree: Root, sections: Section[], metadata: Metadata): Timeline[] {
  const year = (() => {
    const d = metadata.fields.date?.value;
    return typeof d === 'string' ? +d.slice(0, 4) : undefined;
  })();
  const timelines: Timeline[] = [];
  const bySection = new Map<number, Timeline>();
  const zoneLine = /\b(?:all\s+)?times?\b[^.\n]{0,40}?\b(?:are\s+)?(?:in\s+)?/i;

  const timelineOf = (sectionIndex: number, form: Timeline['form']): Timeline => {
    let t = bySection.get(sectionIndex);
    if (!t) {
      const s = sections[sectionIndex];
      // The zone may be stated in the heading of the section or of a parent timeline section.
      let zone: string | undefined;
      for (let i = sectionIndex; i >= 0 && !zone; i = sections[i].parent) {
        zone = ZONE_WORD.exec(sections[i].title)?.[0];
      }
      t = { section: sectionIndex, form, zone, entries: [] };
      bySection.set(sectionIndex, t);
      timelines.push(t);
      if (s) void s;
    }
    return t;
  };

  let currentDate: string | undefined;
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      const start = node.position?.start.offset ?? 0;
      const si = sectionAt(sections, start);
      if (si < 0 || !kindsAt(sections, si).includes('timeline')) continue;
      if (node.type === 'heading') {
        const d = matchTime(toString(node), year);
        if (d?.date && !d.time) currentDate = d.date;
        continue;
      }
      if (node.type === 'table') tableEntries(text, node, timelineOf(si, 'table'), timelines.length - 1, year, currentDate);
      else if (node.type === 'list') listEntries(text, node, si, timelineOf, year, () => currentDate, (d) => (currentDate = d));
      else if (node.type === 'paragraph') {
        const src = text.slice(start, node.position!.end.offset!);
        const zm = zoneLine.exec(src);
        if (zm && ZONE_WORD.test(src) && /\btimes?\b/i.test(src)) {
          const t = timelineOf(si, 'list');
          t.zone ??= ZONE_WORD.exec(src)?.[0];
        }
        // Lines of a paragraph that each start with a time ("**09:05** Deploy starts").
        let off = start;
        for (const line of src.split(/(?<=\n)/)) {
          const m = matchTime(line, year);
          if (m && (m.time || m.date)) {
            addEntry(timelineOf(si, 'list'), text, off, off + line.replace(/\r?\n$/, '').length, m, year, currentDate, bySectionIndex(timelines, si, bySection));
          }
          off += line.length;
        }
      }
    }
  };
  visit(tree.children);
  // Timelines in a table whose time column names a zone, or where every entry has its own zone, are zoned.
  const kept = timelines.filter((t) => t.entries.length > 0 || t.zone !== undefined);
  kept.forEach((t, i) => t.entries.forEach((e) => (e.timeline = i)));
  return kept;
}

function bySectionIndex(timelines: Timeline[], si: number, map: Map<number, Timeline>): number {
  return timelines.indexOf(map.get(si)!);
}

function addEntry(
  t: Timeline,
  text: string,
  start: number,
  end: number,
  m: TimeMatch,
  _year: number | undefined,
  currentDate: string | undefined,
  index: number,
  extra?: { text?: string; textSpan?: Span; source?: string },
): TimelineEntry | undefined {
  const timeSpan = { start: start + m.textStart, end: start + m.textEnd };
  const rest = text.slice(start + m.length, end);
  const restTrim = rest.replace(STRIP_SEPARATOR, '');
  const textStart = end - restTrim.length;
  const entry: TimelineEntry = {
    span: { start, end },
    timeSpan,
    timeText: text.slice(timeSpan.start, timeSpan.end),
    time: m.time as ClockTime,
    date: m.date ?? (m.monthDay ? undefined : currentDate),
    zone: m.zone,
    text: extra?.text ?? restTrim.trim(),
    textSpan: extra?.textSpan ?? { start: textStart, end },
    source: extra?.source,
    timeline: index,
  };
  if (!m.time) delete (entry as Partial<TimelineEntry>).time;
  if (m.vague) (entry as TimelineEntry & { vague?: string }).vague = m.vague;
  t.entries.push(entry);
  return entry;
}

function cellSpan(cell: { position?: unknown; children: Array<{ position?: { start: { offset?: number }; end: { offset?: number } } }> }): Span | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first?.position || !last?.position) return undefined;
  return { start: first.position.start.offset!, end: last.position.end.offset! };
}

function tableEntries(text: string, table: Table, t: Timeline, index: number, year: number | undefined, currentDate: string | undefined): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const titles = header.children.map((c) => toString(c).trim());
  let timeCol = titles.findIndex((h) => TIME_HEADER.test(h));
  if (timeCol < 0) timeCol = 0;
  const sourceCol = titles.findIndex((h) => SOURCE_HEADER.test(h));
  let eventCol = titles.findIndex((h, i) => i !== timeCol && EVENT_HEADER.test(h));
  if (eventCol < 0) eventCol = titles.findIndex((_, i) => i !== timeCol && i !== sourceCol);
  const headerZone = ZONE_WORD.exec(titles[timeCol] ?? '')?.[0];
  if (headerZone) t.zone ??= headerZone;
  // A separate date column next to a time column.
  const dateCol = titles.findIndex((h, i) => i !== timeCol && /^date\b/i.test(h));
  for (const row of rows) {
    const cell = row.children[timeCol];
    if (!cell) continue;
    const cs = cellSpan(cell);
    if (!cs) continue;
    const m = matchTime(text.slice(cs.start, cs.end), year);
    if (!m || (!m.time && !m.date)) continue;
    if (m.length < cs.end - cs.start && /[\p{L}\p{N}]/u.test(text.slice(cs.start + m.length, cs.end).replace(/^\s*(?:\(?[A-Z]{1,5}\)?)?/, ''))) {
      // The cell says more than a time ("2 hours later"): not an entry.
      if (!m.time) continue;
    }
    let date = m.date;
    if (!date && dateCol >= 0 && row.children[dateCol]) {
      const d = matchTime(toString(row.children[dateCol]), year);
      date = d?.date;
    }
    const ev = eventCol >= 0 ? row.children[eventCol] : undefined;
    const evSpan = ev ? cellSpan(ev) : undefined;
    const src = sourceCol >= 0 && row.children[sourceCol] ? toString(row.children[sourceCol]).trim() : undefined;
    const rowSpan = spanOf(row);
    addEntry(t, text, cs.start, cs.end, { ...m, date }, year, currentDate, index, {
      text: ev ? toString(ev).trim() : '',
      textSpan: evSpan ?? { start: cs.end, end: cs.end },
      source: src || undefined,
    });
    t.entries[t.entries.length - 1].span = rowSpan;
  }
}

function listEntries(
  text: string,
  list: List,
  si: number,
  timelineOf: (si: number, form: Timeline['form']) => Timeline,
  year: number | undefined,
  getDate: () => string | undefined,
  setDate: (d: string) => void,
): void {
  for (const item of list.children as ListItem[]) {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph' || !first.position) continue;
    const start = first.position.start.offset!;
    const lineEnd = lineEndAt(text, start, first.position.end.offset!);
    const m = matchTime(text.slice(start, lineEnd), year);
    if (m && (m.time || m.date)) {
      const rest = text.slice(start + m.length, lineEnd).trim();
      if (!m.time && m.date && rest === '') {
        // A date on its own ("- 2026-03-15") heads the nested entries.
        setDate(m.date);
      } else {
        const t = timelineOf(si, 'list');
        addEntry(t, text, start, lineEnd, m, year, getDate(), -1);
        t.entries[t.entries.length - 1].span = { start: item.position!.start.offset!, end: lineEnd };
      }
    }
    for (const child of item.children) {
      if (child.type === 'list') listEntries(text, child, si, timelineOf, year, getDate, setDate);
    }
  }
}

function lineEndAt(text: string, from: number, max: number): number {
  let i = from;
  while (i < max && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

/** Minutes since midnight, for ordering. */
export function minutesOf(t: ClockTime): number {
  return t.hour * 60 + t.minute + (t.second ?? 0) / 60;
}
