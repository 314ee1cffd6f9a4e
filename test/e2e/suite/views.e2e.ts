/**
 * The Postmortem view container and its 5 Whys and Sections views. What a tree view shows cannot be
 * read through the extension API, so the UI test (test/e2e/ui.mjs) checks the trees on screen: the
 * chain, its whys in order, the root cause marked, the sections with their status. Here: the
 * container and both views are contributed and open, and the views' commands work on the document
 * (from the palette, "Ask why again" goes one why deeper on the chain that stops at a person, and
 * "Insert section" offers the missing sections and inserts the one chosen).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, lineOf, manifest, openFixture, waitForDiagnostics, waitForText } from './helpers';

const POSTMORTEM = 'postmortems/2026-09-03-badge-printer-queue.md';

function postmortemViews(): { container: { id: string; title: string }; fiveWhys: { id: string; name: string }; sections: { id: string; name: string } } {
  const c = manifest().contributes ?? {};
  const container = (c.viewsContainers?.activitybar ?? []).find((v) => /postmortem/i.test(v.title));
  assert.ok(container, `a "Postmortem" view container in the activity bar (have: ${JSON.stringify(c.viewsContainers ?? {})})`);
  const views = c.views?.[container.id] ?? [];
  const fiveWhys = views.find((v) => /why/i.test(v.name));
  const sections = views.find((v) => /section/i.test(v.name));
  assert.ok(fiveWhys, `a 5 Whys view in ${container.id} (have: ${views.map((v) => v.name).join(', ')})`);
  assert.ok(sections, `a Sections view in ${container.id} (have: ${views.map((v) => v.name).join(', ')})`);
  return { container, fiveWhys, sections };
}

/**
 * Runs `command` again until `doc` changes (its data may not have arrived yet the first time),
 * at most `attempts` times; each attempt waits for the change for a short while.
 */
async function runUntilChanged(
  command: string,
  doc: vscode.TextDocument,
  accept: () => Promise<unknown> | unknown = () => undefined,
  attempts = 8,
): Promise<void> {
  const version = doc.version;
  for (let i = 0; i < attempts && doc.version === version; i++) {
    const run = vscode.commands.executeCommand(command);
    await accept();
    await run;
    await waitForText(doc, () => doc.version !== version, `${command} to edit the document`, 2_000).catch(() => undefined);
  }
  assert.notEqual(doc.version, version, `${command} changed the document`);
}

suite('Postmortem views', () => {
  test('the view container holds the 5 Whys and Sections views, and both open', async () => {
    const { container, fiveWhys, sections } = postmortemViews();
    await vscode.commands.executeCommand(`workbench.view.extension.${container.id}`);
    // `<view id>.focus` exists only for a registered view, and rejects otherwise.
    await vscode.commands.executeCommand(`${fiveWhys.id}.focus`);
    await vscode.commands.executeCommand(`${sections.id}.focus`);
  });

  test('"Ask why again" goes one why deeper on the chain that stops at a person', async () => {
    const { fiveWhys } = postmortemViews();
    const doc = await openFixture(POSTMORTEM);
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
    await vscode.commands.executeCommand(`${fiveWhys.id}.focus`);
    const lastAnswer = lineOf(doc, 'Because Ravi made a mistake.');
    await runUntilChanged('postmortem.askWhyAgain', doc);
    const added = doc.getText(new vscode.Range(lastAnswer + 1, 0, doc.lineCount, 0));
    assert.match(added, /Why 4/, `a fourth why after the last answer:\n${added}`);
    assert.ok(doc.getText().indexOf('Why 4') > doc.getText().indexOf('Why 3'), 'after Why 3');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('"Insert section" offers a missing section and inserts it, which clears its finding', async () => {
    const { sections } = postmortemViews();
    const doc = await openFixture(POSTMORTEM);
    const missingBefore = (await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'section-missing'), 'section-missing')).filter(
      (d) => codeOf(d) === 'section-missing',
    ).length;
    await vscode.commands.executeCommand(`${sections.id}.focus`);
    // From the palette it asks which missing section to insert: accept the first one offered.
    await runUntilChanged('postmortem.insertSection', doc, async () => {
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setImmediate(r));
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      }
    });
    await waitForDiagnostics(
      doc.uri,
      (ds) => ds.filter((d) => codeOf(d) === 'section-missing').length === missingBefore - 1,
      'one section-missing finding fewer',
    );
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
