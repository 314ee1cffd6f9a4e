/**
 * Human-error root causes and hindsight wording, as reviewed data with examples that run as tests
 * (test/core/phrases.test.ts).
 */

export interface CuePhrases {
  phrases: string[];
  note: string;
  examples: { flag: string[]; clean: string[] };
}

/** A human condition or a label for one, given as the cause. Matched in root-cause statements and last 5 Whys answers. */
export const HUMAN_ERROR: CuePhrases = {
  phrases: [
    'human error',
    'operator error',
    'user error',
    'engineer error',
    'pilot error',
    'human mistake',
    'manual error',
    'a mistake by',
    'mistake by',
    'an honest mistake',
    'a simple mistake',
    'a mistake during',
    'a mistake when',
    'a mistake while',
    'my mistake',
    'our mistake',
    "'s mistake",
    'misconfigured',
    'was tired',
    'were tired',
    'fatigue',
    'was distracted',
    'were distracted',
    'lack of attention',
    'not paying attention',
    'inattention',
    'typo',
    'fat-fingered',
    'fat finger',
    'fat-finger',
    'misconfiguration',
    'oversight',
    'was careless',
    'carelessness',
    'negligence',
    'lack of care',
    "wasn't careful",
    'was not careful',
    'wrong button',
  ],
  note: 'A person\'s state, or a label such as "human error", is where the analysis starts, not where it ends: ask what made the action possible or likely.',
  examples: {
    flag: [
      'Human error.',
      'The root cause was operator error during the failover.',
      'A typo in the load balancer config.',
      'Misconfiguration of the DNS zone.',
      'The engineer on call was tired after a week of night pages.',
      'An oversight during the certificate renewal.',
    ],
    clean: [
      'We did not stop at "human error": the console accepted a production command without confirmation.',
      'The deploy tool applies changes to every region at once and has no confirmation step.',
      'Calling this human error would hide that the runbook pointed at the old hostname.',
      'The config schema accepts any string as a region name, so a misspelt region passes validation and the service starts with no backends.',
    ],
  },
};

/**
 * A person's action given as the cause ("ran the wrong command", "did not test"). Reported only when the
 * clause's subject is a person or missing: "the health check did not check the replica" is about a system.
 */
export const HUMAN_ACTIONS: CuePhrases = {
  phrases: [
    'made a mistake',
    'made an error',
    "didn't test",
    'did not test',
    "didn't check",
    'did not check',
    "didn't verify",
    'did not verify',
    "didn't follow",
    'did not follow',
    'ran the wrong command',
    'wrong command',
    'forgot to',
    'forgot',
    'neglected to',
    'overlooked',
    'skipped the',
    'ignored the',
    'did not read',
    "didn't read",
    'misread',
    'clicked the wrong',
    'deleted the wrong',
    'copied the wrong',
    'picked the wrong',
    'chose the wrong',
    'selected the wrong',
    'used the wrong',
    'typed the wrong',
    'pasted the wrong',
    'edited the wrong',
    'restarted the wrong',
    'rebooted the wrong',
    'applied the wrong',
    'deployed the wrong',
    'targeted the wrong',
    'entered the wrong',
    'nobody checked',
    'no one checked',
    'nobody tested',
    'no one tested',
    'nobody reviewed',
    'no one reviewed',
    'mistakenly',
    'accidentally',
    'nobody noticed',
    'no one noticed',
    'failed to notice',
    'failed to check',
    'failed to test',
    'failed to follow',
  ],
  note: 'What a person did or did not do is where the analysis starts: ask what made that action possible, likely or unnoticed.',
  examples: {
    flag: [
      'Because the on-call engineer ran the wrong command on the primary.',
      'Because the developer forgot to add the index.',
      'The person who imported the list did not check it.',
      'An administrator picked the wrong account from the dropdown.',
      'No one tested the migration on a full-size copy.',
    ],
    clean: [
      'The health check did not check the replica, only the primary.',
      'The installer picked the wrong disk because both disks report the same serial number.',
      'The importer skipped the header row because the file had no byte-order mark.',
    ],
  },
};

/** Words before a condition that make it a property of a system: "alert fatigue" is about the alerts. */
export const NOT_HUMAN_BEFORE: Record<string, string[]> = {
  fatigue: ['alert', 'alarm', 'pager', 'paging', 'notification', 'metal', 'material', 'page'],
  misconfigured: ['was not', "wasn't", 'never', 'not'],
};

/** Cues that a sentence discusses human error as a concept or sets it aside, instead of giving it as the cause. */
export const HUMAN_ERROR_DISCUSSION = [
  'not human error',
  'not a human error',
  'not treat',
  'did not stop at',
  "didn't stop at",
  'rather than',
  'instead of',
  'set aside',
  'tempting to',
  'would hide',
  'would have hidden',
  'is not a root cause',
  'is not the root cause',
  'not the cause',
  'calling this',
  'calling that',
  'calling it',
  'beyond human error',
  'past human error',
  'not stop at',
  'is never a root cause',
  'came up',
  'as a concept',
  'no human error',
  'rather than blame',
  'normal thing to do',
  'which is normal',
  'was correct when',
  'any engineer',
  'anyone could',
];

export interface HindsightEntry {
  id: string;
  phrases: string[];
  kind: 'certainty' | 'counterfactual' | 'minimising';
  instead: string;
  /**
   * The word the quick-fix removes ("obviously", "just"), when removing it leaves a sentence that
   * states the same facts without the judgement. Counterfactuals need rewriting and have none.
   */
  removable?: RegExp;
  examples: { flag: string[]; clean: string[] };
}

export const HINDSIGHT: HindsightEntry[] = [
  {
    id: 'certainty-adverb',
    phrases: ['obviously', 'clearly', 'plainly', 'evidently', 'of course'],
    kind: 'certainty',
    instead: 'describe what the people involved could see at the time, and what would have made the signal clearer',
    removable: /^(?:obviously|clearly|plainly|evidently|of course)$/,
    examples: {
      flag: [
        'The retry loop was obviously going to overload the queue.',
        'Clearly the migration needed a maintenance window.',
        'The disk graph evidently showed the trend a week earlier.',
      ],
      clean: [
        'The disk graph was not obvious at 02:10, when it was one of forty panels.',
        'The new dashboard clearly labels each region.',
        'The release notes describe the change in plain words.',
      ],
    },
  },
  {
    id: 'was-obvious',
    phrases: [
      'it was obvious',
      'was obvious',
      'were obvious',
      'should have been obvious',
      'should have been clear',
      'it was clear that',
      'in hindsight it is clear',
    ],
    kind: 'certainty',
    instead: 'describe what the people involved could see at the time, and what would have made the signal clearer',
    examples: {
      flag: ['It was obvious that the pool was too small.', 'The cause should have been obvious from the first error.'],
      clean: ['It was not obvious from the alert which region was affected.', 'The graph became readable once the axis was fixed.'],
    },
  },
  {
    id: 'counterfactual',
    phrases: [
      'if only',
      'could have been avoided if',
      'could have been avoided',
      'could have been prevented if',
      'could have been prevented',
      'would have been avoided if',
      'would have been avoided',
      'would never have happened if',
      'could easily have been',
      'could have easily been',
      'all it would have taken',
      'all anyone had to do',
      'a simple check would have',
    ],
    kind: 'counterfactual',
    instead: 'state what was missing (a check, an alert, a guard) as a fact about the system',
    examples: {
      flag: [
        'If only the canary had run for longer.',
        'The outage could have been avoided if the job had a lock.',
        'A simple check would have caught the empty file.',
      ],
      clean: ['The job has no lock, so two runs can overlap.', 'A size check before the upload now rejects empty files.'],
    },
  },
  {
    id: 'minimising',
    phrases: [
      'simply have',
      'simply had to',
      'simply needed to',
      'could simply',
      'should simply',
      'just had to',
      'just needed to',
      'just needed',
      'simply needed',
      'simply required',
      'only had to',
      'only needed to',
      'all they had to do',
      'all we had to do',
      'merely',
    ],
    kind: 'minimising',
    instead: 'describe the action without judging how easy it looks now',
    removable: /^(?:simply|just|only|merely)$/,
    examples: {
      flag: ['The operator just had to restart the pod.', 'The fix merely required a config reload.', 'All we had to do was raise the limit.'],
      clean: ['The restart took just under an hour.', 'Only two regions were affected.', 'The runbook lists the restart as the first step.'],
    },
  },
];

/** In a timeline, a cause judged after the fact: "because of the bad deploy", "the rushed rollout caused …". */
export const TIMELINE_CAUSED = ['caused', 'causes', 'triggered', 'triggers', 'led to', 'leads to', 'resulted in', 'results in', 'broke', 'breaks'];
/** Examples for the timeline checks (TIMELINE_CAUSAL, TIMELINE_CAUSED), run as tests inside a timeline entry. */
export const TIMELINE_EXAMPLES = {
  flag: [
    'Checkout errors rise because of the botched deploy.',
    'The on-call is paged due to the reckless config change.',
    'The rushed rollout triggered a spike in 502s.',
  ],
  clean: [
    'Rollback considered and rejected, because 30 services already run the new version.',
    'Error rate drops to 0.2% after the rollback.',
    'Paged due to the latency alert on the edge proxies.',
  ],
};
export const TIMELINE_CAUSAL = ['because of', 'due to', 'caused by', 'as a result of', 'thanks to', 'owing to', 'on account of'];
export const JUDGEMENT_ADJECTIVES = [
  'bad',
  'botched',
  'reckless',
  'faulty',
  'broken',
  'wrong',
  'careless',
  'sloppy',
  'poor',
  'mistaken',
  'flawed',
  'failed',
  'incorrect',
  'buggy',
  'misguided',
  'rushed',
  'hasty',
  'unreviewed',
  'untested',
  'bungled',
  'ill-advised',
  'dodgy',
  'stupid',
  'negligent',
  'erroneous',
  'problematic',
  'disastrous',
  'foolish',
];
