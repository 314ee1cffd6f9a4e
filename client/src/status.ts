/**
 * The language status item of a postmortem: a short quality summary on five dimensions (from
 * `postmortem/quality`, formatted by statusText.ts). It shows only while the active editor holds a
 * postmortem; clicking it opens the Problems view.
 */
import * as vscode from 'vscode';
import type { QualityResult } from '../../common/protocol';
import { qualityStatusText } from './statusText';
import { SHOW_PROBLEMS_COMMAND } from './views/ids';

const SEVERITY = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
} as const;

/**
 * A selector for this document: its folder and file name (a name holding glob characters, and a
 * document without a file, fall back to Markdown of the same scheme; the item is hidden again as soon
 * as the active editor shows something else).
 */
function selectorFor(uri: vscode.Uri): vscode.DocumentSelector {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (uri.scheme !== 'file' || !name || /[*?[\]{}!]/.test(name)) return { language: 'markdown', scheme: uri.scheme };
  return { language: 'markdown', scheme: 'file', pattern: new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name) };
}

export class QualityStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor() {
    // An empty selector matches no document: nothing shows until a postmortem is active.
    this.item = vscode.languages.createLanguageStatusItem('postmortem.quality', []);
    this.item.name = 'Postmortem quality';
  }

  /** Shows the summary for `uri`, or hides the item when there is nothing to show. */
  update(uri: vscode.Uri | undefined, q: QualityResult | null | undefined): void {
    const s = uri ? qualityStatusText(q) : undefined;
    if (!uri || !s) {
      this.item.selector = [];
      return;
    }
    this.item.selector = selectorFor(uri);
    this.item.text = s.text;
    this.item.detail = s.detail;
    this.item.severity = SEVERITY[s.severity];
    this.item.accessibilityInformation = { label: s.accessibility };
    this.item.command = { title: 'Show problems', command: SHOW_PROBLEMS_COMMAND, arguments: [uri], tooltip: 'Open the Problems view' };
  }

  dispose(): void {
    this.item.dispose();
  }
}
