/**
 * The workspace features of the bundled server over stdio: on start it indexes a copy of the fixture
 * workspace with `$/progress` work-done progress, registers a watcher for Markdown files, tells the
 * client when the index changed, and answers workspace symbols, `postmortem/actionItems`,
 * `postmortem/report` and `postmortem/similar`; a file changed on disk is followed through
 * `workspace/didChangeWatchedFiles`. Every wait is on a message from the server.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { ActionItemsRequest, IndexChangedNotification, ReportRequest, SimilarRequest, type IndexChangedParams } from '../../common/protocol';
import type { ReportData } from '../../review';
import { ensureBundle, TestClient } from '../protocol/lspClient';
import { POSTMORTEMS, TODAY } from '../review/workspaceFacts';
import { copyWorkspace } from './helpers';

describe('workspace features over stdio (bundled dist/server.js)', function () {
  let client: TestClient;
  let ws: ReturnType<typeof copyWorkspace>;
  const progress: Array<{ token: unknown; kind: string; message?: string }> = [];
  const created: unknown[] = [];
  const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> = [];
  let changes: IndexChangedParams[] = [];
  let waiters: Array<{ accept: (p: IndexChangedParams) => boolean; resolve: () => void }> = [];
  let progressEnded: Promise<void>;

  /** The next indexChanged notification that `accept` takes. Call it before causing the change. */
  const indexChanged = (accept: (p: IndexChangedParams) => boolean = (p) => !p.indexing) => new Promise<void>((resolve) => waiters.push({ accept, resolve }));

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    ws = copyWorkspace();
    client = new TestClient();
    const c = client.connection;
    c.onRequest('window/workDoneProgress/create', (p: { token: unknown }) => {
      created.push(p.token);
      return null;
    });
    let endProgress!: () => void;
    progressEnded = new Promise((r) => (endProgress = r));
    c.onNotification('$/progress', (p: { token: unknown; value: { kind: string; message?: string } }) => {
      progress.push({ token: p.token, kind: p.value.kind, message: p.value.message });
      if (p.value.kind === 'end') endProgress();
    });
    c.onRequest('client/registerCapability', (p: { registrations: typeof registrations }) => {
      registrations.push(...p.registrations);
      return null;
    });
    c.onNotification(IndexChangedNotification, (p) => {
      changes.push(p);
      const ready = waiters.filter((w) => w.accept(p));
      waiters = waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve();
    });
    const first = indexChanged((p) => !p.indexing && p.postmortems === POSTMORTEMS.length);
    await c.sendRequest('initialize', {
      processId: process.pid,
      rootUri: ws.uri,
      workspaceFolders: [{ uri: ws.uri, name: 'ops' }],
      initializationOptions: { today: TODAY },
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
        textDocument: { hover: { contentFormat: ['markdown'] } },
      },
    });
    await c.sendNotification('initialized', {});
    await first;
  });

  after(() => {
    client?.kill();
    ws?.remove();
  });

  it('reports indexing as work-done progress, from begin to end, on a token it created', async () => {
    await progressEnded;
    assert.ok(created.length >= 1);
    const mine = progress.filter((p) => p.token === created[0]);
    assert.equal(mine[0].kind, 'begin');
    assert.equal(mine[mine.length - 1].kind, 'end');
    assert.ok(mine.some((p) => p.kind === 'report' && /\d+ of \d+ files/.test(p.message ?? '')));
  });

  it('registers a watcher for Markdown files', () => {
    const watch = registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch.some((r) => r.registerOptions?.watchers?.some((w) => /\*\*\/\*\.\{md,markdown\}/.test(w.globPattern))));
  });

  it('finds postmortems by title and action items by text with workspace symbols', async () => {
    const byTitle: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'queue backlog' });
    assert.equal(byTitle[0].name, 'Order emails delayed by a queue backlog');
    assert.equal(byTitle[0].location.uri, ws.fileUri('postmortems/2026-02-03-queue-backlog.md'));
    const byItem: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'stagger price cache' });
    const item = byItem.find((s) => s.name.startsWith('Stagger price cache key expiry'))!;
    assert.ok(item, JSON.stringify(byItem.map((s) => s.name)));
    const line = readFileSync(join(ws.dir, 'postmortems/2026-01-12-cache-stampede.md'), 'utf8').split('\n')[item.location.range.start.line];
    assert.match(line, /^\| Stagger price cache key expiry/);
    assert.match(item.containerName ?? '', /^Checkout errors from a cache stampede · @jonas · 2026-02-15/);
  });

  it('answers postmortem/actionItems with every item and its bucket as of the fixed date', async () => {
    const r = await client.connection.sendRequest(ActionItemsRequest, {});
    assert.equal(r.today, TODAY);
    assert.equal(r.postmortems, POSTMORTEMS.length);
    assert.equal(
      r.items.length,
      POSTMORTEMS.reduce((n, p) => n + p.items.length, 0),
    );
    const overdue = r.items
      .filter((i) => i.bucket === 'overdue')
      .map((i) => i.text.slice(0, 20))
      .sort();
    const expected = POSTMORTEMS.flatMap((p) => p.items.filter((i) => i.status === 'open' && i.dueDate && i.dueDate < TODAY))
      .map((i) => i.text.slice(0, 20))
      .sort();
    assert.deepEqual(overdue, expected);
  });

  it('answers postmortem/report with the Markdown page and the figures, linked to the files', async () => {
    const r = await client.connection.sendRequest(ReportRequest, { since: '2026-01-01' });
    const data = r.data as ReportData;
    const inside = POSTMORTEMS.filter((p) => p.date && p.date >= '2026-01-01');
    assert.equal(data.postmortems, inside.length);
    assert.equal(data.excluded.undated + data.excluded.outsidePeriod, POSTMORTEMS.length - inside.length);
    assert.match(r.markdown, /^# Postmortem review of the workspace\n/);
    assert.ok(r.markdown.includes(`](<${ws.fileUri('incidents/2026-03-18-dns-change.md')}>)`), 'links are file URIs');
  });

  it('answers postmortem/similar for a factor being written, naming earlier incidents only', async () => {
    const uri = ws.fileUri('postmortems/2026-06-12-search-lag.md');
    const text =
      '---\ntype: postmortem\ndate: 2026-06-12\n---\n\n# Search lag\n\n## Contributing factors\n\n- The search lag alert waits fifteen minutes before paging the on-call engineer.\n';
    await client.openAndWait(uri, text);
    const r = await client.connection.sendRequest(SimilarRequest, { uri, position: { line: 9, character: 12 } });
    assert.ok(r);
    assert.match(r.query, /search lag alert/);
    assert.deepEqual(r.similar.map((s) => s.postmortem.path).sort(), [
      'incidents/2026-03-18-dns-change.md',
      'postmortems/2026-01-12-cache-stampede.md',
      'postmortems/2026-02-03-queue-backlog.md',
    ]);
    const hover: { contents: { value: string } } = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 9, character: 12 },
    });
    assert.match(hover.contents.value, /Similar earlier incidents/);
    assert.equal(await client.connection.sendRequest(SimilarRequest, { uri, position: { line: 5, character: 2 } }), null);
    client.close(uri);
  });

  it('follows a file changed on disk through workspace/didChangeWatchedFiles', async () => {
    const rel = 'postmortems/2026-05-02-disk-full.md';
    const path = join(ws.dir, rel);
    writeFileSync(path, readFileSync(path, 'utf8').replace('| @priya | 2026-05-30 | Open |', '| @priya | 2026-05-30 | Done |'));
    changes = [];
    const done = indexChanged();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.fileUri(rel), type: 2 }] });
    await done;
    const r = await client.connection.sendRequest(ActionItemsRequest, {});
    const item = r.items.find((i) => i.text.startsWith('Alert when the export disk grows'))!;
    assert.equal(item.bucket, 'done');
  });

  it('drops a deleted postmortem', async () => {
    const done = indexChanged((p) => p.postmortems === POSTMORTEMS.length - 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.fileUri('notes/badge-printer-review.md'), type: 3 }] });
    await done;
    const symbols: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'badge printer' });
    assert.deepEqual(symbols, []);
  });
});
