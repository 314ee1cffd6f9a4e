/**
 * Big and odd files over the protocol: a 10 MB Markdown postmortem and a binary file each get exactly
 * one notice on line 1 and no analysis; `postmortem.maxFileSize` moves the limit; the server keeps
 * answering requests for the other documents. A document that would not fit in the server's heap gets
 * one notice too, instead of crashing the server.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { serverExecArgv } from '../../server/src/memory';
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

describe('big and odd files over the protocol (bundled dist/server.js)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, 'postmortems', name)).href;

  before(async () => {
    ensureBundle();
    dir = mkdtempSync(path.join(os.tmpdir(), 'postmortem-big-'));
    mkdirSync(path.join(dir, 'postmortems'));
    client = new TestClient();
    client.settings = { maxFileSize: 100_000 };
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'big' }],
      initializationOptions: { today: '2026-11-23' },
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives a 10 MB file, a file over postmortem.maxFileSize and a binary file one notice each, and keeps answering', async () => {
    const big = POSTMORTEM + '\nThe operator should have restarted the spooler sooner.\n'.repeat(Math.ceil(10_000_000 / 55));
    const medium = POSTMORTEM + '\nThe operator should have known.\n'.repeat(4_000); // ~130 K: over the 100,000 set
    const binary = 'PK\u0003\u0004\u0000\u0000\u0014\u0000' + '\u0000\u00ff'.repeat(2000);
    const waits = ['big.md', 'medium.md', 'blob.md', 'normal.md'].map((n) => client.diagnosticsOf(uri(n), 1));
    client.open(uri('big.md'), big);
    client.open(uri('medium.md'), medium);
    client.open(uri('blob.md'), binary);
    client.open(uri('normal.md'), POSTMORTEM);
    const [bigD, mediumD, blobD, normalD] = await Promise.all(waits);

    for (const [d, why] of [[bigD, /10,\d{3},\d{3} characters, more than the 100,000/], [mediumD, /more than the 100,000/], [blobD, /binary/]] as const) {
      assert.equal(d.diagnostics.length, 1, JSON.stringify(d.diagnostics));
      assert.equal(d.diagnostics[0].severity, DiagnosticSeverity.Information);
      assert.deepEqual(d.diagnostics[0].range.start, { line: 0, character: 0 });
      assert.match(d.diagnostics[0].message, why);
    }
    assert.ok(normalD.diagnostics.some((x) => x.code === 'blame-language'), 'the small postmortem is analysed as usual');

    // Requests for the skipped and the normal documents are answered.
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('normal.md') } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('big.md') } }), []);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('blob.md') }, position: { line: 0, character: 0 } }), null);
    assert.ok(client.running);
  });
});

describe('a document too big for the heap that is left (server/src/memory.ts)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, 'postmortems', name)).href;

  before(async () => {
    ensureBundle();
    dir = mkdtempSync(path.join(os.tmpdir(), 'postmortem-heap-'));
    mkdirSync(path.join(dir, 'postmortems'));
    // A 128 MB heap: a 1.5 MB postmortem (about 150 MB to analyse at first) can never fit in it.
    client = new TestClient([...serverExecArgv(128)]);
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'heap' }],
      initializationOptions: { today: '2026-11-23' },
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gets one notice naming the setting instead of crashing the server, and the other documents are still checked', async () => {
    const huge = POSTMORTEM + '\nThe spooler restart took eleven minutes because the runbook named the wrong host.\n'.repeat(Math.ceil(1_500_000 / 82));
    assert.ok(huge.length < 2_000_000, 'under the default postmortem.maxFileSize, so only memory can stop it');
    const hugeD = await client.openAndWait(uri('huge.md'), huge);
    assert.equal(hugeD.diagnostics.length, 1, JSON.stringify(hugeD.diagnostics));
    assert.equal(hugeD.diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(hugeD.diagnostics[0].message, /needs about 1\d\d MB of memory and the postmortem language server has \d+ MB left; it was not analysed\. .*postmortem\.server\.maxMemory \(now 128 MB\)/);

    // Typing in it is checked again, and still does not fit.
    const next = client.diagnosticsOf(uri('huge.md'), 2);
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('huge.md'), version: 2 },
      contentChanges: [{ range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: 'x' }],
    });
    assert.match((await next).diagnostics[0].message, /postmortem\.server\.maxMemory/);

    const normalD = await client.openAndWait(uri('normal.md'), POSTMORTEM);
    assert.ok(normalD.diagnostics.some((x) => x.code === 'blame-language'), 'a typical postmortem is analysed as usual');
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('huge.md') } }), []);
    assert.ok(client.running, client.stderr);
  });
});
