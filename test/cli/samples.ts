/** Postmortems the CLI tests write to temporary files (invented incidents). */
import { RULES } from '../../core';

/** A complete, careful postmortem: no finding at error severity. */
export const CAREFUL = `---
title: Checkout latency after the cache node swap
date: 2026-10-04
severity: SEV-3
status: in review
authors: [Dana Okafor]
---

# Postmortem: checkout latency after the cache node swap

## Summary

For 40 minutes, checkout requests took up to eight seconds because a replaced cache node came up empty.

## Impact

About 3,100 checkout attempts were slower than two seconds; 210 timed out.

## Timeline

All times UTC.

- 09:12 The cache node swap began.
- 09:20 Latency alerts fired.
- 09:52 Warm-up finished and latency returned to normal.

## Root causes

The swap procedure did not warm the new node before it joined the pool.

## Contributing factors

The latency alert only looked at the 99th percentile over 15 minutes.

## What went well

The rollback runbook was current.

## What went poorly

The swap checklist had no warm-up step.

## Action items

| Action | Owner | Due | Type | Ticket |
| --- | --- | --- | --- | --- |
| Add a warm-up step to the swap checklist | @dana | 2026-10-20 | prevent | OPS-4120 |

## Lessons learned

A cold cache node behaves like a partial outage.
`;

/** The careful postmortem with one blame phrase (a warning). */
export const WITH_WARNING = CAREFUL.replace(
  'The rollback runbook was current.',
  'The rollback runbook was current, but the on-call engineer should have checked the hit rate.',
);

/** The careful postmortem with an ownerless action item (an error). */
export const WITH_ERROR = CAREFUL.replace(
  '| Add a warm-up step to the swap checklist | @dana | 2026-10-20 | prevent | OPS-4120 |',
  '| Add a warm-up step to the swap checklist | @dana | 2026-10-20 | prevent | OPS-4120 |\n| Alert on the cache hit rate | TBD | 2026-10-30 | detect | OPS-4121 |',
);

/** `--rule` flags that switch every rule off except the given ones (tests that count exact output). */
export function onlyRules(...keep: string[]): string[] {
  return RULES.filter((r) => !keep.includes(r.id)).flatMap((r) => ['--rule', `${r.id}=off`]);
}
