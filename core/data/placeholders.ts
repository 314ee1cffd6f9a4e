/**
 * Template leftovers, as reviewed data. Each entry names one kind of placeholder, the pattern that
 * finds it (run over the document's text outside code, comments, link targets and autolinks), what to
 * write instead, and examples that run as tests (test/core/analysis-data.test.ts): every `flag`
 * example must be reported by placeholder-text, no `clean` one.
 *
 * Words inside brackets are judged by the lists below: `[INCIDENT TITLE]` and `[describe the fix]` are
 * placeholders, `[detect]` (an action-item type tag), `[x]` (a task box) and `[1]` (a footnote) are not.
 */

export interface PlaceholderEntry {
  id: string;
  /** What the placeholder is, for the message ("a bracketed template placeholder"). */
  what: string;
  /** What to write instead, in a few words (goes into the message). */
  instead: string;
  examples: { flag: string[]; clean: string[] };
}

/**
 * Placeholders this extension's own quick-fixes write, for the author to replace. placeholder-text
 * reports each until it is replaced (a fix is right, or its result is still flagged); the suppression
 * reason is read by suppression-reason-missing, since comments are not prose.
 */
export const WRITTEN_PLACEHOLDERS = {
  owner: '@owner',
  ticket: '[ticket]',
  due: 'YYYY-MM-DD',
  safeguard: 'Name the safeguard that makes this safe without extra care: a check, a confirmation step or an alert',
  condition: 'What made this action possible or likely? (a missing check, a missing confirmation, access that should not exist)',
  suppressionReason: 'why this does not apply',
  change: 'the concrete change',
  check: 'a measurable check passes',
  habitFree: 'A safeguard that works without anyone remembering it',
} as const;

export const PLACEHOLDERS: PlaceholderEntry[] = [
  {
    id: 'written',
    what: 'a placeholder a quick-fix wrote',
    instead: 'what is true for this incident',
    examples: {
      flag: [
        '- Add a retry budget (owner: @owner)',
        '- Cache monitoring: the concrete change, done when a measurable check passes',
        'Name the safeguard that makes this safe without extra care: a check, a confirmation step or an alert.',
        'Root cause: the flag was flipped. Why was that possible? What made this action possible or likely? (a missing check, a missing confirmation, access that should not exist)',
      ],
      clean: ['- Add a retry budget (owner: @ownership-bot-maintainer)', 'The owner of the queue is @kim.'],
    },
  },
  {
    id: 'bracketed',
    what: 'a template placeholder',
    instead: 'the real value',
    examples: {
      flag: [
        '# [INCIDENT TITLE]',
        '| [action] | [owner] | [due date] | [ticket] |',
        'The patch was rolled out by [describe the rollout].',
        'Owner: [Name]',
        'Ticket: [JIRA-XXX]',
        '[Insert the dashboard screenshot here]',
      ],
      clean: [
        '- [ ] Add a lag alert to the replica dashboard',
        '- [x] Roll back the cache change',
        '- [detect] Page when the queue age passes 10 minutes',
        'See the [runbook](https://runbooks.example/cache) for the steps.',
        'The vendor confirmed it in writing [1].',
        'Retries are capped, as described in [the design doc][design].',
        'Three pods logged `[WARN] pool exhausted` before the crash.',
      ],
    },
  },
  {
    id: 'angle',
    what: 'a template placeholder',
    instead: 'the real value',
    examples: {
      flag: ['title: "<short incident title>"', '<insert latency graph>', 'Owner: <name>', 'Ticket <TICKET-ID> tracks the fix.'],
      clean: [
        'Latency stayed < 200 ms while errors stayed below 1%.',
        'The status history is at <https://status.example.org/incidents/42>.',
        'Mail <oncall@example.org> for access.',
        'The old host <www.example.org> still answered on port 80.',
        'The handler returns `Result<Order, Error>` now.',
        'Line one<br>line two',
        '<details><summary>Raw logs</summary>',
        'Queue depth went from <100 to >9000 in ten minutes.',
      ],
    },
  },
  {
    id: 'todo',
    what: 'a leftover TODO note',
    instead: 'the finished text, or track the open work as an action item',
    examples: {
      flag: ['TODO: add the error-rate graph.', 'Root cause: TODO', 'We restarted the pods (TODO confirm the time).', 'FIXME: the numbers below are from staging.'],
      clean: ['The `todo-api` service stayed up.', 'Lisa added a to-do list to the runbook.'],
    },
  },
  {
    id: 'tbd-body',
    what: 'a placeholder for the whole section',
    instead: "the section's content, or a note of who will write it and by when",
    examples: {
      flag: ['TBD', 'TBD - pending the vendor report.', 'To be determined.', 'TBC'],
      clean: ['The vendor report is expected on Friday; the analysis will be added then.', 'The TBD column of the capacity sheet was empty.'],
    },
  },
  {
    id: 'xxx',
    what: 'a placeholder for a missing value',
    instead: 'the real figure or text',
    examples: {
      flag: ['XXX customers saw failed payments.', 'Revenue impact: $XX,XXX.', 'XXX fill in after the review.', 'Ticket: OPS-XXX'],
      clean: ['Shirt sizes S to XXL were out of stock.', 'The XXVI edition of the conference.'],
    },
  },
  {
    id: 'date-template',
    what: 'a date or time template',
    instead: 'the actual date or time',
    examples: {
      flag: ['| YYYY-MM-DD HH:MM | Deploy starts |', 'Date: DD/MM/YYYY', '- hh:mm - alert fires', 'Due: YYYY-MM-DD', 'Resolved at HH:MM UTC.'],
      clean: ['Dates are written as ISO 8601 dates, for example 2026-03-15.', 'The log format is `YYYY-MM-DD HH:MM:SS`.'],
    },
  },
  {
    id: 'number-template',
    what: 'a number template',
    instead: 'the measured figure',
    examples: {
      flag: ['Error rate peaked at N%.', 'About X% of requests failed.', 'N users could not log in.', 'Duration: N minutes'],
      clean: ['The N+1 query in the order list was the slow part.', 'Plan B was to fail over.', 'Error rate peaked at 14%.'],
    },
  },
  {
    id: 'filler',
    what: 'template filler text',
    instead: 'the real content',
    examples: {
      flag: ['Lorem ipsum dolor sit amet.', 'Add text here.', 'Describe the impact here.', 'Fill in later.'],
      clean: ['Here is where the queue backed up.', 'The team will fill in the cost figures after the invoice arrives on 2026-04-02.'],
    },
  },
];

/** Action-item type tags and other bracketed words that are no placeholders. */
export const BRACKET_TAGS = [
  'prevent', 'prevention', 'preventive', 'detect', 'detection', 'mitigate', 'mitigation', 'process', 'document', 'documentation',
  'repair', 'respond', 'response', 'investigate', 'follow-up', 'followup', 'done', 'open', 'in progress', 'closed',
  'wip', 'p0', 'p1', 'p2', 'p3', 'p4', 'high', 'medium', 'low', 'critical', 'major', 'minor', 'info', 'warn', 'warning', 'error',
  'debug', 'note', 'update', 'resolved', 'monitoring', 'identified', 'investigating', 'sic', 'redacted', 'edit', 'edited',
  'ok', 'na', 'n/a', 'x', ' ', 'pdf', 'archived', 'deprecated', 'optional', 'required', 'draft',
];

/**
 * Words that make bracketed text a placeholder when it starts with one of them (instructions:
 * "[describe …]", "[insert …]") or consists only of them ("[owner]", "[due date]", "[team name]").
 */
export const PLACEHOLDER_VERBS = [
  'describe', 'insert', 'add', 'enter', 'fill', 'write', 'explain', 'list', 'summarize', 'summarise', 'include', 'replace',
  'paste', 'link to', 'name of', 'what', 'who', 'when', 'how', 'why', 'your', 'e.g.', 'eg', 'optional:', 'placeholder',
];
export const PLACEHOLDER_NOUNS = [
  'action', 'action item', 'actions', 'owner', 'owners', 'assignee', 'name', 'names', 'person', 'team', 'team name', 'date',
  'due', 'due date', 'deadline', 'time', 'timestamp', 'ticket', 'ticket id', 'ticket number', 'issue', 'link', 'url', 'type',
  'priority', 'status', 'severity', 'sev', 'title', 'incident title', 'incident name', 'service', 'service name', 'system',
  'component', 'description', 'details', 'summary', 'impact', 'root cause', 'event', 'events', 'number', 'count', 'percentage',
  'duration', 'author', 'authors', 'commander', 'incident commander', 'responders', 'region', 'customer', 'customers',
  'value', 'text', 'something', 'tbd', 'tbc', 'todo', 'n', 'xxx', 'x%', 'n%', 'jira', 'jira ticket', 'jira-xxx', 'version',
  'reason', 'cause', 'fix', 'graph', 'screenshot', 'chart', 'image', 'dashboard', 'channel', 'slack channel', 'id',
  'incident id', 'incident', 'metric', 'threshold', 'step', 'steps', 'here', 'thing', 'item', 'task', 'description of event',
];

/** Filler phrases that only ever come from templates. */
export const FILLER_PHRASES = [
  'lorem ipsum', 'add text here', 'text goes here', 'insert text here', 'your text here', 'fill in later', 'fill this in',
  'to be filled in', 'to be written', 'to be completed', 'coming soon', 'describe the impact here', 'describe here',
  'add details here', 'add description here', 'write here',
];

/** HTML element names: `<br>`, `<details>`, `<kbd>` are markup, not placeholders. */
export const HTML_TAGS = [
  // Names that are also common placeholder words (<time>, <link>, <label>, <source>, <header>) are left out on purpose.
  'a', 'abbr', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col',
  'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'font', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hr', 'i', 'iframe', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'script', 'small',
  'span', 'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u',
  'ul', 'var', 'video', 'wbr', 'svg', 'path', 'g',
];
