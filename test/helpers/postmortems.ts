/**
 * The postmortems the protocol, editor-client and web tests open: one checkout-queue incident, written
 * in two ways that share their front matter and timeline.
 */

const DATE_AND_SEVERITY = `date: 2026-02-11
severity: SEV-2
`;

const TIMELINE = `## Timeline

All times UTC.

- 09:12 Config push to the checkout workers.
- 09:20 Queue depth alert fired.
- 09:52 Rollback finished and the queue drained.
`;

/** A draft with a blame finding in the summary, a 5 Whys chain and an action-item table with an unowned row. */
export const POSTMORTEM = `---
title: Checkout queue stalled
${DATE_AND_SEVERITY}status: draft
---

# Checkout queue stalled

## Summary

Orders stopped flowing for 40 minutes after a config push. Dana should have checked the queue dashboard before the push.

## Impact

About 1,900 orders were delayed by up to 40 minutes.

${TIMELINE}
## Root causes

Config validation accepted a batch size of zero.

### Five whys

Why 1: Why did orders stop flowing?
Because the checkout workers fetched zero messages per batch.
Why 2: Why did the workers fetch zero messages?
Because the pushed config set the batch size to 0.
Root cause: config validation accepts a batch size of 0.

## Contributing factors

The staging queue had no traffic, so the change looked fine there.

## What went well

The rollback script worked the first time.

## What went poorly

The alert fired eight minutes after the stall began.

## Action items

| Action | Owner | Due |
|---|---|---|
| Reject a zero batch size in config validation | @dana | 2026-03-01 |
| Page on queue depth within two minutes |  | 2026-03-15 |
`;

/** Non-ASCII before the finding on its line: a curly apostrophe and an emoji (a UTF-16 surrogate pair). */
export const NON_ASCII_POSTMORTEM = `---
title: Café checkout stalled
${DATE_AND_SEVERITY}status: in review
authors: [Zoë Adeyemi]
---

# Café checkout stalled

## Summary

Zoë’s 🚨 pager fired at 09:20, and the on-call engineer should have checked the queue dashboard.

${TIMELINE}
## Action items

- [ ] Reject a zero batch size in config validation (@zoe, due 2026-03-01, OPS-12, prevent)
`;
