/**
 * The views' commands: reveal a line, "Ask why again", "Insert section", insert a 5 Whys chain (the
 * 5 Whys view's empty state) and show the Problems view (the status item). Edits come from the server
 * (`postmortem/askWhyAgain`, `postmortem/insertSection`) for the version the server analysed; the
 * client applies them only to that version.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Range } from 'vscode-languageserver-protocol';
import { AskWhyAgainRequest, FiveWhysRequest, InsertSectionRequest, SectionsRequest, type DocumentEditResult } from '../../../common/protocol';
import type { WritingController } from '../views/controller';
import { buildFiveWhysTree, type FiveWhysNode } from '../views/fiveWhysTree';
import { FIVE_WHYS_SNIPPET, REVEAL_COMMAND, SHOW_PROBLEMS_COMMAND } from '../views/ids';
import { buildSectionsList, type SectionNode } from '../views/sectionsTree';

const CHANGED = 'The document changed while the edit was being prepared; the views are up to date now, so try again.';

async function editorFor(lc: LanguageClient, uri: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(lc.protocol2CodeConverter.asUri(uri));
  return vscode.window.showTextDocument(doc, { preserveFocus: false });
}

/** Applies a server-computed edit to the version it was computed for, then places the cursor. */
export async function applyDocumentEdit(lc: LanguageClient, res: DocumentEditResult): Promise<boolean> {
  const editor = await editorFor(lc, res.uri);
  if (editor.document.version !== res.version) {
    void vscode.window.showInformationMessage(CHANGED);
    return false;
  }
  const ok = await editor.edit((b) => {
    for (const e of res.edits) b.replace(lc.protocol2CodeConverter.asRange(e.range), e.newText);
  });
  if (!ok) return false;
  const cursor = lc.protocol2CodeConverter.asPosition(res.cursor);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

async function reveal(lc: LanguageClient, uri: string, range: Range): Promise<void> {
  const editor = await editorFor(lc, uri);
  const r = lc.protocol2CodeConverter.asRange(range);
  editor.selection = new vscode.Selection(r.start, r.start);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The active postmortem's chains as the server sees them now, with the version they belong to. */
async function currentChains(lc: LanguageClient, views: WritingController): Promise<{ uri: string; version: number; chains: FiveWhysNode[] } | undefined> {
  const doc = views.activeDocument;
  if (!doc) return undefined;
  const res = await lc.sendRequest(FiveWhysRequest, { uri: views.protocolUri(doc) });
  return res ? { uri: res.uri, version: res.version, chains: buildFiveWhysTree(res) } : undefined;
}

async function askWhyAgain(lc: LanguageClient, views: WritingController, node?: FiveWhysNode): Promise<void> {
  // A click in the view names the chain as the view drew it; from the palette, ask the server now.
  let uri = node ? views.fiveWhys.uri : undefined;
  let version = node ? views.fiveWhys.version : undefined;
  let target = node;
  if (!target) {
    const now = await currentChains(lc, views);
    const human = now?.chains.filter((c) => c.endsInHumanAction) ?? [];
    const pool = human.length ? human : (now?.chains ?? []);
    if (!now || !pool.length) {
      void vscode.window.showInformationMessage('The active postmortem has no 5 Whys chain yet. Show the 5 Whys view to start one.');
      return;
    }
    target =
      pool.length === 1
        ? pool[0]
        : (
            await vscode.window.showQuickPick(
              pool.map((c) => ({ label: c.label, description: c.description, node: c })),
              { placeHolder: 'Which chain should go one why deeper?' },
            )
          )?.node;
    if (!target) return;
    ({ uri, version } = now);
  }
  if (!uri) return;
  let res = await lc.sendRequest(AskWhyAgainRequest, { uri, chain: target.chain, ...(version !== undefined ? { version } : {}) });
  if (!res) {
    // Typed since the view was drawn: ask again if the same chain is still at that place.
    const now = await currentChains(lc, views);
    const same = now?.chains[target.chain];
    if (now && same && same.label === target.label) res = await lc.sendRequest(AskWhyAgainRequest, { uri: now.uri, chain: target.chain, version: now.version });
  }
  if (!res) {
    views.refreshSoon();
    void vscode.window.showInformationMessage(CHANGED);
    return;
  }
  if (await applyDocumentEdit(lc, res)) views.refreshSoon();
}

async function insertSection(lc: LanguageClient, views: WritingController, node?: SectionNode): Promise<void> {
  const doc = views.activeDocument;
  if (!doc) {
    void vscode.window.showInformationMessage('Open a postmortem to insert one of its sections.');
    return;
  }
  const uri = views.protocolUri(doc);
  let kind = node?.sectionKind;
  if (!kind) {
    const missing = buildSectionsList(await lc.sendRequest(SectionsRequest, { uri })).filter((n) => n.kind === 'template' && n.status === 'missing');
    if (!missing.length) {
      void vscode.window.showInformationMessage('Every section of the template is already there.');
      return;
    }
    kind = (
      await vscode.window.showQuickPick(
        missing.map((n) => ({ label: n.label, node: n })),
        { placeHolder: 'Which section should be inserted?' },
      )
    )?.node.sectionKind;
    if (!kind) return;
  }
  const res = await lc.sendRequest(InsertSectionRequest, { uri, kind });
  if (!res) {
    views.refreshSoon();
    void vscode.window.showInformationMessage('That section is already in the document.');
    return;
  }
  if (await applyDocumentEdit(lc, res)) views.refreshSoon();
}

/** Inserts the 5 Whys snippet at the end of the Root causes section (or at the cursor when there is none). */
async function insertFiveWhysChain(lc: LanguageClient, views: WritingController): Promise<void> {
  const doc = views.activeDocument ?? vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage('Open a postmortem, then insert a 5 Whys chain into its Root causes section.');
    return;
  }
  const editor = await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const sections = await lc.sendRequest(SectionsRequest, { uri: views.protocolUri(doc) }).catch(() => null);
  const slot = sections?.template.find((t) => t.kind === 'root-causes');
  const section = slot?.section !== undefined ? sections?.sections[slot.section] : undefined;
  if (section && sections?.version === doc.version) {
    const end = lc.protocol2CodeConverter.asPosition(section.range.end);
    editor.selection = new vscode.Selection(end, end);
  }
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: FIVE_WHYS_SNIPPET });
  views.refreshSoon(300);
}

export function registerViewCommands(lc: LanguageClient, views: WritingController): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: Range) => reveal(lc, uri, range)),
    vscode.commands.registerCommand('postmortem.askWhyAgain', (node?: FiveWhysNode) => askWhyAgain(lc, views, node)),
    vscode.commands.registerCommand('postmortem.insertSection', (node?: SectionNode) => insertSection(lc, views, node)),
    vscode.commands.registerCommand('postmortem.insertFiveWhysChain', () => insertFiveWhysChain(lc, views)),
    vscode.commands.registerCommand(SHOW_PROBLEMS_COMMAND, () => vscode.commands.executeCommand('workbench.actions.view.problems')),
  ];
}
