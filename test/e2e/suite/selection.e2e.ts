/**
 * Which Markdown is checked: README-style Markdown outside the postmortem globs gets no diagnostics
 * (even though it holds blame wording the linter would flag in a postmortem), until the author opts
 * it in with "Postmortem: Check This File".
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, ours, waitForDiagnostics } from './helpers';

suite('Markdown outside the postmortem globs', () => {
  test('README.md and notes get no postmortem diagnostics', async () => {
    const readme = await openFixture('README.md');
    const notes = await openFixture('notes/desk-setup.md');
    assert.equal(readme.languageId, 'markdown');
    // The server handles documents in the order they were opened. Once a new postmortem opened
    // after them has its diagnostics, the README and the notes have been looked at too.
    const marker = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\ntype: postmortem\n---\n\n# Postmortem: marker\n\n## Summary\n\nThe operator failed to notice the alert.\n',
    });
    await vscode.window.showTextDocument(marker);
    await waitForDiagnostics(marker.uri, (ds) => ds.some((d) => codeOf(d) === 'blame-language'), 'diagnostics of an untitled postmortem opened after them');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.deepEqual(ours(readme.uri).map(codeOf), [], 'README.md');
    assert.deepEqual(ours(notes.uri).map(codeOf), [], 'notes/desk-setup.md');
  });

  test('"Postmortem: Check This File" opts a note in, and then it is checked', async () => {
    const notes = await openFixture('notes/desk-setup.md');
    assert.deepEqual(ours(notes.uri), [], 'not checked before opting in');
    await vscode.commands.executeCommand('postmortem.checkThisFile', notes.uri);
    const ds = await waitForDiagnostics(notes.uri, (d) => d.some((x) => codeOf(x) === 'blame-language'), 'blame-language after opting in');
    assert.ok(
      ds.some((d) => codeOf(d) === 'section-missing'),
      'a note is not a full postmortem: sections are missing',
    );
    // The README was not opted in and stays unchecked.
    const readme = await openFixture('README.md');
    assert.deepEqual(ours(readme.uri), []);
  });
});
