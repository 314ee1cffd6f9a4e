/**
 * A progress item while the server starts (issue 19, onboarding): the bundled server, started over
 * stdio on a workspace of postmortems, creates a work-done progress token, then begins "Indexing
 * postmortems", reports "k of n files" as it goes and ends, all on that token; a document opened as
 * the server starts gets its diagnostics before the index is done (the open document goes first).
 * Every wait is on a message from the server.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IndexChangedNotification } from '../../common/protocol';
import { ensureBundle, TestClient } from './lspClient';

const FILES = 60;
const SERVICES = ['payments', 'search', 'the mail relay', 'image resizing', 'login'];

/** A short postmortem in its own words, varied by `i`. */
function postmortem(i: number): string {
  const service = SERVICES[i % SERVICES.length];
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [
    '---',
    'type: postmortem',
    `date: 2026-03-${day}`,
    'status: final',
    '---',
    '',
    `# Slow responses from ${service} (${i})`,
    '',
    '## Summary',
    '',
    `Requests to ${service} took over four seconds for ${20 + i} minutes after a cache node restarted.`,
    '',
    '## Timeline',
    '',
    '| Time (UTC) | Event |',
    '| --- | --- |',
    `| 10:0${i % 10} | Latency alert fired for ${service}. |`,
    '| 10:20 | The cache node rejoined and latency recovered. |',
    '',
    '## Action items',
    '',
    `- [ ] Warm the cache before a node takes traffic (owner: @ops, due: 2026-04-${day})`,
    '',
  ].join('\n');
}

describe('progress while the server starts (over stdio, bundled dist/server.js)', function () {
  this.timeout(180_000);
  let client: TestClient;
  let root: string;

  after(() => {
    client?.kill();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows indexing as work-done progress, begin to end, while an open document is checked first', async () => {
    ensureBundle();
    root = mkdtempSync(join(tmpdir(), 'postmortem-startup-'));
    mkdirSync(join(root, 'postmortems'));
    for (let i = 0; i < FILES; i++) writeFileSync(join(root, 'postmortems', `2026-03-${String(i).padStart(2, '0')}-slow.md`), postmortem(i));
    const rootUri = pathToFileURL(root).href;

    client = new TestClient();
    const c = client.connection;
    const events: string[] = [];
    const created: unknown[] = [];
    const onToken: Array<{ kind: string; title?: string; message?: string; percentage?: number }> = [];
    let ended!: () => void;
    const end = new Promise<void>((r) => (ended = r));
    c.onRequest('window/workDoneProgress/create', (p: { token: unknown }) => {
      created.push(p.token);
      events.push('create');
      return null;
    });
    c.onNotification('$/progress', (p: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }) => {
      if (p.token !== created[0]) return;
      onToken.push(p.value);
      events.push(p.value.kind);
      if (p.value.kind === 'end') ended();
    });

    // The run's end: indexChanged without `indexing` follows the progress end (so a missing progress
    // item fails the assertions below instead of a time-out).
    let indexed!: () => void;
    const indexDone = new Promise<void>((r) => (indexed = r));
    c.onNotification(IndexChangedNotification, (p) => {
      if (!p.indexing && p.postmortems >= FILES) indexed();
    });
    await c.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'ops' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true } },
    });
    const uri = pathToFileURL(join(root, 'postmortems', 'being-written.md')).href;
    const diagnosed = client.diagnosticsOf(uri, 1).then(() => events.push('diagnostics'));
    await c.sendNotification('initialized', {});
    client.open(uri, postmortem(99));
    await Promise.all([Promise.race([end, indexDone]), diagnosed]);

    assert.equal(created.length, 1, 'one progress token for the index run');
    assert.ok(events.includes('end'), `progress ended: ${events.join(' ')}`);
    assert.equal(events.filter((e) => e !== 'diagnostics')[0], 'create', 'the token is created before any progress is sent');
    assert.equal(onToken[0].kind, 'begin');
    assert.equal(onToken[0].title, 'Indexing postmortems');
    assert.equal(onToken[onToken.length - 1].kind, 'end');
    const reports = onToken.filter((v) => v.kind === 'report');
    assert.equal(reports.length, FILES, 'one report per file');
    assert.equal(reports[reports.length - 1].message, `${FILES} of ${FILES} files`);
    assert.equal(reports[reports.length - 1].percentage, 100);
    const percentages = reports.map((r) => r.percentage ?? -1);
    assert.deepEqual(
      percentages,
      [...percentages].sort((a, b) => a - b),
      'progress only goes forward',
    );
    assert.ok(events.indexOf('diagnostics') < events.indexOf('end'), `the open document is checked before the index ends: ${events.join(' ')}`);
  });
});
