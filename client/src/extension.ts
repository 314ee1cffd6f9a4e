/**
 * The VS Code side of Postmortem Writer: starts the bundled language server (dist/server.js) over
 * IPC for Markdown documents and registers the commands. Every registration goes to
 * context.subscriptions. The client runs no workspace code, so it works in untrusted workspaces.
 *
 * Views (client/src/views/) get their data from the server's custom requests (common/protocol.ts)
 * through `getClient()`; they never parse documents themselves.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { CheckFileRequest } from '../../common/protocol';
import { serverExecArgv, serverMemoryMb } from '../../common/memory';
import { registerWritingFeatures } from './views/register';
import { ActionItemsView } from './views/actionItemsView';
import { registerShowReport } from './commands/showReport';
import { snippetCompletions, type SnippetEntry } from './snippetItems';
import { QualityRequest } from '../../common/protocol';

let client: LanguageClient | undefined;

/** The running language client, for views and commands that send custom requests. */
export function getClient(): LanguageClient | undefined {
  return client;
}

/** What activate() returns to other extensions and to the editor tests. */
export interface PostmortemApi {
  /** Milliseconds activate() took: commands, views and the client registered; the server is started after it. */
  readonly activationMs: number;
  /** Resolves with the milliseconds from activate() being called to the language server answering `initialize`. */
  readonly serverReady: Promise<number>;
  /** Where Show Report writes its pages (the extension's storage, not the workspace). */
  readonly reportsFolder: vscode.Uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<PostmortemApi> {
  const started = performance.now();
  const module = context.asAbsolutePath('dist/server.js');
  // The server's heap limit (common/memory.ts says why it has one). The same objects are read
  // again whenever the client (re)starts the server, so a restart picks up a changed setting.
  const run = { module, transport: TransportKind.ipc, options: { execArgv: [] as string[] } };
  const debug = { module, transport: TransportKind.ipc, options: { execArgv: [] as string[] } };
  const applyMemorySettings = () => {
    const argv = memoryArgv();
    run.options.execArgv = argv;
    debug.options.execArgv = [...argv, '--nolazy', '--inspect=6009'];
  };
  applyMemorySettings();
  const serverOptions: ServerOptions = { run, debug };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Configuration files: the server shows their problems as you type and re-checks postmortems with the unsaved text.
      { scheme: 'file', pattern: '**/.postmortemrc.{yaml,yml,json}' },
    ],
    // Hovers link a rule's full page through this command, which opens it as a preview (not as an editable tab).
    initializationOptions: { ruleDocCommand: OPEN_RULE_DOC_COMMAND, openConfigCommand: OPEN_CONFIG_COMMAND },
    markdown: { isTrusted: { enabledCommands: [OPEN_RULE_DOC_COMMAND] } },
    middleware: {
      // One outline: VS Code's Markdown support already gives the headings; a second provider made
      // the outline and breadcrumbs show every section twice. Other editors still get the server's symbols.
      provideDocumentSymbols: () => [],
      // A "Similar" lens says why in its tooltip: the server sends it as the command's third argument
      // (LSP 3.17 commands carry no tooltip).
      provideCodeLenses: async (document, token, next) => {
        const lenses = await next(document, token);
        for (const lens of lenses ?? []) {
          const extra = lens.command?.arguments?.[2] as { tooltip?: unknown } | undefined;
          if (lens.command && typeof extra?.tooltip === 'string') lens.command.tooltip = extra.tooltip;
        }
        return lenses;
      },
    },
    // A dead server is restarted at most 4 times in 3 minutes, then the user is told once (./restartPolicy.ts).
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const d = restarts.closed(Date.now());
        if (d.message) void vscode.window.showWarningMessage(d.message);
        return { action: d.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  const lc = new LanguageClient('postmortem', 'Postmortem Writer', serverOptions, clientOptions);
  client = lc;
  const restartServer = async () => {
    applyMemorySettings();
    await lc.restart();
  };
  context.subscriptions.push(
    lc,
    vscode.commands.registerCommand('postmortem.checkThisFile', (uri?: vscode.Uri) => checkThisFile(lc, uri)),
    vscode.commands.registerCommand('postmortem.restartServer', restartServer),
    vscode.commands.registerCommand(OPEN_RULE_DOC_COMMAND, (id: unknown) => openRuleDoc(context, id)),
    vscode.commands.registerCommand(OPEN_CONFIG_COMMAND, (uri?: unknown, created?: unknown) => openConfigFile(uri, created === true)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('postmortem.server.maxMemory') && !e.affectsConfiguration('postmortem.maxFileSize')) return;
      if (memoryArgv().join(' ') === run.options.execArgv.join(' ')) return;
      const choice = await vscode.window.showInformationMessage('The postmortem language server uses the new memory limit once it restarts.', 'Restart Now');
      if (choice === 'Restart Now') await restartServer();
    }),
  );
  context.subscriptions.push(registerSnippetCompletion(context, lc));
  const views = registerWritingFeatures(context, lc);
  // Learning across postmortems: the Action Items view and the workspace report.
  const actionItems = new ActionItemsView(context, lc);
  const reportsFolder = vscode.Uri.joinPath(context.globalStorageUri, 'reports');
  context.subscriptions.push(actionItems, ...registerShowReport(lc, reportsFolder));
  // Activation does not wait for the server: requests sent meanwhile wait for it inside the client,
  // and the editor stays free while Node starts the server and loads its bundle.
  const serverReady = lc.start().then(() => {
    views.refreshSoon();
    void actionItems.refresh();
    const ms = performance.now() - started;
    lc.outputChannel.appendLine(
      `Postmortem Writer: activated in ${Math.round(activationMs)} ms; language server ready ${Math.round(ms)} ms after activation began.`,
    );
    return ms;
  });
  // The first check waits for the server; say so where the editor shows background work.
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Postmortem: starting the language server…' }, () =>
    serverReady.catch(() => undefined),
  );
  serverReady.catch((err: unknown) => {
    lc.outputChannel.appendLine(`The postmortem language server did not start: ${err instanceof Error ? err.message : String(err)}`);
  });
  const activationMs = performance.now() - started;
  return { activationMs, serverReady, reportsFolder };
}

/**
 * "pm-" offers the postmortem snippets in a postmortem without Ctrl+Space (Markdown has quick
 * suggestions off): a completion provider triggered by "-", answering only after "pm-" in a document
 * the server checks as a postmortem (./snippetItems.ts).
 */
function registerSnippetCompletion(context: vscode.ExtensionContext, lc: LanguageClient): vscode.Disposable {
  let snippets: Record<string, SnippetEntry> | undefined;
  const load = async () => {
    if (!snippets) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(context.asAbsolutePath('snippets/postmortem.code-snippets')));
      snippets = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry>;
    }
    return snippets;
  };
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      async provideCompletionItems(document, position) {
        const before = document.lineAt(position.line).text.slice(0, position.character);
        if (!/pm-[\w-]*$/.test(before)) return undefined;
        const quality = await lc.sendRequest(QualityRequest, { uri: lc.code2ProtocolConverter.asUri(document.uri) }).catch(() => null);
        if (!quality?.isPostmortem) return undefined;
        return snippetCompletions(before, await load()).map((c) => {
          const item = new vscode.CompletionItem(c.label, vscode.CompletionItemKind.Snippet);
          item.insertText = new vscode.SnippetString(c.body);
          item.range = new vscode.Range(position.line, c.start, position.line, position.character);
          if (c.description) item.documentation = c.description;
          item.detail = 'Postmortem snippet';
          return item;
        });
      },
    },
    '-',
  );
}

export const OPEN_CONFIG_COMMAND = 'postmortem.openConfigFile';

/** What a configuration file changes, said when one is opened or created. */
export function configNotice(name: string, created: boolean): string {
  return created
    ? `Created ${name}: postmortem checks for this folder now take their settings from it, and the postmortem.* settings of VS Code no longer apply here.`
    : `Updated ${name}: postmortem checks for this folder take their settings from this file, not from the postmortem.* settings of VS Code.`;
}

/**
 * Opens the configuration file a "Disable … in .postmortemrc.yaml" fix wrote (and says that settings
 * now come from it), or, from the walkthrough, the workspace's configuration file, offering to create
 * one when there is none.
 */
async function openConfigFile(uri: unknown, created: boolean): Promise<void> {
  let target = typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  if (!target) {
    const [found] = await vscode.workspace.findFiles('**/.postmortemrc.{yaml,yml,json}', '**/node_modules/**', 1);
    target = found;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage('Open a folder to give its postmortems a .postmortemrc.yaml.');
        return;
      }
      const choice = await vscode.window.showInformationMessage(
        'This workspace has no .postmortemrc.yaml. Once it has one, checks take their settings from it instead of the postmortem.* settings.',
        'Create .postmortemrc.yaml',
      );
      if (choice !== 'Create .postmortemrc.yaml') return;
      target = vscode.Uri.joinPath(folder.uri, '.postmortemrc.yaml');
      const starter =
        '# Postmortem Writer: rules, template, people, phrases and status for the postmortems below this folder.\n# While this file exists, the postmortem.* settings of VS Code do not apply here.\nrules: {}\n';
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(starter));
      created = true;
    }
  }
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  void vscode.window.showInformationMessage(configNotice(name, created));
}

export const OPEN_RULE_DOC_COMMAND = 'postmortem.openRuleDoc';

/** Opens a rule's page (docs/rules/<id>.md, shipped with the extension) as a Markdown preview. */
async function openRuleDoc(context: vscode.ExtensionContext, id: unknown): Promise<void> {
  if (typeof id !== 'string' || !/^[a-z]+(?:-[a-z]+)*$/.test(id)) return;
  const page = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
  await vscode.commands.executeCommand('markdown.showPreview', page);
}

/** The server's Node flags for the current settings (user or workspace values, not per folder). */
function memoryArgv(): string[] {
  const config = vscode.workspace.getConfiguration('postmortem');
  return serverExecArgv(serverMemoryMb(config.get('server.maxMemory'), config.get('maxFileSize')));
}

/** "Postmortem: Check This File": treats the file as a postmortem for the rest of the session. */
async function checkThisFile(lc: LanguageClient, uri?: vscode.Uri): Promise<void> {
  const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage('Open a Markdown file to check it as a postmortem.');
    return;
  }
  const doc = await vscode.workspace.openTextDocument(target);
  if (doc.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(target)} is not Markdown; only Markdown files can be checked as postmortems.`);
    return;
  }
  const result = await lc.sendRequest(CheckFileRequest, { uri: lc.code2ProtocolConverter.asUri(target) });
  if (!result.checked) {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(target)} will be checked as a postmortem once it is open in an editor.`);
  } else if (result.skipped) {
    void vscode.window.showInformationMessage(result.skipped);
  }
}

export async function deactivate(): Promise<void> {
  const lc = client;
  client = undefined;
  if (lc) await lc.stop();
}
