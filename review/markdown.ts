/**
 * The report as a Markdown page that reads well in a repository (`postmortem-lint report`, the
 * editor's "Postmortem: Show Report"). Layout only: every figure comes from build.ts.
 */
import { formatDuration } from '../features/modelSummaries';
import type { DurationStats, PostmortemRef, ReportData } from './build';
import { SEVERITIES, STATUSES } from './build';

export interface MarkdownOptions {
  /** A link target for a postmortem's path (relative path, file URI), or undefined for no link. */
  link?: (path: string, line?: number) => string | undefined;
  /** The page's heading. */
  title?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Text safe inside a table cell: pipes escaped, line breaks folded. */
export function cell(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Text safe as a link label. */
function label(s: string): string {
  return cell(s).replace(/([[\]])/g, '\\$1');
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

function duration(m: number | undefined): string {
  return m === undefined ? '—' : formatDuration(m);
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function renderMarkdown(data: ReportData, opts: MarkdownOptions = {}): string {
  const ref = (p: PostmortemRef, line?: number) => {
    const target = opts.link?.(p.path, line);
    const name = label(p.title);
    return target ? `[${name}](<${target.replace(/>/g, '%3E')}>)` : name;
  };
  const out: string[] = [];
  out.push(`# ${opts.title ?? 'Postmortem review'}`, '');

  const period =
    data.period.since || data.period.until ? `${data.period.since ?? 'the first postmortem'} to ${data.period.until ?? 'today'}` : 'all postmortems';
  const left: string[] = [];
  if (data.excluded.outsidePeriod) left.push(`${plural(data.excluded.outsidePeriod, 'postmortem')} outside the period`);
  if (data.excluded.undated) left.push(`${plural(data.excluded.undated, 'postmortem')} without a date`);
  out.push(
    `**Period:** ${period} · **As of:** ${data.today} · **Postmortems:** ${data.postmortems}${left.length ? ` (left out: ${left.join(', ')})` : ''}`,
    '',
  );

  if (!data.postmortems) {
    out.push('No postmortems in this period.', '');
    return out.join('\n');
  }

  // At a glance
  const ai = data.actionItems;
  const stats = (s: DurationStats) =>
    s.count
      ? `median ${duration(s.median)} (from ${plural(s.count, 'postmortem')}; range ${duration(s.min)} – ${duration(s.max)})`
      : 'not readable from any timeline';
  out.push('## At a glance', '');
  out.push(
    ...table(
      ['Figure', 'Value'],
      [
        [
          'Postmortems',
          `${data.postmortems} (${[...SEVERITIES.filter((s) => data.bySeverity[s]).map((s) => `${s}: ${data.bySeverity[s]}`), ...(data.bySeverity.unknown ? [`no severity: ${data.bySeverity.unknown}`] : [])].join(', ')})`,
        ],
        ['Action items', `${ai.total}: ${ai.open} open, ${ai.done} done; ${ai.overdue} overdue, ${ai.dueSoon} due within 14 days`],
        [
          'Closure rate',
          data.closure.rate === null
            ? `no item was due between ${data.closure.from} and ${data.closure.to}`
            : `${percent(data.closure.rate)}: ${data.closure.done} of ${plural(data.closure.due, 'item')} due in the last 90 days done`,
        ],
        ['Time to detect', stats(data.timeToDetect)],
        ['Time to resolve', stats(data.timeToResolve)],
        ['Recurring factors', data.recurringFactors.length ? `${data.recurringFactors.length} seen in more than one postmortem` : 'none seen twice'],
        ['Blame findings', `${data.blame.total} in ${data.blame.postmortemsWithBlame} of ${plural(data.postmortems, 'postmortem')}`],
      ],
    ),
    '',
  );

  // Severity and status
  out.push('## Severity and status', '');
  out.push(
    ...table(
      ['Severity', 'Postmortems'],
      [...SEVERITIES, 'unknown'].map((s) => [s === 'unknown' ? 'Not given' : s, String(data.bySeverity[s])]),
    ),
    '',
  );
  out.push(
    ...table(
      ['Status', 'Postmortems'],
      [...STATUSES, 'unknown'].map((s) => [s === 'unknown' ? 'Not given' : s.charAt(0).toUpperCase() + s.slice(1), String(data.byStatus[s])]),
    ),
    '',
  );

  // Action items
  out.push('## Action items', '');
  out.push(...table(['Open', 'Done', 'Overdue', 'Due within 14 days', 'Total'], [[ai.open, ai.done, ai.overdue, ai.dueSoon, ai.total].map(String)]), '');
  const notes: string[] = [];
  if (ai.openWithoutOwner) notes.push(`${plural(ai.openWithoutOwner, 'open item')} ${ai.openWithoutOwner === 1 ? 'has' : 'have'} no owner.`);
  if (ai.openWithoutDueDate)
    notes.push(`${plural(ai.openWithoutDueDate, 'open item')} ${ai.openWithoutDueDate === 1 ? 'has' : 'have'} no due date that can be read.`);
  if (ai.pastDueWithoutStatus)
    notes.push(
      `${plural(ai.pastDueWithoutStatus, 'item')} ${ai.pastDueWithoutStatus === 1 ? 'is' : 'are'} past due with no status or checkbox; counted as open, not overdue. A status column makes them count.`,
    );
  for (const n of notes) out.push(`- ${n}`);
  if (notes.length) out.push('');
  out.push(
    `Closure rate: of the items due from ${data.closure.from} up to ${data.closure.to}, ${data.closure.due ? `${data.closure.done} of ${data.closure.due} are done (${percent(data.closure.rate!)})` : 'there are none'}.`,
    '',
  );

  out.push('### Overdue', '');
  if (!data.overdue.length) out.push('No action item marked open is past its due date.', '');
  else {
    out.push(
      ...table(
        ['Action item', 'Owner', 'Due', 'Days overdue', 'Postmortem'],
        data.overdue.map((o) => [cell(o.text), o.owner ? cell(o.owner) : '**no owner**', o.dueDate, String(o.daysOverdue), ref(o.postmortem, o.line)]),
      ),
      '',
    );
  }

  // Factors
  out.push('## Recurring contributing factors and root causes', '');
  if (!data.recurringFactors.length) out.push('No contributing factor or root cause appears in more than one postmortem.', '');
  for (const r of data.recurringFactors) {
    out.push(`- **${cell(r.label)}** — in ${plural(r.postmortems.length, 'postmortem')}: ${r.postmortems.map((p) => ref(p)).join(', ')}`);
    const others = r.statements.filter((s) => s.text !== r.label);
    for (const s of others)
      out.push(`  - "${cell(s.text)}" (${s.kind}, ${ref(r.postmortems.find((p) => p.path === s.path) ?? { path: s.path, title: s.path })})`);
  }
  if (data.recurringFactors.length) out.push('');
  out.push('### Categories', '');
  if (!data.categories.length) out.push('No contributing factor or root cause is written down.', '');
  else
    out.push(
      ...table(
        ['Category', 'Postmortems', 'Statements'],
        data.categories.map((c) => [cell(c.name), String(c.postmortems), String(c.statements)]),
      ),
      '',
    );
  out.push(
    'Categories come from a "Category: …" label or a label naming one ("Monitoring: …"), else from keywords in the factor; a factor can fall in more than one.',
    '',
  );

  // Timing
  out.push('## Time to detect and time to resolve', '');
  const row = (name: string, s: DurationStats) => [
    name,
    `${s.count} of ${data.postmortems}`,
    duration(s.median),
    s.count ? `${duration(s.p25)} – ${duration(s.p75)}` : '—',
    s.count ? `${duration(s.min)} – ${duration(s.max)}` : '—',
  ];
  out.push(
    ...table(['', 'Postmortems', 'Median', 'Middle half', 'Range'], [row('Time to detect', data.timeToDetect), row('Time to resolve', data.timeToResolve)]),
    '',
  );
  out.push(
    'Measured from the first timed timeline entry to the first entry naming detection (an alert, a page, "noticed", "reported") or resolution ("resolved", "recovered", "all clear"). Timelines without such entries or without comparable times are left out.',
    '',
  );

  // Blame
  out.push('## Blame findings over time', '');
  out.push(
    ...table(
      ['Month', 'Postmortems', 'Blame findings', 'Per postmortem'],
      data.blame.byMonth.map((m) => [
        m.month === 'undated' ? 'Undated' : m.month,
        String(m.postmortems),
        String(m.findings),
        (m.findings / m.postmortems).toFixed(1),
      ]),
    ),
    '',
  );
  out.push('Blame findings are those of the blame-language, person-as-cause and hindsight-bias rules.', '');

  // Every postmortem
  out.push('## Postmortems', '');
  out.push(
    ...table(
      ['Date', 'Postmortem', 'Severity', 'Status', 'Action items (open / done / overdue)', 'Blame findings', 'Detect', 'Resolve'],
      data.list.map((p) => [
        p.date ?? '—',
        ref(p),
        p.severity ?? '—',
        p.status ?? '—',
        `${p.actionItems.open} / ${p.actionItems.done} / ${p.actionItems.overdue}`,
        String(p.blameFindings),
        duration(p.timeToDetect),
        duration(p.timeToResolve),
      ]),
    ),
    '',
  );
  return out.join('\n');
}
