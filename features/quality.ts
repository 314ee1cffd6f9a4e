/**
 * A short quality summary of a postmortem on the five dimensions reviewers judge it by, computed from
 * the findings of each rule family and from the model: timeline completeness, root-cause depth,
 * action-item quality, blamelessness and follow-through. The editor shows it as a language status
 * item. Pure: everything comes from an AnalysisResult (and today's date for the item counts).
 */
import { actionItemSummary, timelineMilestones, type MilestoneKind } from './modelSummaries';
import type { AnalysisResult, Finding } from '../core';

export type QualityDimensionId = 'timeline' | 'root-cause' | 'action-items' | 'blamelessness' | 'follow-through';
/** good: nothing to improve; fair: one or two things; poor: an error or three things or more; absent: nothing to judge yet. */
export type QualityGrade = 'good' | 'fair' | 'poor' | 'absent';

export interface QualityDimension {
  id: QualityDimensionId;
  label: string;
  grade: QualityGrade;
  /** Findings of the dimension's rules. */
  findings: number;
  /** One line: what was counted and what is missing. */
  summary: string;
}

export interface QualitySummary {
  dimensions: QualityDimension[];
  /** Dimensions graded good. */
  good: number;
  /** All findings of the document, in any dimension or none. */
  findings: number;
  /** Findings shown as hints because the postmortem is a draft (what is not written yet). */
  softened: number;
}

export const DIMENSION_LABELS: Record<QualityDimensionId, string> = {
  timeline: 'Timeline completeness',
  'root-cause': 'Root-cause depth',
  'action-items': 'Action-item quality',
  blamelessness: 'Blamelessness',
  'follow-through': 'Follow-through',
};

/** Rule families, by rule id. Rules not listed fall into a family by their id prefix (see `dimensionOf`). */
export const DIMENSION_RULES: Record<QualityDimensionId, readonly string[]> = {
  timeline: ['timeline-timezone', 'timeline-order', 'timeline-vague-time'],
  'root-cause': ['five-whys-shallow', 'human-error-root-cause', 'contributing-factor-vague'],
  'action-items': [
    'action-item-vague',
    'action-item-owner-missing',
    'action-item-owner-team',
    'action-item-due-missing',
    'action-item-type-missing',
    'action-item-ticket-missing',
  ],
  blamelessness: ['blame-language', 'person-as-cause', 'hindsight-bias'],
  'follow-through': ['action-item-overdue', 'action-item-due-window'],
};

const BY_RULE = new Map<string, QualityDimensionId>();
for (const [dim, rules] of Object.entries(DIMENSION_RULES) as Array<[QualityDimensionId, readonly string[]]>) for (const r of rules) BY_RULE.set(r, dim);

/** The dimension a rule's findings count against, or undefined (structure, metadata, suppressions). */
export function dimensionOf(rule: string): QualityDimensionId | undefined {
  const listed = BY_RULE.get(rule);
  if (listed) return listed;
  if (rule.startsWith('timeline-')) return 'timeline';
  if (rule.startsWith('action-item-')) return 'action-items';
  if (rule.startsWith('five-whys-') || rule.startsWith('root-cause-')) return 'root-cause';
  return undefined;
}

export function grade(issues: number, hasError: boolean): QualityGrade {
  if (hasError || issues >= 3) return 'poor';
  return issues > 0 ? 'fair' : 'good';
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function qualitySummary(result: AnalysisResult, today?: string): QualitySummary {
  const { model } = result;
  const byDim = new Map<QualityDimensionId, Finding[]>();
  for (const f of result.findings) {
    const d = dimensionOf(f.rule);
    if (!d) continue;
    const list = byDim.get(d) ?? [];
    list.push(f);
    byDim.set(d, list);
  }
  const make = (id: QualityDimensionId, parts: string[], extraIssues = 0, absent = false): QualityDimension => {
    const fs = byDim.get(id) ?? [];
    const findingsPart = fs.length ? plural(fs.length, 'finding') : undefined;
    return {
      id,
      label: DIMENSION_LABELS[id],
      grade: absent
        ? 'absent'
        : grade(
            fs.length + extraIssues,
            fs.some((f) => f.severity === 'error'),
          ),
      findings: fs.length,
      summary: [...parts, ...(findingsPart ? [findingsPart] : [])].join(' · '),
    };
  };

  // Timeline: entries, and the milestones a reader looks for.
  const entries = model.timelines.reduce((n, t) => n + t.entries.length, 0);
  let timeline: QualityDimension;
  if (!entries) timeline = make('timeline', ['no timeline entries yet'], 0, true);
  else {
    const found = new Set<MilestoneKind>();
    model.timelines.forEach((_, i) => {
      const m = timelineMilestones(model, i);
      for (const k of ['detected', 'mitigated', 'resolved'] as const) if (m[k]) found.add(k);
    });
    const names: Record<MilestoneKind, string> = { detected: 'detection', mitigated: 'mitigation', resolved: 'resolution' };
    const missing = (['detected', 'mitigated', 'resolved'] as const).filter((k) => !found.has(k)).map((k) => names[k]);
    timeline = make('timeline', [plural(entries, 'entry', 'entries'), ...(missing.length ? [`no ${missing.join(', ')} entry`] : [])], missing.length);
  }

  // Root causes: chains and how deep they go.
  const chains = model.fiveWhys;
  const statements = model.rootCauses.length;
  let rootCause: QualityDimension;
  if (!chains.length && !statements) rootCause = make('root-cause', ['no root cause written yet'], 0, true);
  else {
    const deepest = chains.reduce((n, c) => Math.max(n, c.steps.length), 0);
    const parts = chains.length
      ? [`${plural(chains.length, '5 Whys chain')}, deepest ${plural(deepest, 'why', 'whys')}`]
      : [plural(statements, 'root-cause statement')];
    rootCause = make('root-cause', parts);
  }

  // Action items and follow-through.
  const items = actionItemSummary(model, today);
  const actionItems = items.items
    ? make('action-items', [`${plural(items.items, 'item')}, ${items.owned} owned, ${items.prevent} prevent`])
    : make('action-items', ['no action items yet'], 0, true);
  const followThrough = items.items
    ? make('follow-through', [`${items.done} of ${items.items} done`, ...(items.overdue ? [`${items.overdue} overdue`] : [])])
    : make('follow-through', ['no action items to follow'], 0, true);

  const blameFindings = byDim.get('blamelessness')?.length ?? 0;
  const blamelessness = make('blamelessness', blameFindings ? [] : ['no blame found']);

  const dimensions = [timeline, rootCause, actionItems, blamelessness, followThrough];
  const softened = result.findings.filter((f) => f.shaped?.status === 'draft').length;
  return { dimensions, good: dimensions.filter((d) => d.grade === 'good').length, findings: result.findings.length, softened };
}
