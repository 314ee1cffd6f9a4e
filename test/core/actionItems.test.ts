/** Action-item extraction: the fields each layout carries, read the same way whatever the layout. */
import { strict as assert } from 'node:assert';
import { analyze, type ActionItem } from '../../core';

function items(body: string): ActionItem[] {
  return analyze(`# Incident\n\n## Action items\n\n${body}\n`).model.actionItems;
}

function fields(item: ActionItem): Record<string, string> {
  return Object.fromEntries(Object.entries(item.fields).map(([k, v]) => [k, v!.value]));
}

describe('action-item extraction', () => {
  it('reads a table by its column names, whatever they are called', () => {
    const [a] = items(
      '| Task | Assignee | Deadline | Jira | Category | State |\n|---|---|---|---|---|---|\n| Cap the pool | @kim | 2026-03-09 | OPS-1 | Prevention | In progress |',
    );
    assert.equal(a.text, 'Cap the pool');
    assert.deepEqual(fields(a), { owner: '@kim', due: '2026-03-09', ticket: 'OPS-1', type: 'prevent', status: 'In progress' });
  });

  it('keeps a link in a ticket cell', () => {
    const [a] = items('| Action | Tracking |\n|---|---|\n| Cap the pool | [the ticket](https://tracker.example.com/OPS-1) |');
    assert.match(a.fields.ticket!.value, /https:\/\/tracker\.example\.com\/OPS-1/);
  });

  it('reads a parenthesised field group', () => {
    const [a] = items('- [ ] Cap the pool at 60 connections (owner: @kim, due 2026-03-09, OPS-1, type: prevent)');
    assert.equal(a.checked, false);
    assert.equal(a.text, 'Cap the pool at 60 connections');
    assert.deepEqual(fields(a), { owner: '@kim', due: '2026-03-09', ticket: 'OPS-1', type: 'prevent' });
  });

  it('reads em-dash separated fields, with dates in any format', () => {
    const [a] = items('- [x] Cap the pool — @kim — 14 Mar — OPS-1 — mitigate');
    assert.equal(a.checked, true);
    assert.deepEqual(fields(a), { owner: '@kim', due: '14 Mar', ticket: 'OPS-1', type: 'mitigate' });
  });

  it('reads labelled fields, also empty ones and bold labels', () => {
    const [a, b] = items(
      '- [detect] Page on pool exhaustion. Owner: Due: 2026-03-09. Status: Open. Ticket: OPS-2.\n- Cap the pool **Owner:** @kim **Due:** next Friday',
    );
    assert.deepEqual(fields(a), { owner: '', due: '2026-03-09', status: 'Open', ticket: 'OPS-2', type: 'detect' });
    assert.equal(a.text, 'Page on pool exhaustion.');
    assert.deepEqual(fields(b), { owner: '@kim', due: 'next Friday' });
  });

  it('reads a bullet that wraps onto a second line, and ignores a trailing comment', () => {
    const [a] = items('- Cap the pool at 60 connections and alert at 50\n  (owner: @kim, due 2026-03-09, OPS-1) <!-- reviewed -->');
    assert.deepEqual(fields(a), { owner: '@kim', due: '2026-03-09', ticket: 'OPS-1' });
    assert.equal(a.text, 'Cap the pool at 60 connections and alert at 50');
  });

  it('finds deadlines written in the text', () => {
    const due = (s: string) => items(`- ${s} (owner: @kim)`)[0].fields.due?.value;
    assert.equal(due('Cap the pool by March 15'), 'March 15');
    assert.equal(due('Cap the pool by end of Q2'), 'end of Q2');
    assert.equal(due('Cap the pool before next Friday'), 'next Friday');
    assert.equal(due('Cap the pool, due ASAP'), 'ASAP');
    assert.equal(due('Cap the pool due to the timeouts'), undefined);
  });

  it('types items from a heading or a group label above them', () => {
    const list = items(
      '### Detection\n\n- Page on pool exhaustion (owner: @kim)\n\n### Other\n\n- **Mitigate:**\n  - Shed load at 90% (owner: @lee)\n- Write the runbook (owner: @kim)',
    );
    assert.deepEqual(
      list.map((i) => i.fields.type?.value),
      ['detect', 'mitigate', undefined],
    );
  });

  it('gives items the ticket and date range end of the subheading above them', () => {
    const [a, b] = items(
      '### Short-term ([tracked in OPS-12](https://tracker.example.com/OPS-12))\n\n- Cap the pool (owner: @kim)\n\n### Long-term (Q3 2026 – Q1 2027)\n\n- Shard the queue (owner: @lee, OPS-14)',
    );
    assert.equal(a.fields.ticket?.value, 'OPS-12');
    assert.equal(b.fields.due?.value, 'Q1 2027');
    assert.equal(b.fields.ticket?.value, 'OPS-14');
  });

  it('treats items under a "Completed" heading as done', () => {
    const [a] = items('### Completed\n\n- Restarted the pool (owner: @kim)');
    assert.equal(a.fields.status?.value, 'done');
  });

  it('takes a paragraph with nested details as one item, and a short label as a group', () => {
    const list = items(
      '- Move jobs to a queue\n  with a worker per tenant, so that:\n  - one tenant cannot starve others\n- **Prevent**\n  - Cap the pool (owner: @kim)',
    );
    assert.deepEqual(
      list.map((i) => i.text),
      ['Move jobs to a queue with a worker per tenant, so that', 'Cap the pool'],
    );
  });

  it('does not take channels, severities or periods for tickets', () => {
    const t = (s: string) => items(`- ${s} (owner: @kim)`)[0].fields.ticket?.value;
    assert.equal(t('Post results to #mobile-releases'), undefined);
    assert.equal(t('Page for SEV-1 only'), undefined);
    assert.equal(t('Plan it for Q3-2026'), undefined);
    assert.equal(t('Fix it, see #4412'), '#4412');
  });

  it('leaves template rows out', () => {
    assert.equal(items('| Action | Owner |\n|---|---|\n| [action item] | [owner] |\n| Cap the pool | @kim |').length, 1);
  });
});
