/**
 * Contributing factors that name a category instead of a condition, as reviewed data. Each entry: the
 * phrases (literal, matched case-insensitively on word boundaries, all entries in one pass), what to
 * write instead, and examples that run as tests (test/core/analysis-data.test.ts): every `flag`
 * example, written as a contributing-factor bullet, must be reported by contributing-factor-vague, no
 * `clean` one.
 *
 * A phrase is vague only when it stands (nearly) alone: "Insufficient testing." is flagged,
 * "Insufficient testing: the replay suite never sends duplicate events, so …" is not. The rule decides
 * that from what follows the phrase (a colon, dash or "because" clause, a number, a code span, or
 * enough words of its own).
 */

export interface VagueFactorEntry {
  id: string;
  phrases: string[];
  /** What to write instead, in one clause (goes into the message). */
  instead: string;
  examples: { flag: string[]; clean: string[] };
}

export const VAGUE_FACTORS: VagueFactorEntry[] = [
  {
    id: 'testing',
    phrases: [
      'insufficient testing', 'inadequate testing', 'not enough testing', 'lack of testing', 'lack of tests', 'limited testing',
      'poor testing', 'testing was insufficient', 'testing was inadequate', 'testing was not sufficient', 'testing was lacking',
      'insufficient test coverage', 'inadequate test coverage', 'poor test coverage', 'low test coverage', 'lack of test coverage',
      'not enough tests', 'missing tests', 'untested code', 'testing gaps', 'testing gap', 'not tested properly', 'not tested enough',
    ],
    instead: 'name the test that was missing and the case it would have caught',
    examples: {
      flag: ['Insufficient testing.', 'Testing was insufficient', 'Poor test coverage of the importer.', 'Lack of tests'],
      clean: [
        'Insufficient testing: the fixture carts are all under 50 items, so the slow path for large carts never ran in CI.',
        'The contract tests stub the tax service with instant replies, so a 3-second reply was never exercised.',
      ],
    },
  },
  {
    id: 'monitoring',
    phrases: [
      'lack of monitoring', 'insufficient monitoring', 'inadequate monitoring', 'poor monitoring', 'missing monitoring',
      'monitoring gaps', 'monitoring gap', 'not enough monitoring', 'monitoring was insufficient', 'monitoring was lacking',
      'monitoring was inadequate', 'lack of alerting', 'insufficient alerting', 'inadequate alerting', 'poor alerting',
      'missing alerting', 'lack of observability', 'poor observability', 'insufficient observability', 'lack of visibility',
      'limited visibility', 'poor visibility',
    ],
    instead: 'name the signal nobody measured or alerted on, and the threshold that would have fired',
    examples: {
      flag: ['Lack of monitoring.', 'Monitoring gaps', 'Insufficient alerting on the batch cluster.'],
      clean: [
        'Lack of monitoring: replica lag is graphed but has no alert, and it reached 40 minutes before anyone looked.',
        'No alert watches the age of the oldest message in the refund queue.',
      ],
    },
  },
  {
    id: 'alerts-missed',
    phrases: [
      'alerts were missed', 'alert was missed', 'missed alerts', 'missed alert', 'missed the alert', 'missed the alerts',
      'alerts were ignored', 'alert was ignored', 'ignored alerts', 'ignored the alert', 'ignored the alerts', 'alert fatigue',
      'alerts went unnoticed', 'alert went unnoticed', 'alerts were overlooked', 'alert was overlooked',
    ],
    instead: 'say where the alert went, what competed for attention, and why it did not page',
    examples: {
      flag: ['Alerts were missed.', 'Missed alerts', 'Alert fatigue.'],
      clean: [
        'The disk alert went to a channel that 14 other alerts also post to, and it does not page, so it sat unread for 3 hours.',
        'Alert fatigue: the cache alert fired 212 times in the week before, always resolving on its own, so it was muted.',
      ],
    },
  },
  {
    id: 'human-error',
    phrases: [
      'engineer error', 'engineering error', 'human error', 'operator error', 'user error', 'developer error', 'human mistake',
      'human oversight', 'an oversight', 'a mistake', 'mistakes were made', 'lack of attention', 'inattention', 'lack of care',
      'lack of experience', 'inexperience', 'lack of knowledge', 'knowledge gap', 'knowledge gaps', 'lack of awareness',
    ],
    instead: 'describe what made the action easy to get wrong (the interface, the missing check, the information at hand)',
    examples: {
      flag: ['Engineer error.', 'Human error during the deploy.', 'Lack of experience', 'An oversight.'],
      clean: [
        'The admin form accepts a region change without a confirmation step, and both regions are listed under the same name.',
        'Lack of experience with the new console: it hides the "apply to all zones" option behind a menu, so the change reached every zone.',
      ],
    },
  },
  {
    id: 'communication',
    phrases: [
      'poor communication', 'communication issues', 'communication issue', 'communication problems', 'communication problem',
      'communication breakdown', 'communication gaps', 'communication gap', 'miscommunication', 'lack of communication',
      'insufficient communication', 'lack of coordination', 'poor coordination', 'coordination issues', 'lack of alignment',
      'misalignment between teams', 'siloed teams',
    ],
    instead: 'say which message did not reach whom, through which channel, and what delayed it',
    examples: {
      flag: ['Poor communication between teams.', 'Communication issues.', 'Miscommunication', 'Lack of coordination between the app and API teams.'],
      clean: [
        "Communication issues: the vendor's maintenance notice went to a retired alias, so nobody on call saw it.",
        'The status page can only be updated by two people, and neither was on shift, so customers heard nothing for 50 minutes.',
      ],
    },
  },
  {
    id: 'process',
    phrases: [
      'process failure', 'process issues', 'process gap', 'process gaps', 'lack of process', 'inadequate process',
      'insufficient process', 'broken process', 'lack of documentation', 'insufficient documentation', 'poor documentation',
      'outdated documentation', 'missing documentation', 'lack of training', 'insufficient training', 'inadequate training',
      'lack of ownership', 'unclear ownership', 'lack of review', 'insufficient review', 'inadequate review', 'poor review',
      'inadequate procedures', 'insufficient procedures', 'lack of procedures', 'poor procedures',
      'lack of planning', 'poor planning', 'insufficient planning', 'time pressure', 'tight deadlines', 'resource constraints',
      'lack of resources', 'understaffing', 'technical debt', 'tech debt', 'legacy code', 'system complexity', 'bad luck',
    ],
    instead: 'name the step, document or owner that was missing and where it was needed',
    examples: {
      flag: ['Lack of documentation.', 'Process gaps', 'Technical debt.', 'Unclear ownership of the cron host.', 'Inadequate procedures.', 'Insufficient code review.'],
      clean: [
        'Lack of documentation: the failover runbook stops at promoting the replica and never mentions repointing the read pool.',
        'Nobody owns the shared cron host since the infrastructure team split in March, so its disk alerts go to an archived channel.',
      ],
    },
  },
];
