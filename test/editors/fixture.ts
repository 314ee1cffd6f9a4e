/** A postmortem for the protocol and editor-client tests. */

// Non-ASCII before the finding on its line: a curly apostrophe and an emoji (a UTF-16 surrogate pair).
export const NON_ASCII_POSTMORTEM = `---
title: Café checkout stalled
date: 2026-02-11
severity: SEV-2
status: in review
authors: [Zoë Adeyemi]
---

# Café checkout stalled

## Summary

Zoë’s 🚨 pager fired at 09:20, and the on-call engineer should have checked the queue dashboard.

## Timeline

All times UTC.

- 09:12 Config push to the checkout workers.
- 09:20 Queue depth alert fired.
- 09:52 Rollback finished and the queue drained.

## Action items

- [ ] Reject a zero batch size in config validation (@zoe, due 2026-03-01, OPS-12, prevent)
`;
