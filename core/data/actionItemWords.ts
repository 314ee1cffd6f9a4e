/**
 * Action-item wording, as reviewed data: what makes an item vague, which owners are teams rather than
 * one person, which status words mean done or still open, and which id-like words are not tickets.
 *
 * Every list carries flagged and clean examples; test/core/actionItems-data.test.ts runs each example
 * through the function that uses the list (`isVague`, `ownerKind`, `statusOf`, ...), so changing a list
 * without changing what it should do fails a test. Phrases are literals matched case-insensitively on
 * word boundaries (one pass per list with the core's PhraseMatcher), never user regular expressions.
 */

export interface VagueEntry {
  id: string;
  phrases: string[];
  /**
   * 'start': the phrase must open the item (after tags, "Kim to", "We should"), where it is the verb of
   * the whole item ("Investigate X"); 'anywhere': the phrase is vague wherever it stands.
   */
  position: 'start' | 'anywhere';
  /**
   * True when a concrete artifact, threshold or check written with the phrase makes the item concrete
   * ("Improve monitoring: alert when lag > 5 min"). Exhortations are never rescued.
   */
  rescuable: boolean;
  /** What to write instead, as the end of the message's sentence. */
  instead: string;
  examples: { flag: string[]; clean: string[] };
}

export const VAGUE_PHRASES: VagueEntry[] = [
  {
    id: 'improve',
    phrases: ['improve', 'enhance', 'optimise', 'optimize', 'strengthen', 'beef up', 'level up', 'rework', 'revamp', 'harden'],
    position: 'start',
    rescuable: true,
    instead: 'name the change and the measurable result that shows it is done',
    examples: {
      flag: ['Improve alerting for the billing queue', 'Enhance our deploy pipeline', 'Harden the bastion hosts'],
      clean: [
        'Improve queue alerting: page when the oldest billing message is older than 10 minutes',
        'Enhance the deploy pipeline with a `terraform plan` step that fails on any destroy',
        'Add a dashboard panel that tracks improvement in p99 latency',
      ],
    },
  },
  {
    id: 'investigate',
    phrases: [
      'investigate',
      'look into',
      'look at',
      'dig into',
      'research',
      'explore',
      'evaluate',
      'assess',
      'figure out',
      'find out',
      'check whether',
      'check if',
      'see if',
      'see whether',
      'understand why',
      'understand how',
      'spike on',
      'do a spike',
    ],
    position: 'start',
    rescuable: true,
    instead: 'name the question, what the answer will produce (a decision, a ticket, a change) and when',
    examples: {
      flag: ['Investigate the CDN timeouts', 'Look into a second DNS provider', 'Figure out why the cache warms so slowly', 'Evaluate a managed queue'],
      clean: [
        'Investigate the 3 slowest queries from the incident and file one ticket per fix',
        'Add a runbook step to look at the replication dashboard before failover',
        'Explore results are cached for `24h` in the new build',
      ],
    },
  },
  {
    id: 'consider',
    phrases: [
      'consider',
      'think about',
      'discuss',
      'reflect on',
      'reflect if',
      'revisit',
      'reconsider',
      'brainstorm',
      'talk about',
      'have a talk',
      'have a chat',
      'follow up on',
      'follow up with',
      'sync on',
      'align on',
    ],
    position: 'start',
    rescuable: true,
    instead: 'state the decision to be made or the change to be shipped, with a done-condition',
    examples: {
      flag: ['Consider nightly restore tests', 'Discuss ownership of the shared Redis', 'Revisit the paging policy', 'Follow up with the vendor'],
      clean: ['Consider a ticket closed only when its alert has fired in staging once', 'Add the discussion notes to the runbook page `pager-policy`'],
    },
  },
  {
    id: 'maybe',
    // Words that leave the whole item uncommitted. A hedge on a concrete change ("if possible",
    // "possibly", "maybe", "where possible") does not make it vague: the change is still named.
    phrases: [
      'if time permits',
      'if we have time',
      'if we find time',
      'nice to have',
      'might be an option',
      'could be an option',
      'would be nice',
      'would be good',
    ],
    position: 'anywhere',
    rescuable: false,
    instead: 'commit to one change, or drop the item',
    examples: {
      flag: ['Shard the index if time permits', 'A read replica might be an option', 'A second region would be nice'],
      clean: [
        'Add a canary stage that takes 5% of traffic for 30 minutes',
        'Shard the index if possible',
        'Possibly split the label queue in two per warehouse',
        'Maybe add a canary stage before the fleet rollout',
        'Retry uploads three times where possible',
      ],
    },
  },
  {
    id: 'make-better',
    // "Make X safer" and its kin. The matcher requires one of the `MAKE_VERBS` before the phrase.
    phrases: [
      'safer',
      'better',
      'more robust',
      'more reliable',
      'more resilient',
      'more stable',
      'more secure',
      'more visible',
      'more generic',
      'more efficient',
      'more effective',
      'more consistent',
      'more predictable',
      'clearer',
      'easier',
      'smoother',
      'less fragile',
      'less risky',
      'less error-prone',
      'less brittle',
    ],
    position: 'anywhere',
    rescuable: true,
    instead: 'name the safeguard or change that makes it so, and how to tell it is done',
    examples: {
      flag: ['Make schema migrations safer', 'Make the failover more robust', 'Make on-call handovers clearer'],
      clean: [
        'Make schema migrations safer: CI rejects any migration that locks a table for more than 2 seconds',
        'Use better-sqlite3 for the local cache',
        'Move the retry budget to config so it is easier to tune',
      ],
    },
  },
  {
    id: 'more-of',
    phrases: [
      'test more',
      'more testing',
      'more tests',
      'better testing',
      'better tests',
      'add more tests',
      'write more tests',
      'more test coverage',
      'more monitoring',
      'better monitoring',
      'improve monitoring',
      'more alerts',
      'more alerting',
      'better alerting',
      'better alerts',
      'more logging',
      'better logging',
      'more visibility',
      'better visibility',
      'more observability',
      'better observability',
      'more documentation',
      'better documentation',
      'better docs',
      'more docs',
      'better communication',
      'communicate better',
      'improve communication',
      'more communication',
      'better coordination',
      'more coverage',
      'better coverage',
    ],
    position: 'anywhere',
    rescuable: true,
    instead: 'name the test, alert or document and what it checks (a metric, a threshold, a scenario)',
    examples: {
      flag: ['Test more before releases', 'Better monitoring of the export workers', 'Set up more alerts for the gateway'],
      clean: [
        'Better monitoring of export workers: alert when no export finishes for 30 minutes',
        'Test more failure modes: add a chaos test that kills the leader and checks re-election within 20 s',
      ],
    },
  },
  {
    id: 'exhortation',
    phrases: [
      'be more careful',
      'more careful',
      'be careful',
      'take more care',
      'take care when',
      'pay more attention',
      'pay closer attention',
      'pay attention',
      'be more vigilant',
      'be vigilant',
      'be more diligent',
      'be more mindful',
      'be mindful',
      'be aware',
      'be more aware',
      'try harder',
      'do better',
      'keep in mind',
      'stay alert',
      'raise awareness',
      'increase awareness',
      'create awareness',
      'build awareness',
      'spread awareness',
      'awareness of',
      'remind everyone',
      'remind people',
      'remind engineers',
      'remind the team',
      'make sure everyone',
      'make people aware',
      'make everyone aware',
    ],
    position: 'anywhere',
    rescuable: false,
    instead: 'name a safeguard (a check, a confirmation step, an alert, a default) that works without anyone remembering it',
    examples: {
      flag: [
        'Be more careful when editing firewall rules',
        'Raise awareness of the rate limits among app developers',
        'Remind everyone to drain nodes first',
        'Engineers need to pay more attention to disk alerts',
      ],
      clean: ['Require a second approval in the firewall tool for rules that touch 0.0.0.0/0', 'Add an awareness banner to the status page template'],
    },
  },
  {
    id: 'exhortation-verb',
    phrases: ['double-check', 'double check', 'remember to', 'remind', 'educate', 're-educate', 'keep an eye on', 'watch out for', 'be on the lookout'],
    position: 'start',
    rescuable: false,
    instead: 'name a safeguard (a check, a confirmation step, an alert, a default) that works without anyone remembering it',
    examples: {
      flag: [
        'Dana to double-check DNS changes',
        'Remember to drain the node before patching',
        'Educate developers about connection limits',
        'Keep an eye on disk usage',
      ],
      clean: ['Add a double-check prompt to the DNS tool for apex records', 'Send a reminder email 14 days before each certificate expires'],
    },
  },
];

/** Verbs that, before a comparative ("Make X safer"), make the item a wish rather than a change. */
export const MAKE_VERBS = ['make', 'making', 'get', 'keep', 'become', 'render', 'be'];

/**
 * What turns a rescuable vague item concrete. Each entry is a regular expression source written here
 * (never user input); all are anchored on word boundaries and linear.
 */
export const CONCRETE_SIGNALS: Array<{ id: string; re: RegExp; note: string }> = [
  {
    id: 'quantity',
    re: /(?<![\p{L}\p{N}])\d+(?:[.,]\d+)?\s*(?:[\p{Ll}-]+\s+)?(?:%|percent\b|ms\b|s\b|sec\b|secs\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|d\b|days?\b|weeks?\b|months?\b|[kmgt]i?b\b|rows?\b|requests?\b|req\/s|rps\b|qps\b|errors?\b|retries\b|attempts?\b|replicas?\b|nodes?\b|pods?\b|workers?\b|connections?\b|times\b|x\b|users?\b|jobs?\b|files?\b|messages?\b|events?\b|calls?\b|checks?\b|steps?\b|items?\b|queries\b|regions?\b|zones?\b|gpus?\b|cpus?\b|cores?\b|shards?\b|versions?\b|per\b|a\s+(?:day|week|month|minute|second|hour)\b)/iu,
    note: 'a number with a unit: a threshold, a limit, a window',
  },
  {
    id: 'comparison',
    re: /(?:[<>≤≥]=?\s*\d|(?<![\p{L}])(?:above|below|over|under|more than|fewer than|less than|at least|at most|exceeds?|within|every|up to)\s+\d)/iu,
    note: 'a comparison with a number',
  },
  { id: 'code', re: /`[^`\n]+`/u, note: 'a code span naming a setting, flag, command or file' },
  {
    id: 'check',
    re: /(?<![\p{L}])(?:alert|alerts|page|pages|notify|fail|fails|block|blocks|reject|rejects|refuse|refuses)\s+(?:when|if|on|any|the build|ci|every|whenever)(?![\p{L}])|(?<![\p{L}])(?:(?:done|closed|complete|finished)\s+(?:only\s+)?(?:when|if|once)|a (?:ci )?(?:check|test|lint|gate|alert|rule) (?:that|which|for|when|to)|game-?day|chaos test|load test of)(?![\p{L}])/iu,
    note: 'an alert, check or test with its condition, or an explicit done-condition',
  },
  {
    id: 'output',
    re: /(?<![\p{L}])(?:(?:file|open|create|raise)\s+(?:a|an|one)\s+(?:ticket|issue|bug)|record\s+(?:the\s+)?(?:answer|findings?|decision|results?)\s+in|write\s+(?:up\s+)?(?:a|an|the)\s+(?:decision|adr|design doc|proposal|rfc)|decide\s+(?:between|whether))(?![\p{L}])/iu,
    note: 'an investigation that names what it produces: a ticket, a recorded decision, a design doc',
  },
  {
    id: 'investigate-and-fix',
    re: /(?<![\p{L}])(?:investigate|look into|dig into|debug|diagnose|find)\s+and\s+(?:fix|resolve|repair|correct|patch|remove)\s+(?:the\s+|a\s+|an\s+)?[\p{L}\p{N}`]/iu,
    note: 'an investigation that ends in a fix of a named thing ("investigate and fix the renderer timeout")',
  },
  {
    id: 'colon-action',
    re: /:\s*(?:add|set|alert|page|write|run|pin|move|create|build|enable|disable|remove|replace|reject|fail|block|limit|cap|require|publish|record|split|rename|delete|schedule|automate|deploy|ship|migrate|switch|route|raise|lower|file)\s/iu,
    note: 'after a colon, the concrete change the vague opening stands for',
  },
];

/**
 * Evaluative qualities that, stated of a subject in place of an action ("The test suite is easy to
 * extend", "Deploy code should be simpler to read"), make an item an aspiration: an outcome with no
 * change named. Read by `aspiration()` in rules/action-item-vague.ts, which also needs the copula.
 */
export const ASPIRATION_QUALITIES = [
  'easy',
  'easier',
  'simple',
  'simpler',
  'high quality',
  'high-quality',
  'higher quality',
  'reliable',
  'robust',
  'resilient',
  'stable',
  'maintainable',
  'understandable',
  'readable',
  'safe',
  'safer',
  'secure',
  'better',
  'clear',
  'clearer',
  'well tested',
  'well-tested',
  'well documented',
  'well-documented',
  'straightforward',
  'intuitive',
  'scalable',
  'healthy',
  'bulletproof',
  'foolproof',
];

export const ASPIRATION_EXAMPLES = {
  flag: [
    'The import service is high quality and easy to extend',
    'Billing code should be easy to read and to test',
    'Our runbooks are well documented',
    'Deploys must be safer for everyone',
  ],
  clean: [
    'Ensure the import service is reliable by adding a 5xx alert on it',
    'Add retries so the upload is safe to repeat',
    'Pin the driver version',
    'The retry budget is 3 attempts per job',
  ],
};

/** Words (after the tags and owner prefix) that may open an item before its verb, e.g. "We should investigate". */
export const ITEM_PREFIX =
  /^(?:(?:we|i|the team|team|they|you)\s+(?:should|need to|must|have to|will|want to|could|can|would like to|'ll|are going to)\s+|(?:todo|action|ai|follow[- ]?up)\s*[:-]\s*|(?:please|let's|lets)\s+|(?:[\p{Lu}][\p{L}'-]+|@[\w.-]+)\s+(?:to|will|should)\s+)/iu;

// ---------------------------------------------------------------------------------------------
// Owners
// ---------------------------------------------------------------------------------------------

/** Whole owner values that name a group of people rather than one person. */
export const TEAM_OWNERS = [
  'we',
  'us',
  'our team',
  'all',
  'all of us',
  'everyone',
  'everybody',
  'all engineers',
  'all devs',
  'all hands',
  'the team',
  'team',
  'engineering',
  'eng',
  'dev',
  'devs',
  'developers',
  'engineers',
  'sre',
  'sres',
  'sre team',
  'dba',
  'dbas',
  'qa',
  'security',
  'sec',
  'secops',
  'infosec',
  'infra',
  'infrastructure',
  'platform',
  'backend',
  'back-end',
  'frontend',
  'front-end',
  'mobile',
  'ios',
  'android',
  'web',
  'devops',
  'ops',
  'operations',
  'support',
  'customer support',
  'customer success',
  'marketing',
  'sales',
  'legal',
  'finance',
  'product',
  'design',
  'data',
  'data engineering',
  'analytics',
  'networking',
  'network',
  'it',
  'helpdesk',
  'help desk',
  'management',
  'leadership',
  'on-call',
  'oncall',
  'on call',
  'the on-call',
  'on-call rotation',
  'release engineering',
  'release management',
  'compliance',
  'hr',
  'facilities',
  'vendor',
  'the vendor',
  'contractors',
  'staff',
  'managers',
  'tech leads',
  'leads',
  'owners',
  'maintainers',
  'reviewers',
  'everyone involved',
];

/** Last words of an owner value, or segments of a handle, that mark a group ("SRE team", "@edge-team", "@payments-oncall"). */
export const TEAM_WORDS = [
  'team',
  'teams',
  'squad',
  'squads',
  'group',
  'groups',
  'guild',
  'crew',
  'tribe',
  'chapter',
  'department',
  'dept',
  'org',
  'organisation',
  'organization',
  'rotation',
  'oncall',
  'ops',
  'devops',
  'finops',
  'secops',
  'leads',
  'tools',
  'admins',
  'owners',
  'maintainers',
  'reviewers',
  'engineers',
  'devs',
  'developers',
  'folks',
  'staff',
  'committee',
  'council',
  'board',
  'everyone',
  'all',
  'sre',
  'sres',
  'dba',
  'dbas',
  'qa',
  'infra',
  'platform',
  'security',
  'support',
  'eng',
  'engineering',
  'backend',
  'frontend',
  'core',
];

export const OWNER_EXAMPLES = {
  team: [
    'SRE team',
    'Team Payments',
    '@edge-team',
    '@payments-oncall',
    'everyone',
    'we',
    'Security',
    'DBA',
    'backend',
    '@acme/storage',
    'Platform team',
    '@checkout-leads',
    'QA',
  ],
  person: ['@kim', 'Priya Raman', '@hye-jin', 'Tomasz', '@mary-jane', '@j.doe', 'dana@example.com'],
  several: ['@kim, @lee', '@kim and @lee', 'Priya / Tomasz', '@kim & @lee'],
};

// ---------------------------------------------------------------------------------------------
// Status
// ---------------------------------------------------------------------------------------------

/** Status values that mean the item is finished (or will not be done), so it can never be overdue. */
export const DONE_STATUS = [
  'done',
  'complete',
  'completed',
  'closed',
  'fixed',
  'resolved',
  'shipped',
  'merged',
  'deployed',
  'released',
  'finished',
  'implemented',
  'landed',
  'yes',
  'y',
  'x',
  '[x]',
  '✅',
  '✔',
  '✔️',
  '☑',
  '☑️',
  "won't do",
  'wont do',
  'wontfix',
  "won't fix",
  'cancelled',
  'canceled',
  'dropped',
  'obsolete',
  'superseded',
  'duplicate',
  'rejected',
  'n/a',
];

/** Status values that say explicitly the item is not finished. Anything else is unknown and never overdue. */
export const OPEN_STATUS = [
  'open',
  'in progress',
  'in-progress',
  'inprogress',
  'wip',
  'to do',
  'todo',
  'to-do',
  'not started',
  'pending',
  'blocked',
  'planned',
  'backlog',
  'in backlog',
  'started',
  'ongoing',
  'in review',
  'under review',
  'new',
  'scheduled',
  'not done',
  'no',
  'n',
  '[ ]',
  '❌',
  '⏳',
  '🚧',
  'active',
  'doing',
  'reopened',
  'on hold',
  'waiting',
];

export const STATUS_EXAMPLES = {
  done: ['Done', 'completed', '✅ Done', 'Closed (2026-03-02)', 'Fixed in v2.4'],
  open: ['Open', 'In progress', 'To do', 'Not started', 'blocked on vendor'],
  unknown: ['', 'see ticket', 'Q3 plan', 'Sprint 14'],
};

// ---------------------------------------------------------------------------------------------
// Tickets and types
// ---------------------------------------------------------------------------------------------

/** Prefixes of `ABC-123`-shaped words that are standards, versions or severities, not tickets. */
export const NOT_TICKET_PREFIXES = [
  'SEV',
  'P',
  'UTF',
  'ISO',
  'RFC',
  'SHA',
  'MD',
  'AES',
  'RSA',
  'ECDSA',
  'CVE',
  'CWE',
  'GHSA',
  'TLS',
  'SSL',
  'HTTP',
  'IPV',
  'IPV4',
  'IPV6',
  'EC',
  'COVID',
  'GPT',
  'ES',
  'ECMA',
  'PEP',
  'JSR',
  'WCAG',
  'PCI',
  'SOC',
  'X',
  'H',
  'T',
  'N',
  'Q',
  'FY',
  'W',
];

export const TICKET_EXAMPLES = {
  ticket: ['OPS-1204', '#482', 'https://tracker.example.com/browse/OPS-1204', '[OPS-1204](https://tracker.example.com/OPS-1204)', 'gh-77'],
  notTicket: ['#incident-db', '#mobile-releases', 'SEV-2', 'UTF-8', 'CVE-2024-1234', 'P1', 'ISO-8601', 'Q3-2026'],
};

/** The catalogue's types, with the words that name them. */
export const ACTION_TYPE_WORDS: Record<'prevent' | 'detect' | 'mitigate' | 'process' | 'document', string[]> = {
  prevent: ['prevent', 'prevention', 'preventive', 'preventative'],
  detect: ['detect', 'detection', 'monitor', 'monitoring', 'observability', 'alerting'],
  mitigate: ['mitigate', 'mitigation', 'mitigations', 'resilience'],
  process: ['process', 'procedure', 'policy'],
  document: ['document', 'documentation', 'docs', 'runbook'],
};

export const TYPE_EXAMPLES = {
  typed: ['prevent', 'Detection', 'mitigate', 'Process', 'docs'],
  untyped: ['', 'bug', 'improvement', 'P2', 'tbd'],
};
