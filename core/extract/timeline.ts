/**
 * Timeline entries from tables (a time column) and from list items or lines that start with a time.
 *
 * An entry starts with a clock time ("14:02", "2 PM", "2026-03-15 14:02 UTC", "18 Feb 06:55"), a date
 * alone ("2026-07-22"), or a relative time written in place of one ("an hour or so later", "later
 * that day"). Hedged times ("around 3 PM", "~10:30", "14:00-ish") keep their hedge in `vague`.
 * Date headings ("### 15 March") and standalone date items date the entries below them; "Day 2" /
 * "Next day" markers number the days when there are no dates.
 */
import type { Blockquote, List, ListItem, Paragraph, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ClockTime, Metadata, Section, Span, Timeline, TimelineEntry } from '../types';
import type { NodeMemo } from '../engine/nodeMemo';
import { kindsAt, sectionsOfNodes, spanOf } from './sections';
import { EXTRA_ZONES } from '../data/extraZones';
import { INTL_ZONES } from '../data/zones';
import { readDateLine } from '../language/dates';
import { trimEndWhere } from '../language/regexp';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/**
 * Time zone abbreviations recognised after a time or in a heading: every short name ICU gives the IANA
 * zones in the English locales (data/zones.ts, generated from Intl) and a reviewed few more
 * (data/extraZones.ts). Longest first, so "AEST" is not read as "AE" + "ST".
 */
export const ZONES = [...new Set([...INTL_ZONES, ...EXTRA_ZONES].map(([z]) => z)), 'Z'].sort((a, b) => b.length - a.length || a.localeCompare(b));
/** Zones written out in words ("Pacific time", "Europe/Berlin", "UTC+2"). */
const ZONE_WORDS =
  '(?:(?:pacific|eastern|central|mountain|atlantic|alaska|hawaii)(?:\\s+(?:standard|daylight))?\\s+time|(?:central|eastern|western)\\s+european(?:\\s+(?:summer|standard))?\\s+time|british summer time|coordinated universal time|greenwich mean time|zulu time|(?:africa|america|asia|atlantic|australia|europe|pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?)';
const ZONE = `(?:(UTC|GMT)(?:\\s*([+-]\\d{1,2}(?::?\\d{2})?))?|(${ZONES.filter((z) => z !== 'UTC' && z !== 'GMT' && z !== 'Z').join('|')})|([+-]\\d{2}:?\\d{2}))`;
/** A time zone named anywhere in a text (a heading, a table header, an "All times UTC" line). */
export const ZONE_WORD = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?|${ZONES.filter((z) => z.length > 1).join('|')}|${ZONE_WORDS})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** ZONE_WORD for every match: one compiled expression shared by every call. */
const ZONE_WORD_G = new RegExp(ZONE_WORD.source, 'giu');

/** The zones named in `s`, in order. Zone abbreviations must be written in capitals ("et" and "mt" are words); spelled-out zones in any case. */
function* zoneWords(s: string): Generator<RegExpExecArray> {
  ZONE_WORD_G.lastIndex = 0;
  for (let m = ZONE_WORD_G.exec(s); m; m = ZONE_WORD_G.exec(s)) {
    if (/^[a-z]{2,5}$/i.test(m[0]) && m[0] !== m[0].toUpperCase()) continue;
    yield m;
  }
}

export function zoneIn(s: string): string | undefined {
  const first = zoneWords(s).next();
  return first.done ? undefined : first.value[0];
}

const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?';
const VAGUE =
  '(~\\s*|(?:around|about|approx(?:imately|\\.)?|roughly|circa|ca\\.|c\\.|sometime|some time|shortly (?:before|after)|just (?:before|after)|soon after)\\s+)?';
const DATE = `(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{4})/(\\d{2})/(\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+(\\d{4}))?|${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)`;
const TIME = '(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([ap])\\.?m\\.?(?![\\p{L}]))?|(\\d{1,2})\\s*([ap])\\.?m\\.?(?![\\p{L}]))';
/** The end of a time range ("14:31–14:40 UTC"): the entry keeps the start time and the zone after the range. */
const RANGE_END = '(?:\\s*(?:[–—-]|to)\\s*\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?)?';
/** At the start of an entry: optional markup, optional vagueness, optional date, a time, optional zone. */
const ENTRY_START = new RegExp(
  `^[\\s*_\\[\`(]*${VAGUE}(?:(?:${WEEKDAY}\\.?,?\\s+)?${DATE}(?:[\\s,T]+|\\s*[,@/]\\s*|\\s+at\\s+|\\s*[—–-]\\s*))?${TIME}${RANGE_END}(?:(?:Z\\b)|\\s*\\(?${ZONE}\\)?(?![\\p{L}]))?[\\s*_\\]\`)]*`,
  'iu',
);
const DATE_ONLY = new RegExp(`^[\\s*_\\[\`(]*(?:${WEEKDAY}\\.?,?\\s+)?${DATE}(?![\\p{L}\\p{N}]|:\\d)[\\s*_\\]\`):]*`, 'iu');
/** A date written after the time: "00:03 UTC (Oct 30)", "14:10, 3 March". */
const DATE_AFTER = new RegExp(
  `^[\\s*_]*(?:\\(\\s*(?:on\\s+)?(?:${WEEKDAY}\\.?,?\\s+)?${DATE}\\s*\\)|,\\s*(?:on\\s+)?(?:${WEEKDAY}\\.?,?\\s+)?${DATE}(?![\\p{L}\\p{N}]|:\\d))[\\s*_]*`,
  'iu',
);
/** A US or Atlantic region zone written as a word after the time: "7:09 AM Eastern" (capitalised only). */
const REGION_AFTER = /^\s+(Eastern|Pacific|Central|Mountain|Atlantic|Alaska|Hawaii)(?:\s+(?:Standard|Daylight))?(?:\s+Time)?(?![\p{L}\p{N}])/u;
/** A next-day marker after the time: "00:10 (+1 day)", "00:10 (+1)", "00:10 (next day)". */
const NEXT_DAY_AFTER = /^\s*\((?:\+\s?(\d)(?:\s*days?)?|next day|the next day|following day)\)/i;
/** A month and day before the time, with no year: "[08-10 21:30]" (month first, as in ISO dates). */
const MONTH_DAY_PREFIX = /^([\s*_\[`(]*)(\d{2})-(\d{2})[\sT]+(?=\d{1,2}:\d{2})/;
/** A hedge written after the time: "14:00-ish", "14:00?", "14:00 (approx.)". */
const VAGUE_AFTER = /^(?:\s*(?:-\s*)?ish\b|\?|\s*\((?:approx(?:imately|\.)?|roughly|about|est(?:imated|\.)?|circa|ca\.)\))/i;

const NUM =
  '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|a few|a couple(?: of)?|several|some|half an?|a half)';
const UNIT = '(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)';
const PART = '(?:day|morning|afternoon|evening|night)';
/**
 * A relative time standing where an entry's time belongs. Clock times keep precedence; this is tried
 * only when no time or date starts the entry.
 */
const RELATIVE_START = new RegExp(
  '^[\\s*_\\[`(]*(' +
    [
      // "about 20 minutes later", "an hour or so later", "a few minutes after that"
      `(?:(?:about|around|roughly|approximately|approx\\.?|~|some|maybe|perhaps|nearly|almost|over|under|less than|more than)\\s*)?${NUM}\\s+${UNIT}(?:\\s+or\\s+(?:so|two|more))?\\s+(?:later|after(?:wards)?|afterwards|before|earlier|on)`,
      `an?\\s+(?:hour|minute|day)\\s+or\\s+(?:so|two)\\s+(?:later|after(?:wards)?|before|earlier)`,
      '(?:some|a little|a short|a)\\s+(?:time|while|bit)\\s+(?:later|after(?:wards)?|before|earlier)',
      `(?:later|earlier)\\s+(?:that|the same|in the|on the same)\\s+${PART}`,
      `(?:that|the next|the following|next)\\s+(?:morning|afternoon|evening|night)`,
      `(?:in|during)\\s+the\\s+(?:early\\s+|late\\s+)?(?:morning|afternoon|evening|night)`,
      `(?:early|late|mid)[\\s-]+(?:morning|afternoon|evening)`,
      '(?:~\\s*|(?:around|about|approximately|roughly)\\s+)(?:lunch(?:time)?|midday|noon|midnight|dinner(?:time)?|(?:the\\s+)?end of (?:the\\s+)?(?:day|shift)|eod)',
      // The spaces before "~" are the leading class's: `~?\\s*` here let a run of tabs split two ways (quadratic).
      '(?:~\\s*)?lunch(?:time)?',
      '(?:the\\s+)?end of (?:the\\s+)?(?:day|shift)|eod|close of business|overnight',
      '(?:shortly|soon|not long)\\s+(?:after(?:wards)?|before|later|thereafter)',
      'later(?=\\s*[,:—–-]|\\s*$)',
      'eventually(?=\\s*[,:—–-])',
      // A time the writer did not know: "[???]", "??:??", "xx:xx".
      '\\?{2,}(?::\\?{2,})?|[x?]{2}:[x?]{2}',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])[\\s*_\\]`),:—–-]*',
  'iu',
);
/** A day marker standing alone: "Day 2", "Next day", "The following day (Tuesday)". */
const DAY_MARKER =
  /^[\s*_#]*(?:(?:day\s+(\d+)|(?:the\s+)?(?:next|following)\s+day|day\s+(?:two|three|four|five))\b[^\n]{0,40}|(?:(?:the\s+)?(?:next|following)\s+morning|\(?\+\s?1\s+day\)?)[\s:*_.)]*)$/i;

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
  /** A relative time in place of a clock time. */
  relative?: string;
  /** Days after the running date, from a "(+1 day)" / "(next day)" marker after the time. */
  plusDays?: number;
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The year for a month and day written without one: the year that puts it nearest the incident date
 * ("12-05" in a March incident's timeline is the December before), or the incident's year.
 */
function yearFor(month: number, day: number, year: number | undefined, incident: string | undefined): number | undefined {
  if (!incident || !/^\d{4}-\d{2}-\d{2}$/.test(incident)) return year;
  const y0 = +incident.slice(0, 4);
  const at = Date.UTC(y0, +incident.slice(5, 7) - 1, +incident.slice(8, 10));
  let best = y0;
  for (const y of [y0 - 1, y0 + 1]) if (Math.abs(Date.UTC(y, month - 1, day) - at) < Math.abs(Date.UTC(best, month - 1, day) - at)) best = y;
  return best;
}

let incidentForYear: string | undefined;

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
  y ??= yearFor(month, day, year, incidentForYear);
  return y ? { date: `${y}-${pad(month)}-${pad(day)}` } : { monthDay: `${pad(month)}-${pad(day)}` };
}

function edges(s: string): { textStart: number; textEnd: number } {
  const trimmed = s.replace(/(?<![\s*_\]`),:—–-])[\s*_\]`),:—–-]+$/, '');
  const lead = s.length - s.replace(/^[\s*_\[`(]+/, '').length;
  return { textStart: lead, textEnd: Math.max(lead, trimmed.length) };
}

/**
 * Reads a time (with optional date and zone) at the start of `s`. `incident` (YYYY-MM-DD), when known,
 * picks the year of dates written without one.
 */
export function matchTime(s: string, year?: number, incident?: string): TimeMatch | undefined {
  incidentForYear = incident;
  const md = MONTH_DAY_PREFIX.exec(s);
  if (md && +md[2] >= 1 && +md[2] <= 12 && +md[3] >= 1 && +md[3] <= 31) {
    // "[08-10 21:30]": the rest is read as a time, the month and day in front of it date it.
    const rest = matchTime(md[1] + s.slice(md[0].length), year, incident);
    if (rest?.time && !rest.date && !rest.monthDay) {
      const shift = md[0].length - md[1].length;
      const month = +md[2];
      const day = +md[3];
      const y = yearFor(month, day, year, incident);
      const length = rest.length + shift;
      return {
        ...rest,
        length,
        ...edges(s.slice(0, length)),
        ...(y ? { date: `${y}-${pad(month)}-${pad(day)}` } : { monthDay: `${pad(month)}-${pad(day)}` }),
      };
    }
  }
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
    let ok = true;
    if (ampm) {
      if (hour < 1 || hour > 12) ok = false;
      hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    }
    if (hour > 24 || minute > 59 || (second ?? 0) > 59) ok = false;
    if (ok) {
      let zone: string | undefined = m[20] ? (m[21] ? `${m[20]}${m[21]}` : m[20]) : (m[22] ?? m[23] ?? (/\dZ\b/i.test(m[0]) ? 'UTC' : undefined));
      // Two-letter US zones ("PT", "ET") only in capitals.
      if (zone && m[22] && /^[a-z]/.test(m[22])) zone = undefined;
      const core = m[0].replace(/(?<![\s*_\]`)])[\s*_\]`)]+$/, '').length;
      const after = VAGUE_AFTER.exec(s.slice(core));
      let length = after && !m[1] ? Math.max(m[0].length, core + after[0].length) : m[0].length;
      let date = dateFrom(m, 2, year);
      if (!zone) {
        const region = REGION_AFTER.exec(s.slice(core));
        if (region) {
          zone = region[0].trim();
          length = Math.max(length, core + region[0].length);
        }
      }
      const end = () => trimEndWhere(s.slice(0, length), /[\s*_\]`)]/).length;
      let plusDays: number | undefined;
      const nd = NEXT_DAY_AFTER.exec(s.slice(end()));
      if (nd) {
        plusDays = nd[1] ? +nd[1] : 1;
        length = end() + nd[0].length;
      }
      if (!date.date && !date.monthDay) {
        const at = end();
        const da = DATE_AFTER.exec(s.slice(at));
        if (da) {
          // The bracketed form's groups come first, the comma form's after them.
          date = da[1] || da[4] || da[7] || da[10] ? dateFrom(da, 1, year) : dateFrom(da, 13, year);
          length = Math.max(length, at + da[0].length);
        }
      }
      const out: TimeMatch = {
        length,
        ...edges(s.slice(0, length)),
        time: { hour, minute, ...(second !== undefined ? { second } : {}) },
        ...date,
        zone,
        vague: m[1]?.trim() || (after ? after[0].trim() : undefined),
      };
      if (plusDays) out.plusDays = plusDays;
      return out;
    }
  }
  const d = DATE_ONLY.exec(s);
  if (d) {
    const date = dateFrom(d, 1, year);
    if (!date.date && !date.monthDay) return undefined;
    return { length: d[0].length, ...edges(d[0]), ...date };
  }
  return undefined;
}

/** Reads a relative time ("about 20 minutes later", "later that day") at the start of `s`. */
export function matchRelative(s: string): TimeMatch | undefined {
  const m = RELATIVE_START.exec(s);
  if (!m) return undefined;
  return { length: m[0].length, ...edges(m[0]), relative: m[1].trim() };
}

const TIME_HEADER = /^(?:time|times|timestamp|when|date|date\s*\/\s*time|date and time|datetime|hour|at)\b/i;
const SOURCE_HEADER = /^(?:source|sources|evidence|ref|reference|link)\b/i;
const EVENT_HEADER = /^(?:event|events|what|what happened|description|details|action|activity|note|notes|update)\b/i;
const STRIP_SEPARATOR = /^[\s\-–—:|•·]+/;
/**
 * The words that introduce a zone stated for times: "All times are UTC", "Times below in CET",
 * "timestamps are given in Europe/Berlin", "(all times UTC)", "Time zone: CEST". "Response times rose at
 * 14:00 UTC" states nothing about the timeline: the zone must follow these words directly. The
 * separator is `\s*(?:[:=—–-]\s*)?`, not `\s*[:=—–-]?\s*`: without a separator those were two runs
 * of spaces side by side, split every way on a failing run (quadratic).
 */
export const ZONE_STATEMENT =
  /\b(?:(?:all\s+)?(?:times?|timestamps?|clock times?)(?:\s+(?:below|above|here|shown|listed|given|used|quoted|in this (?:document|report|postmortem|timeline|section)))?(?:\s*(?:are|is))?(?:\s+(?:shown|given|listed|expressed|written))?(?:\s+(?:in|as))?|time[\s-]?zone(?:\s+(?:is|used))?)\s*(?:[:=—–-]\s*)?(?:the\s+)?$/i;

/** A line that is a zone and nothing else ("_(UTC+4)_", "**Times: CET**", "Time zone — JST"): the zone, or undefined. */
export function bareZone(s: string): string | undefined {
  const z = zoneIn(s);
  if (!z) return undefined;
  const rest = s.replace(z, ' ').replace(/\b(?:all\s+)?(?:times?|timestamps?|time[\s-]?zone|in)\b/gi, ' ');
  return /^[\s*_()[\]:.,—–-]*$/.test(rest) ? z : undefined;
}

/** The zone a sentence states for the times around it, or undefined. */
export function statedZone(s: string): string | undefined {
  for (const m of zoneWords(s)) {
    if (ZONE_STATEMENT.test(s.slice(Math.max(0, m.index! - 80), m.index!))) return m[0];
  }
  return undefined;
}

interface State {
  year?: number;
  /** The incident date (YYYY-MM-DD), when the metadata gives one: year-less dates take the year nearest it. */
  incident?: string;
  date?: string;
  day?: number;
}

export function extractTimelines(text: string, tree: Root, sections: Section[], metadata: Metadata, memo?: NodeMemo): Timeline[] {
  const d0 = metadata.fields.date?.value ?? metadata.derived?.date?.value;
  const state: State = { year: typeof d0 === 'string' ? +d0.slice(0, 4) : undefined, incident: typeof d0 === 'string' ? d0.slice(0, 10) : undefined };
  const timelines: Timeline[] = [];
  const bySection = new Map<number, Timeline>();

  /** The zone stated in the heading of the section or of a parent timeline section. */
  const zones = new Map<number, string | undefined>();
  const headingZone = (sectionIndex: number): string | undefined => {
    if (zones.has(sectionIndex)) return zones.get(sectionIndex);
    let zone: string | undefined;
    for (let i = sectionIndex; i >= 0 && !zone; i = sections[i].parent) zone = zoneIn(sections[i].title);
    zones.set(sectionIndex, zone);
    return zone;
  };
  const timelineOf = (sectionIndex: number): Timeline => {
    let t = bySection.get(sectionIndex);
    if (!t) {
      t = { section: sectionIndex, form: 'list', zone: headingZone(sectionIndex), entries: [] };
      bySection.set(sectionIndex, t);
      timelines.push(t);
    }
    return t;
  };

  const children = tree.children;
  const owners = sectionsOfNodes(sections, children);
  const inTimeline = new Map<number, boolean>();
  let lastSection = -1;
  children.forEach((node, k) => {
    const si = owners[k];
    if (si < 0) return;
    let yes = inTimeline.get(si);
    if (yes === undefined) inTimeline.set(si, (yes = kindsAt(sections, si).includes('timeline')));
    if (!yes) return;
    // Dates and day markers do not carry over from one timeline section to another.
    if (si !== lastSection && (lastSection < 0 || sections[si].parent !== lastSection)) {
      state.date = undefined;
      state.day = undefined;
    }
    lastSection = si;
    if (node.type === 'heading') {
      const s = toString(node);
      const d = dateLine(s, state);
      if (d) {
        state.date = d;
        state.day = undefined;
      } else if (DAY_MARKER.test(s)) state.day = dayOf(s, state.day);
      return;
    }
    if (memo && node.position?.start.offset !== undefined) memoEntries(text, node, si, bySection, timelineOf, headingZone, state, memo);
    else blockEntries(text, node, si, timelineOf, state);
  });
  const kept = timelines.filter((t) => t.entries.length > 0 || t.zone !== undefined);
  kept.forEach((t, i) =>
    t.entries.forEach((e) => {
      if (e.timeline !== i) e.timeline = i;
    }),
  );
  return kept;
}

/** What one top-level node did to its section's timeline and to the running state. */
interface NodeOutcome {
  /** False when the node never asked for the timeline (it may not exist). */
  touched: boolean;
  entries: TimelineEntry[];
  zone?: string;
  form: Timeline['form'];
  /** Set when the node (a table) set the time column's header. */
  timeHeader?: Span;
  date?: string;
  day?: number;
}

/**
 * `blockEntries` through the memo: a node whose block an edit did not touch, met in the same state
 * (year, running date and day, what its timeline already holds), does what it did last time.
 */
function memoEntries(
  text: string,
  node: RootContent,
  si: number,
  bySection: Map<number, Timeline>,
  timelineOf: (si: number) => Timeline,
  headingZone: (si: number) => string | undefined,
  state: State,
  memo: NodeMemo,
): void {
  const at = node.position!.start.offset!;
  const existing = bySection.get(si);
  const key = JSON.stringify([
    state.year ?? null,
    state.date ?? null,
    state.day ?? null,
    existing ? [existing.entries.length === 0, existing.zone ?? null, existing.form] : ['new', headingZone(si) ?? null],
  ]);
  const hit = memo.get<NodeOutcome>(node, 'timeline', key, at);
  if (hit) {
    const o = hit.value;
    const d = hit.delta;
    state.date = o.date;
    state.day = o.day;
    if (!o.touched) return;
    const t = timelineOf(si);
    t.zone = o.zone;
    t.form = o.form;
    if (o.timeHeader) t.timeHeader = shiftSpan(o.timeHeader, d);
    // Where the node has not moved its entries are the ones found last time (only `timeline`, the
    // index set below for this analysis, is ever written to); moved, they are copied at the new place.
    if (d === 0) for (const e of o.entries) t.entries.push(e);
    else
      for (const e of o.entries) t.entries.push({ ...e, span: shiftSpan(e.span, d), timeSpan: shiftSpan(e.timeSpan, d), textSpan: shiftSpan(e.textSpan, d) });
    return;
  }
  let t: Timeline | undefined;
  const before = existing?.entries.length ?? 0;
  const header = existing?.timeHeader;
  blockEntries(text, node, si, (i) => (t = timelineOf(i)), state);
  const outcome: NodeOutcome = t
    ? {
        touched: true,
        entries: t.entries.slice(before),
        zone: t.zone,
        form: t.form,
        timeHeader: t.timeHeader !== header ? t.timeHeader : undefined,
        date: state.date,
        day: state.day,
      }
    : { touched: false, entries: [], form: 'list', date: state.date, day: state.day };
  memo.set(node, 'timeline', key, at, outcome);
}

function shiftSpan(s: Span, d: number): Span {
  return { start: s.start + d, end: s.end + d };
}

/**
 * The date a line gives when it is a date and nothing more ("### 15 March", "**14th March:**",
 * "_3/16/26_", "Saturday, October 3rd"), as YYYY-MM-DD, or "????-MM-DD" without a known year; else undefined.
 */
function dateLine(s: string, state: State): string | undefined {
  const m = matchTime(s, state.year, state.incident);
  if (m?.time) return undefined;
  if (m && (m.date || m.monthDay) && /^[\s*_:)\]`]*$/.test(s.slice(m.length))) return m.date;
  if (DAY_MARKER.test(s)) return undefined;
  const d = readDateLine(s, state.incident);
  return d?.date ?? undefined;
}

function dayOf(marker: string, current: number | undefined): number {
  const n = /day\s+(\d+)/i.exec(marker);
  if (n) return Math.max(0, +n[1] - 1);
  const w = /day\s+(two|three|four|five)/i.exec(marker);
  if (w) return ['two', 'three', 'four', 'five'].indexOf(w[1].toLowerCase()) + 1;
  return (current ?? 0) + 1;
}

function blockEntries(text: string, node: RootContent, si: number, timelineOf: (si: number) => Timeline, state: State): void {
  if (node.type === 'table') tableEntries(text, node, timelineOf(si), state);
  else if (node.type === 'list') listEntries(text, node, si, timelineOf, state);
  else if (node.type === 'paragraph') paragraphEntries(text, node, si, timelineOf, state);
  else if (node.type === 'blockquote') {
    for (const c of (node as Blockquote).children) {
      const z = c.type === 'paragraph' ? statedZone(toString(c)) : undefined;
      if (z) timelineOf(si).zone ??= z;
    }
  }
}

function paragraphEntries(text: string, node: Paragraph, si: number, timelineOf: (si: number) => Timeline, state: State): void {
  const start = node.position!.start.offset!;
  const src = text.slice(start, node.position!.end.offset!);
  const firstLine = src.split(/\r?\n/)[0];
  const stated = matchTime(firstLine, state.year)?.time ? undefined : (statedZone(firstLine) ?? bareZone(firstLine));
  if (stated) timelineOf(si).zone ??= stated;
  // Lines of a paragraph that each start with a time ("**09:05** Deploy starts").
  let off = start;
  let prevEntry = false;
  let first = true;
  for (const line of src.split(/(?<=\n)/)) {
    const body = line.replace(/\r?\n$/, '');
    const end = off + body.length;
    let m = matchTime(body, state.year, state.incident);
    const alone = !m?.time ? dateLine(body, state) : undefined;
    if (alone) {
      // A date on a line of its own ("**14th March:**", "_3/16/26_") dates the entries below it.
      state.date = alone;
      state.day = undefined;
      prevEntry = false;
    } else if (m && (m.time || m.date)) {
      addEntry(timelineOf(si), text, off, end, m, state);
      prevEntry = true;
    } else if (DAY_MARKER.test(body)) {
      state.day = dayOf(body, state.day);
    } else if ((first || prevEntry) && (m = matchRelative(body))) {
      addEntry(timelineOf(si), text, off, end, m, state);
      prevEntry = true;
    } else prevEntry = false;
    first = false;
    off += line.length;
  }
}

/**
 * `extra.dates`, when given, stands for the match's own date and month-day (a table's separate date
 * column); passed alongside rather than spread into a copy of the match, which V8 does slowly for
 * match objects of many shapes (it was most of a table row's cost).
 */
function addEntry(
  t: Timeline,
  text: string,
  start: number,
  end: number,
  m: TimeMatch,
  state: State,
  extra?: { text?: string; textSpan?: Span; source?: string; dates?: Pick<TimeMatch, 'date' | 'monthDay'> },
): TimelineEntry {
  const { date, monthDay } = extra?.dates ?? m;
  const timeSpan = { start: start + m.textStart, end: start + m.textEnd };
  const rest = text.slice(Math.min(start + m.length, end), end);
  const restTrim = rest.replace(STRIP_SEPARATOR, '');
  const textStart = end - restTrim.length;
  // `time` stays unset for date-only and relative entries (see the caution on TimelineEntry.time).
  const entry = {
    span: { start, end },
    timeSpan,
    timeText: text.slice(timeSpan.start, timeSpan.end),
    date: date ?? (monthDay ? undefined : state.date),
    zone: m.zone,
    text: extra?.text ?? restTrim.trim(),
    textSpan: extra?.textSpan ?? { start: textStart, end },
    timeline: -1,
  } as TimelineEntry;
  if (m.time) entry.time = m.time;
  if (monthDay) entry.monthDay = monthDay;
  if (!entry.date && state.day !== undefined) entry.day = state.day;
  if (m.vague) entry.vague = m.vague;
  if (m.relative) entry.relative = m.relative;
  if (m.plusDays) entry.plusDays = m.plusDays;
  if (extra?.source) entry.source = extra.source;
  t.entries.push(entry);
  return entry;
}

function cellSpan(cell: { children: Array<{ position?: { start: { offset?: number }; end: { offset?: number } } }> }): Span | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first?.position || !last?.position) return undefined;
  return { start: first.position.start.offset!, end: last.position.end.offset! };
}

/**
 * A header cell without the unit in parentheses that ends it ("Time (UTC)" -> "Time"): what
 * /\s*\([^)]*\)\s*$/ removes from a trimmed cell, read from the end in linear time (the pattern was
 * quadratic on runs of spaces or parentheses).
 */
export function withoutTrailingUnit(h: string): string {
  if (!h.endsWith(')')) return h;
  const open = h.indexOf('(', h.lastIndexOf(')', h.length - 2) + 1);
  return open < 0 || open >= h.length - 1 ? h : h.slice(0, open).trimEnd();
}

function tableEntries(text: string, table: Table, t: Timeline, state: State): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const titles = header.children.map((c) => toString(c).trim());
  // A column named for the time wins over a date column ("| Date | Time (UTC) | Event |").
  let timeCol = titles.findIndex((h) => TIME_HEADER.test(h) && !/^(?:date|day)$/i.test(withoutTrailingUnit(h)));
  if (timeCol < 0) timeCol = titles.findIndex((h) => TIME_HEADER.test(h));
  if (timeCol < 0) timeCol = 0;
  const sourceCol = titles.findIndex((h) => SOURCE_HEADER.test(h));
  let eventCol = titles.findIndex((h, i) => i !== timeCol && EVENT_HEADER.test(h));
  if (eventCol < 0) eventCol = titles.findIndex((_, i) => i !== timeCol && i !== sourceCol);
  const headerCell = header.children[timeCol];
  const headerZone = zoneIn(titles[timeCol] ?? '') ?? titles.map((h) => (/\b(?:time|zone|tz)\b/i.test(h) ? zoneIn(h) : undefined)).find(Boolean);
  if (headerZone) t.zone ??= headerZone;
  if (headerCell && t.entries.length === 0) t.timeHeader = cellSpan(headerCell) ?? spanOf(headerCell);
  t.form = t.entries.length === 0 ? 'table' : t.form;
  // A separate date column next to a time column.
  const dateCol = titles.findIndex((h, i) => i !== timeCol && /^(?:date|day)\b/i.test(h));
  for (const row of rows) {
    const cell = row.children[timeCol];
    if (!cell) continue;
    const cs = cellSpan(cell);
    if (!cs) continue;
    const cellText = text.slice(cs.start, cs.end);
    let m = matchTime(cellText, state.year, state.incident) ?? clockDigits(cellText);
    if (m && !m.time && m.length < cellText.length && /[\p{L}\p{N}]/u.test(cellText.slice(m.length))) {
      // The cell says more than a date ("March 3, after the deploy"): not an entry.
      m = undefined;
    }
    if (!m || (!m.time && !m.date)) m = matchRelative(cellText);
    if (!m) continue;
    let date = m.date;
    let monthDay = m.monthDay;
    if (!date && dateCol >= 0 && row.children[dateCol]) {
      const dateText = toString(row.children[dateCol]);
      const d = matchTime(dateText, state.year, state.incident);
      date = d?.date ?? readDateLine(dateText, state.incident)?.date;
      monthDay ??= d?.monthDay;
    }
    if (!m.time && !m.relative && date && dateCol < 0) state.date = date;
    const ev = eventCol >= 0 ? row.children[eventCol] : undefined;
    const evSpan = ev ? cellSpan(ev) : undefined;
    const src = sourceCol >= 0 && row.children[sourceCol] ? toString(row.children[sourceCol]).trim() : undefined;
    const e = addEntry(t, text, cs.start, cs.end, m, state, {
      dates: { date, monthDay },
      text: ev ? toString(ev).trim() : '',
      textSpan: evSpan ?? { start: cs.end, end: cs.end },
      source: src || undefined,
    });
    e.span = spanOf(row);
  }
}

function listEntries(text: string, list: List, si: number, timelineOf: (si: number) => Timeline, state: State): void {
  for (const item of list.children as ListItem[]) {
    const first = item.children[0];
    if (!first || first.type !== 'paragraph' || !first.position) continue;
    const start = first.position.start.offset!;
    const lineEnd = lineEndAt(text, start, first.position.end.offset!);
    const line = text.slice(start, lineEnd);
    let m = matchTime(line, state.year, state.incident);
    const alone = !m?.time ? dateLine(line, state) : undefined;
    if (alone) {
      // A date on its own ("- 2026-03-15", "- March 15th:") heads the nested entries.
      state.date = alone;
      state.day = undefined;
    } else if (m && (m.time || m.date)) {
      const e = addEntry(timelineOf(si), text, start, lineEnd, m, state);
      e.span = { start: item.position!.start.offset!, end: lineEnd };
    } else if (DAY_MARKER.test(line)) {
      state.day = dayOf(line, state.day);
    } else if ((m = matchRelative(line))) {
      const e = addEntry(timelineOf(si), text, start, lineEnd, m, state);
      e.span = { start: item.position!.start.offset!, end: lineEnd };
    }
    for (const child of item.children) {
      if (child.type === 'list') listEntries(text, child, si, timelineOf, state);
    }
  }
}

/** A time column's "0930" / "2145" (24-hour, no colon): a time only where the column says so. */
function clockDigits(cell: string): TimeMatch | undefined {
  const m = /^([\s*_`]*)([01]\d|2[0-3])([0-5]\d)(?:\s*(?:h|hrs))?[\s*_`]*$/.exec(cell);
  if (!m) return undefined;
  return { length: m[0].length, textStart: m[1].length, textEnd: m[1].length + 4, time: { hour: +m[2], minute: +m[3] } };
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
