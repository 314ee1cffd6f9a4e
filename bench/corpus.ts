/**
 * The benchmark corpus, generated from a seed so every run (and every machine) measures the same text.
 *
 * A postmortem has every template section: front matter, summary, impact, a timeline table, root
 * causes, contributing factors, 5 Whys, what went well / poorly, where we got lucky, an action-item
 * table and lessons learned. Prose mixes clean sentences with blaming ones so the phrase rules have
 * work to do. Larger documents grow the way long postmortems do: more days of timeline (each day a
 * `###` subsection with its own table), more affected services, more 5 Whys chains, more findings.
 * All names, services and events are invented.
 */

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Odile Varga', 'Tomasz Brandt', 'Priya Anand', 'Kwame Mensah', 'Ines Duarte', 'Lars Holm', 'Mei Tanaka', 'Rafael Ortiz'];
const HANDLES = ['@ovarga', '@tbrandt', '@panand', '@kmensah', '@iduarte', '@lholm'];
const SERVICES = ['ledger-api', 'checkout', 'the billing queue', 'search-indexer', 'the session store', 'edge proxy', 'notifications', 'the rate limiter'];
const COMPONENTS = [
  'connection pool',
  'retry budget',
  'feature flag',
  'TLS certificate',
  'DNS record',
  'schema migration',
  'cache warm-up job',
  'autoscaling policy',
];
const METRICS = ['p99 latency', 'error rate', 'queue depth', 'CPU saturation', 'replication lag', '5xx responses'];
const ZONES = ['eu-west', 'us-east', 'ap-south'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function firstName(full: string): string {
  return full.split(' ')[0];
}

/** Clean sentences: systems and conditions as subjects. */
const CLEAN: Array<(r: () => number) => string> = [
  (r) => `The ${pick(r, COMPONENTS)} on ${pick(r, SERVICES)} ran out of headroom and ${pick(r, METRICS)} climbed for ${2 + Math.floor(r() * 40)} minutes.`,
  (r) => `Alerts on ${pick(r, METRICS)} fired in ${pick(r, ZONES)} within ${1 + Math.floor(r() * 9)} minutes of the first failed request.`,
  (r) => `Rolling back the ${pick(r, COMPONENTS)} restored service, and ${pick(r, SERVICES)} drained its backlog by itself.`,
  (r) => `Nothing in the deploy pipeline checked whether the ${pick(r, COMPONENTS)} matched the capacity plan.`,
  (r) => `${firstName(pick(r, PEOPLE))} paged the database on-call, who confirmed that ${pick(r, SERVICES)} was healthy.`,
  (r) => `The runbook for ${pick(r, SERVICES)} did not mention the ${pick(r, COMPONENTS)}, so responders read the code to find it.`,
  (r) => `About ${(1 + r() * 30).toFixed(1)}% of requests in ${pick(r, ZONES)} saw \`HTTP 503\` until the rollback finished.`,
  (r) => `Dashboards showed the ${pick(r, METRICS)} of ${pick(r, SERVICES)} but not its ${pick(r, COMPONENTS)}, which hid the cause.`,
];

/** Sentences with blame, hindsight or human-error wording, for the rules to find. */
const BLAME: Array<(r: () => number) => string> = [
  (r) => `${firstName(pick(r, PEOPLE))} failed to check the ${pick(r, COMPONENTS)} before the deploy.`,
  (r) => `The on-call engineer should have noticed the ${pick(r, METRICS)} sooner.`,
  (r) => `A careless change by ${firstName(pick(r, PEOPLE))} broke ${pick(r, SERVICES)}.`,
  (r) => `The root cause was human error: ${firstName(pick(r, PEOPLE))} forgot to update the ${pick(r, COMPONENTS)}.`,
  (r) => `Obviously the ${pick(r, COMPONENTS)} was wrong, and someone simply needed to look at it.`,
  (r) => `${firstName(pick(r, PEOPLE))} ignored the warning on ${pick(r, SERVICES)} and pushed anyway.`,
];

function sentence(r: () => number, blameRate: number): string {
  return r() < blameRate ? pick(r, BLAME)(r) : pick(r, CLEAN)(r);
}

function paragraph(r: () => number, n: number, blameRate = 0.2): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(r, blameRate));
  return out.join(' ');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A timeline table with `rows` rows, times increasing from 09:00 UTC. */
export function timelineTable(r: () => number, rows: number, startMinute = 9 * 60): string {
  const lines = ['| Time (UTC) | Event | Source |', '| --- | --- | --- |'];
  let t = startMinute;
  for (let i = 0; i < rows; i++) {
    t += Math.floor(r() * 3);
    const hh = Math.floor(t / 60) % 24;
    const event = sentence(r, 0.1).replace(/\|/g, '/');
    const source =
      r() < 0.5 ? `[dashboard](https://grafana.example.invalid/d/${1000 + i})` : pick(r, ['PagerDuty', 'Slack #incident', 'deploy log', '`kubectl` output']);
    lines.push(`| ${pad(hh)}:${pad(t % 60)} | ${event} | ${source} |`);
  }
  return lines.join('\n');
}

function actionTable(r: () => number, rows: number, id0: number): string {
  const lines = ['| Action | Owner | Due | Ticket | Type |', '| --- | --- | --- | --- | --- |'];
  for (let i = 0; i < rows; i++) {
    const owner = r() < 0.85 ? pick(r, HANDLES) : '';
    const what = pick(r, [
      `Add an alert on the ${pick(r, COMPONENTS)} of ${pick(r, SERVICES)}`,
      `Write a runbook section for ${pick(r, SERVICES)}`,
      `Cap the ${pick(r, COMPONENTS)} in the deploy pipeline`,
      `Look into the ${pick(r, METRICS)}`,
      `Load-test ${pick(r, SERVICES)} at twice the peak`,
    ]);
    lines.push(
      `| ${what} | ${owner} | 2024-0${1 + Math.floor(r() * 8)}-${pad(1 + Math.floor(r() * 27))} | OPS-${id0 + i} | ${pick(r, ['prevent', 'detect', 'mitigate', 'process'])} |`,
    );
  }
  return lines.join('\n');
}

function fiveWhys(r: () => number, n: number): string {
  const out: string[] = [];
  for (let c = 0; c < n; c++) {
    if (n > 1) out.push(`### Chain ${c + 1}: ${pick(r, SERVICES)}`, '');
    out.push(`**Problem:** ${pick(r, SERVICES)} returned errors for ${5 + Math.floor(r() * 50)} minutes.`, '');
    for (let i = 1; i <= 5; i++) out.push(`${i}. Why? ${sentence(r, 0.15)}`);
    out.push('', `**Root cause:** the ${pick(r, COMPONENTS)} had no limit that the deploy pipeline enforced.`, '');
  }
  return out.join('\n');
}

function bullets(r: () => number, n: number, blameRate = 0.15): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`- ${sentence(r, blameRate)}`);
  return out.join('\n');
}

/**
 * The postmortem of growth `k`: k = 0 is the typical ~3.5 KB one; each step adds timeline days,
 * affected services, 5 Whys chains and findings in the proportions long postmortems have.
 */
function build(seed: number, k: number): string {
  const r = rng(seed);
  const svc = pick(r, SERVICES);
  const parts: string[] = [];
  parts.push(
    '---',
    `title: ${svc} outage on 2024-0${1 + (seed % 8)}-1${seed % 9}`,
    `date: 2024-0${1 + (seed % 8)}-1${seed % 9}`,
    `severity: SEV-${1 + (seed % 3)}`,
    'status: final',
    `authors: [${firstName(PEOPLE[seed % PEOPLE.length])}, ${firstName(PEOPLE[(seed + 3) % PEOPLE.length])}]`,
    `commander: ${PEOPLE[(seed + 1) % PEOPLE.length]}`,
    'type: postmortem',
    '---',
    '',
    `# Postmortem: ${svc} outage`,
    '',
    '## Summary',
    '',
    paragraph(r, 3, 0.1),
    '',
    '## Impact',
    '',
  );
  const services = k ? Math.ceil(k / 8) : 0;
  if (!services) parts.push(paragraph(r, 2, 0.1), '');
  for (let i = 0; i < services; i++) {
    parts.push(`### ${pick(r, SERVICES)} in ${pick(r, ZONES)} (${i + 1})`, '', paragraph(r, 3, 0.1), '', bullets(r, 2, 0.05), '');
  }
  parts.push('## Timeline', '', 'All times UTC.', '');
  const days = k ? Math.ceil(k / 2) : 0;
  if (!days) parts.push(timelineTable(r, 6), '');
  for (let d = 0; d < days; d++) {
    parts.push(`### Day ${d + 1}`, '', timelineTable(r, 24), '', paragraph(r, 2, 0.2), '');
  }
  parts.push('## Root causes', '', paragraph(r, 2, 0.25), '', '## Contributing factors', '', bullets(r, 2, 0.2), '');
  parts.push('## Five whys', '', fiveWhys(r, k ? Math.ceil(k / 6) : 1));
  const findings = k ? Math.ceil(k / 3) : 0;
  parts.push('## What went well', '', bullets(r, 2, 0.05), '', '## What went poorly', '');
  if (!findings) parts.push(paragraph(r, 2, 0.3), '');
  for (let i = 0; i < findings; i++) parts.push(`### Finding ${i + 1}`, '', paragraph(r, 6, 0.3), '');
  parts.push('## Where we got lucky', '', bullets(r, 1, 0.1), '');
  parts.push('## Action items', '', actionTable(r, 4 + Math.floor(k / 10), 100 + seed), '');
  parts.push('## Lessons learned', '', paragraph(r, 1, 0.1), '');
  return parts.join('\n');
}

/**
 * A postmortem of about `targetChars` characters (never less than the typical ~3.5 KB one). `seed`
 * varies the wording; the same seed and size always give the same text.
 */
export function postmortem(seed: number, targetChars = 3500): string {
  const base = build(seed, 0);
  if (targetChars <= base.length * 1.5) return base;
  const step = (build(seed, 20).length - base.length) / 20;
  return build(seed, Math.max(1, Math.round((targetChars - base.length) / step)));
}

/** A timeline-only postmortem whose one table has `rows` rows (for the table-scaling figure). */
export function bigTable(rows: number, seed = 7): string {
  const r = rng(seed);
  return `# Timeline of the ${pick(r, SERVICES)} incident\n\n## Timeline\n\n${timelineTable(r, rows)}\n`;
}

/** The `n` typical (~3.5 KB) postmortems of the CLI and peer runs, each with its own seed. */
export function typicalFiles(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(postmortem(1000 + i));
  return out;
}

/** Sizes (characters) of the documents the benchmark measures. */
export const SIZES = { '3.5 KB': 3_500, '100 KB': 100_000, '1 MB': 1_000_000, '5 MB': 5_000_000 } as const;

export function sized(label: keyof typeof SIZES): string {
  return postmortem(42, SIZES[label]);
}
