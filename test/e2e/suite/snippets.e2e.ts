/**
 * The contributed Markdown snippets reach the editor: every prefix in the shipped snippet file is
 * offered by completion in a Markdown document, and a snippet inserted by name expands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, manifest, waitForText } from './helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}

/** The snippet files contributed for Markdown, read from the installed extension. */
async function contributedSnippets(): Promise<Record<string, Snippet>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const entries = (manifest().contributes?.snippets ?? []).filter((s) => s.language === 'markdown');
  assert.ok(entries.length > 0, 'package.json contributes Markdown snippets');
  const all: Record<string, Snippet> = {};
  for (const e of entries) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, e.path));
    Object.assign(all, JSON.parse(new TextDecoder().decode(bytes)));
  }
  return all;
}

/** The text a snippet body gives when every placeholder keeps its default (simple bodies only). */
function plainBody(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let prev;
  let out = text;
  do {
    prev = out;
    out = out
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  } while (out !== prev);
  return out;
}

suite('Snippets', () => {
  let snippets: Record<string, Snippet>;

  suiteSetup(async () => {
    snippets = await contributedSnippets();
  });

  test('completion in Markdown offers every contributed prefix', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.ok(prefixes.includes('pm-5whys') && prefixes.length >= 10, `prefixes: ${prefixes.join(', ')}`);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 0));
    const labels = new Set(
      list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)),
    );
    const missing = prefixes.filter((p) => !labels.has(p));
    assert.deepEqual(missing, [], `offered snippets: ${[...labels].join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the 5 Whys snippet inserted by name expands in the editor', async () => {
    const name = Object.keys(snippets).find((k) => [snippets[k].prefix].flat().includes('pm-5whys'));
    assert.ok(name, 'a snippet with prefix pm-5whys');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    const expected = plainBody(snippets[name].body).trimEnd();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
    await waitForText(doc, (t) => t.trimEnd() === expected, `"${name}" to expand`);
    assert.match(doc.getText(), /Why 5/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
