/**
 * The report as JSON (`postmortem-lint report --format json`): the ReportData of build.ts as it is,
 * with `version: 1`. Fields are only ever added within a version; durations are minutes, rates 0-1,
 * dates YYYY-MM-DD, lines 1-based.
 */
import type { ReportData } from './build';

export function renderJson(data: ReportData): string {
  return JSON.stringify(data, null, 2) + '\n';
}
