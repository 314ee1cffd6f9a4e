/**
 * Follows the active Markdown editor and keeps the 5 Whys view, the Sections view and the quality
 * status item in step with it, through the server's custom requests. Nothing here reads the
 * document's text: the server knows, the client draws.
 *
 * Cost: no request while the active editor is not Markdown; the views ask only while visible; a
 * burst of edits or diagnostics is one refresh ~300 ms after the last (never blocking typing); an
 * answer older than a newer request is dropped.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FiveWhysRequest, QualityRequest, SectionsRequest, type FiveWhysResult, type QualityResult, type SectionsResult } from '../../../common/protocol';
import { QualityStatus } from '../status';
import { Debouncer, Latest } from './debounce';
import { FiveWhysTreeData } from './fiveWhysTree';
import { FiveWhysView } from './fiveWhysView';
import { CONTEXT, REFRESH_DELAY_MS, VIEW_IDS } from './ids';
import { SectionsTreeData } from './sectionsTree';
import { SectionsView } from './sectionsView';

export class WritingController implements vscode.Disposable {
  readonly fiveWhys = new FiveWhysTreeData();
  readonly sections = new SectionsTreeData();
  private readonly fiveWhysView = new FiveWhysView(this.fiveWhys);
  private readonly sectionsView = new SectionsView(this.sections);
  private readonly status = new QualityStatus();
  private readonly trees: Array<vscode.TreeView<unknown>> = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly debouncer = new Debouncer(() => void this.refresh());
  private readonly latest = new Latest();
  /** The Markdown document the views follow. */
  private document: vscode.TextDocument | undefined;
  private isPostmortem = false;

  constructor(private readonly client: LanguageClient) {
    const fiveWhysTree = vscode.window.createTreeView(VIEW_IDS.fiveWhys, { treeDataProvider: this.fiveWhysView, showCollapseAll: true });
    const explorerTree = vscode.window.createTreeView(VIEW_IDS.fiveWhysExplorer, { treeDataProvider: this.fiveWhysView, showCollapseAll: true });
    const sectionsTree = vscode.window.createTreeView(VIEW_IDS.sections, { treeDataProvider: this.sectionsView });
    this.trees.push(fiveWhysTree, explorerTree, sectionsTree);
    for (const t of this.trees)
      this.disposables.push(
        t,
        t.onDidChangeVisibility((e) => e.visible && this.debouncer.trigger(0)),
      );
    this.disposables.push(
      this.fiveWhysView,
      this.sectionsView,
      this.status,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length) this.debouncer.trigger(REFRESH_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.clear();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = this.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.debouncer.trigger(REFRESH_DELAY_MS);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  /** The document the views show, when it is a postmortem. */
  get activeDocument(): vscode.TextDocument | undefined {
    return this.isPostmortem ? this.document : undefined;
  }

  /** The protocol URI of a document, as the server knows it. */
  protocolUri(doc: vscode.TextDocument): string {
    return this.client.code2ProtocolConverter.asUri(doc.uri);
  }

  /** Asks again now (after an edit made through a view, or when the server has started). */
  refreshSoon(delay = 0): void {
    if (this.document) this.debouncer.trigger(delay);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus in a panel or a non-text editor: keep showing the last document.
    if (!editor) return;
    const doc = editor.document;
    if (doc.languageId !== 'markdown') {
      this.clear();
      return;
    }
    if (doc === this.document) return;
    this.document = doc;
    this.debouncer.trigger(0);
  }

  private clear(): void {
    this.document = undefined;
    this.latest.invalidate();
    this.debouncer.dispose();
    this.show(undefined, null, null, null);
  }

  private visible(...trees: Array<vscode.TreeView<unknown>>): boolean {
    return trees.some((t) => t.visible);
  }

  private async refresh(): Promise<void> {
    const doc = this.document;
    if (!doc || !this.client.isRunning()) return;
    const ticket = this.latest.take();
    const params = { uri: this.protocolUri(doc) };
    const [fiveWhysTree, explorerTree, sectionsTree] = this.trees;
    const wantWhys = this.visible(fiveWhysTree, explorerTree);
    const wantSections = this.visible(sectionsTree);
    try {
      const [quality, whys, sections] = await Promise.all([
        this.client.sendRequest(QualityRequest, params),
        wantWhys ? this.client.sendRequest(FiveWhysRequest, params) : Promise.resolve(undefined),
        wantSections ? this.client.sendRequest(SectionsRequest, params) : Promise.resolve(undefined),
      ]);
      if (!this.latest.isCurrent(ticket) || doc !== this.document) return;
      this.show(doc, quality, whys, sections);
    } catch {
      // The server restarted or the document closed meanwhile; the next change asks again.
    }
  }

  /** `undefined` for a view means "not asked" (the view is hidden): it keeps what it has. */
  private show(
    doc: vscode.TextDocument | undefined,
    quality: QualityResult | null,
    whys: FiveWhysResult | null | undefined,
    sections: SectionsResult | null | undefined,
  ): void {
    const isPostmortem = !!doc && !!quality?.isPostmortem;
    this.status.update(isPostmortem ? doc.uri : undefined, quality);
    if (!isPostmortem) {
      if (this.fiveWhys.clear()) this.fiveWhysView.redraw();
      if (this.sections.clear()) this.sectionsView.redraw();
    } else {
      if (whys !== undefined && this.fiveWhys.update(whys)) this.fiveWhysView.redraw();
      if (sections !== undefined && this.sections.update(sections)) this.sectionsView.redraw();
    }
    if (isPostmortem !== this.isPostmortem) void vscode.commands.executeCommand('setContext', CONTEXT.isPostmortem, isPostmortem);
    this.isPostmortem = isPostmortem;
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
