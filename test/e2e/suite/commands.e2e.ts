/**
 * "Postmortem: New Postmortem". It asks four questions in input boxes, which only a user (or the UI
 * test, test/e2e/ui.mjs, which answers them and checks the new file) can type into; here: it is
 * contributed and registered, and cancelling its first question writes nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, manifest, openFixture, waitForDiagnostics } from './helpers';

async function filesIn(folder: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
  } catch {
    return [];
  }
}

suite('New Postmortem command', () => {
  suiteSetup(async () => {
    // Activation comes with the first Markdown file; wait until the server has answered for it.
    const doc = await openFixture('postmortems/2026-09-03-badge-printer-queue.md');
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
  });

  test('is contributed with a title and registered', async () => {
    const contributed = manifest().contributes?.commands?.find((c) => c.command === 'postmortem.newPostmortem');
    assert.ok(contributed, 'package.json contributes postmortem.newPostmortem');
    assert.match(contributed.title, /New Postmortem/);
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('postmortem.newPostmortem'), 'registered on activation');
  });

  test('cancelling the first question creates no file', async () => {
    const folder = fixtureUri('postmortems');
    const before = await filesIn(folder);
    const run = vscode.commands.executeCommand('postmortem.newPostmortem');
    // Close the title prompt as soon as it is open (Escape), however long it takes to appear.
    let settled = false;
    void Promise.resolve(run).then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let i = 0; i < 200 && !settled; i++) {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await new Promise((r) => setTimeout(r, 25));
    }
    await run;
    assert.deepEqual(await filesIn(folder), before);
  });
});

suite('Restart Language Server command', () => {
  const name = 'postmortems/2026-11-02-restart-check.md';

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixtureUri(name)).then(undefined, () => undefined);
  });

  test('restarts the server, which then checks a newly opened postmortem', async () => {
    const contributed = manifest().contributes?.commands?.find((c) => c.command === 'postmortem.restartServer');
    assert.ok(contributed, 'package.json contributes postmortem.restartServer');
    await vscode.commands.executeCommand('postmortem.restartServer');
    const text = [
      '# Cache node ran out of disk',
      '',
      '## Summary',
      '',
      'The cache node filled its disk. The on-call engineer should have noticed the alert.',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
    const doc = await openFixture(name);
    const ds = await waitForDiagnostics(doc.uri, (d) => d.some((x) => /should have/.test(doc.getText(x.range))), 'the restarted server checks the new file');
    assert.ok(ds.length > 0);
  });
});
