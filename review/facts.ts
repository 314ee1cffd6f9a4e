/**
 * What the cross-postmortem features need from one analysed postmortem, as plain serialisable data:
 * the workspace index caches it by content, the report aggregates it, the Action Items view and the
 * similar-incidents ranking read it. Built once per analysis from the model and findings; nothing here
 * depends on today's date, so facts stay valid until the text changes.
 */
import {
  isIsoDate,
  resolveDue,
  actionTypeOf,
  findTicket,
  LineIndex,
  incidentDate,
  statusOf,
  NO_OWNER,
  type AnalysisResult,
  type PostmortemModel,
  type Span,
} from '../core';
import { DIMENSION_RULES } from '../features/quality';
import { timelineMilestones } from '../features/modelSummaries';

/** A 0-based line/UTF-16 character range, as LSP counts. */
export interface FactRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ActionItemFact {
  text: string;
  /** The owner as written (markup removed); undefined when nobody is named ("TBD", empty, no owner field). */
  owner?: string;
  /** The due value as written. */
  due?: string;
  /** The due date resolved against the incident date (core/language/dates.ts), when it can be read. */
  dueDate?: string;
  /** done: checked or a done status; open: unchecked or an open status; unknown: nothing says. */
  status: 'done' | 'open' | 'unknown';
  /** prevent | detect | mitigate | process | document, when the type is written. */
  type?: string;
  ticket?: string;
  /** The item's row or first line. */
  range: FactRange;
}

export interface StatementFact {
  text: string;
  range: FactRange;
}

export interface PostmortemFacts {
  /** How the caller names the file (a workspace-relative path, a CLI path). */
  path: string;
  title: string;
  /** The incident date (YYYY-MM-DD): metadata date, else a date in the file name, else the first dated timeline entry. */
  date?: string;
  dateSource?: 'metadata' | 'file name' | 'timeline';
  /** SEV-1 … SEV-4 when the metadata names one. */
  severity?: string;
  /** draft | in review | final when the metadata names one. */
  status?: string;
  actionItems: ActionItemFact[];
  contributingFactors: StatementFact[];
  /** Root-cause statements and the conclusions of 5 Whys chains (duplicates removed). */
  rootCauses: StatementFact[];
  /** Minutes from the first timed timeline entry to the first entry naming detection; undefined when it cannot be read. */
  timeToDetect?: number;
  /** Minutes from the first timed timeline entry to the first entry naming resolution. */
  timeToResolve?: number;
  /** Findings of the blamelessness rules (blame-language, person-as-cause, hindsight-bias). */
  blameFindings: number;
  /** The same, by rule id. */
  blameByRule: Record<string, number>;
  /** Set when the file was not analysed (too large, binary). */
  skipped?: string;
}

export const BLAME_RULES: readonly string[] = DIMENSION_RULES.blamelessness;

const clean = (s: string) => s.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();

function rangeOf(lines: LineIndex, span: Span): FactRange {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

/** A YYYY-MM-DD date at the start of a file name ("2026-03-09-queue-backlog.md"), or anywhere in it. */
export function dateFromPath(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const m = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(name);
  return m && isIsoDate(m[0]) ? m[0] : undefined;
}

function firstTimelineDate(model: PostmortemModel): string | undefined {
  for (const t of model.timelines) for (const e of t.entries) if (e.date && isIsoDate(e.date)) return e.date;
  return undefined;
}

/** The title: metadata title, else the first top-level heading, else the file name without extension. */
function titleOf(model: PostmortemModel, path: string): string {
  const meta = model.metadata.fields.title?.value;
  if (typeof meta === 'string' && meta.trim()) return clean(meta);
  // A heading that is only a label ("# Title:") names nothing.
  if (model.title?.text.trim() && !/^[\p{L} ]{1,20}:$/u.test(clean(model.title.text))) return clean(model.title.text);
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  return name.replace(/\.(?:md|markdown)$/i, '') || path;
}

/** Milestone minutes from the first timeline whose entries can be measured. */
function milestoneMinutes(model: PostmortemModel, kind: 'detected' | 'resolved'): number | undefined {
  for (let i = 0; i < model.timelines.length; i++) {
    const m = timelineMilestones(model, i)[kind]?.minutes;
    if (m !== undefined && m >= 0) return m;
  }
  return undefined;
}

export function postmortemFacts(path: string, text: string, result: AnalysisResult): PostmortemFacts {
  const { model } = result;
  const lines = new LineIndex(text);
  const metaDate = incidentDate(model);
  const nameDate = metaDate ? undefined : dateFromPath(path);
  const timelineDate = metaDate || nameDate ? undefined : firstTimelineDate(model);
  const date = metaDate ?? nameDate ?? timelineDate;
  const dateSource = metaDate ? 'metadata' : nameDate ? 'file name' : timelineDate ? 'timeline' : undefined;
  const severity = model.metadata.fields.severity?.value;
  const status = model.metadata.fields.status?.value;
  const reference = metaDate ?? date;

  const actionItems: ActionItemFact[] = model.actionItems.map((item) => {
    const ownerRaw = item.fields.owner ? clean(item.fields.owner.value) : undefined;
    const owner = ownerRaw !== undefined && !NO_OWNER.test(ownerRaw) ? ownerRaw : undefined;
    const dueRaw = item.fields.due ? clean(item.fields.due.value) : undefined;
    const resolved = dueRaw ? resolveDue(dueRaw, reference) : undefined;
    const ticketField = item.fields.ticket ? clean(item.fields.ticket.value) : undefined;
    const ticket = ticketField || findTicket(item.text)?.text;
    const type = actionTypeOf(item.fields.type?.value);
    return {
      text: clean(item.text),
      ...(owner ? { owner } : {}),
      ...(dueRaw ? { due: dueRaw } : {}),
      ...(resolved?.kind === 'date' ? { dueDate: resolved.date } : {}),
      status: statusOf(item),
      ...(type ? { type } : {}),
      ...(ticket ? { ticket } : {}),
      range: rangeOf(lines, item.span),
    };
  });

  const statements = (list: Array<{ text: string; span: Span }>): StatementFact[] => {
    const seen = new Set<string>();
    const out: StatementFact[] = [];
    for (const s of list) {
      const t = clean(s.text);
      const key = t.toLowerCase();
      if (!t || seen.has(key)) continue;
      seen.add(key);
      out.push({ text: t, range: rangeOf(lines, s.span) });
    }
    return out;
  };
  const chainRoots = model.fiveWhys.flatMap((c) => (c.rootCause ? [c.rootCause] : []));

  const blameByRule: Record<string, number> = {};
  for (const f of result.findings) if (BLAME_RULES.includes(f.rule)) blameByRule[f.rule] = (blameByRule[f.rule] ?? 0) + 1;
  const ttd = milestoneMinutes(model, 'detected');
  const ttr = milestoneMinutes(model, 'resolved');

  return {
    path,
    title: titleOf(model, path),
    ...(date ? { date, dateSource } : {}),
    ...(typeof severity === 'string' ? { severity } : {}),
    ...(typeof status === 'string' ? { status } : {}),
    actionItems,
    contributingFactors: statements(model.contributingFactors),
    rootCauses: statements([...model.rootCauses, ...chainRoots]),
    ...(ttd !== undefined ? { timeToDetect: ttd } : {}),
    ...(ttr !== undefined ? { timeToResolve: ttr } : {}),
    blameFindings: Object.values(blameByRule).reduce((a, b) => a + b, 0),
    blameByRule,
    ...(result.skipped ? { skipped: result.skipped } : {}),
  };
}

/**
 * True when the model reads as a postmortem: it declares itself one, or it has at least two of the
 * sections only postmortems have (timeline, root causes, contributing factors, action items, impact).
 * The CLI's report uses it to leave a README or an index page out.
 */
export function looksLikePostmortem(model: PostmortemModel): boolean {
  const kinds = new Set(model.sections.map((s) => s.kind));
  const found = ['timeline', 'root-causes', 'contributing-factors', 'action-items', 'impact'].filter((k) => kinds.has(k as never)).length;
  return found >= 2 || model.declaresPostmortem;
}

/**
 * True for a README or index page ("README.md", "docs/index.md"): beside postmortems, such a page is
 * often titled "Postmortems" and would read as one; the report and the workspace index leave it out.
 */
export function isIndexPage(path: string): boolean {
  return /(?:^|[\\/])(?:readme|index|contributing|changelog|license)\.(?:md|markdown)$/i.test(path);
}
