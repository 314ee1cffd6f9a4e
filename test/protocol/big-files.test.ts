/**
 * Big and odd files over the protocol: a 10 MB Markdown postmortem and a binary file each get exactly
 * one notice on line 1 and no analysis; `postmortem.maxFileSize` moves the limit; the server keeps
 * answering requests for the other documents. A document that would not fit in the server's heap gets
 * one notice too, instead of crashing the server.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { serverExecArgv } from '../../common/memory';
import { ensureBundle, TestClient } from './lspClient';

const POSTMORTEM = `---
title: Badge printer queue jammed
date: 2026-09-14
severity: SEV-3
---

# Badge printer queue jammed

## Summary

Badges stopped printing for 50 minutes. The operator should have restarted the spooler.
`;

/**
 * A server over a fresh folder with a postmortems/ subfolder, started before the enclosing describe
 * block's tests and stopped after them.
 */
function serverForSuite(name: string, nodeArgs: string[] = [], settings: Record<string, unknown> = {}, files: Record<string, string> = {}) {
  const suite = {
    client: undefined as unknown as TestClient,
    dir: '',
    uri: (file: string) => pathToFileURL(path.join(suite.dir, 'postmortems', file)).href,
  };
  before(async () => {
    ensureBundle();
    suite.dir = mkdtempSync(path.join(os.tmpdir(), `postmortem-${name}-`));
    mkdirSync(path.join(suite.dir, 'postmortems'));
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(suite.dir, rel), text);
    const client = (suite.client = new TestClient(nodeArgs));
    client.settings = settings;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(suite.dir).href,
      workspaceFolders: [{ uri: pathToFileURL(suite.dir).href, name }],
      initializationOptions: { today: '2026-11-23' },
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(() => {
    suite.client?.kill();
    if (suite.dir) rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}

describe('big and odd files over the protocol (bundled dist/server.js)', function () {
  this.timeout(120_000);
  const server = serverForSuite('big', [], { maxFileSize: 100_000 });
  const uri = server.uri;

  it('gives a 10 MB file, a file over postmortem.maxFileSize and a binary file one notice each, and keeps answering', async () => {
    const big = POSTMORTEM + '\nThe operator should have restarted the spooler sooner.\n'.repeat(Math.ceil(10_000_000 / 55));
    const medium = POSTMORTEM + '\nThe operator should have known.\n'.repeat(4_000); // ~130 K: over the 100,000 set
    const binary = 'PK\u0003\u0004\u0000\u0000\u0014\u0000' + '\u0000\u00ff'.repeat(2000);
    const waits = ['big.md', 'medium.md', 'blob.md', 'normal.md'].map((n) => server.client.diagnosticsOf(uri(n), 1));
    server.client.open(uri('big.md'), big);
    server.client.open(uri('medium.md'), medium);
    server.client.open(uri('blob.md'), binary);
    server.client.open(uri('normal.md'), POSTMORTEM);
    const [bigD, mediumD, blobD, normalD] = await Promise.all(waits);

    for (const [d, why] of [
      [bigD, /10,\d{3},\d{3} characters, more than the 100,000/],
      [mediumD, /more than the 100,000/],
      [blobD, /binary/],
    ] as const) {
      assert.equal(d.diagnostics.length, 1, JSON.stringify(d.diagnostics));
      assert.equal(d.diagnostics[0].severity, DiagnosticSeverity.Information);
      assert.deepEqual(d.diagnostics[0].range.start, { line: 0, character: 0 });
      assert.match(d.diagnostics[0].message, why);
    }
    assert.ok(
      normalD.diagnostics.some((x) => x.code === 'blame-language'),
      'the small postmortem is analysed as usual',
    );

    // Requests for the skipped and the normal documents are answered.
    const symbols = await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('normal.md') } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.deepEqual(await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('big.md') } }), []);
    assert.equal(
      await server.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('blob.md') }, position: { line: 0, character: 0 } }),
      null,
    );
    assert.ok(server.client.running);
  });
});

describe('a document too big for the heap that is left (common/memory.ts)', function () {
  this.timeout(120_000);
  // A 128 MB heap: a 1.5 MB postmortem (about 150 MB to analyse at first) can never fit in it.
  const server = serverForSuite('heap', serverExecArgv(128));
  const uri = server.uri;

  it('gets one notice naming the setting instead of crashing the server, and the other documents are still checked', async () => {
    const huge = POSTMORTEM + '\nThe spooler restart took eleven minutes because the runbook named the wrong host.\n'.repeat(Math.ceil(1_500_000 / 82));
    assert.ok(huge.length < 2_000_000, 'under the default postmortem.maxFileSize, so only memory can stop it');
    const hugeD = await server.client.openAndWait(uri('huge.md'), huge);
    assert.equal(hugeD.diagnostics.length, 1, JSON.stringify(hugeD.diagnostics));
    assert.equal(hugeD.diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(
      hugeD.diagnostics[0].message,
      /needs about 1\d\d MB of memory and the postmortem language server has \d+ MB left; it was not analysed\. .*postmortem\.server\.maxMemory \(now 128 MB\)/,
    );

    // Typing in it is checked again, and still does not fit.
    const next = server.client.diagnosticsOf(uri('huge.md'), 2);
    void server.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('huge.md'), version: 2 },
      contentChanges: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'x' }],
    });
    assert.match((await next).diagnostics[0].message, /postmortem\.server\.maxMemory/);

    const normalD = await server.client.openAndWait(uri('normal.md'), POSTMORTEM);
    assert.ok(
      normalD.diagnostics.some((x) => x.code === 'blame-language'),
      'a typical postmortem is analysed as usual',
    );
    assert.deepEqual(await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('huge.md') } }), []);
    assert.ok(server.client.running, server.client.stderr);
  });
});

/** A postmortem whose body is one timeline table of about `chars` characters. */
function oneTable(chars: number): string {
  const rows: string[] = [];
  for (let i = 0, len = 0; len < chars; i++) {
    const row = `| ${String(9 + (Math.floor(i / 60) % 15)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | The queue depth on shard ${i} rose and the on-call engineer paged the storage team | pager |`;
    rows.push(row);
    len += row.length + 1;
  }
  return `# Postmortem: shard queue backlog\n\n## Timeline\n\n| Time (UTC) | Event | Source |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
}

describe('a large one-table postmortem, opened or only indexed (server/src/analysisWorker.ts)', function () {
  this.timeout(300_000);
  // A small heap: analysing the table on the server's own thread would not fit in it.
  const table = oneTable(400_000);
  const server = serverForSuite('table', serverExecArgv(128), {}, { 'postmortems/indexed-table.md': table });
  const uri = server.uri;

  it('keeps the server up and answers the other documents first', async () => {
    // Opened: the other document's diagnostics come while the table is being analysed.
    const order: string[] = [];
    const bigD = server.client.diagnosticsOf(uri('table.md'), 1).then((d) => (order.push('table'), d));
    server.client.open(uri('table.md'), table);
    const normalD = await server.client.openAndWait(uri('normal.md'), POSTMORTEM);
    order.push('normal');
    assert.ok(normalD.diagnostics.some((x) => x.code === 'blame-language'));
    // Edits to it are answered too, while the table is still being worked on.
    const next = server.client.diagnosticsOf(uri('normal.md'), 2);
    void server.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('normal.md'), version: 2 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'Also, ' }],
    });
    await next;
    order.push('edit');
    const d = await bigD;
    assert.deepEqual(order.slice(0, 2), ['normal', 'edit'], `answered in this order: ${order.join(', ')}`);
    // Its own result: findings, or one notice saying it could not be checked; never a dead server.
    assert.ok(d.diagnostics.length >= 1);
    if (d.diagnostics.length === 1 && d.diagnostics[0].severity === DiagnosticSeverity.Information)
      assert.match(d.diagnostics[0].message, /memory|not analysed/);
    assert.ok(server.client.running, server.client.stderr);
    // The indexed copy (never opened) did not take it down either.
    const symbols = await server.client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('normal.md') } });
    assert.ok(Array.isArray(symbols));
    assert.ok(server.client.running, server.client.stderr);
  });
});
