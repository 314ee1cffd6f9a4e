/**
 * Configuration in the language server, over stdio against the bundled server: options from
 * .postmortemrc files (and the settings where none applies), `ignore` globs, problems of a bad
 * configuration as diagnostics on the configuration file (and linting with the valid rest), and
 * re-checking when a configuration file changes on disk or is edited in the editor.
 */
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams, Registration } from 'vscode-languageserver-protocol';
import { CheckFileRequest } from '../../common/protocol';
import { rangeIn, startClient, stopClient, tempWorkspace, FULL_WORKSPACE_CAPS, type TempWorkspace } from './configWorkspace';
import { ensureBundle, type TestClient } from './lspClient';

const TODAY = '2026-04-10';

const POSTMORTEM = `---
title: Billing export stalled
date: 2026-04-02
severity: SEV-3
status: in review
---

# Billing export stalled

## Summary

The nightly billing export stopped for six hours. The on-call engineer failed to check the export queue.

## Timeline

- 01:10 UTC Export job started.
- 07:12 UTC Queue depth alert fired.

## Action items

- Add a queue depth alert at 500 messages (owner: @ana, due: 2026-04-20, ticket: BILL-7)
`;

const codes = (p: PublishDiagnosticsParams | Diagnostic[]) => (Array.isArray(p) ? p : p.diagnostics).map((d) => String(d.code));
const has = (p: PublishDiagnosticsParams, code: string) => codes(p).includes(code);

describe('configuration in the language server (bundled dist/server.js)', function () {
  this.timeout(60_000);
  let ws: TempWorkspace;
  let client: TestClient;
  let registrations: Registration[];

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    ws = tempWorkspace();
    ({ client, registrations } = await startClient(ws.dir, { today: TODAY, workspace: FULL_WORKSPACE_CAPS }));
  });

  after(async () => {
    await stopClient(client);
    ws?.cleanup();
  });

  it('asks the client to watch the configuration files', async () => {
    // Registration is sent after `initialized`; any request answered since proves it was handled.
    await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: ws.uri('none.md') } });
    const watch = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, JSON.stringify(registrations));
    assert.deepEqual(
      (watch.registerOptions as { watchers: Array<{ globPattern: string }> }).watchers.map((w) => w.globPattern),
      ['**/.postmortemrc.{yaml,yml,json}'],
    );
  });

  it('reports a bad configuration on the file, at the offending key or value, and lints with the valid rest', async () => {
    const cfg = 'rules:\n  blame-language: loud\n  blame-langauge: off\n  section-missing: off\nignore: 5\n';
    const cfgUri = ws.write('bad-values/.postmortemrc.yaml', cfg);
    const cfgDiags = client.diagnostics(cfgUri);
    const pm = await client.openAndWait(ws.uri('bad-values/postmortems/export.md'), POSTMORTEM);
    const { diagnostics } = await cfgDiags;
    assert.equal(diagnostics.length, 3, JSON.stringify(diagnostics, null, 1));
    for (const d of diagnostics) {
      assert.equal(d.source, 'postmortem');
      assert.equal(d.code, 'config-invalid');
      assert.equal(d.severity, 1);
    }
    const at = (needle: string) => diagnostics.find((d) => JSON.stringify(d.range) === JSON.stringify(rangeIn(cfg, needle)));
    assert.match(at('loud')?.message ?? '', /rules\.blame-language: expected off, hint, info, warning or error/);
    assert.match(at('blame-langauge')?.message ?? '', /"blame-langauge" is not a rule id/);
    assert.match(at('5')?.message ?? '', /^ignore: /);
    // The valid rest applies: section-missing is off; blame-language keeps its default severity.
    assert.ok(!has(pm, 'section-missing'), JSON.stringify(codes(pm)));
    assert.deepEqual(
      pm.diagnostics.filter((d) => d.code === 'blame-language').map((d) => d.severity),
      [2],
    );
  });

  it('reports invalid YAML where it stands and lints with the defaults', async () => {
    const cfg = 'rules:\n  blame-language: [off\nstatus: {}\n';
    const cfgUri = ws.write('bad-yaml/.postmortemrc.yaml', cfg);
    const cfgDiags = client.diagnostics(cfgUri);
    const pm = await client.openAndWait(ws.uri('bad-yaml/postmortems/export.md'), POSTMORTEM);
    const { diagnostics } = await cfgDiags;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(diagnostics[0].message, /^not valid YAML/);
    assert.equal(diagnostics[0].code, 'config-invalid');
    assert.ok(diagnostics[0].range.start.line >= 1, 'placed at the error, not on line 1');
    assert.ok(has(pm, 'blame-language') && has(pm, 'section-missing'), JSON.stringify(codes(pm)));
  });

  it('re-lints open documents and clears the config diagnostics when the file is fixed on disk', async () => {
    const cfgUri = ws.write('fixed-later/.postmortemrc.yaml', 'rules:\n  blame-language: loud\n');
    const first = client.diagnostics(cfgUri);
    const pmUri = ws.uri('fixed-later/postmortems/export.md');
    const pm = await client.openAndWait(pmUri, POSTMORTEM);
    assert.equal((await first).diagnostics.length, 1);
    assert.ok(has(pm, 'blame-language'));

    ws.write('fixed-later/.postmortemrc.yaml', 'rules:\n  blame-language: off\n  section-missing: error\n');
    const cleared = client.diagnostics(cfgUri);
    const relinted = client.diagnostics(pmUri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    assert.deepEqual((await cleared).diagnostics, []);
    const after = await relinted;
    assert.equal(after.version, 1, 'the same version, checked again');
    assert.ok(!has(after, 'blame-language'), JSON.stringify(codes(after)));
    const missing = after.diagnostics.filter((d) => d.code === 'section-missing');
    assert.ok(missing.length >= 1 && missing.every((d) => d.severity === 1));
  });

  it('applies a configuration file when it is created and falls back to the settings when it is deleted', async () => {
    const pmUri = ws.uri('created/postmortems/export.md');
    const before = await client.openAndWait(pmUri, POSTMORTEM);
    assert.ok(has(before, 'blame-language'));

    const cfgUri = ws.write('created/.postmortemrc.json', JSON.stringify({ rules: { 'blame-language': 'off' } }));
    const relinted = client.diagnostics(pmUri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 1 }] });
    assert.ok(!has(await relinted, 'blame-language'));

    ws.remove('created/.postmortemrc.json');
    const back = client.diagnostics(pmUri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 3 }] });
    assert.ok(has(await back, 'blame-language'));
  });

  it('uses the unsaved text of an open configuration document, and the file on disk again once it is closed', async () => {
    const disk = 'rules:\n  action-item-type-missing: off\n';
    const cfgUri = ws.write('open-config/.postmortemrc.yaml', disk);
    const pmUri = ws.uri('open-config/postmortems/export.md');
    const pm = await client.openAndWait(pmUri, POSTMORTEM);
    assert.ok(has(pm, 'blame-language') && !has(pm, 'action-item-type-missing'));

    // Opened with a mistake: its problems come with the document's version.
    const bad = 'rules:\n  action-item-type-missing: off\n  blame-language: sometimes\n';
    const opened = client.diagnosticsOf(cfgUri, 1);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: cfgUri, languageId: 'yaml', version: 1, text: bad } });
    const openedDiags = (await opened).diagnostics;
    assert.equal(openedDiags.length, 1);
    assert.deepEqual(openedDiags[0].range, rangeIn(bad, 'sometimes'));

    // Edited, not saved: the problem goes, and the postmortem is checked with the unsaved rules.
    const good = 'rules:\n  action-item-type-missing: off\n  blame-language: off\n';
    const fixed = client.diagnosticsOf(cfgUri, 2);
    const relinted = client.diagnostics(pmUri, (p) => !has(p, 'blame-language'));
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: cfgUri, version: 2 }, contentChanges: [{ text: good }] });
    assert.deepEqual((await fixed).diagnostics, []);
    assert.ok(!has(await relinted, 'action-item-type-missing'));

    // Closed without saving: the file on disk counts again.
    const reverted = client.diagnostics(pmUri, (p) => has(p, 'blame-language'));
    client.close(cfgUri);
    assert.ok(!has(await reverted, 'action-item-type-missing'));
  });

  it('gives a document matching an ignore glob no diagnostics, and lints the others', async () => {
    ws.write('ignoring/.postmortemrc.yaml', 'ignore:\n  - "postmortems/drafts/**"\n');
    const ignored = await client.openAndWait(ws.uri('ignoring/postmortems/drafts/export.md'), POSTMORTEM);
    assert.deepEqual(ignored.diagnostics, []);
    const checked = await client.openAndWait(ws.uri('ignoring/postmortems/export.md'), POSTMORTEM);
    assert.ok(has(checked, 'blame-language'));
  });

  it('checks an ignored document the user asks to check (like a file named on the command line)', async () => {
    ws.write('opt-in/.postmortemrc.yaml', 'ignore: ["**/*.md"]\n');
    const uri = ws.uri('opt-in/postmortems/export.md');
    assert.deepEqual((await client.openAndWait(uri, POSTMORTEM)).diagnostics, []);
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const res = await client.connection.sendRequest(CheckFileRequest, { uri });
    assert.equal(res.checked, true);
    assert.ok(has(await published, 'blame-language'));
  });

  it('uses the postmortem.* settings where no configuration file applies, and for untitled documents', async () => {
    client.settings = { rules: { 'blame-language': 'error', 'section-missing': 'off' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    // Untitled: no path, so it is checked because its front matter says it is a postmortem.
    const untitled = await client.openAndWait('untitled:Untitled-1', POSTMORTEM.replace('status: in review', 'status: in review\ntype: postmortem'));
    assert.deepEqual(
      untitled.diagnostics.filter((d) => d.code === 'blame-language').map((d) => d.severity),
      [1],
    );
    assert.ok(!has(untitled, 'section-missing'));

    const plain = await client.openAndWait(ws.uri('no-config/postmortems/export.md'), POSTMORTEM);
    assert.deepEqual(
      plain.diagnostics.filter((d) => d.code === 'blame-language').map((d) => d.severity),
      [1],
    );

    // A configuration file replaces the settings for the documents below it.
    ws.write('with-config/.postmortemrc.yaml', 'rules:\n  summary-too-long: off\n');
    const configured = await client.openAndWait(ws.uri('with-config/postmortems/export.md'), POSTMORTEM);
    assert.deepEqual(
      configured.diagnostics.filter((d) => d.code === 'blame-language').map((d) => d.severity),
      [2],
    );
    assert.ok(has(configured, 'section-missing'));
    client.settings = {};
  });

  it('keeps serving after all of this', () => {
    assert.ok(client.running);
    assert.ok(!client.logs.some((l) => /failed/i.test(l)), client.logs.join('\n'));
  });
});
