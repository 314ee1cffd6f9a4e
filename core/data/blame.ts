/**
 * Blame wording, as reviewed data. Each entry: the phrases (literal, matched case-insensitively on word
 * boundaries, all entries in one pass), what they are, whether they are blame only when a person is
 * the subject, a suggestion in blameless words, and examples that run as tests
 * (test/core/phrases.test.ts): every `flag` example must be reported, no `clean` one.
 */

export type BlameKind =
  /** "should have", "could have": a counterfactual aimed at whoever the subject is. */
  | 'counterfactual'
  /** "failed to", "neglected to", "forgot to": an omission aimed at the subject. */
  | 'omission'
  /** "careless", "sloppy": a judgement of character, whoever it is about. */
  | 'judgement'
  /** "be more careful": an exhortation instead of a safeguard. */
  | 'exhortation'
  /** "why didn't anyone…": a rhetorical accusation. */
  | 'accusation'
  /** "X's fault", "to blame". */
  | 'fault'
  /** "!!", "?!". */
  | 'outrage';

export interface PhraseEntry {
  id: string;
  phrases: string[];
  kind: BlameKind;
  /** Reported only when the clause's subject is a person or a group of people. */
  personSubject: boolean;
  /** What to write instead, in one sentence (goes into the message). */
  instead: string;
  examples: { flag: string[]; clean: string[] };
}

export const BLAME_PHRASES: PhraseEntry[] = [
  {
    id: 'should-have',
    phrases: ['should have', "should've", 'shouldn\'t have', 'should not have', 'ought to have', 'should have known better'],
    kind: 'counterfactual',
    personSubject: true,
    instead: 'describe what the process, tooling or information at the time did or did not require',
    examples: {
      flag: [
        'The on-call engineer should have rolled back the release straight away.',
        'Marta should have checked the replica lag before failing over.',
        'We should have paged the database team earlier.',
        'Support shouldn\'t have closed the first tickets as duplicates.',
      ],
      clean: [
        'The health check should have failed the node out of the pool within a minute.',
        'The `reaper` job should have skipped locked rows.',
        'The load balancer should not have kept routing to the drained zone.',
        'We should have a review of the ownership of the ingress layer.',
      ],
    },
  },
  {
    id: 'could-have',
    phrases: ['could have', "could've"],
    kind: 'counterfactual',
    personSubject: true,
    instead: 'say what would have made the better action the easy one (a check, an alert, a runbook step)',
    examples: {
      flag: ['The reviewer could have spotted the missing index.', 'They could have asked before running the script.'],
      clean: [
        'The queue could have absorbed another hour of traffic.',
        'The cache could have served stale pages for longer.',
        'Announcing the test plan early would have let the teams run their own checks, so they could have tested their paths too.',
        'Declaring an incident sooner could have helped.',
      ],
    },
  },
  {
    id: 'failed-to',
    phrases: ['failed to', 'fails to', 'neglected to', 'neglects to', 'forgot to', 'forgets to', 'forget to', 'forgetting to', 'forgot about', 'forgot', 'forgotten', 'omitted to'],
    kind: 'omission',
    personSubject: true,
    instead: 'state what did not happen ("did not …") and what would have made it happen',
    examples: {
      flag: [
        'The release manager failed to notice the canary errors.',
        'Dev forgot to update the feature flag default.',
        'The platform team neglected to document the manual step.',
      ],
      clean: [
        'The pod failed to start because the image tag did not exist.',
        'The replica failed to catch up after the network partition.',
        'Terraform failed to acquire the state lock.',
      ],
    },
  },
  {
    id: 'didnt-bother',
    phrases: ["didn't bother", 'did not bother', 'never bothered', 'nobody bothered', 'no one bothered', "couldn't be bothered", 'could not be bothered'],
    kind: 'judgement',
    personSubject: false,
    instead: 'describe the step that was skipped and what made skipping it easy',
    examples: {
      flag: ["The on-call didn't bother to read the alert text.", 'No one bothered to update the runbook after the migration.'],
      clean: ['The bother of manual certificate rotation is why the renewal job exists.', 'Nothing about the slow rollout bothered the canary analysis.'],
    },
  },
  {
    id: 'didnt-even',
    phrases: ["didn't even", 'did not even', 'never even'],
    kind: 'judgement',
    personSubject: true,
    instead: 'describe the step that was skipped and what made skipping it easy',
    examples: {
      flag: ['The author did not even run the tests locally.', "We didn't even open the error dashboard for an hour."],
      clean: ["The disk alert didn't even fire, because its threshold was 100%.", 'The canary never even received traffic.'],
    },
  },
  {
    id: 'character',
    phrases: [
      'careless', 'carelessly', 'carelessness', 'sloppy', 'sloppiness', 'negligent', 'negligently', 'negligence', 'laziness', 'incompetent', 'incompetence', 'reckless', 'recklessly', 'irresponsible', 'clueless', 'stupid', 'dumb',
      'boneheaded', 'rookie mistake', 'amateurish', 'inexcusable',
    ],
    kind: 'judgement',
    personSubject: false,
    instead: 'describe the action and the conditions around it without judging the person',
    examples: {
      flag: ['It was a careless change to a shared config.', 'The rollout plan was sloppy.', 'Skipping review was negligent.'],
      clean: ['Lazy loading of images kept the page usable.', 'The lazy-loaded bundle was cached for a day.', 'The reviewer found the change ambiguous.'],
    },
  },
  {
    id: 'not-thorough',
    phrases: ['without being thorough', "wasn't thorough", 'was not thorough', 'were not thorough', 'not thorough enough', 'lack of diligence', 'without due care', 'half-hearted'],
    kind: 'judgement',
    personSubject: false,
    instead: 'describe what was checked and what the tool or checklist did not show',
    examples: {
      flag: ['The reviewer looked over the plan without being thorough.', 'The migration check was not thorough enough.'],
      clean: ['A thorough comparison of the two zone files found four missing records.', 'The checklist now lists every subdomain.'],
    },
  },
  {
    id: 'dropped-the-ball',
    phrases: [
      'dropped the ball', 'asleep at the wheel', 'asleep at the switch', 'dropped the ball on', 'caught napping',
      'asleep on the job', 'fell asleep on the job', 'slept through', 'caught off guard', 'shrugged off', 'half-baked',
      'slapdash', 'shoddy', 'thoughtless', 'a silly mistake', 'a blunder', 'was a blunder', 'too casual',
    ],
    kind: 'judgement',
    personSubject: false,
    instead: 'name the hand-off or signal that was missing',
    examples: {
      flag: ['The vendor team dropped the ball on the renewal.', 'The on-call slept through two pages.', 'The flag team was caught napping again.'],
      clean: ['The ball-tracking service stayed up.', 'The batch job slept for thirty seconds between retries.'],
    },
  },
  {
    id: 'fault',
    phrases: ["'s fault", 'at fault', 'fault of', 'our fault', 'his fault', 'her fault', 'their fault', 'my fault', 'your fault', 'to blame', 'is to blame', 'are to blame', 'blame lies', 'the blame'],
    kind: 'fault',
    personSubject: false,
    instead: 'describe the conditions that allowed the failure instead of assigning fault',
    examples: {
      flag: ["It was Priya's fault for merging on a Friday.", 'The contractors are to blame for the outage.'],
      clean: ['The default timeout was 30 seconds.', 'A disk fault on the primary triggered the failover.', 'Fault injection in staging reproduced it.'],
    },
  },
  {
    id: 'be-more-careful',
    phrases: ['be more careful', 'be careful', 'being more careful', 'been more careful', 'pay more attention', 'pay closer attention', 'be more vigilant', 'be vigilant', 'stay vigilant', 'be more cautious', 'be cautious', 'be more diligent', 'be more mindful', 'double-check more', 'try harder', 'remember to', 'take extra care', 'take more care', 'needs to double-check', 'need to double-check', 'must double-check', 'slow down and double-check', 'show more patience'],
    kind: 'exhortation',
    personSubject: false,
    instead: 'name a concrete safeguard (a check, a confirmation step, an alert) that makes care unnecessary',
    examples: {
      flag: ['Engineers need to be more careful when editing DNS records.', 'Pay more attention to the deploy dashboard.'],
      clean: ['Careful capacity planning kept headroom at 40%.', 'The second migration was more careful: every record was compared.'],
    },
  },
  {
    id: 'why-didnt-anyone',
    phrases: ["why didn't anyone", 'why did no one', 'why did nobody', "why didn't someone", "why didn't they", "why didn't we", 'why did not anyone', 'how did nobody', 'how did no one', 'how could anyone'],
    kind: 'accusation',
    personSubject: false,
    instead: 'ask "what would have caught this earlier?"',
    examples: { flag: ["Why didn't anyone notice the disk filling up?"], clean: ['Why did the disk fill up?'] },
  },
  {
    id: 'ridiculous',
    phrases: ['which is ridiculous', 'ridiculous', 'absurd', 'shameful', 'a disgrace'],
    kind: 'judgement',
    personSubject: false,
    instead: 'state the fact on its own; the numbers carry the weight',
    examples: { flag: ['The review took four days, which is ridiculous.'], clean: ['The review took four days.'] },
  },
  {
    id: 'outrage',
    phrases: ['!!', '?!', '!?', '!!!'],
    kind: 'outrage',
    personSubject: false,
    instead: 'end the sentence with a full stop',
    examples: { flag: ['Nobody ran the migration in staging!!'], clean: ['Traffic recovered at 14:10.'] },
  },
];

/**
 * Words that make a subject a person or a group of people. Anything else (a service, a job, a check,
 * a code span, an unknown capitalised word that is no known name) is treated as a system.
 */
export const PERSON_WORDS = [
  'i', 'we', 'you', 'he', 'she', 'they', 'someone', 'somebody', 'anyone', 'anybody', 'nobody', 'no one', 'everyone', 'everybody',
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'operator', 'operators', 'on-call', 'oncall', 'on call',
  'responder', 'responders', 'reviewer', 'reviewers', 'author', 'authors', 'admin', 'admins', 'administrator', 'administrators',
  'team', 'teams', 'staff', 'person', 'people', 'human', 'humans', 'manager', 'managers', 'lead', 'leads', 'support', 'ops',
  'sre', 'sres', 'dba', 'dbas', 'qa', 'tester', 'testers', 'contractor', 'contractors', 'vendor', 'intern', 'interns',
  'colleague', 'colleagues', 'member', 'members', 'analyst', 'analysts', 'commander', 'marketing', 'sales', 'security',
  'employee', 'employees', 'folks', 'guy', 'guys', 'owner', 'owners', 'maintainer',
  'maintainers', 'approver', 'approvers', 'requester', 'submitter', 'deployer', 'release manager', 'whoever', 'somebody else',
  'management', 'leadership', 'engineering', 'finance', 'legal', 'customer', 'customers', 'user', 'users', 'partner',
  'partners', 'on-caller', 'on-callers', 'oncaller', 'individual', 'individuals', 'coworker', 'coworkers',
  // Role nouns: whoever holds the role is a person.
  'technician', 'technicians', 'sysadmin', 'sysadmins', 'programmer', 'programmers', 'coder', 'coders', 'contributor',
  'contributors', 'committer', 'committers', 'moderator', 'moderators', 'volunteer', 'volunteers', 'team member',
  'team members', 'staff member', 'staff members', 'captain', 'coordinator', 'dispatcher', 'dispatchers', 'clerk',
  'specialist', 'specialists', 'consultant', 'consultants', 'architect', 'architects', 'sre engineer',
];

/** Cues that a sentence quotes or discusses blame in order to set it aside. */
export const REJECTION_CUES = [
  'rather than blaming', 'instead of blaming', 'set aside', 'removed from the draft', 'removed in review', 'we removed', 'the review removed', 'struck from',
  'first draft', 'earlier draft', 'an early draft', 'tempting to', 'not a useful', 'is not an explanation', 'would have hidden',
  'calling that', 'calling it', 'call it', 'we did not write', 'we avoided', 'avoid saying', 'rewritten as', 'reworded',
  'does not explain', "doesn't explain", 'a reviewer wrote', 'the reviewer wrote', 'deleted from the draft', 'no one is to blame',
  'nobody is to blame', 'not about blame', 'without blame', 'blameless', "nobody's fault", "no one's fault", "not anyone's fault",
  'would hide', 'would have stopped', 'the wrong question', 'not the question', 'not a useful question', 'stop the analysis', 'stops the analysis', 'does not tell us', 'tells us nothing',
];

/**
 * A gerund that names a way of describing the event, followed by what that description would do:
 * "Calling the handover careless would hide …", "Treating it as somebody's fault stops the review".
 */
export const REJECTION_FRAME = /\b(?:calling|treating|labell?ing|describing|writing (?:it|this|that) (?:up )?as|blaming)\b[^.;]*?\b(?:would|is not|isn't|was not|wasn't|does not|doesn't|hides?|stops?|ends?|explains? nothing)\b/i;
