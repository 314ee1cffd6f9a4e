/**
 * "Postmortem: Show Report": the review `postmortem-lint report` prints, for the workspace's
 * postmortems, asked from the server (`postmortem/report`, built from its workspace index) and shown
 * as a Markdown preview of a file in the extension's storage (not in the workspace), whose links open
 * the postmortems (./reportLinks.ts says why it is a file). The period is picked first: all
 * postmortems, this or the previous quarter, or the last 12 months.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ReportRequest, type ReportParams } from '../../../common/protocol';
import { periods } from './reportPeriods';
import { previewLinks } from './reportLinks';

export const SHOW_REPORT_COMMAND = 'postmortem.showReport';
export const REPORT_SCHEME = 'postmortem-report';

class ReportDocuments implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# Postmortem review\n\nRun **Postmortem: Show Report** to build the report.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerShowReport(lc: LanguageClient, storage?: vscode.Uri): vscode.Disposable[] {
  const docs = new ReportDocuments();
  const show = async (params?: ReportParams) => {
    let chosen = params;
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(periods(new Date()), { placeHolder: 'Which postmortems should the report cover?' });
      if (!pick) return;
      chosen = pick.params;
    }
    if (!lc.isRunning()) {
      void vscode.window.showInformationMessage('The postmortem server is not running yet; try again in a moment.');
      return;
    }
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Building the postmortem report' }, () =>
      lc.sendRequest(ReportRequest, chosen!),
    );
    const name = chosen.since || chosen.until ? `Postmortem review ${chosen.since ?? ''} to ${chosen.until ?? ''}.md` : 'Postmortem review.md';
    const note = result.indexing ? '> The workspace is still being indexed; run the command again when it is done for a complete report.\n\n' : '';
    let uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}` });
    if (storage) {
      // A file, so the preview's links to postmortems work (./reportLinks.ts).
      await vscode.workspace.fs.createDirectory(storage);
      uri = vscode.Uri.joinPath(storage, name);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(previewLinks(note + result.markdown)));
    } else docs.set(uri, note + result.markdown);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  };
  return [docs, vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, docs), vscode.commands.registerCommand(SHOW_REPORT_COMMAND, show)];
}
