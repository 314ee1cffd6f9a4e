/**
 * Categories of contributing factors and root causes, as reviewed data: a factor falls in every
 * category one of whose keywords starts a word of it ("alert" takes "alerting", "alerts"). A factor
 * written with a label ("Monitoring: the queue alert waits 15 minutes", "**Testing:** …") takes the
 * category the label names instead (see categoriesOf in factors.ts).
 *
 * Each entry carries examples; test/report/factors.test.ts runs them, so a keyword change that moves
 * an example fails a test.
 */

export interface CategoryEntry {
  /** The name the report shows. */
  name: string;
  /** Word starts, lower case; a space matches any run of spaces. */
  keywords: string[];
  examples: { in: string[]; out: string[] };
}

export const CATEGORIES: CategoryEntry[] = [
  {
    name: 'Monitoring and alerting',
    keywords: ['alert', 'alarm', 'paging', 'pager', 'pages ', 'monitor', 'dashboard', 'metric', 'observab', 'on-call', 'oncall', 'detection', 'slo'],
    examples: {
      in: ['The queue depth alert waits 15 minutes before paging', 'No dashboard shows per-message retries'],
      out: ['The load test runs a 10-message batch'],
    },
  },
  {
    name: 'Testing',
    keywords: ['test', 'staging', 'qa ', 'coverage', 'reproduc'],
    examples: { in: ['The load test cannot show head-of-line blocking', 'Staging has no replica lag'], out: ['The alert waits 15 minutes'] },
  },
  {
    name: 'Change and deployment',
    keywords: [
      'deploy',
      'rollout',
      'roll out',
      'release',
      'upgrade',
      'migrat',
      'rollback',
      'roll back',
      'canary',
      'pipeline',
      'change ',
      'changes ',
      'changelog',
      'merge',
      'version',
    ],
    examples: { in: ['The release skipped the canary stage', 'The client library upgrade changed a default'], out: ['Disk filled on the export host'] },
  },
  {
    name: 'Configuration',
    keywords: ['config', 'default', 'setting', 'flag', 'parameter', 'threshold', 'timeout', 'ttl', 'retention', 'prefetch'],
    examples: { in: ['Our config relied on the library default', 'The retention setting kept 90 days'], out: ['Support had no macro ready'] },
  },
  {
    name: 'Capacity and limits',
    keywords: [
      'capacity',
      'disk',
      'memory',
      'cpu',
      'quota',
      'limit',
      'exhaust',
      'scaling',
      'autoscal',
      'throttl',
      'saturat',
      'backlog',
      'full ',
      'starvation',
      'connection pool',
      'rate limit',
      'out of space',
    ],
    examples: { in: ['The export host disk was full', 'The connection pool limit of 50 was reached'], out: ['The runbook was out of date'] },
  },
  {
    name: 'Dependencies',
    keywords: ['dependenc', 'depend on', 'third-party', 'third party', 'vendor', 'upstream', 'library', 'provider', 'external', 'supplier'],
    examples: { in: ['The payment provider returned errors for 20 minutes', 'We depend on one DNS vendor'], out: ['The alert waits 15 minutes'] },
  },
  {
    name: 'Process and documentation',
    keywords: [
      'review',
      'approv',
      'process',
      'checklist',
      'runbook',
      'playbook',
      'document',
      'handover',
      'hand-off',
      'handoff',
      'ownership',
      'owner',
      'training',
      'onboard',
      'procedure',
      'knowledge',
    ],
    examples: { in: ['The runbook did not cover a full disk', 'Schema changes need no second review'], out: ['The disk was full'] },
  },
  {
    name: 'Communication',
    keywords: ['communicat', 'status page', 'notif', 'customer', 'escalat', 'announce', 'stakeholder', 'support team'],
    examples: { in: ['The status page was updated 40 minutes late', 'Escalation to the database team took an hour'], out: ['The load test is small'] },
  },
  {
    name: 'Security and access',
    keywords: ['certificat', 'credential', 'permission', 'access', 'secret', 'token', 'auth', 'password', 'key rotation', 'tls', 'ssl'],
    examples: {
      in: ['The TLS certificate expired unnoticed', 'The deploy token lacked write permission'],
      out: ['Queue depth rose for an hour', 'A cache key expired in every region at once'],
    },
  },
];

export const UNCATEGORISED = 'Uncategorised';
