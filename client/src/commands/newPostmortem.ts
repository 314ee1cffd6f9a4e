/**
 * "Postmortem: New Postmortem": asks for a title, a severity, the incident date (today by default) and
 * the authors (optional, remembered), creates `<folder>/<YYYY-MM-DD>-<slug>.md` from the template
 * (the server's `postmortem/newPostmortemText`: features/newPostmortem.ts) without overwriting anything,
 * and opens it with the cursor in the Summary. The naming is pure (newPostmortemFile.ts); this only
 * asks, writes and opens.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localToday } from '../../../common/dates';
import { NewPostmortemTextRequest, SEVERITIES, type SeverityLevel } from '../../../common/protocol';
import { dateProblem, folderSegments, postmortemFileName, titleProblem, uniqueFileNameAsync } from './newPostmortemFile';

const AUTHORS_KEY = 'postmortem.newPostmortem.authors';

const SEVERITY_HINTS: Record<SeverityLevel, string> = {
  'SEV-1': 'Critical: a core service down or data lost for many customers',
  'SEV-2': 'Major: a key feature failing or badly degraded',
  'SEV-3': 'Minor: limited impact, a workaround exists',
  'SEV-4': 'Low: little or no customer impact',
};

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return null;
  if (folders.length === 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const here = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  return vscode.window.showWorkspaceFolderPick({
    placeHolder: here ? `Workspace folder for the postmortem (active: ${here.name})` : 'Workspace folder for the postmortem',
  });
}

export async function newPostmortem(context: vscode.ExtensionContext, lc: LanguageClient): Promise<void> {
  const title = await vscode.window.showInputBox({
    title: 'New Postmortem (1/4)',
    prompt: 'Title: what failed, in a few words',
    placeHolder: 'Checkout queue stalled after a config push',
    ignoreFocusOut: true,
    validateInput: (v) => titleProblem(v),
  });
  if (title === undefined) return;

  const severity = await vscode.window.showQuickPick(
    SEVERITIES.map((s) => ({ label: s, description: SEVERITY_HINTS[s] })),
    { title: 'New Postmortem (2/4)', placeHolder: 'Severity', ignoreFocusOut: true },
  );
  if (!severity) return;

  const date = await vscode.window.showInputBox({
    title: 'New Postmortem (3/4)',
    prompt: 'Incident date (YYYY-MM-DD)',
    value: localToday(),
    ignoreFocusOut: true,
    validateInput: (v) => dateProblem(v),
  });
  if (date === undefined) return;

  const remembered = context.globalState.get<string>(AUTHORS_KEY, '');
  const authorsText = await vscode.window.showInputBox({
    title: 'New Postmortem (4/4)',
    prompt: 'Authors, separated by commas (optional)',
    value: remembered,
    ignoreFocusOut: true,
  });
  if (authorsText === undefined) return;
  const authors = authorsText
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  await context.globalState.update(AUTHORS_KEY, authors.join(', '));

  const eol = vscode.workspace.getConfiguration('files').get<string>('eol') === '\r\n' ? '\r\n' : '\n';
  let text: string;
  let cursor: number;
  try {
    ({ text, cursor } = await lc.sendRequest(NewPostmortemTextRequest, { title, severity: severity.label as SeverityLevel, date: date.trim(), authors, eol }));
  } catch (err) {
    void vscode.window.showErrorMessage(`New Postmortem: the language server did not answer (${err instanceof Error ? err.message : String(err)}).`);
    return;
  }

  const folder = await pickFolder();
  if (folder === undefined) return;
  let doc: vscode.TextDocument;
  if (folder === null) {
    // No folder open: an unsaved document the author saves where they like.
    doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  } else {
    const setting = vscode.workspace.getConfiguration('postmortem', folder.uri).get<string>('newFileFolder', 'postmortems');
    const segments = folderSegments(setting);
    if (!segments) {
      void vscode.window.showErrorMessage(`postmortem.newFileFolder must be a folder inside the workspace folder ("${setting}" is not).`);
      return;
    }
    const dir = vscode.Uri.joinPath(folder.uri, ...segments);
    await vscode.workspace.fs.createDirectory(dir);
    const name = await uniqueFileNameAsync(postmortemFileName(date.trim(), title), (candidate) => exists(vscode.Uri.joinPath(dir, candidate)));
    const target = vscode.Uri.joinPath(dir, name);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    doc = await vscode.workspace.openTextDocument(target);
  }
  const editor = await vscode.window.showTextDocument(doc);
  const position = doc.positionAt(cursor);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
