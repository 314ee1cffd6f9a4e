/**
 * The facts of test/fixtures/workspace/, restated by hand from the files as they were written: what
 * each postmortem says (date, severity, status, action items, timeline milestones, blame wording,
 * factors and their categories). Tests compute every expected figure of the report and the Action
 * Items view from this table, and check that the analysis reads the files the same way.
 */
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', 'fixtures', 'workspace');

/** The day the tests count overdue items and the closure rate against. */
export const TODAY = '2026-06-15';

export interface ItemFact {
  /** The start of the item's text. */
  text: string;
  owner?: string;
  dueDate?: string;
  status: 'done' | 'open' | 'unknown';
}

export interface StatementFact {
  text: string;
  /** Categories the statement belongs to, by its label or its keywords. */
  categories: string[];
}

export interface FixturePostmortem {
  /** Relative to the workspace folder. */
  file: string;
  title: string;
  date?: string;
  severity?: string;
  status?: string;
  items: ItemFact[];
  factors: StatementFact[];
  rootCauses: StatementFact[];
  /** Minutes from the first timeline entry to the entry naming detection / resolution. */
  ttd?: number;
  ttr?: number;
  /** Blame phrases written in the text ("should have", "failed to"). */
  blame: number;
}

const MON = 'Monitoring and alerting';
const TEST = 'Testing';
const CHANGE = 'Change and deployment';
const CONFIG = 'Configuration';
const CAP = 'Capacity and limits';
const DEPS = 'Dependencies';
const PROC = 'Process and documentation';
const SEC = 'Security and access';
const NONE = 'Uncategorised';

export const POSTMORTEMS: FixturePostmortem[] = [
  {
    file: 'postmortems/2026-01-12-cache-stampede.md',
    title: 'Checkout errors from a cache stampede',
    date: '2026-01-12',
    severity: 'SEV-1',
    status: 'final',
    items: [
      { text: 'Page after two minutes', owner: '@priya', dueDate: '2026-01-26', status: 'done' },
      { text: 'Stagger price cache key expiry', owner: '@jonas', dueDate: '2026-02-15', status: 'open' },
      { text: 'Add a cache stampede scenario', owner: '@priya', dueDate: '2026-06-20', status: 'open' },
    ],
    factors: [
      { text: 'Monitoring: The checkout error-rate alert waits ten minutes before paging the on-call engineer.', categories: [MON] },
      { text: 'The cache TTL default changed in the client library upgrade.', categories: [CHANGE, CONFIG, DEPS] },
    ],
    rootCauses: [{ text: 'A shared price cache key expired for every region at the same second.', categories: [NONE] }],
    ttd: 6,
    ttr: 75,
    blame: 0,
  },
  {
    file: 'postmortems/2026-02-03-queue-backlog.md',
    title: 'Order emails delayed by a queue backlog',
    date: '2026-02-03',
    severity: 'SEV-2',
    status: 'final',
    items: [
      { text: 'Pin the consumer prefetch', owner: '@jonas', dueDate: '2026-02-20', status: 'done' },
      { text: 'Add a 2,000-message batch', owner: '@noor', dueDate: '2026-03-31', status: 'open' },
      { text: 'Page after five minutes of queue growth', owner: '@priya', dueDate: '2026-06-01', status: 'open' },
    ],
    factors: [
      { text: 'The queue depth alert waits fifteen minutes before paging the on-call engineer.', categories: [MON] },
      { text: 'The consumer load test uses a tiny batch that cannot show head-of-line blocking.', categories: [TEST] },
    ],
    rootCauses: [{ text: 'The client library upgrade changed the prefetch default.', categories: [CHANGE, CONFIG, DEPS] }],
    ttd: 20,
    ttr: 100,
    blame: 0,
  },
  {
    file: 'incidents/2026-03-18-dns-change.md',
    title: 'Logins failed after a DNS change',
    date: '2026-03-18',
    severity: 'SEV-1',
    status: 'in review',
    items: [
      { text: 'Copy the production DNS zone', owner: '@noor', dueDate: '2026-04-30', status: 'done' },
      { text: 'Require a second review', dueDate: '2026-07-31', status: 'open' },
      { text: 'Write a runbook', status: 'unknown' },
    ],
    factors: [
      { text: 'Testing: Staging has no copy of the production DNS zone.', categories: [TEST] },
      { text: 'The login error-rate alert waited ten minutes before paging the on-call engineer.', categories: [MON] },
    ],
    rootCauses: [{ text: 'DNS changes reach production without a check against a copy of the zone.', categories: [CHANGE] }],
    // 11:00 change, 11:45 "Support reported"; the 12:30 entry says "restored", not resolved.
    ttd: 45,
    blame: 2,
  },
  {
    file: 'postmortems/2026-05-02-disk-full.md',
    title: 'Nightly export stopped on a full disk',
    date: '2026-05-02',
    severity: 'SEV-3',
    status: 'draft',
    items: [
      { text: 'Delete export files after upload', owner: '@jonas', dueDate: '2026-05-20', status: 'done' },
      { text: 'Alert when the export disk grows', owner: '@priya', dueDate: '2026-05-30', status: 'open' },
      { text: 'Document the export retention', owner: '@noor', dueDate: '2026-08-01', status: 'open' },
      { text: 'Review the retention settings', owner: '@kim', dueDate: '2026-06-10', status: 'unknown' },
    ],
    factors: [
      { text: 'Capacity: The export host disk had no growth alert.', categories: [CAP] },
      { text: 'The retention setting kept ninety days of export files.', categories: [CONFIG] },
    ],
    rootCauses: [{ text: 'Export files are never deleted after upload.', categories: [NONE] }],
    ttd: 14,
    ttr: 60,
    blame: 0,
  },
  {
    file: 'postmortems/2025-11-20-certificate-expiry.md',
    title: 'API outage from an expired certificate',
    date: '2025-11-20',
    severity: 'SEV-2',
    status: 'final',
    items: [
      { text: 'Alert 30 days before any certificate expires', owner: '@kim', dueDate: '2025-12-01', status: 'done' },
      { text: 'Automate certificate renewal', owner: '@jonas', dueDate: '2026-03-20', status: 'done' },
    ],
    factors: [
      { text: 'No alert warned before the certificate expiry.', categories: [MON, SEC] },
      { text: 'The certificate renewal runbook was out of date.', categories: [PROC, SEC] },
    ],
    rootCauses: [{ text: 'Certificate renewal was a manual step nobody was reminded of.', categories: [SEC] }],
    blame: 0,
  },
  {
    file: 'notes/badge-printer-review.md',
    title: 'Incident review: badge printer queue',
    items: [{ text: 'Cap the badge printer queue', owner: '@priya', status: 'open' }],
    factors: [{ text: 'The badge printer queue has no size limit.', categories: [CAP] }],
    rootCauses: [],
    blame: 0,
  },
];

/** Markdown files of the workspace that are not in the review, and why. */
export const NOT_POSTMORTEMS = ['README.md', 'notes/desk-setup.md'];
/** A postmortem left out by the `ignore` glob of the workspace's .postmortemrc.yaml. */
export const IGNORED = ['archive/2024-01-09-old-pager-outage.md'];

/** Statements (by postmortem file and text) that say the same thing in more than one postmortem. */
export const RECURRING: Array<Array<{ file: string; text: string }>> = [
  [
    {
      file: 'postmortems/2026-01-12-cache-stampede.md',
      text: 'Monitoring: The checkout error-rate alert waits ten minutes before paging the on-call engineer.',
    },
    { file: 'postmortems/2026-02-03-queue-backlog.md', text: 'The queue depth alert waits fifteen minutes before paging the on-call engineer.' },
    { file: 'incidents/2026-03-18-dns-change.md', text: 'The login error-rate alert waited ten minutes before paging the on-call engineer.' },
  ],
  [
    { file: 'postmortems/2026-01-12-cache-stampede.md', text: 'The cache TTL default changed in the client library upgrade.' },
    { file: 'postmortems/2026-02-03-queue-backlog.md', text: 'The client library upgrade changed the prefetch default.' },
  ],
];
