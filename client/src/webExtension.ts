/**
 * The extension in the browser (vscode.dev, github.dev): the `browser` entry of package.json, bundled
 * to dist/web/client.js. The language server runs in a web worker: dist/server.js, the very bundle the
 * desktop runs under Node (server/src/universalMain.ts), speaking to this client with postMessage
 * (vscode-languageclient/browser). Diagnostics, quick-fixes, hovers, the outline, code lenses and the
 * 5 Whys and Sections views work as on the desktop; what reads the workspace from disk (the Action
 * Items view, the report, similar incidents, .postmortemrc files) says it is unavailable here.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CheckFileRequest } from '../../common/protocol';
import { registerWritingFeatures } from './views/register';

type Endpoint = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string, options?: { name?: string }) => Endpoint;
declare const MessageChannel: new () => { port1: Endpoint; port2: Endpoint };
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

/** Where the server looks for a port when it runs in the extension host's own worker (server/src/browserMain.ts). */
const SERVER_PORT_GLOBAL = '__postmortemServerPort';

/**
 * The server's end: its own web worker; where the host refuses workers created by an extension
 * (code-server: "Creating workers from remote extensions is currently not supported",
 * coder/code-server#5869), the same bundle loaded into the extension host's worker, spoken to through
 * the two ends of a MessageChannel. It then shares that thread with other extensions.
 */
async function serverEndpoint(serverMain: vscode.Uri, log: (message: string) => void): Promise<Endpoint> {
  try {
    return new Worker(serverMain.toString(true), { name: 'postmortem-language-server' });
  } catch (err) {
    log(
      `Postmortem Writer: no worker for the language server (${err instanceof Error ? err.message : String(err)}); running it in the extension host's worker.`,
    );
    const code = await vscode.workspace.fs.readFile(serverMain);
    const channel = new MessageChannel();
    (globalThis as Record<string, unknown>)[SERVER_PORT_GLOBAL] = channel.port1;
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    try {
      // A module import of the bundle's text (the host blocks importScripts); it runs at once.
      await import(url);
    } finally {
      URL.revokeObjectURL(url);
      delete (globalThis as Record<string, unknown>)[SERVER_PORT_GLOBAL];
    }
    return channel.port2;
  }
}

let client: LanguageClient | undefined;

const UNAVAILABLE =
  'This needs the workspace on disk: in vscode.dev and github.dev the postmortem checks see only open documents. Use VS Code on the desktop (or postmortem-lint report) for the Action Items view and the report.';

/** The Action Items view in the browser: one line saying why it is empty. */
class UnavailableView implements vscode.TreeDataProvider<string> {
  getTreeItem(label: string): vscode.TreeItem {
    const item = new vscode.TreeItem(label);
    item.tooltip = UNAVAILABLE;
    return item;
  }
  getChildren(element?: string): string[] {
    return element ? [] : ['Unavailable in the browser: needs the workspace on disk'];
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js');
  const output = vscode.window.createOutputChannel('Postmortem Writer (web)');
  context.subscriptions.push(output);
  const worker = await serverEndpoint(serverMain, (m) => output.appendLine(m));
  const clientOptions: LanguageClientOptions = {
    // Every scheme: vscode-vfs (github.dev, vscode.dev repositories), vscode-test-web, untitled, ...
    documentSelector: [{ language: 'markdown' }],
  };
  const lc = new LanguageClient('postmortem', 'Postmortem Writer', clientOptions, worker);
  client = lc;
  const unavailable = () => void vscode.window.showInformationMessage(UNAVAILABLE);
  context.subscriptions.push(
    lc,
    vscode.window.registerTreeDataProvider('postmortem.actionItems', new UnavailableView()),
    vscode.commands.registerCommand('postmortem.showReport', unavailable),
    vscode.commands.registerCommand('postmortem.refreshActionItems', unavailable),
    vscode.commands.registerCommand('postmortem.groupActionItemsByOwner', unavailable),
    vscode.commands.registerCommand('postmortem.groupActionItemsByStatus', unavailable),
    vscode.commands.registerCommand('postmortem.showMyActionItems', unavailable),
    vscode.commands.registerCommand('postmortem.showAllActionItems', unavailable),
    vscode.commands.registerCommand('postmortem.restartServer', async () => {
      await lc.stop();
      await lc.start();
    }),
    vscode.commands.registerCommand('postmortem.checkThisFile', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (!target) return;
      await lc.sendRequest(CheckFileRequest, { uri: lc.code2ProtocolConverter.asUri(target) });
    }),
  );
  // The views' client type is the desktop's; both share BaseLanguageClient's request API, all they use.
  const views = registerWritingFeatures(context, lc as unknown as Parameters<typeof registerWritingFeatures>[1]);
  await lc.start();
  views.refreshSoon();
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc) await lc.stop();
}
