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
    diagnostics = await waitForDiagnostics(
      doc.uri,
      (ds) => ds.some((d) => codeOf(d) === 'human-error-root-cause'),
      'the first postmortem diagnostics',
    );
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
    const found = diagnostics.filter((d) => codeOf(d) === 'human-error-root-cause');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(found[0].range.start.line, line);
    assert.match(doc.getText(found[0].range).toLowerCase(), /human error/);
  });

  test('missing template sections and the unowned action item are reported', () => {
    const missing = diagnostics.filter((d) => codeOf(d) === 'section-missing').map((d) => d.message);
    assert.ok(missing.some((m) => m.includes('What went well')), `What went well missing: ${missing.join(' | ')}`);
    assert.ok(!missing.some((m) => m.includes('"Timeline"')), 'Timeline is present, so it is not reported');
    const row = lineOf(doc, 'Be more careful with the print queue');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'action-item-owner-missing' && d.range.start.line === row));
  });

  test('document symbols give the postmortem outline with nested sections', async () => {
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    // Markdown's own provider answers too; ours is the one whose root is the postmortem.
    const root = symbols.find((s) => s.detail === 'postmortem');
    assert.ok(root, `a postmortem root symbol among: ${symbols.map((s) => s.name).join(', ')}`);
    assert.equal(root.name, 'Badge printing stopped at the spring conference');
    assert.equal(root.kind, vscode.SymbolKind.File);
    const names = root.children.map((c) => c.name);
    assert.deepEqual(names, ['Summary', 'Impact', 'Timeline', 'Root causes', 'Action items']);
    const rootCauses = root.children[3];
    assert.deepEqual(rootCauses.children.map((c) => c.name), ['5 Whys']);
    assert.equal(rootCauses.selectionRange.start.line, lineOf(doc, '## Root causes'));
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
