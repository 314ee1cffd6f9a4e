/**
 * The quarterly review in figures: many postmortems' facts (facts.ts) -> one report. Pure: today's
 * date and the period come in as options. The Markdown and JSON renderers (markdown.ts, json.ts) only
 * lay this data out; every figure is computed here.
 */
import { addDays, daysBetween, isIsoDate } from '../core';
import { bucketOf, pastDueWithoutStatus } from './actionItemStatus';
import { UNCATEGORISED } from './categories';
import { categoriesOf, clusterFactors, type FactorInput } from './factors';
import type { PostmortemFacts } from './facts';

export interface ReportOptions {
  /** Today's date (YYYY-MM-DD): overdue and closure are counted against it. */
  today: string;
  /** Only postmortems whose incident date is on or after this day (YYYY-MM-DD). */
  since?: string;
  /** Only postmortems whose incident date is on or before this day (YYYY-MM-DD). */
  until?: string;
}

/** Days before today whose due items make the closure rate. */
export const CLOSURE_WINDOW_DAYS = 90;

export interface PostmortemRef {
  path: string;
  title: string;
  date?: string;
}

/** Median and spread of a set of durations in minutes. */
export interface DurationStats {
  /** Postmortems the figure could be read from. */
  count: number;
  median?: number;
  min?: number;
  max?: number;
  /** First and third quartiles (linear interpolation between the sorted values). */
  p25?: number;
  p75?: number;
}

export interface OverdueItem {
  text: string;
  owner?: string;
  due?: string;
  dueDate: string;
  daysOverdue: number;
  postmortem: PostmortemRef;
  line: number;
}

export interface RecurringFactor {
  /** The statement that best represents the group. */
  label: string;
  /** Word stems the statements share. */
  shared: string[];
  postmortems: PostmortemRef[];
  statements: Array<{ text: string; path: string; kind: 'contributing factor' | 'root cause' }>;
}

/** A category and how often it comes up; sorted by postmortems, Uncategorised last. */
export interface CategoryCount {
  name: string;
  /** Postmortems with at least one factor or root cause in the category. */
  postmortems: number;
  /** Statements in the category. */
  statements: number;
  paths: string[];
}

export interface ReportPostmortem extends PostmortemRef {
  severity?: string;
  status?: string;
  actionItems: { total: number; open: number; done: number; overdue: number };
  blameFindings: number;
  blameByRule: Record<string, number>;
  timeToDetect?: number;
  timeToResolve?: number;
  skipped?: string;
}

export interface ReportData {
  version: 1;
  today: string;
  period: { since?: string; until?: string };
  /** Postmortems in the report. */
  postmortems: number;
  /** Postmortems left out: outside the period, or without a readable date while a period is set. */
  excluded: { outsidePeriod: number; undated: number };
  /** SEV-1 … SEV-4 and "unknown", each present even at 0. */
  bySeverity: Record<string, number>;
  /** draft, in review, final and "unknown", each present even at 0. */
  byStatus: Record<string, number>;
  actionItems: {
    total: number;
    /** Not done (overdue and due soon included). */
    open: number;
    done: number;
    overdue: number;
    /** Not done, due today or within 14 days. */
    dueSoon: number;
    /** Past their due date, with no status or checkbox saying whether they are done (counted as open, not overdue). */
    pastDueWithoutStatus: number;
    /** Not done and without an owner. */
    openWithoutOwner: number;
    /** Not done and without a due date that can be read. */
    openWithoutDueDate: number;
  };
  closure: {
    /** The window: due on or after `from` and before `to` (today). */
    from: string;
    to: string;
    due: number;
    done: number;
    /** done / due, or null when nothing was due. */
    rate: number | null;
  };
  overdue: OverdueItem[];
  recurringFactors: RecurringFactor[];
  categories: CategoryCount[];
  timeToDetect: DurationStats;
  timeToResolve: DurationStats;
  blame: {
    total: number;
    /** Postmortems with at least one blame finding. */
    postmortemsWithBlame: number;
    /** By month of the incident (YYYY-MM, "undated" last), in time order. */
    byMonth: Array<{ month: string; postmortems: number; findings: number }>;
  };
  /** Every postmortem in the report, by date (undated last), then path. */
  list: ReportPostmortem[];
}

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export const STATUSES = ['draft', 'in review', 'final'] as const;

function quantile(sorted: number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function durationStats(values: number[]): DurationStats {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { count: 0 };
  return { count: v.length, median: quantile(v, 0.5), min: v[0], max: v[v.length - 1], p25: quantile(v, 0.25), p75: quantile(v, 0.75) };
}

const byDateThenPath = (a: PostmortemRef, b: PostmortemRef) =>
  a.date && b.date
    ? (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)
    : a.date
      ? -1
      : b.date
        ? 1
        : a.path < b.path
          ? -1
          : a.path > b.path
            ? 1
            : 0;

/** The postmortems inside the period, and how many were left out and why. */
export function selectPeriod(
  all: readonly PostmortemFacts[],
  opts: Pick<ReportOptions, 'since' | 'until'>,
): { selected: PostmortemFacts[]; outsidePeriod: number; undated: number } {
  const period = !!(opts.since || opts.until);
  const selected: PostmortemFacts[] = [];
  let outsidePeriod = 0;
  let undated = 0;
  for (const f of all) {
    if (!period) selected.push(f);
    else if (!f.date) undated++;
    else if ((opts.since && f.date < opts.since) || (opts.until && f.date > opts.until)) outsidePeriod++;
    else selected.push(f);
  }
  return { selected, outsidePeriod, undated };
}

export function buildReport(all: readonly PostmortemFacts[], opts: ReportOptions): ReportData {
  const today = opts.today;
  const { selected, outsidePeriod, undated } = selectPeriod(all, opts);
  const facts = [...selected].sort(byDateThenPath);
  const ref = (f: PostmortemFacts): PostmortemRef => ({ path: f.path, title: f.title, ...(f.date ? { date: f.date } : {}) });

  const bySeverity: Record<string, number> = Object.fromEntries([...SEVERITIES, 'unknown'].map((s) => [s, 0]));
  const byStatus: Record<string, number> = Object.fromEntries([...STATUSES, 'unknown'].map((s) => [s, 0]));
  for (const f of facts) {
    const sev = f.severity && f.severity in bySeverity ? f.severity : 'unknown';
    bySeverity[sev]++;
    const st = f.status && f.status in byStatus ? f.status : 'unknown';
    byStatus[st]++;
  }

  const items = { total: 0, open: 0, done: 0, overdue: 0, dueSoon: 0, pastDueWithoutStatus: 0, openWithoutOwner: 0, openWithoutDueDate: 0 };
  const closureFrom = isIsoDate(today) ? addDays(today, -CLOSURE_WINDOW_DAYS) : today;
  const closure = { from: closureFrom, to: today, due: 0, done: 0, rate: null as number | null };
  const overdue: OverdueItem[] = [];
  const list: ReportPostmortem[] = [];
  for (const f of facts) {
    const counts = { total: 0, open: 0, done: 0, overdue: 0 };
    for (const item of f.actionItems) {
      const bucket = bucketOf(item, today);
      counts.total++;
      items.total++;
      if (bucket === 'done') {
        counts.done++;
        items.done++;
      } else {
        counts.open++;
        items.open++;
        if (!item.owner) items.openWithoutOwner++;
        if (!item.dueDate) items.openWithoutDueDate++;
      }
      if (bucket === 'overdue') {
        counts.overdue++;
        items.overdue++;
        overdue.push({
          text: item.text,
          ...(item.owner ? { owner: item.owner } : {}),
          ...(item.due ? { due: item.due } : {}),
          dueDate: item.dueDate!,
          daysOverdue: daysBetween(item.dueDate!, today),
          postmortem: ref(f),
          line: item.range.start.line + 1,
        });
      }
      if (bucket === 'soon') items.dueSoon++;
      if (pastDueWithoutStatus(item, today)) items.pastDueWithoutStatus++;
      if (item.dueDate && item.dueDate >= closureFrom && item.dueDate < today) {
        closure.due++;
        if (bucket === 'done') closure.done++;
      }
    }
    list.push({
      ...ref(f),
      ...(f.severity ? { severity: f.severity } : {}),
      ...(f.status ? { status: f.status } : {}),
      actionItems: counts,
      blameFindings: f.blameFindings,
      blameByRule: f.blameByRule,
      ...(f.timeToDetect !== undefined ? { timeToDetect: f.timeToDetect } : {}),
      ...(f.timeToResolve !== undefined ? { timeToResolve: f.timeToResolve } : {}),
      ...(f.skipped ? { skipped: f.skipped } : {}),
    });
  }
  closure.rate = closure.due ? closure.done / closure.due : null;
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.postmortem.path.localeCompare(b.postmortem.path) || a.line - b.line);

  // Contributing factors and root causes: recurring groups and categories.
  const inputs: Array<FactorInput & { kind: 'contributing factor' | 'root cause' }> = [];
  for (const f of facts) {
    for (const s of f.contributingFactors) inputs.push({ postmortem: f.path, text: s.text, kind: 'contributing factor' });
    for (const s of f.rootCauses) inputs.push({ postmortem: f.path, text: s.text, kind: 'root cause' });
  }
  const byPath = new Map(facts.map((f) => [f.path, f]));
  const recurringFactors: RecurringFactor[] = clusterFactors(inputs)
    .filter((c) => c.postmortems.length >= 2)
    .map((c) => ({
      label: c.label,
      shared: c.shared,
      postmortems: c.postmortems.map((p) => ref(byPath.get(p)!)).sort(byDateThenPath),
      statements: c.members.map((m) => ({ text: m.text, path: m.postmortem, kind: (m as (typeof inputs)[number]).kind })),
    }));

  const cats = new Map<string, { statements: number; paths: Set<string> }>();
  for (const input of inputs) {
    for (const name of categoriesOf(input.text)) {
      let c = cats.get(name);
      if (!c) cats.set(name, (c = { statements: 0, paths: new Set() }));
      c.statements++;
      c.paths.add(input.postmortem);
    }
  }
  const categories: CategoryCount[] = [...cats.entries()]
    .map(([name, c]) => ({ name, postmortems: c.paths.size, statements: c.statements, paths: facts.map((f) => f.path).filter((p) => c.paths.has(p)) }))
    // Uncategorised last: it says where the keyword table falls short, not what recurs.
    .sort(
      (a, b) =>
        +(a.name === UNCATEGORISED) - +(b.name === UNCATEGORISED) ||
        b.postmortems - a.postmortems ||
        b.statements - a.statements ||
        a.name.localeCompare(b.name),
    );

  const months = new Map<string, { postmortems: number; findings: number }>();
  for (const f of facts) {
    const month = f.date ? f.date.slice(0, 7) : 'undated';
    let m = months.get(month);
    if (!m) months.set(month, (m = { postmortems: 0, findings: 0 }));
    m.postmortems++;
    m.findings += f.blameFindings;
  }
  const byMonth = [...months.entries()]
    .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a.localeCompare(b)))
    .map(([month, m]) => ({ month, ...m }));

  return {
    version: 1,
    today,
    period: { ...(opts.since ? { since: opts.since } : {}), ...(opts.until ? { until: opts.until } : {}) },
    postmortems: facts.length,
    excluded: { outsidePeriod, undated },
    bySeverity,
    byStatus,
    actionItems: items,
    closure,
    overdue,
    recurringFactors,
    categories,
    timeToDetect: durationStats(facts.flatMap((f) => (f.timeToDetect !== undefined ? [f.timeToDetect] : []))),
    timeToResolve: durationStats(facts.flatMap((f) => (f.timeToResolve !== undefined ? [f.timeToResolve] : []))),
    blame: {
      total: facts.reduce((n, f) => n + f.blameFindings, 0),
      postmortemsWithBlame: facts.filter((f) => f.blameFindings > 0).length,
      byMonth,
    },
    list,
  };
}
