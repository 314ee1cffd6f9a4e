/**
 * One finding per thing in the editor (server/src/lsp/present.ts): an action item's missing fields in
 * one diagnostic with a fix per field, a phrase reported once across rules, messages within ~90
 * characters with the advice in the hover.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core';
import { hoverAt } from '../../server/src/lsp/hover';
import { MAX_MESSAGE, presentFindings } from '../../server/src/lsp/present';

const TODAY = '2026-04-01';
const doc = (items: string) => `---
title: Cache flush emptied the sessions
date: 2026-03-10
severity: SEV-2
status: in review
---

# Cache flush emptied the sessions

## Summary

For 20 minutes, 4,000 users were logged out after a cache flush.

## Action items

${items}
`;

describe('findings as the editor shows them', () => {
  it("merges an action item's missing fields into one finding with a fix per field", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Cap the flush to one shard at a time', 'Add a session backup before every flush', 'Alert when sessions drop by half'),
        fc.boolean(),
        (action, table) => {
          const items = table ? `| Action | Owner | Due |\n|---|---|---|\n| ${action} | | |` : `- ${action}`;
          const text = doc(items);
          const core = analyze(text, { today: TODAY });
          const row = text.indexOf(action);
          const raw = core.findings.filter((f) => f.rule.startsWith('action-item-') && f.rule.endsWith('-missing') && f.start <= row && f.end > row);
          assert.ok(raw.length >= 3, JSON.stringify(raw.map((f) => f.rule)));
          const shown = presentFindings(core, text).findings.filter(
            (f) => f.start <= row && f.end > row && f.rule.startsWith('action-item-') && f.rule.endsWith('-missing'),
          );
          assert.equal(shown.length, 1);
          const [one] = shown;
          assert.deepEqual([...one.merged!].sort(), raw.map((f) => f.rule).sort());
          assert.equal(one.rule, 'action-item-owner-missing', 'the most severe rule leads');
          assert.equal(one.severity, 'error');
          assert.match(one.message, /lacks an owner, a due date, a ticket and a type\.$/);
          assert.ok(one.message.length <= MAX_MESSAGE, one.message);
          assert.equal(
            one.fixes!.length,
            raw.reduce((n, f) => n + (f.fixes?.length ?? 0), 0),
            'a fix per field',
          );
          assert.equal(one.fixes!.filter((x) => x.preferred).length, 1);
        },
      ),
      { numRuns: 6 },
    );
  });

  it('reports a blame phrase inside a vague action item once', () => {
    const text = doc('- Be more careful with cache flushes (owner: @kim, due: 2026-03-20, OPS-4, type: process)');
    const core = analyze(text, { today: TODAY });
    const at = text.indexOf('Be more careful');
    const onItem = (fs: typeof core.findings) =>
      fs
        .filter((f) => f.start <= at + 3 && f.end > at + 3)
        .map((f) => f.rule)
        .sort();
    assert.deepEqual(onItem(core.findings), ['action-item-vague', 'blame-language']);
    assert.deepEqual(onItem(presentFindings(core, text).findings), ['action-item-vague']);
  });

  it('keeps messages short and moves the advice to the hover', () => {
    const text =
      doc('- Cap the flush to one shard at a time (owner: @kim, due: 2026-03-20, OPS-4, type: prevent)') +
      '\nThe on-call engineer should have checked the flush scope before running it.\n';
    const core = analyze(text, { today: TODAY });
    assert.ok(
      core.findings.some((f) => f.message.length > MAX_MESSAGE),
      'the core has long messages to shorten',
    );
    const shown = presentFindings(core, text);
    for (const f of shown.findings) {
      const original = core.findings.find((c) => c.rule === f.rule && c.start === f.start)!;
      if (original.message.length > MAX_MESSAGE && original.message.includes('; ')) {
        assert.ok(f.message.length < original.message.length, f.message);
        assert.ok(f.advice && original.message.toLowerCase().includes(f.advice.slice(1, 30).toLowerCase()), f.advice);
      }
    }
    const long = shown.findings.find((f) => f.advice)!;
    const td = TextDocument.create('file:///p.md', 'markdown', 1, text);
    const hover = hoverAt(td, shown, td.positionAt(long.start), 'file:///docs/', () => undefined);
    assert.ok((hover?.contents as { value: string }).value.includes(long.advice!), 'the hover gives the advice');
  });
});
