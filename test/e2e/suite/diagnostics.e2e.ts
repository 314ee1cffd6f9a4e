/**
 * Diagnostics, docs links, quick-fixes and the outline of a postmortem, through the real editor API.
 * The fixture (test/e2e/workspace/postmortems/…badge-printer-queue.md) is under postmortems/, so the
 * default `postmortem.files` globs select it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsUntil, codeOf, EXTENSION_ID, lineOf, openFixture, ours, waitForDiagnostics, waitForText } from './helpers';

const POSTMORTEM = 'postmortems/2026-09-03-badge-printer-queue.md';

suite('Postmortem diagnostics in the editor', () => {
  let doc: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    doc = await openFixture(POSTMORTEM);
    diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'human-error-root-cause'), 'the first postmortem diagnostics');
  });

  test('the extension activated on Markdown and runs in a Node extension host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    assert.equal(ext.isActive, true);
    assert.equal(typeof process.versions.node, 'string');
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.UIKind[vscode.env.uiKind]}), Node ${process.version}`);
    // Reported, not judged (README, Performance): activate() itself, and until the server answered initialize.
    const api = ext.exports as { activationMs: number; serverReady: Promise<number> };
    const readyMs = await api.serverReady;
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activate() reports its duration: ${api.activationMs}`);
    assert.ok(Number.isFinite(readyMs) && readyMs >= api.activationMs, `the server is ready after activation: ${readyMs}`);
    console.log(`      activation ${api.activationMs.toFixed(1)} ms; language server ready ${Math.round(readyMs)} ms after activation began`);
  });

  test('each finding is published with its rule id as code, a docs link and a severity', async () => {
    assert.ok(diagnostics.length >= 5, `several findings, got ${diagnostics.length}`);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    for (const d of diagnostics) {
      const rule = codeOf(d);
      assert.match(rule ?? '', /^[a-z]+(?:-[a-z]+)*$/, `kebab-case rule id as code: ${d.message}`);
      assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, `${rule} has a docs link (codeDescription)`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(target.path.endsWith(`/docs/rules/${rule}.md`), `${rule} links to its page: ${target.toString()}`);
      assert.ok(target.path.startsWith(ext.extensionUri.path), `the page ships with the extension: ${target.path}`);
      // The linked page exists in the installed extension.
      await vscode.workspace.fs.stat(target).then(
        () => undefined,
        () => assert.fail(`${rule}: ${target.path} does not exist`),
      );
      assert.ok(d.message.length > 20, `${rule} has a message`);
    }
  });

  test('blame wording is flagged on its words, with the range covering them', () => {
    const line = lineOf(doc, 'Ravi failed to warn');
    const blame = diagnostics.filter((d) => codeOf(d) === 'blame-language' && d.range.start.line === line);
    assert.equal(blame.length, 1, 'one blame-language finding on the "failed to" sentence');
    assert.match(doc.getText(blame[0].range), /failed to/);
    assert.ok(blame[0].range.end.line === line && blame[0].range.end.character <= doc.lineAt(line).text.length, 'range stays on its line');
    const person = diagnostics.filter((d) => codeOf(d) === 'person-as-cause' && d.range.start.line === line);
    assert.equal(person.length, 1, 'the named person is flagged as the cause');
    assert.match(doc.getText(person[0].range), /Ravi/);
  });

  test('a human-error root cause is an error on the root-cause line', () => {
    const line = lineOf(doc, 'Root cause: human error');
    const all = diagnostics.filter((d) => codeOf(d) === 'human-error-root-cause');
    const found = all.filter((d) => d.range.start.line === line);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(doc.getText(found[0].range).toLowerCase(), /human error/);
    // The 5 Whys answer just above it ("Because Ravi made a mistake.") states a cause too, and is read as one.
    const answer = lineOf(doc, 'Because Ravi made a mistake');
    assert.ok(
      all.some((d) => d.range.start.line === answer),
      "the chain's last answer is flagged as well",
    );
    assert.equal(all.length, 2);
  });

  test('missing template sections and the unowned action item are reported', () => {
    const missing = diagnostics.filter((d) => codeOf(d) === 'section-missing').map((d) => d.message);
    assert.ok(
      missing.some((m) => m.includes('What went well')),
      `What went well missing: ${missing.join(' | ')}`,
    );
    assert.ok(!missing.some((m) => m.includes('"Timeline"')), 'Timeline is present, so it is not reported');
    const row = lineOf(doc, 'Be more careful with the print queue');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'action-item-owner-missing' && d.range.start.line === row));
  });

  test('the outline comes from one provider: the headings once, no second postmortem tree', async () => {
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    const flat = (ss: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => ss.flatMap((s) => [s, ...flat(s.children ?? [])]);
    const all = flat(symbols);
    assert.ok(!all.some((s) => s.detail === 'postmortem'), 'no postmortem root symbol besides the Markdown outline');
    const summaries = all.filter((s) => /\bSummary$/.test(s.name));
    assert.equal(summaries.length, 1, `"Summary" once among: ${all.map((s) => s.name).join(', ')}`);
  });

  test('a blame quick-fix is offered for the finding and its edit rewrites the sentence', async () => {
    const line = lineOf(doc, 'Ravi failed to warn');
    const blame = ours(doc.uri).find((d) => codeOf(d) === 'blame-language' && d.range.start.line === line);
    assert.ok(blame);
    const actions = await codeActionsUntil(doc.uri, blame.range, (as) => as.some((a) => /did not/.test(a.title)));
    const fix = actions.find((a) => /did not/.test(a.title));
    assert.ok(fix, `a "did not" rewrite among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries a workspace edit');
    const before = doc.lineAt(line).text;
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitForText(doc, () => doc.lineAt(line).text !== before, 'the fix to change the line');
    const after = doc.lineAt(line).text;
    assert.ok(after.includes('did not warn the desk leads'), `rewritten: ${after}`);
    assert.ok(!/failed to/.test(after), `no "failed to" left: ${after}`);
    // The server re-checks the edited version: no blame finding is left on that line.
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'blame-language' && d.range.start.line === line),
      'the blame finding to clear after the fix',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(doc.lineAt(line).text, before, 'reverted for the next tests');
  });
});

suite('A draft postmortem in the editor', () => {
  const DRAFT = [
    '---',
    'type: postmortem',
    'title: Export queue backlog',
    'date: 2026-09-20',
    'severity: SEV-3',
    'status: draft',
    '---',
    '',
    '# Export queue backlog',
    '',
    '## Summary',
    '',
    'Exports were late by an hour. The on-call engineer should have checked the queue depth before the deploy.',
    '',
    '## Action items',
    '',
    '- Alert when the export queue is older than ten minutes (due: 2026-10-15, OPS-77, type: detect)',
    '',
  ].join('\n');
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
    await vscode.window.showTextDocument(doc);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('shows blame in a draft as a warning (the Problems panel lists it); what is not written yet is a hint', async () => {
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'blame-language'), 'the blame finding in the draft');
    const blame = ds.find((d) => codeOf(d) === 'blame-language')!;
    assert.equal(blame.severity, vscode.DiagnosticSeverity.Warning, 'blame keeps its severity in a draft');
    assert.equal(blame.range.start.line, lineOf(doc, 'should have checked'));
    const missing = ds.filter((d) => codeOf(d) === 'section-missing');
    assert.ok(missing.length > 0 && missing.every((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'missing sections are hints while draft');
  });

  test('a fixed action item stays flagged until its placeholder owner is replaced', async () => {
    const line = lineOf(doc, 'Alert when the export queue');
    const owner = (
      await waitForDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'action-item-owner-missing' && x.range.start.line === line), 'the ownerless item')
    ).find((x) => codeOf(x) === 'action-item-owner-missing' && x.range.start.line === line)!;
    const actions = await codeActionsUntil(doc.uri, owner.range, (as) => as.some((a) => a.title === 'Add an owner'));
    const fix = actions.find((a) => a.title === 'Add an owner');
    assert.ok(fix?.edit, `"Add an owner" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await waitForText(doc, (t) => t.includes('owner: @owner'), 'the placeholder owner');
    await waitForDiagnostics(
      doc.uri,
      (d) => d.some((x) => codeOf(x) === 'action-item-owner-missing' && x.range.start.line === line && /owner/.test(x.message)) && doc.version > 1,
      'the placeholder to stay flagged',
    );
    const edit = new vscode.WorkspaceEdit();
    const at = doc.lineAt(line).text.indexOf('@owner');
    edit.replace(doc.uri, new vscode.Range(line, at, line, at + '@owner'.length), '@kim');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(
      doc.uri,
      (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'action-item-owner-missing' && x.range.start.line === line),
      'the owner finding to clear',
    );
  });
});
