/**
 * What the language status item shows for the `postmortem/quality` answer. No vscode import; the
 * item (status.ts) copies these fields.
 */
import type { QualityGradeInfo, QualityResult } from '../../common/protocol';

export interface QualityStatusText {
  /** Short text next to the language id: "3 of 5 good". */
  text: string;
  /** One line per dimension, joined: "Timeline completeness ✓ · Root-cause depth: 1 finding …". */
  detail: string;
  /** Accessible description, spelled out. */
  accessibility: string;
  /** Error when a dimension is poor, warning when one is fair, else information. */
  severity: 'information' | 'warning' | 'error';
}

const MARK: Record<QualityGradeInfo, string> = { good: '✓', fair: '~', poor: '✗', absent: '–' };

/** The status for an answer, or undefined when there is nothing to show (not a postmortem, skipped, no answer). */
export function qualityStatusText(q: QualityResult | null | undefined): QualityStatusText | undefined {
  if (!q || !q.isPostmortem) return undefined;
  if (q.skipped) return { text: 'Not checked', detail: q.skipped, accessibility: `Postmortem not checked: ${q.skipped}`, severity: 'information' };
  const n = q.dimensions.length;
  const parts = q.dimensions.map((d) => `${d.label} ${MARK[d.grade]}${d.grade === 'good' ? '' : ` ${d.summary}`}`);
  const grades = new Set(q.dimensions.map((d) => d.grade));
  // A draft shows what is not written yet as hints; say how many, so a quiet Problems panel is not read as "complete".
  const softened = q.softened ? `Draft: ${q.softened} ${q.softened === 1 ? 'finding' : 'findings'} about unwritten parts shown as hints` : undefined;
  return {
    text: `${q.good} of ${n} good`,
    detail: [...parts, ...(softened ? [softened] : [])].join(' · '),
    accessibility:
      `Postmortem quality: ${q.good} of ${n} dimensions good. ` +
      q.dimensions.map((d) => `${d.label}: ${d.grade}, ${d.summary}.`).join(' ') +
      (softened ? ` ${softened}.` : ''),
    severity: grades.has('poor') ? 'error' : grades.has('fair') ? 'warning' : 'information',
  };
}
