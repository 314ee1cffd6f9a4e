/** The answer of `postmortem/quality` (see ../protocol.ts), from the core's quality summary. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../../../core';
import { qualitySummary } from '../../../features/quality';
import type { QualityResult } from '../../../common/protocol';

export function qualityResult(doc: TextDocument, result: AnalysisResult | undefined, isPostmortem: boolean, today: string | undefined): QualityResult {
  const base = { uri: doc.uri, version: doc.version, isPostmortem, ...(result?.skipped ? { skipped: result.skipped } : {}) };
  if (!result || !isPostmortem || result.skipped) return { ...base, dimensions: [], good: 0, findings: 0 };
  const q = qualitySummary(result, today);
  return { ...base, dimensions: q.dimensions, good: q.good, findings: q.findings, ...(q.softened ? { softened: q.softened } : {}) };
}
