/**
 * Verbs after a person's name that tell whether the person is acting in the failure (changing,
 * running, removing, skipping) or in the response (noticing, paging, restoring). Reviewed data.
 */

/** A person doing these is the agent of a change that the failure followed from. */
export const CAUSE_VERBS = [
  'deployed', 'deploys', 'merged', 'merges', 'pushed', 'pushes', 'ran', 'runs', 'executed', 'removed', 'removes', 'deleted',
  'deletes', 'dropped', 'changed', 'changes', 'modified', 'edited', 'updated', 'configured', 'misconfigured', 'set up',
  'setup', 'set', 'imported', 'imports', 'added', 'disabled', 'enabled', 'applied', 'applies', 'approved', 'wrote',
  'introduced', 'broke', 'breaks', 'caused', 'causes', 'triggered', 'restricted', 'rotated', 'upgraded', 'downgraded',
  'typed', 'entered', 'launched', 'shipped', 'released', 'migrated', 'committed', 'reverted', 'truncated', 'overwrote',
  'rebooted', 'restarted', 'killed', 'cancelled', 'canceled', 'skipped', 'ignored', 'missed', 'forgot', 'neglected',
  'overlooked', 'failed', 'did not', "didn't", 'never', 'should have', "shouldn't have", 'should not have', 'could have',
  'was negligent', 'was careless', 'was sloppy', 'made a mistake', 'made an error', 'accidentally', 'mistakenly',
  'wrongly', 'carelessly', 'incorrectly', 'hand-edited', 'fat-fingered', 'chose', 'decided', 'used', 'renamed', 'moved',
  'scheduled', 'started', 'created', 'provisioned', 'deprovisioned', 'revoked', 'granted', 'uploaded', 'sent',
  'picked', 'selected', 'installed', 'uninstalled', 'flipped', 'toggled', 'switched', 'turned off', 'wiped', 'purged',
  'overrode', 'bypassed', 'pasted', 'replaced', 'swapped', 'resized', 'scaled down', 'drained', 'terminated',
  'shut down', 'force-pushed', 'cherry-picked', 'rolled out', 'kicked off', 'promoted', 'archived', 'unpublished',
  'published', 'tagged', 'lowered', 'rushed',
];

/** A person doing these is responding, which is never a cause. */
export const RESPONSE_VERBS = [
  'noticed', 'notices', 'spotted', 'spots', 'saw', 'sees', 'raised', 'raises', 'reported', 'reports', 'paged', 'pages',
  'escalated', 'escalates', 'restored', 'restores', 'fixed', 'fixes', 'mitigated', 'found', 'finds', 'identified',
  'diagnosed', 'investigated', 'declared', 'led', 'leads', 'coordinated', 'flagged', 'alerted', 'caught', 'recovered',
  'helped', 'joined', 'joins', 'confirmed', 'confirms', 'acknowledged', 'acknowledges', 'had to', 'has to', 'took command',
  'takes command', 'worked', 'stayed', 'opened', 'opens', 'asked for', 'called', 'wrote up', 'compared', 'traced',
  'rolled back', 'rolls back', 'reverted the', 'paused', 'pauses', 'approves', 'handled', 'answered', 'replied',
  'communicated', 'posted', 'updated the status', 'kept', 'verified', 'checked', 'noted', 'discovered', 'realised',
  'realized', 'understood', 'suggested', 'proposed', 'owns', 'owned', 'reviewed', 'wrote the', 'is writing', 'will',
];

/** Phrases that put a person before the cause: "caused by @ana", "because of Ben's change". */
export const CAUSE_PREFIXES = ['caused by', 'due to', 'because of', 'triggered by', 'introduced by', 'broken by', 'the fault of', 'a mistake by', 'an error by', 'mistake by', 'error by', 'if'];

/** What follows a possessive name that makes it the cause: "Ravi's code", "Ana's change". */
export const CAUSE_POSSESSIONS = ['purge', 'rotation', 'tweak', 'reindex', 'impatience', 'haste', 'slip', 'misstep', 'upgrade', 'update', 'restart', 'reboot', 'action', 'actions', 'rename', 'refactor', 'hotfix', 'cleanup', 'change', 'changes', 'code', 'commit', 'commits', 'pr', 'pull request', 'deploy', 'deployment', 'mistake', 'error', 'script', 'query', 'config', 'configuration', 'edit', 'typo', 'migration', 'patch', 'fault', 'oversight', 'command', 'decision', 'merge', 'push', 'rollout', 'release'];

/**
 * Examples for person-as-cause, run as tests (test/core/phrases.test.ts) in the Root causes section of
 * a postmortem whose roster names Ana Ruiz (author), Tomas Berg (incident commander) and @kwame.
 */
export const AGENCY_EXAMPLES = {
  flag: [
    'Ana deployed the change without a canary.',
    'The outage was caused by @kwame.',
    "Tomas's migration dropped the index.",
    'The limit was lowered by Ana Ruiz.',
    'If Tomas had waited for review, the check would still exist.',
    'A typo by Ana in the hostname sent traffic to the old cluster.',
  ],
  clean: [
    'Ana noticed the error rate and paged the database team.',
    'Tomas took command at 10:12.',
    'Jenkins deployed the change without a canary.',
    'Otto, the certificate bot, removed the old key.',
    'The change was reviewed by Ana.',
    '@kwame had to restart the proxy by hand.',
  ],
};
