/** Helpers for the editor suite: wait on events (never on a clock), open fixture files. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-writer.postmortem-writer';
export const SOURCE = 'postmortem';

/** The fixture workspace folder (a copy of test/e2e/workspace made by the runner). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor was opened on the fixture workspace');
  return folder.uri;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the extension's diagnostics for `uri` as soon as `accept` approves them: checked
 * now, then on every onDidChangeDiagnostics event for that URI. Rejects after `limitMs` (a bound on
 * a broken build, not a wait) with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  limitMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = ours(uri);
      if (!accept(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`);
      reject(new Error(`Timed out waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; saw [${seen.join(', ')}]`));
    }, limitMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/** The rule id of a diagnostic (its `code`, with or without a docs target). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** 0-based line of the first line containing `needle`; fails when there is none. */
export function lineOf(doc: vscode.TextDocument, needle: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(needle)) return i;
  assert.fail(`"${needle}" is not in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

/**
 * Code actions for a range, asked again a few times while none passes `accept`: the workbench
 * learns of new diagnostics asynchronously, so the first request can come before it has them.
 * Each retry follows a diagnostics event or the previous answer, never a timer alone.
 */
export async function codeActionsUntil(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: vscode.CodeAction[]) => boolean,
  attempts = 20,
): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let i = 0; i < attempts; i++) {
    actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
    if (accept(actions)) return actions;
    await nextDiagnosticsEventOr(uri, 250);
  }
  return actions;
}

/** Resolves on the next diagnostics change for `uri`, or after `ms` at the latest. */
function nextDiagnosticsEventOr(uri: vscode.Uri, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    function done(): void {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/** Resolves when `doc` changes so that `accept(doc)` holds (checked now and on every change). */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, limitMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (accept(doc.getText())) return resolve();
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === doc && accept(doc.getText())) {
        cleanup();
        resolve();
      }
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out waiting for ${what}`));
    }, limitMs);
    function cleanup(): void {
      clearTimeout(timer);
      sub.dispose();
    }
  });
}

/** The extension's package.json, as shipped. */
export function manifest(): {
  contributes?: {
    commands?: { command: string; title: string }[];
    views?: Record<string, { id: string; name: string }[]>;
    viewsContainers?: Record<string, { id: string; title: string }[]>;
    snippets?: { language: string; path: string }[];
  };
} {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.packageJSON;
}
