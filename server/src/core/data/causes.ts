/**
 * Human-error root causes and hindsight wording, as reviewed data with examples that run as tests
 * (test/core/phrases.test.ts).
 */

export interface CuePhrases {
  phrases: string[];
  note: string;
  examples: { flag: string[]; clean: string[] };
}

/** A human action or condition given as the cause. Matched in root-cause statements and last 5 Whys answers. */
export const HUMAN_ERROR: CuePhrases = {
  phrases: [
    'human error', 'operator error', 'user error', 'engineer error', 'pilot error', 'human mistake', 'manual error',
    'a mistake by', 'mistake by', 'made a mistake', 'made an error', 'an honest mistake', 'a simple mistake', 'mistake',
    'was tired', 'were tired', 'fatigue', 'was distracted', 'were distracted', 'lack of attention', 'not paying attention',
    'inattention', "didn't test", 'did not test', "didn't check", 'did not check', "didn't verify", 'did not verify',
    "didn't follow", 'did not follow', 'ran the wrong command', 'wrong command', 'typo', 'fat-fingered', 'fat finger',
    'fat-finger', 'misconfiguration', 'misconfigured', 'forgot to', 'forgot', 'neglected to', 'overlooked', 'oversight',
    'was careless', 'carelessness', 'negligence', 'lack of care', "wasn't careful", 'was not careful', 'skipped the',
    'ignored the', 'did not read', "didn't read", 'misread', 'clicked the wrong', 'deleted the wrong', 'wrong button',
  ],
  note: 'A person\'s action or state is where the analysis starts, not where it ends: ask what made the action possible or likely.',
  examples: {
    flag: [
      'Human error.',
      'The root cause was operator error during the failover.',
      'Because the on-call engineer ran the wrong command on the primary.',
      'A typo in the load balancer config.',
      'Misconfiguration of the DNS zone.',
      'Because the developer forgot to add the index.',
    ],
    clean: [
      'We did not stop at "human error": the console accepted a production command without confirmation.',
      'The deploy tool applies changes to every region at once and has no confirmation step.',
      'Calling this human error would hide that the runbook pointed at the old hostname.',
    ],
  },
};

/** Cues that a sentence discusses human error as a concept or sets it aside, instead of giving it as the cause. */
export const HUMAN_ERROR_DISCUSSION = [
  'not human error', 'not a human error', 'not treat', 'did not stop at', "didn't stop at", 'rather than', 'instead of',
  'set aside', 'tempting to', 'would hide', 'would have hidden', 'is not a root cause', 'is not the root cause',
  'not the cause', 'calling this', 'calling that', 'calling it', 'beyond human error', 'past human error', 'not stop at',
  'is never a root cause', 'came up', 'as a concept', 'no human error', 'rather than blame', 'normal thing to do',
  'which is normal', 'was correct when', 'any engineer', 'anyone could',
];

export interface HindsightEntry {
  phrases: string[];
  kind: 'certainty' | 'counterfactual' | 'minimising';
  instead: string;
}

export const HINDSIGHT: HindsightEntry[] = [
  {
    phrases: ['obviously', 'clearly', 'it was obvious', 'was obvious', 'were obvious', 'should have been obvious', 'should have been clear', 'it was clear that', 'plainly', 'evidently', 'of course'],
    kind: 'certainty',
    instead: 'describe what the people involved could see at the time, and what would have made the signal clearer',
  },
  {
    phrases: ['if only', 'could have been avoided if', 'could have been avoided', 'could have been prevented if', 'could have been prevented', 'would have been avoided if', 'would never have happened if', 'could easily have been', 'could have easily been', 'all it would have taken', 'all anyone had to do', 'a simple check would have'],
    kind: 'counterfactual',
    instead: 'state what was missing (a check, an alert, a guard) as a fact about the system',
  },
  {
    phrases: ['simply have', 'simply had to', 'simply needed to', 'could simply', 'should simply', 'just had to', 'just needed to', 'only had to', 'only needed to', 'all they had to do', 'all we had to do', 'merely'],
    kind: 'minimising',
    instead: 'describe the action without judging how easy it looks now',
  },
];

/** In a timeline, a cause judged after the fact: "because of the bad deploy". */
export const TIMELINE_CAUSAL = ['because of', 'due to', 'caused by', 'as a result of', 'thanks to', 'owing to', 'on account of'];
export const JUDGEMENT_ADJECTIVES = [
  'bad', 'botched', 'reckless', 'faulty', 'broken', 'wrong', 'careless', 'sloppy', 'poor', 'mistaken', 'flawed', 'failed',
  'incorrect', 'buggy', 'misguided', 'rushed', 'hasty', 'unreviewed', 'untested', 'bungled', 'ill-advised', 'dodgy', 'stupid',
  'negligent', 'erroneous', 'problematic', 'disastrous', 'foolish',
];
