/**
 * Similar incidents: the ranking on the fixture workspace's postmortems and on a few more invented
 * ones. Each query was written to resemble one incident most; the test says which, and which must not
 * come up at all.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../core';
import { postmortemFacts, type PostmortemFacts } from '../../review';
import { queryAt, similarHover, similarLenses } from '../../server/src/lsp/similarIncidents';
import { MIN_RELEVANCE, SimilarIndex } from '../../server/src/workspace/similarIndex';
import { WorkspaceIndex } from '../../server/src/workspace';
import { POSTMORTEMS, TODAY, WORKSPACE } from '../review/workspaceFacts';
import { copyWorkspace, FakeHost } from './helpers';

function factsOf(file: string): PostmortemFacts {
  const text = readFileSync(join(WORKSPACE, file), 'utf8');
  return postmortemFacts(file, text, analyze(text, { today: TODAY }));
}

const CACHE = 'postmortems/2026-01-12-cache-stampede.md';
const QUEUE = 'postmortems/2026-02-03-queue-backlog.md';
const DNS = 'incidents/2026-03-18-dns-change.md';
const DISK = 'postmortems/2026-05-02-disk-full.md';
const CERT = 'postmortems/2025-11-20-certificate-expiry.md';
const BADGE = 'notes/badge-printer-review.md';

describe('similar incidents: ranking', () => {
  const index = new SimilarIndex(POSTMORTEMS.map((p) => ({ id: p.file, facts: factsOf(p.file) })));
  const ids = (text: string, before?: string) => index.rank({ text, ...(before ? { before } : {}), limit: 6 }).map((r) => r.id);

  it('puts the incident with the same alert delay first, the other alert delays next, and nothing unrelated', () => {
    const r = ids('The queue depth alert waited twenty minutes before paging the on-call engineer.');
    assert.equal(r[0], QUEUE);
    assert.deepEqual(new Set(r.slice(1)), new Set([CACHE, DNS]));
    for (const unrelated of [DISK, CERT, BADGE]) assert.ok(!r.includes(unrelated), unrelated);
  });

  it('finds the dependency-upgrade incidents for a changed library default', () => {
    const r = ids('Upgrading the HTTP client library changed its default connection timeout.');
    assert.deepEqual(new Set(r), new Set([CACHE, QUEUE]));
  });

  it('finds the certificate incident for an expired certificate, and only it', () => {
    assert.deepEqual(ids('Nobody renewed the TLS certificate before it expired; renewal is manual.'), [CERT]);
  });

  it('finds the disk incident for a full disk with no growth alert', () => {
    assert.equal(ids('The log volume filled up; no alert watched disk growth.')[0], DISK);
  });

  it('names nothing for statements that share only common words, and gives a relevance for what it names', () => {
    const pm = (title: string, factor: string) => {
      const text = `---\ntitle: ${title}\ndate: 2026-01-05\n---\n\n# ${title}\n\n## Contributing factors\n\n- ${factor}\n`;
      return postmortemFacts(`${title}.md`, text, analyze(text, { today: TODAY }));
    };
    const small = new SimilarIndex([
      { id: 'rota', facts: pm('Holiday rota gap', 'The on-call engineer rotation spreadsheet was out of date for the holidays.') },
      { id: 'dns', facts: pm('Resolver outage', 'The DNS resolver cache held a stale record for six hours.') },
      { id: 'queue', facts: pm('Queue backlog', 'The queue depth alert waited fifteen minutes before paging anyone.') },
    ]);
    const r = small.rank({ text: 'The queue depth alert waited twenty minutes before paging the on-call engineer.', limit: 6 });
    assert.deepEqual(
      r.map((x) => x.id),
      ['queue'],
      JSON.stringify(r.map((x) => [x.id, x.relevance, x.terms])),
    );
    assert.ok(r[0].relevance >= MIN_RELEVANCE && r[0].relevance <= 1);
    // Without the queue incident, the rota one shares "on-call engineer" and nothing else: still nothing to name.
    const without = new SimilarIndex([
      { id: 'rota', facts: pm('Holiday rota gap', 'The on-call engineer rotation spreadsheet was out of date for the holidays.') },
      { id: 'dns', facts: pm('Resolver outage', 'The DNS resolver cache held a stale record for six hours.') },
    ]);
    assert.deepEqual(without.rank({ text: 'The queue depth alert waited twenty minutes before paging the on-call engineer.', limit: 6 }), []);
  });

  it('names only earlier incidents when the date is known, and says which statements matched', () => {
    const r = index.rank({ text: 'The error-rate alert waits ten minutes before paging the on-call engineer.', before: '2026-02-01' });
    assert.deepEqual(
      r.map((x) => x.id),
      [CACHE],
    );
    assert.match(r[0].matches[0].text, /error-rate alert waits ten minutes/);
    assert.ok(r[0].terms.includes('alert') && r[0].terms.includes('pag'), r[0].terms.join(' '));
  });

  it('needs two shared words: one common word finds nothing', () => {
    assert.deepEqual(ids('An alert.'), []);
    assert.deepEqual(ids('Lunch was late.'), []);
  });

  it('tolerates a typo in a longer word', () => {
    assert.equal(ids('The certficate renewal was manual.')[0], CERT);
  });
});

describe('similar incidents: hover and code lens', () => {
  let ws: ReturnType<typeof copyWorkspace>;
  let wsIndex: WorkspaceIndex;

  before(async () => {
    ws = copyWorkspace();
    wsIndex = new WorkspaceIndex(new FakeHost(ws.uri));
    await wsIndex.setFolders([ws.uri]);
  });
  after(() => ws.remove());

  const DRAFT = `---
type: postmortem
title: Search results stale after an index upgrade
date: 2026-06-10
---

# Search results stale after an index upgrade

## Summary

Search showed stale results for two hours.

## Contributing factors

- The search lag alert waits fifteen minutes before paging the on-call engineer.
- Nobody had tested a reindex at full size.

## Action items

- [ ] Page on search lag after two minutes (owner: @kim, due: 2026-06-30)
`;

  it('asks with the statement under the cursor, or with the whole section', () => {
    const result = analyze(DRAFT, { today: TODAY });
    const at = DRAFT.indexOf('search lag alert');
    assert.match(queryAt(result, at)!.text, /^The search lag alert waits/);
    const heading = DRAFT.indexOf('## Contributing factors');
    assert.equal(queryAt(result, heading)!.text.split('\n').length, 2);
    assert.equal(queryAt(result, DRAFT.indexOf('Search showed')), undefined);
  });

  it('hovers a factor with the earlier postmortems that had a similar one, linked at their line', () => {
    const doc = TextDocument.create(ws.fileUri('postmortems/2026-06-10-search-lag.md'), 'markdown', 1, DRAFT);
    const result = analyze(DRAFT, { today: TODAY });
    const hover = similarHover(doc, result, doc.positionAt(DRAFT.indexOf('search lag alert')), wsIndex)!;
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*Similar earlier incidents\*\*/);
    assert.ok(value.includes('[Order emails delayed by a queue backlog](' + ws.fileUri(QUEUE) + '#L'), value);
    assert.ok(!value.includes('certificate'), value);
    assert.equal(similarHover(doc, result, doc.positionAt(DRAFT.indexOf('Search showed')), wsIndex), null);
  });

  it('puts lenses above Contributing factors that open the similar postmortems at the matching statement', () => {
    const doc = TextDocument.create(ws.fileUri('postmortems/2026-06-10-search-lag.md'), 'markdown', 1, DRAFT);
    const lenses = similarLenses(doc, analyze(DRAFT, { today: TODAY }), wsIndex);
    assert.ok(lenses.length >= 1 && lenses.length <= 3);
    const line = doc.positionAt(DRAFT.indexOf('## Contributing factors')).line;
    for (const l of lenses) {
      assert.equal(l.range.start.line, line);
      assert.equal(l.command!.command, 'postmortem.showLocation');
      assert.match(l.command!.title, /^Similar \(\d+%\): /);
      // The tooltip (third argument, shown by the client) names the shared stems and the matching statement.
      assert.match(l.command!.arguments![2].tooltip, /^\d+% alike · shares \S+, \S+.* · its (?:contributing factor|root cause): "/);
    }
    assert.equal(lenses[0].command!.arguments![0], ws.fileUri(QUEUE));
    const target = readFileSync(join(ws.dir, QUEUE), 'utf8').split('\n')[lenses[0].command!.arguments![1].start.line];
    assert.match(target, /queue depth alert waits fifteen minutes/);
  });

  it('never names the postmortem itself', () => {
    const text = readFileSync(join(ws.dir, QUEUE), 'utf8');
    const doc = TextDocument.create(ws.fileUri(QUEUE), 'markdown', 1, text);
    const lenses = similarLenses(doc, analyze(text, { today: TODAY }), wsIndex);
    assert.ok(lenses.every((l) => l.command!.arguments![0] !== ws.fileUri(QUEUE)));
    assert.ok(
      lenses.some((l) => l.command!.arguments![0] === ws.fileUri(CACHE)),
      'the earlier cache incident is named',
    );
  });
});
