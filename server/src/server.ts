/**
 * The postmortem language server: registers LSP handlers and converts. It contains no analysis; every
 * answer comes from the core's `analyze` (core) through the converters in ./lsp/.
 *
 * - One analysis per document version: the result is kept with the version (and the date) it was
 *   computed for, and shared by diagnostics, symbols, code actions and the custom requests. Each open
 *   document has its own `ParseCache`, so re-analysis after an edit reparses only changed blocks.
 * - No debounce: a change is analysed as soon as the queued messages before it are handled. Changes
 *   that arrive together are analysed once, for the newest version, and diagnostics are published
 *   only for the version that is still current (with that version in the notification).
 * - Skipped documents (too large, binary) get one Information diagnostic on line 1 saying why.
 * - A rule that throws is logged once per rule; anything else that throws while handling a
 *   document is logged, that document gets no diagnostics, and the server keeps serving others.
 * - Options come from the configuration files (.postmortemrc.*, through the loader the CLI uses) or,
 *   where none applies, the postmortem.* settings (./lsp/documentConfig.ts). An analysis is reused only for
 *   the same options; documents matching an `ignore` glob get no diagnostics; configuration problems
 *   are diagnostics on the configuration file.
 * - Today's date comes from the clock, unless `initializationOptions.today` (YYYY-MM-DD) fixes it:
 *   tests use that to compare the server's verdict with `postmortem-lint --today`.
 * - Any LSP client: settings pulled, pushed or given at start (./lsp/settingsSources.ts); only Markdown
 *   documents are checked (their languageId); hovers in the client's content format; code lenses run a
 *   server command (./lsp/commands.ts); positions are UTF-16 (negotiated where the client offers
 *   encodings) and code actions accept ranges echoed in other units (./lsp/codeActions.ts).
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MarkupKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getHeapStatistics } from 'node:v8';
import { analyze, failedResult, ParseCache, skipReason, skippedResult, warmUp, type AnalysisResult, type AnalyzeOptions } from '../../core';
import { localToday } from '../../common/dates';
import { configuredMemoryMb, memoryShortfall, type HeapState } from '../../common/memory';
import { AnalysisWorker, WORKER_THRESHOLD } from './analysisWorker';
import { DEFAULT_FILE_GLOBS, PostmortemFiles } from '../../config/postmortemFiles';
import { codeActions } from './lsp/codeActions';
import { CONFIG_FILE_GLOB, isConfigUri, ServerConfig, type ResolvedConfig } from './lsp/documentConfig';
import { FIX_ALL_KIND, suppressActions } from './lsp/suppressActions';
import { toDiagnostics } from './lsp/diagnostics';
import { documentSymbols } from './lsp/symbols';
import { codeLenses } from './lsp/codeLens';
import { hoverAt, type RuleDocLink, type RuleDocLookup } from './lsp/hover';
import { presentFindings } from './lsp/present';
import { mergeHovers } from './lsp/similarIncidents';
import { qualityResult } from './lsp/qualityStatus';
import { askWhyAgainResult, insertSectionResult } from './lsp/viewEdits';
import { WorkspaceFeatures } from './workspace/features';
import { postmortemTemplate } from '../../features/newPostmortem';
import { fiveWhysResult, sectionsResult } from './lsp/views';
import { SettingsSources } from './lsp/settingsSources';
import { hoverFormat, inFormat } from './lsp/markup';
import { SERVER_COMMANDS, SHOW_LOCATION_COMMAND, showLocationArgs } from './lsp/commands';
import {
  AskWhyAgainRequest,
  CheckFileRequest,
  FiveWhysRequest,
  InsertSectionRequest,
  NewPostmortemTextRequest,
  QualityRequest,
  SectionsRequest,
  SEVERITIES,
  type NewPostmortemParams,
  type PostmortemSettings,
} from '../../common/protocol';

export interface ServerOptions {
  /** Folder URI (ending in '/') of the bundled docs/rules/ pages, for `codeDescription.href`. */
  docsBase: string;
  /** Today's local date as YYYY-MM-DD; defaults to the system clock. */
  today?: () => string;
  /** A rule's docs page (Markdown), for hovers; without it hovers leave the explanation out. */
  ruleDocs?: RuleDocLookup;
  /** The heap's use and limit; defaults to V8's own figures (common/memory.ts). */
  heap?: () => HeapState;
  /** How long a workspace/configuration request may go unanswered before the fallback settings apply. */
  settingsTimeoutMs?: number;
  /**
   * The script an analysis worker thread runs (the bundle itself, see main.ts): documents of
   * WORKER_THRESHOLD characters or more are analysed there. Without it everything runs here.
   */
  workerScript?: string;
}

/** Language ids of Markdown documents (VS Code, Neovim, Helix and ALE say markdown; Emacs's gfm-mode gfm). */
export function isMarkdownLanguage(languageId: string): boolean {
  return /^(markdown|gfm|md|mkd)(\.|$)/i.test(languageId);
}

const CONFIGURED_MB = configuredMemoryMb(process.execArgv);

function v8Heap(): HeapState {
  const h = getHeapStatistics();
  return { used: h.used_heap_size, limit: h.heap_size_limit, ...(CONFIGURED_MB !== undefined ? { configuredMb: CONFIGURED_MB } : {}) };
}

interface Analysis {
  version: number;
  today: string;
  isPostmortem: boolean;
  /** Undefined when the document is not a postmortem, or analysing it failed. */
  result?: AnalysisResult;
  /** The options analysed with (`today` included), and their identity; see ./lsp/documentConfig.ts. */
  options?: AnalyzeOptions;
  optionsKey?: string;
  config?: ResolvedConfig;
  /** Not analysed because the heap had no room for it; checked again when another document closes. */
  outOfMemory?: boolean;
  /** Being analysed in the worker thread (../analysisWorker.ts); published when it is done. */
  pending?: boolean;
}

interface DocState {
  cache: ParseCache;
  last?: Analysis;
  /** Number of diagnostics last published; undefined before the first publish. */
  published?: number;
  /** A validation is queued (setImmediate) and will pick up the newest version. */
  queued: boolean;
}

function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export function defaultSettings(): PostmortemSettings {
  return { files: [...DEFAULT_FILE_GLOBS], codeLens: { enabled: true } };
}

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function readSettings(raw: unknown): PostmortemSettings {
  const s = defaultSettings();
  if (raw && typeof raw === 'object') {
    const files = (raw as { files?: unknown }).files;
    if (Array.isArray(files) && files.every((f) => typeof f === 'string')) s.files = files;
    const lensEnabled = (raw as { codeLens?: { enabled?: unknown } }).codeLens?.enabled;
    if (typeof lensEnabled === 'boolean') s.codeLens = { enabled: lensEnabled };
    const maxFileSize = (raw as { maxFileSize?: unknown }).maxFileSize;
    if (typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize >= 1000) s.maxFileSize = Math.floor(maxFileSize);
  }
  return s;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  let today = options.today ?? (() => localToday());
  let ruleDocLink: RuleDocLink | undefined;
  const heap = options.heap ?? v8Heap;
  // Large documents are analysed in a worker thread with its own heap (./analysisWorker.ts).
  const worker = options.workerScript ? new AnalysisWorker(options.workerScript, CONFIGURED_MB ?? 1024, (m) => connection.console.warn(m)) : undefined;
  const inWorker = (text: string) => worker !== undefined && text.length >= WORKER_THRESHOLD;
  /** The same check against the worker's own heap (a fresh heap of the configured limit). */
  const workerShortfall = (text: string) =>
    memoryShortfall(
      text.length,
      { used: 0, limit: (CONFIGURED_MB ?? 1024) * 1024 * 1024, ...(CONFIGURED_MB !== undefined ? { configuredMb: CONFIGURED_MB } : {}) },
      text,
    );
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocState>();
  const settingsByUri = new Map<string, Promise<PostmortemSettings>>();
  const loggedRules = new Set<string>();
  const loggedFailures = new Set<string>();
  const files = new PostmortemFiles((glob, err) => {
    const key = `glob:${glob}`;
    if (loggedFailures.has(key)) return;
    loggedFailures.add(key);
    connection.console.warn(`postmortem.files: the glob "${glob}" is invalid and is ignored (${errorText(err)}).`);
  });
  let configurationPull = false;
  let configurationRegistration = false;
  let folderEvents = false;
  let codeLensRefresh = false;
  let watchedFilesRegistration = false;
  let editCaps = { documentChanges: false, createFiles: false };
  let configCommand: string | undefined;
  let hoverKind: MarkupKind = 'markdown';
  let showDocumentSupport = false;
  const settingsTimeoutMs = options.settingsTimeoutMs ?? 2000;
  let workspaceFolderUris: string[] = [];
  const configs = new ServerConfig(
    (uri, diagnostics, version) => void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) }),
    (key, message) => {
      if (loggedFailures.has(key)) return;
      loggedFailures.add(key);
      connection.console.warn(message);
    },
  );

  const stateOf = (uri: string): DocState => {
    let s = states.get(uri);
    if (!s) {
      s = { cache: new ParseCache(), queued: false };
      states.set(uri, s);
    }
    return s;
  };

  function logOnce(key: string, message: string): void {
    if (loggedFailures.has(key)) return;
    loggedFailures.add(key);
    connection.console.error(message);
  }

  const sources = new SettingsSources<PostmortemSettings>((raw) => configs.withRaw(readSettings(raw), raw));

  function settingsFor(uri: string): Promise<PostmortemSettings> {
    if (!configurationPull) return Promise.resolve(sources.fallback());
    let p = settingsByUri.get(uri);
    if (!p) {
      const pending: Promise<PostmortemSettings> = sources.pull(
        () => connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }),
        settingsTimeoutMs,
        {
          onTimeout: () => {
            if (loggedFailures.has('config:timeout')) return;
            loggedFailures.add('config:timeout');
            connection.console.warn(
              `The editor did not answer workspace/configuration within ${settingsTimeoutMs} ms; using the settings it pushed or the defaults until it does.`,
            );
          },
          onLate: (late) => {
            if (settingsByUri.get(uri) !== pending) return;
            settingsByUri.set(uri, Promise.resolve(late));
            if (documents.get(uri)) schedule(uri);
          },
          onError: (err) => logOnce(`config:${uri}`, `Reading the postmortem settings failed; using the defaults. ${errorText(err)}`),
        },
      );
      p = pending;
      settingsByUri.set(uri, p);
    }
    return p;
  }

  /** The analysis of the document's current version (computed once per version and date). */
  function analysisOf(doc: TextDocument, settings: PostmortemSettings): Analysis {
    const state = stateOf(doc.uri);
    const day = today();
    const last = state.last;
    const config = configs.resolve(doc.uri, doc.version, settings);
    if (
      last &&
      !last.outOfMemory &&
      last.version === doc.version &&
      last.today === day &&
      last.optionsKey === config.key &&
      last.options?.maxSize === settings.maxFileSize
    ) {
      return last;
    }
    const text = doc.getText();
    const isPostmortem =
      !isConfigUri(doc.uri) &&
      isMarkdownLanguage(doc.languageId) &&
      (files.isOptedIn(doc.uri) || (!config.ignored && files.isPostmortem(doc.uri, text, settings.files)));
    const analysisOptions: AnalyzeOptions = { ...config.options, today: day, ...(settings.maxFileSize ? { maxSize: settings.maxFileSize } : {}) };
    const analysis: Analysis = { version: doc.version, today: day, isPostmortem, options: analysisOptions, optionsKey: config.key, config };
    // Stored before analysing: if analyze throws, the version is not retried by every request.
    state.last = analysis;
    // What is not parsed yet must fit in what is left of the heap (common/memory.ts): a document too big
    // for it gets one notice instead of taking the server down with every other open document.
    const unparsed = Math.max(0, text.length - state.cache.cachedChars());
    const shortfall =
      isPostmortem && !skipReason(text, analysisOptions.maxSize)
        ? inWorker(text)
          ? workerShortfall(text)
          : memoryShortfall(unparsed, heap(), text)
        : undefined;
    if (isPostmortem && !shortfall && inWorker(text) && worker) {
      // Off the main thread: the other documents' edits are answered meanwhile. Only the latest
      // version is analysed (a newer one replaces a job still waiting); its result is published
      // when it comes, unless the document changed again.
      state.cache.clear();
      analysis.pending = true;
      void worker.analyze(doc.uri, text, analysisOptions, true).then((result) => {
        if (!result || state.last !== analysis) return;
        analysis.result = presentFindings(result, text);
        analysis.pending = false;
        logRuleErrors(result);
        schedule(doc.uri);
      });
    } else if (shortfall) {
      state.cache.clear();
      analysis.outOfMemory = true;
      analysis.result = skippedResult(shortfall);
    } else if (isPostmortem) {
      // One finding per thing, short messages with the advice in the hover (lsp/present.ts).
      analysis.result = presentFindings(analyze(text, analysisOptions, state.cache), text);
      logRuleErrors(analysis.result);
    }
    return analysis;
  }

  function logRuleErrors(result: AnalysisResult): void {
    for (const e of result.internalErrors) {
      if (loggedRules.has(e.rule)) continue;
      loggedRules.add(e.rule);
      connection.console.error(`The rule "${e.rule}" failed and was skipped (logged once per rule): ${e.message}`);
    }
  }

  /** The current document and its analysis, or undefined when it is closed or analysis failed. */
  async function current(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    if (!doc) return undefined;
    try {
      return { doc, analysis: analysisOf(doc, settings) };
    } catch (err) {
      logOnce(`analyze:${uri}@${doc.version}`, `Checking ${uri} (version ${doc.version}) failed; the file is skipped. ${errorText(err)}`);
      // The editor shows why there are no findings: one notice on line 1, as for a skipped file.
      return { doc, analysis: { version: doc.version, today: today(), isPostmortem: true, result: failedResult(err) } };
    }
  }

  function publish(uri: string, version: number, diagnostics: ReturnType<typeof toDiagnostics>): void {
    const state = stateOf(uri);
    state.published = diagnostics.length;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** Analyses the current version and publishes its diagnostics, unless a newer version came in meanwhile. */
  async function validate(uri: string): Promise<number> {
    try {
      if (isConfigUri(uri)) {
        // A configuration document: its problems now, and every document re-checked with its text.
        const doc = documents.get(uri);
        if (doc && configs.configDocumentChanged(uri, doc.version, doc.getText())) revalidateAll();
        return 0;
      }
      const got = await current(uri);
      if (!got) return 0;
      const { doc, analysis } = got;
      // Superseded while waiting for settings: the newer version publishes its own diagnostics.
      if (documents.get(uri)?.version !== doc.version) return 0;
      const state = stateOf(uri);
      // In the worker: what was published stays until the result comes (it schedules this again).
      if (analysis.pending) return 0;
      if (!analysis.result) {
        // Not a postmortem (or failed): clear what was published before, and answer a first open.
        if (state.published !== 0) publish(uri, doc.version, []);
        return 0;
      }
      const diagnostics = toDiagnostics(doc, analysis.result, options.docsBase);
      publish(uri, doc.version, diagnostics);
      return diagnostics.length;
    } catch (err) {
      logOnce(`validate:${uri}`, `Publishing diagnostics for ${uri} failed. ${errorText(err)}`);
      return 0;
    }
  }

  /** Queues a validation after the messages already received, coalescing bursts of changes. */
  function schedule(uri: string): void {
    const state = stateOf(uri);
    if (state.queued) return;
    state.queued = true;
    setImmediate(() => {
      state.queued = false;
      if (documents.get(uri)) void validate(uri);
    });
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) if (!isConfigUri(doc.uri)) schedule(doc.uri);
  }

  // Learning across postmortems: the workspace index and the features it serves (./workspace/features.ts).
  const workspace = new WorkspaceFeatures(connection, {
    today: () => today(),
    isPostmortem: (uri, text, globs) => files.isPostmortem(uri, text, globs),
    isOptedIn: (uri) => files.isOptedIn(uri),
    files: async (folderUri) => (await settingsFor(folderUri)).files,
    isBusy: () => [...states.values()].some((s) => s.queued),
    current: async (uri) => {
      const got = await current(uri);
      return got && { doc: got.doc, result: got.analysis.result };
    },
    log: (message) => connection.console.warn(message),
    // Every file the index analyses goes to the worker, small ones too: an analysis running here when a
    // keystroke arrives delays that document's diagnostics by the rest of it (at 10,000 postmortems
    // that was most of the p95 of edits while indexing); in the worker it runs beside them.
    analyzeLarge: (key, text, opts) => (worker ? worker.analyze(key, text, opts) : undefined),
    // A text for the worker is bounded by the worker's own heap; one for here by what is left of this one.
    shortfall: (text) => (worker ? workerShortfall(text) : memoryShortfall(text.length, heap(), text)),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    configurationPull = !!caps.workspace?.configuration;
    configurationRegistration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    folderEvents = !!caps.workspace?.workspaceFolders;
    codeLensRefresh = !!caps.workspace?.codeLens?.refreshSupport;
    watchedFilesRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    editCaps = {
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      createFiles: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
    };
    hoverKind = hoverFormat(caps.textDocument?.hover?.contentFormat);
    showDocumentSupport = !!caps.window?.showDocument?.support;
    sources.setInitializationOptions(params.initializationOptions);
    const fixedToday = (params.initializationOptions as { today?: unknown } | undefined)?.today;
    if (typeof fixedToday === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fixedToday)) today = () => fixedToday;
    // A client command that opens a rule's page as a preview (VS Code); other clients get the page's URL.
    const docCommand = (params.initializationOptions as { ruleDocCommand?: unknown } | undefined)?.ruleDocCommand;
    if (typeof docCommand === 'string' && /^[\w.]+$/.test(docCommand))
      ruleDocLink = (id) => `command:${docCommand}?${encodeURIComponent(JSON.stringify([id]))}`;
    // A client command that opens the configuration file a "Disable … in .postmortemrc.yaml" fix wrote, and says what that changes.
    const cfgCommand = (params.initializationOptions as { openConfigCommand?: unknown } | undefined)?.openConfigCommand;
    if (typeof cfgCommand === 'string' && /^[\w.]+$/.test(cfgCommand)) configCommand = cfgCommand;
    workspaceFolderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    files.setWorkspaceFolders(workspaceFolderUris);
    configs.setWorkspaceFolders(workspaceFolderUris);
    const workspaceCapabilities = workspace.initialize(params, workspaceFolderUris);
    return {
      capabilities: {
        ...workspaceCapabilities,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Postmortem' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: SERVER_COMMANDS },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // UTF-16, which every client supports; code actions also recognise ranges echoed in other units.
        ...(caps.general?.positionEncodings ? { positionEncoding: 'utf-16' } : {}),
      },
      serverInfo: { name: 'postmortem-language-server' },
    };
  });

  connection.onInitialized(() => {
    // Load the language model now, while the editor is still opening, not on the first keystroke.
    setImmediate(() => {
      try {
        warmUp();
      } catch (err) {
        logOnce('warmUp', `Loading the language model failed; it is retried on first use. ${errorText(err)}`);
      }
    });
    if (configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' });
    }
    if (watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] });
    }
    workspace.initialized();
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const known = new Set(workspaceFolderUris);
        for (const f of event.removed) known.delete(f.uri);
        for (const f of event.added) known.add(f.uri);
        workspaceFolderUris = [...known];
        files.setWorkspaceFolders(workspaceFolderUris);
        configs.setWorkspaceFolders(workspaceFolderUris);
        workspace.foldersChanged(workspaceFolderUris);
        for (const s of states.values()) s.last = undefined;
        revalidateAll();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    sources.setPushed(params?.settings);
    settingsByUri.clear();
    for (const s of states.values()) s.last = undefined;
    revalidateAll();
    // postmortem.codeLens.enabled may have changed.
    if (codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
    workspace.settingsChanged();
  });

  // A configuration file changed on disk: its problems, and every open document, are checked again.
  connection.onDidChangeWatchedFiles((params) => {
    const configChanged = configs.watchedFilesChanged(params.changes);
    workspace.filesChanged(params.changes);
    if (configChanged) revalidateAll();
  });

  documents.onDidOpen((e) => schedule(e.document.uri));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const state = states.get(uri);
    states.delete(uri);
    worker?.forget(uri);
    settingsByUri.delete(uri);
    configs.forget(uri);
    if (isConfigUri(uri)) {
      configs.configDocumentClosed(uri);
      revalidateAll();
    }
    if (state?.published) void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Its memory is free now: documents that did not fit are tried again.
    for (const [other, s] of states) if (s.last?.outOfMemory) schedule(other);
  });

  connection.onDocumentSymbol(async (params) => {
    const got = await current(params.textDocument.uri);
    if (!got?.analysis.result) return [];
    try {
      return documentSymbols(got.doc, got.analysis.result.model);
    } catch (err) {
      logOnce(`symbols:${params.textDocument.uri}`, `The outline of ${params.textDocument.uri} failed. ${errorText(err)}`);
      return [];
    }
  });

  connection.onCodeAction(async (params) => {
    const got = await current(params.textDocument.uri);
    if (!got) return [];
    const { doc, analysis } = got;
    try {
      const more = analysis.options
        ? suppressActions(doc, params, analysis.result, {
            ...editCaps,
            ...(configCommand ? { configCommand } : {}),
            options: analysis.options,
            fsPath: analysis.config?.fsPath,
            workspaceFolder: analysis.config?.workspaceFolder,
            openText: (file) => configs.openText(file),
          })
        : [];
      return [...codeActions(doc, params, analysis.result), ...more];
    } catch (err) {
      logOnce(`actions:${doc.uri}`, `Quick-fixes for ${doc.uri} failed. ${errorText(err)}`);
      return [];
    }
  });

  connection.onHover(async (params) => {
    const got = await current(params.textDocument.uri);
    if (!got?.analysis.result || got.analysis.result.skipped) return null;
    try {
      const ruleHover = hoverAt(got.doc, got.analysis.result, params.position, options.docsBase, options.ruleDocs ?? (() => undefined), ruleDocLink);
      return inFormat(mergeHovers(ruleHover, workspace.hover(got.doc, got.analysis.result, params.position)), hoverKind);
    } catch (err) {
      logOnce(`hover:${params.textDocument.uri}`, `Hovers for ${params.textDocument.uri} failed. ${errorText(err)}`);
      return null;
    }
  });

  connection.onCodeLens(async (params) => {
    const uri = params.textDocument.uri;
    if (!(await settingsFor(uri)).codeLens.enabled) return [];
    const got = await current(uri);
    if (!got?.analysis.result || got.analysis.result.skipped) return [];
    try {
      return [...codeLenses(got.doc, got.analysis.result, got.analysis.today), ...workspace.codeLenses(got.doc, got.analysis.result)];
    } catch (err) {
      logOnce(`codeLens:${uri}`, `Code lenses for ${uri} failed. ${errorText(err)}`);
      return [];
    }
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_LOCATION_COMMAND) return null;
    const target = showLocationArgs(params.arguments);
    if (!target) return null;
    if (showDocumentSupport) {
      await connection.window.showDocument({ uri: target.uri, selection: target.range, takeFocus: true });
    } else {
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `Line ${target.range.start.line + 1} of ${decodeURIComponent(target.uri.replace(/^file:\/\//, ''))}`,
      });
    }
    return null;
  });

  connection.onRequest(QualityRequest, async (params) => {
    const got = await current(params.uri);
    if (!got) return null;
    try {
      return qualityResult(got.doc, got.analysis.result, got.analysis.isPostmortem && !!got.analysis.result, got.analysis.today);
    } catch (err) {
      logOnce(`quality:${params.uri}`, `postmortem/quality failed for ${params.uri}. ${errorText(err)}`);
      return null;
    }
  });

  connection.onRequest(AskWhyAgainRequest, async (params) => {
    const got = await current(params.uri);
    const result = got?.analysis.result;
    if (!got || !result || result.skipped) return null;
    if (params.version !== undefined && params.version !== got.doc.version) return null;
    try {
      return askWhyAgainResult(got.doc, result, params.chain);
    } catch (err) {
      logOnce(`askWhyAgain:${params.uri}`, `postmortem/askWhyAgain failed for ${params.uri}. ${errorText(err)}`);
      return null;
    }
  });

  connection.onRequest(InsertSectionRequest, async (params) => {
    const got = await current(params.uri);
    const result = got?.analysis.result;
    if (!got || !result || result.skipped) return null;
    try {
      return insertSectionResult(got.doc, result, params.kind, got.analysis.options?.template);
    } catch (err) {
      logOnce(`insertSection:${params.uri}`, `postmortem/insertSection failed for ${params.uri}. ${errorText(err)}`);
      return null;
    }
  });

  connection.onRequest(NewPostmortemTextRequest, (params) => {
    // The same default template the client used to build itself; any LSP client may send this, so
    // malformed parameters get an empty title (the template's "Untitled incident") rather than a throw.
    const p = params ?? ({} as NewPostmortemParams);
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    return postmortemTemplate({
      title: str(p.title),
      severity: (SEVERITIES as readonly string[]).includes(p.severity) ? p.severity : 'SEV-3',
      date: str(p.date),
      authors: Array.isArray(p.authors) ? p.authors.filter((a): a is string => typeof a === 'string') : undefined,
      eol: p.eol === '\r\n' ? '\r\n' : '\n',
    });
  });

  connection.onRequest(SectionsRequest, async (params) => {
    const got = await current(params.uri);
    if (!got) return null;
    try {
      return sectionsResult(got.doc, got.analysis.result, got.analysis.isPostmortem && !!got.analysis.result, got.analysis.options?.template);
    } catch (err) {
      logOnce(`sections:${params.uri}`, `postmortem/sections failed for ${params.uri}. ${errorText(err)}`);
      return null;
    }
  });

  connection.onRequest(FiveWhysRequest, async (params) => {
    const got = await current(params.uri);
    if (!got) return null;
    try {
      return fiveWhysResult(got.doc, got.analysis.result, got.analysis.isPostmortem && !!got.analysis.result);
    } catch (err) {
      logOnce(`fiveWhys:${params.uri}`, `postmortem/fiveWhys failed for ${params.uri}. ${errorText(err)}`);
      return null;
    }
  });

  connection.onRequest(CheckFileRequest, async (params) => {
    // Opted in even when the document is not open yet: its didOpen will then be checked.
    files.optIn(params.uri);
    const doc = documents.get(params.uri);
    if (!doc) return { checked: false, findings: 0 };
    const state = stateOf(params.uri);
    if (state.last && !state.last.isPostmortem) state.last = undefined;
    await validate(params.uri);
    const result = stateOf(params.uri).last?.result;
    return { checked: true, findings: result?.findings.length ?? 0, ...(result?.skipped ? { skipped: result.skipped } : {}) };
  });

  documents.listen(connection);
  connection.listen();
}
