/** The periods "Postmortem: Show Report" offers, from a date (local calendar). No vscode import, so tests use it. */
import type { ReportParams } from '../../../common/protocol';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export interface ReportPeriod {
  label: string;
  description?: string;
  params: ReportParams;
}

/** All postmortems, this quarter, the previous quarter and the last 12 months (today included). */
export function periods(now: Date): ReportPeriod[] {
  const q = Math.floor(now.getMonth() / 3);
  const qStart = new Date(now.getFullYear(), q * 3, 1);
  const qEnd = new Date(now.getFullYear(), q * 3 + 3, 0);
  const pStart = new Date(now.getFullYear(), q * 3 - 3, 1);
  const pEnd = new Date(now.getFullYear(), q * 3, 0);
  const yearAgo = new Date(now.getFullYear() - 1, now.getMonth(), now.getDate() + 1);
  const name = (d: Date) => `Q${Math.floor(d.getMonth() / 3) + 1} ${d.getFullYear()}`;
  return [
    { label: 'All postmortems', params: {} },
    { label: 'This quarter', description: name(qStart), params: { since: iso(qStart), until: iso(qEnd) } },
    { label: 'Previous quarter', description: name(pStart), params: { since: iso(pStart), until: iso(pEnd) } },
    { label: 'Last 12 months', description: `${iso(yearAgo)} to ${iso(now)}`, params: { since: iso(yearAgo), until: iso(now) } },
  ];
}
