/**
 * The code actions around configuration and suppressions, against the bundled server: "Ignore <rule>
 * on this line", "Disable <rule> in .postmortemrc.yaml" (editing a file, or creating one when the
 * client can), "Fix all <rule> problems" and `source.fixAll.postmortem`, each honouring
 * `context.only`. Every edit is applied as the editor would and the result is checked again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { CodeAction, CreateFile, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { loadConfigFor } from '../../config';
import { analyze } from '../../core';
import { fixUntilStable, preferredFix } from '../../core/edits/applyFixes';
import { startClient, stopClient, tempWorkspace, FULL_WORKSPACE_CAPS, type TempWorkspace } from './configWorkspace';
import { ensureBundle, type TestClient } from './lspClient';
import { applyTextEdits } from '../helpers/edits';

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

The release manager failed to pause the deploy.

## Timeline

- 01:10 UTC Export job started.
- 07:12 UTC Queue depth alert fired.
- 07:40 UTC Export resumed.

## Action items

- Add a queue depth alert at 500 messages (owner: @ana, due: 2026-04-20, ticket: BILL-7)
`;

const byCode = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.filter((d) => d.code === code);

describe('configuration and suppression code actions (bundled dist/server.js)', function () {
  this.timeout(60_000);
  let ws: TempWorkspace;
  let client: TestClient;

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    ws = tempWorkspace();
    ({ client } = await startClient(ws.dir, {
      today: TODAY,
      workspace: FULL_WORKSPACE_CAPS,
      initializationOptions: { openConfigCommand: 'postmortem.openConfigFile' },
    }));
  });

  after(async () => {
    await stopClient(client);
    ws?.cleanup();
  });

  const ask = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  /** Sends the new text as a full change and resolves with the diagnostics of that version. */
  async function change(uri: string, version: number, text: string): Promise<PublishDiagnosticsParams> {
    const next = client.diagnosticsOf(uri, version);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  it('offers the fix, "Fix all", "Ignore … on this line" and "Disable … in .postmortemrc.yaml" for a finding, in that order', async () => {
    const uri = ws.uri('postmortems/order.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const [blame] = byCode(pm, 'blame-language');
    const titles = (await ask(uri, [blame], ['quickfix'])).map((a) => a.title);
    assert.deepEqual(titles, [
      'Replace "failed to" with "did not"',
      'Fix all blame-language problems',
      'Ignore blame-language on this line',
      'Disable blame-language in .postmortemrc.yaml',
    ]);
    assert.deepEqual(await ask(uri, [blame], ['refactor']), [], 'context.only is honoured');
    assert.deepEqual(
      (await ask(uri, [blame], ['source'])).map((a) => a.kind),
      ['source.fixAll.postmortem'],
      'only source actions for only: [source]',
    );
  });

  it('"Ignore <rule> on this line" inserts a suppression comment with the reason to fill in; the finding goes, the placeholder reason is flagged until written', async () => {
    const uri = ws.uri('postmortems/ignore.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const [first, second] = byCode(pm, 'blame-language');
    const action = (await ask(uri, [second], ['quickfix'])).find((a) => a.title === 'Ignore blame-language on this line');
    assert.ok(action?.edit?.changes?.[uri]);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [second]);
    const text = applyTextEdits(POSTMORTEM, action.edit.changes[uri]);
    const comment = text.split('\n')[second.range.start.line];
    // Above the paragraph, with the reason as a placeholder (plain text, no snippet syntax).
    assert.equal(comment, '<!-- postmortem-disable-next-line blame-language -- why this does not apply -->');
    const after = await change(uri, 2, text);
    assert.deepEqual(
      byCode(after, 'blame-language').map((d) => d.range.start.line),
      [first.range.start.line],
    );
    const placeholder = byCode(after, 'suppression-reason-missing');
    assert.equal(placeholder.length, 1, 'the placeholder is not a reason');
    assert.equal(placeholder[0].range.start.line, second.range.start.line);
    assert.deepEqual(byCode(after, 'suppression-unused'), []);
    const written = await change(uri, 3, text.replace('why this does not apply', 'the sentence quotes the pager message'));
    assert.deepEqual(byCode(written, 'suppression-reason-missing'), []);
  });

  it('offers one "Ignore" and one "Disable" for findings stacked on one line', async () => {
    const uri = ws.uri('postmortems/stacked.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const atTop = pm.diagnostics.filter((d) => d.range.start.line === 0);
    assert.ok(new Set(atTop.map((d) => d.code)).size >= 2, JSON.stringify(atTop.map((d) => d.code)));
    const titles = (await ask(uri, atTop, ['quickfix'])).map((a) => a.title);
    assert.equal(titles.filter((t) => t.startsWith('Ignore')).length, 1, titles.join(' | '));
    assert.equal(titles.filter((t) => t.startsWith('Disable')).length, 1, titles.join(' | '));
    assert.ok(
      titles.some((t) => /^Ignore \d+ findings in this file$/.test(t)),
      titles.join(' | '),
    );
  });

  it('offers no "Ignore" for the rules that report on suppression comments, but "Disable" in the config', async () => {
    const uri = ws.uri('postmortems/unused.md');
    const text = POSTMORTEM.replace('- 07:40 UTC', '<!-- postmortem-disable-next-line timeline-order -- kept from the draft -->\n- 07:40 UTC');
    const pm = await client.openAndWait(uri, text);
    const unused = byCode(pm, 'suppression-unused');
    assert.equal(unused.length, 1, JSON.stringify(pm.diagnostics));
    const titles = (await ask(uri, unused, ['quickfix'])).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Ignore')), titles.join(' | '));
    assert.ok(titles.includes('Disable suppression-unused in .postmortemrc.yaml'), titles.join(' | '));
  });

  it('"Fix all <rule> problems" applies every plain preferred fix of that rule, and nothing else', async () => {
    const uri = ws.uri('postmortems/fix-all.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const blame = byCode(pm, 'blame-language');
    assert.equal(blame.length, 2);
    const action = (await ask(uri, [blame[0]], ['quickfix'])).find((a) => a.title === 'Fix all blame-language problems');
    assert.ok(action?.edit?.changes?.[uri]);
    assert.equal(action.edit.changes[uri].length, 2);
    const text = applyTextEdits(POSTMORTEM, action.edit.changes[uri]);
    assert.equal((text.match(/did not/g) ?? []).length, 2);
    const after = await change(uri, 2, text);
    assert.deepEqual(byCode(after, 'blame-language'), []);
    // Other rules' findings are untouched.
    assert.equal(byCode(after, 'section-missing').length, byCode(pm, 'section-missing').length);

    // With one fixable finding left of a rule, the finding's own fix is enough: no "Fix all".
    const single = POSTMORTEM.replace('The release manager failed to pause the deploy.', 'The deploy was not paused.');
    const one = await change(uri, 3, single);
    const titles = (await ask(uri, byCode(one, 'blame-language'), ['quickfix'])).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Fix all')), titles.join(' | '));
  });

  it('source.fixAll.postmortem is what postmortem-lint --fix does, and only comes when asked for', async () => {
    const uri = ws.uri('postmortems/source-fix-all.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    assert.deepEqual(
      (await ask(uri, pm.diagnostics)).filter((a) => a.kind?.startsWith('source')),
      [],
      'not computed for the lightbulb',
    );
    const actions = await ask(uri, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.postmortem');
    assert.ok(actions[0].edit?.changes?.[uri]);
    const text = applyTextEdits(POSTMORTEM, actions[0].edit.changes[uri]);

    const options = { ...loadConfigFor(ws.path('postmortems/source-fix-all.md'), { stopAt: ws.dir }).options, today: TODAY };
    assert.equal(text, fixUntilStable(POSTMORTEM, (t) => analyze(t, options).findings).output);
    assert.notEqual(text, POSTMORTEM);
    const after = await change(uri, 2, text);
    const leftFixable = analyze(text, options).findings.filter((f) => preferredFix(f));
    assert.deepEqual(leftFixable, []);
    assert.ok(after.diagnostics.length < pm.diagnostics.length);
  });

  it('"Disable … in .postmortemrc.yaml" creates the file in the workspace folder when none exists', async () => {
    const uri = ws.uri('postmortems/create.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const action = (await ask(uri, byCode(pm, 'blame-language').slice(0, 1), ['quickfix'])).find((a) => a.title.startsWith('Disable'));
    const changes = action?.edit?.documentChanges;
    assert.ok(changes && changes.length === 2, JSON.stringify(action));
    const cfgUri = ws.uri('.postmortemrc.yaml');
    const create = changes[0] as CreateFile;
    assert.equal(create.kind, 'create');
    assert.equal(create.uri, cfgUri);
    const edit = changes[1] as TextDocumentEdit;
    assert.equal(edit.textDocument.uri, cfgUri);
    const content = applyTextEdits('', edit.edits as TextEdit[]);
    // Then the client opens the new file and says that settings now come from it.
    assert.deepEqual(action?.command, { title: 'Open the configuration file', command: 'postmortem.openConfigFile', arguments: [cfgUri, true] });

    // The editor creates the file; the watcher tells the server; the rule is off.
    ws.write('.postmortemrc.yaml', content);
    const relinted = client.diagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 1 }] });
    const after = await relinted;
    assert.deepEqual(byCode(after, 'blame-language'), []);
    assert.ok(byCode(after, 'section-missing').length > 0);
  });

  it('"Disable … in .postmortemrc.yaml" edits the nearest existing file and keeps its comments', async () => {
    const cfg = '# Team rules: keep this comment\nrules:\n  blame-language: off # reviewed in March\n';
    const cfgUri = ws.write('team/.postmortemrc.yaml', cfg);
    const uri = ws.uri('team/postmortems/edit.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const [missing] = byCode(pm, 'section-missing');
    const action = (await ask(uri, [missing], ['quickfix'])).find((a) => a.title.startsWith('Disable'));
    assert.equal(action?.title, 'Disable section-missing in .postmortemrc.yaml');
    const [edit] = action!.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(edit.textDocument.uri, cfgUri);
    assert.equal(edit.textDocument.version, null, 'the file is not open');
    const content = applyTextEdits(cfg, edit.edits as TextEdit[]);
    assert.match(content, /# Team rules: keep this comment/);
    assert.match(content, /blame-language: off # reviewed in March/);
    assert.match(content, /section-missing: off/);

    ws.write('team/.postmortemrc.yaml', content);
    const relinted = client.diagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    assert.deepEqual(byCode(await relinted, 'section-missing'), []);
    assert.equal(readFileSync(ws.path('team/.postmortemrc.yaml'), 'utf8'), content);
  });

  it('edits the unsaved text of an open configuration document, with its version', async () => {
    const cfgUri = ws.write('open/.postmortemrc.yaml', 'rules: {}\n');
    const unsaved = 'rules:\n  metadata-missing: off\n';
    const opened = client.diagnosticsOf(cfgUri, 4);
    void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: cfgUri, languageId: 'yaml', version: 4, text: unsaved } });
    await opened;
    const uri = ws.uri('open/postmortems/edit.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    assert.deepEqual(byCode(pm, 'metadata-missing'), [], 'the unsaved rules apply');
    // (blame-language is off in the workspace's .postmortemrc.yaml, created above.)
    const action = (await ask(uri, byCode(pm, 'section-missing').slice(0, 1), ['quickfix'])).find((a) => a.title.startsWith('Disable'));
    const [edit] = action!.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(edit.textDocument.version, 4);
    assert.equal(applyTextEdits(unsaved, edit.edits as TextEdit[]), 'rules:\n  metadata-missing: off\n  section-missing: off\n');
    client.close(cfgUri);
  });
});

describe('configuration code actions for a client that cannot create files', function () {
  this.timeout(60_000);
  let ws: TempWorkspace;
  let client: TestClient;

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    ws = tempWorkspace();
    ({ client } = await startClient(ws.dir, { today: TODAY }));
  });

  after(async () => {
    await stopClient(client);
    ws?.cleanup();
  });

  it('leaves "Disable … in .postmortemrc.yaml" out while no file exists, and edits an existing one with plain changes', async () => {
    const uri = ws.uri('postmortems/plain.md');
    const pm = await client.openAndWait(uri, POSTMORTEM);
    const [blame] = byCode(pm, 'blame-language');
    const ask = () =>
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: blame.range, context: { diagnostics: [blame] } }) as Promise<
        CodeAction[]
      >;
    const titles = (await ask()).map((a) => a.title);
    assert.ok(titles.includes('Ignore blame-language on this line'));
    assert.ok(!titles.some((t) => t.startsWith('Disable')), titles.join(' | '));

    const cfgUri = ws.write('.postmortemrc.json', '{ "rules": { "section-missing": "warning" } }\n');
    const action = (await ask()).find((a) => a.title.startsWith('Disable'));
    assert.equal(action?.title, 'Disable blame-language in .postmortemrc.json');
    const edits = action!.edit!.changes![cfgUri];
    assert.deepEqual(JSON.parse(applyTextEdits('{ "rules": { "section-missing": "warning" } }\n', edits)), {
      rules: { 'section-missing': 'warning', 'blame-language': 'off' },
    });
  });
});
