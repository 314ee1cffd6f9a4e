/**
 * Due dates of action items: from what a postmortem writes ("2026-03-15", "by March 15", "15 Mar",
 * "next Friday", "end of Q2", "EOM") to a calendar date, resolved against the incident date.
 *
 * Why chrono-node: it is the maintained natural-language date parser for JavaScript (MIT, no runtime
 * dependencies, CommonJS and ESM builds that esbuild bundles as they are), it covers the casual forms
 * people write in a Due column (month names either side of the day, weekdays, "next week", "end of
 * March", "in two weeks"), it reports which components were written and which were implied, and it
 * takes the reference instant as an argument, so the core never reads the clock. Only its English
 * locale is imported, to keep the bundle small. Quarters and the EOW/EOM/EOQ/EOY shorthands, which
 * chrono does not read, are added as custom parsers below.
 *
 * Everything here works on calendar dates (YYYY-MM-DD strings). chrono's results are read by their
 * components (year, month, day), never as instants, so the machine's time zone cannot shift a date.
 */
import * as chrono from 'chrono-node/en';
import type { AnalyzeOptions } from '../types';
import { trimEndWhere } from './regexp';

export type IsoDate = string;

export type DueResolution =
  /** A calendar date was read. `exact` is false for dates implied by a month or quarter ("by March" is its last day). */
  | { kind: 'date'; date: IsoDate; exact: boolean }
  /** Nothing written, or a word that says no date ("ASAP", "soon", "later", "TBD"). */
  | { kind: 'none'; word?: string }
  /** Text that could not be read as a date ("after the freeze", "next sprint"), or a relative date with no incident date to resolve it against. */
  | { kind: 'unresolved'; text: string; needsReference: boolean };

/** Words that stand where a date should be but name none. */
export const NO_DATE_WORDS =
  /^(?:|-+|—|–|\?+|asap|a\.s\.a\.p\.?|soon|sooner|later|tbd|tbc|tba|n\/?a|none|unknown|unscheduled|ongoing|eventually|someday|some day|future|in the future|when possible|whenever|next|todo|to do|pending|\[due(?: date)?\]|<due(?: date)?>|yyyy-mm-dd|date)$/i;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const m = ISO.exec(date)!;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + days));
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const pa = ISO.exec(a)!;
  const pb = ISO.exec(b)!;
  return Math.round((Date.UTC(+pb[1], +pb[2] - 1, +pb[3]) - Date.UTC(+pa[1], +pa[2] - 1, +pa[3])) / 86_400_000);
}

/** The last day of the calendar quarter holding `date`. */
export function quarterEnd(date: IsoDate): IsoDate {
  const m = ISO.exec(date)!;
  const q = Math.floor((+m[2] - 1) / 3);
  const month = q * 3 + 3;
  return isoOf(+m[1], month, lastDayOfMonth(+m[1], month));
}

// ---------------------------------------------------------------------------------------------
// chrono, with the deadline shorthands it does not know
// ---------------------------------------------------------------------------------------------

type Components = { year: number; month: number; day: number };

/** chrono components with the year marked as written (certain) or implied by the reference. */
function components(ctx: Parameters<chrono.Parser['extract']>[0], c: Components, yearWritten: boolean): chrono.ParsingComponents {
  const out = ctx.createParsingComponents({ month: c.month, day: c.day });
  if (yearWritten) out.assign('year', c.year);
  else out.imply('year', c.year);
  return out;
}

function refParts(ref: Date): { year: number; month: number; day: number } {
  return { year: ref.getFullYear(), month: ref.getMonth() + 1, day: ref.getDate() };
}

/** The first quarter end on or after the reference when no year is written. */
function quarterComponents(q: number, year: number | undefined, ref: Date): Components {
  const r = refParts(ref);
  let y = year ?? r.year;
  const month = q * 3;
  if (year === undefined && isoOf(y, month, lastDayOfMonth(y, month)) < isoOf(r.year, r.month, r.day)) y++;
  return { year: y, month, day: lastDayOfMonth(y, month) };
}

const parser = chrono.casual.clone();
parser.parsers.push(
  {
    // "Q2", "end of Q2", "Q3 2026", "2026 Q3", "Q3/2026", "FY26 Q1" is left alone (fiscal years differ).
    pattern: () => /(?<![\w-])(?:(?:the\s+)?end\s+of\s+|eo)?(?:(\d{4})\s*)?q([1-4])(?:\s*(?:\/\s*)?(\d{4}))?(?![\w-])/i,
    extract: (ctx, m) => {
      const year = m[1] ? +m[1] : m[3] ? +m[3] : undefined;
      return components(ctx, quarterComponents(+m[2], year, ctx.reference.instant), year !== undefined);
    },
  },
  {
    // "H1 2027", "end of H2": the last day of that half-year.
    pattern: () => /(?<![\w-])(?:(?:the\s+)?end\s+of\s+)?h([12])(?:\s*(?:\/\s*)?(\d{4}))?(?![\w-])/i,
    extract: (ctx, m) => {
      const r = refParts(ctx.reference.instant);
      const month = +m[1] * 6;
      let y = m[2] ? +m[2] : r.year;
      if (!m[2] && isoOf(y, month, 30 + (month === 12 ? 1 : 0)) < isoOf(r.year, r.month, r.day)) y++;
      return components(ctx, { year: y, month, day: month === 12 ? 31 : 30 }, !!m[2]);
    },
  },
  {
    // "end of quarter", "EOQ", "end of this quarter", "end of the quarter"
    pattern: () => /(?<![\w-])(?:eoq|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?quarter)(?![\w-])/i,
    extract: (ctx) => {
      const r = refParts(ctx.reference.instant);
      return components(ctx, quarterComponents(Math.floor((r.month - 1) / 3) + 1, r.year, ctx.reference.instant), false);
    },
  },
  {
    // "EOY", "end of year", "end of the year", "end of 2026"
    pattern: () => /(?<![\w-])(?:eoy|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:year|(\d{4})))(?![\w-])/i,
    extract: (ctx, m) => {
      const y = m[1] ? +m[1] : refParts(ctx.reference.instant).year;
      return components(ctx, { year: y, month: 12, day: 31 }, !!m[1]);
    },
  },
  {
    // "EOM", "end of month", "end of the month", "end of this month"
    pattern: () => /(?<![\w-])(?:eom|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month)(?![\w-])/i,
    extract: (ctx) => {
      const r = refParts(ctx.reference.instant);
      return components(ctx, { year: r.year, month: r.month, day: lastDayOfMonth(r.year, r.month) }, false);
    },
  },
  {
    // "EOW", "end of week", "end of this week": the Friday of the reference's week.
    pattern: () => /(?<![\w-])(?:eow|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week)(?![\w-])/i,
    extract: (ctx) => {
      const ref = ctx.reference.instant;
      const delta = (5 - ref.getDay() + 7) % 7;
      const d = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() + delta, 12);
      return components(ctx, { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() }, false);
    },
  },
);

/** Words that make chrono read a date the writer did not mean as a deadline. */
const NOT_A_DEADLINE = /^(?:now|today|tonight|this morning|this evening|yesterday)$/i;

/**
 * Reads a due date. `reference` is the incident date (YYYY-MM-DD): year-less and relative forms are
 * resolved forward from it ("15 Mar" after a November incident is next March). Without a reference,
 * only dates with a written year resolve.
 */
export function resolveDue(raw: string, reference?: IsoDate): DueResolution {
  // Results depend only on the arguments; documents repeat their due values, so remember a few.
  const key = `${reference ?? ''}\u0000${raw}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const r = resolve(raw, reference);
  if (memo.size >= 2000) memo.clear();
  memo.set(key, r);
  return r;
}

const memo = new Map<string, DueResolution>();

function resolve(raw: string, reference?: IsoDate): DueResolution {
  const text = raw
    .replace(/[*_`~]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:due|by|before|until|till|no later than|target|deadline|eta)\s*[:=]?\s*/i, '')
    .replace(/[.;,]$/, '')
    .trim();
  if (NO_DATE_WORDS.test(text)) return { kind: 'none', word: text || undefined };
  const iso = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/.exec(text);
  if (iso && isIsoDate(iso[0])) return { kind: 'date', date: iso[0], exact: true };
  const ym = /^(\d{4})-(\d{2})$/.exec(text);
  if (ym && +ym[2] >= 1 && +ym[2] <= 12) return { kind: 'date', date: isoOf(+ym[1], +ym[2], lastDayOfMonth(+ym[1], +ym[2])), exact: false };
  const hasReference = reference !== undefined && isIsoDate(reference);
  // Noon of the reference day: chrono reads the reference by its local components, and noon keeps a
  // daylight-saving change away from the date line.
  const refDate = hasReference ? new Date(+reference!.slice(0, 4), +reference!.slice(5, 7) - 1, +reference!.slice(8, 10), 12) : new Date(2000, 0, 1, 12);
  let results: chrono.ParsedResult[] = [];
  try {
    results = parser.parse(text, { instant: refDate }, { forwardDate: true });
  } catch {
    results = [];
  }
  const r = results.find((x) => !NOT_A_DEADLINE.test(x.text.trim()));
  if (!r) return { kind: 'unresolved', text, needsReference: false };
  const c = r.start;
  const year = c.get('year');
  const month = c.get('month');
  let day = c.get('day');
  if (year == null || month == null || day == null) return { kind: 'unresolved', text, needsReference: false };
  // Without an incident date only a date with a written year stands on its own ("next Friday" needs one).
  if (!hasReference && !(c.isCertain('year') && /\b\d{4}\b/.test(r.text))) return { kind: 'unresolved', text, needsReference: true };
  let exact = true;
  // A month without a day ("by March", "December 2026") is a deadline at the month's end; "mid-March" its 15th.
  if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday')) {
    day = /\bmid(?:dle of)?[\s-]/i.test(text) ? 15 : lastDayOfMonth(year, month);
    exact = false;
  }
  if (/\b[qh][1-4]\b|quarter|eoq|eoy|end of (?:the |this )?year/i.test(r.text)) exact = false;
  return { kind: 'date', date: isoOf(year, month, day), exact };
}

// ---------------------------------------------------------------------------------------------
// Severity windows
// ---------------------------------------------------------------------------------------------

export type Sev = 'SEV-1' | 'SEV-2' | 'SEV-3' | 'SEV-4';

export const DEFAULT_WINDOWS: Record<Sev, number | 'quarter' | undefined> = {
  'SEV-1': 14,
  'SEV-2': 28,
  'SEV-3': 'quarter',
  'SEV-4': undefined,
};

/** The last day an action item of an incident of this severity may be due, or undefined for no window. */
export function windowEnd(
  incidentDate: IsoDate,
  severity: string,
  options: Pick<AnalyzeOptions, 'actionItemWindows'> = {},
): { end: IsoDate; window: number | 'quarter' } | undefined {
  if (!isIsoDate(incidentDate) || !(severity in DEFAULT_WINDOWS)) return undefined;
  const sev = severity as Sev;
  const configured = options.actionItemWindows?.[sev];
  const window = configured !== undefined ? configured : DEFAULT_WINDOWS[sev];
  if (window === undefined) return undefined;
  if (window === 'quarter') return { end: quarterEnd(incidentDate), window };
  if (typeof window !== 'number' || !Number.isFinite(window) || window < 0) return undefined;
  return { end: addDays(incidentDate, Math.floor(window)), window };
}

/** True when the whole of `s` (after "by"/"due") is a date expression: "2026/11/14", "Nov 14", "next Friday", "Q3". */
export function looksLikeDate(s: string): boolean {
  const text = s.replace(/^(?:due|by|before|until)\s*:?\s*/i, '').trim();
  if (!text || text.length > 40) return false;
  try {
    const r = parser.parse(text, { instant: new Date(2000, 0, 3, 12) }, { forwardDate: true })[0];
    return !!r && r.index === 0 && r.text.length >= text.replace(/[.,;]$/, '').length && !NOT_A_DEADLINE.test(r.text.trim());
  } catch {
    return false;
  }
}

/**
 * A whole line that is a date and nothing else ("14th March", "3/16/26", "Tuesday, March 5th"), read
 * by chrono: the calendar date, or the month and day when no year is written and no incident date is
 * known. `reference` (YYYY-MM-DD) is the incident date: a year-less date takes the year nearest it.
 * Undefined when the line says more than a date, or names no day of a month.
 */
export function readDateLine(raw: string, reference?: IsoDate): { date?: IsoDate; monthDay?: string } | undefined {
  const text = trimEndWhere(raw.replace(/[*_`]/g, ' ').replace(/^[\s#([]+/, ''), /[\s:.,)\]]/)
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > 40 || !/\d/.test(text)) return undefined;
  const hasReference = reference !== undefined && isIsoDate(reference);
  const refDate = hasReference ? new Date(+reference!.slice(0, 4), +reference!.slice(5, 7) - 1, +reference!.slice(8, 10), 12) : new Date(2000, 0, 1, 12);
  let r: chrono.ParsedResult | undefined;
  try {
    r = chrono.casual.parse(text, { instant: refDate })[0];
  } catch {
    return undefined;
  }
  if (!r || r.index !== 0 || r.text.length < text.length) return undefined;
  const c = r.start;
  if (!c.isCertain('day') || !c.isCertain('month') || c.isCertain('hour')) return undefined;
  const month = c.get('month')!;
  const day = c.get('day')!;
  if (c.isCertain('year')) return { date: isoOf(c.get('year')!, month, day) };
  if (!hasReference) return { monthDay: `${pad(month)}-${pad(day)}` };
  // The year nearest the incident date.
  const y0 = +reference!.slice(0, 4);
  const at = Date.UTC(y0, +reference!.slice(5, 7) - 1, +reference!.slice(8, 10));
  let best = y0;
  for (const y of [y0 - 1, y0 + 1]) if (Math.abs(Date.UTC(y, month - 1, day) - at) < Math.abs(Date.UTC(best, month - 1, day) - at)) best = y;
  return { date: isoOf(best, month, day) };
}

/**
 * The first full calendar date written in `text` (a title: "Checkout outage — 14 March 2026",
 * "2026-03-14: API errors", "Postmortem for March 3rd, 2026"), read by chrono: day, month and year
 * all written. Its place in `text` comes with it.
 */
export function findFullDate(text: string): { date: IsoDate; index: number; length: number } | undefined {
  if (!/\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}/.test(text) || text.length > 300) return undefined;
  let results: chrono.ParsedResult[] = [];
  try {
    results = chrono.casual.parse(text, { instant: new Date(2000, 0, 1, 12) });
  } catch {
    return undefined;
  }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) continue;
    const date = isoOf(c.get('year')!, c.get('month')!, c.get('day')!);
    if (isIsoDate(date)) return { date, index: r.index, length: r.text.length };
  }
  return undefined;
}
