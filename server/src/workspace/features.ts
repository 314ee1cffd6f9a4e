/**
 * The server's cross-postmortem features, wired to the connection: the workspace index with its
 * progress report and file watching, `postmortem/actionItems`, `postmortem/report`,
 * `postmortem/similar`, `postmortem/indexChanged` and workspace symbols. server.ts creates one and
 * calls its hooks (initialize, initialized, folders and settings changed, watched files); hovers and
 * code lenses for similar incidents are added to server.ts's own through `hover` and `codeLenses`.
 */
import {
  DidChangeWatchedFilesNotification,
  type CodeLens,
  type Connection,
  type Hover,
  type InitializeParams,
  type Position,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isIsoDate, type AnalysisResult, type AnalyzeOptions } from '../../../core';
import { bucketOf, buildReport, renderMarkdown } from '../../../review';
import { similarAt, similarHover, similarLenses } from '../lsp/similarIncidents';
import { workspaceSymbols } from '../lsp/workspaceSymbols';
import {
  ActionItemsRequest,
  IndexChangedNotification,
  ReportRequest,
  SimilarRequest,
  type ActionItemInfo,
  type ActionItemsResult,
  type ReportResult,
  type SimilarResult,
} from '../../../common/protocol';
import { WorkspaceIndex, type IndexEntry, type IndexSettings } from './index';

export interface WorkspaceHooks {
  today(): string;
  /** The editor's postmortem detection (PostmortemFiles.isPostmortem). */
  isPostmortem(uri: string, text: string, globs: readonly string[]): boolean;
  isOptedIn?(uri: string): boolean;
  /** `postmortem.files` of a folder. */
  files(folderUri: string): Promise<readonly string[]>;
  /** True while an open document's validation is queued. */
  isBusy(): boolean;
  /** The open document and its current analysis, for hovers and `postmortem/similar`. */
  current(uri: string): Promise<{ doc: TextDocument; result?: AnalysisResult } | undefined>;
  log(message: string): void;
  /** Analyses an indexed file's text in the analysis worker; undefined when there is no worker (then it is analysed here). */
  analyzeLarge?(key: string, text: string, options: AnalyzeOptions): Promise<AnalysisResult | undefined> | undefined;
  /** Why the server cannot afford to analyse this text here now (../memory.ts), or undefined. */
  shortfall?(text: string): string | undefined;
}

/** Every action item of the indexed postmortems, with its bucket as of `today` (`postmortem/actionItems`). */
export function actionItemsResult(entries: readonly IndexEntry[], today: string, indexing: boolean): ActionItemsResult {
  const items: ActionItemInfo[] = [];
  for (const e of entries) {
    const f = e.facts;
    const postmortem = { uri: e.uri, title: f.title, path: e.path, ...(f.date ? { date: f.date } : {}) };
    for (const item of f.actionItems) {
      items.push({
        text: item.text,
        ...(item.owner ? { owner: item.owner } : {}),
        ...(item.due ? { due: item.due } : {}),
        ...(item.dueDate ? { dueDate: item.dueDate } : {}),
        status: item.status,
        bucket: bucketOf(item, today),
        ...(item.type ? { type: item.type } : {}),
        ...(item.ticket ? { ticket: item.ticket } : {}),
        postmortem,
        range: item.range,
      });
    }
  }
  return { today, indexing, postmortems: entries.length, items };
}

/** The Markdown files the index follows; configuration files are watched by the server itself. */
export const MARKDOWN_GLOB = '**/*.{md,markdown}';

export class WorkspaceFeatures {
  readonly index: WorkspaceIndex;
  private configurationPull = false;
  private watchRegistration = false;
  private folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly hooks: WorkspaceHooks,
  ) {
    this.index = new WorkspaceIndex({
      settings: (folder) => this.settings(folder),
      isPostmortem: (uri, text, globs) => hooks.isPostmortem(uri, text, globs),
      isOptedIn: (uri) => hooks.isOptedIn?.(uri) ?? false,
      analyze: (text, options?: AnalyzeOptions, uri?: string) => {
        const opts = { ...options, today: hooks.today() };
        // Indexed files go to the analysis worker, so indexing never blocks the open documents.
        return hooks.analyzeLarge && uri ? (hooks.analyzeLarge(`index:${uri}`, text, opts) ?? analyze(text, opts)) : analyze(text, opts);
      },
      shortfall: (text) => hooks.shortfall?.(text),
      isBusy: () => hooks.isBusy(),
      progress: async (title) => {
        const reporter = await connection.window.createWorkDoneProgress();
        reporter.begin(title, 0, undefined, false);
        return {
          report: (done, total, message) => reporter.report(total ? Math.round((done / total) * 100) : 100, message),
          done: () => reporter.done(),
        };
      },
      changed: () => void connection.sendNotification(IndexChangedNotification, { postmortems: this.index.all().length, indexing: this.index.indexing }),
      log: (m) => hooks.log(m),
    });
  }

  private async settings(folderUri: string): Promise<IndexSettings> {
    const files = await this.hooks.files(folderUri);
    let exclude: unknown;
    if (this.configurationPull) {
      try {
        exclude = ((await this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files' })) as { exclude?: unknown } | null)?.exclude;
      } catch {
        exclude = undefined;
      }
    }
    return { files, exclude };
  }

  /** From onInitialize: client capabilities and the folders; returns the capabilities to announce. */
  initialize(params: InitializeParams, folders: readonly string[]): Partial<ServerCapabilities> {
    this.configurationPull = !!params.capabilities.workspace?.configuration;
    this.watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.folders = [...folders];
    this.registerRequests();
    return { workspaceSymbolProvider: true };
  }

  /** From onInitialized: watch Markdown files and start indexing. */
  initialized(): void {
    if (this.watchRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: MARKDOWN_GLOB }] });
    }
    void this.index.setFolders(this.folders);
  }

  foldersChanged(folders: readonly string[]): void {
    this.folders = [...folders];
    void this.index.setFolders(this.folders);
  }

  settingsChanged(): void {
    void this.index.settingsChanged();
  }

  /** From the server's `workspace/didChangeWatchedFiles` handler. */
  filesChanged(changes: ReadonlyArray<{ uri: string; type: number }>): void {
    void this.index.filesChanged(changes);
  }

  hover(doc: TextDocument, result: AnalysisResult, position: Position): Hover | null {
    try {
      return similarHover(doc, result, position, this.index);
    } catch (err) {
      this.hooks.log(`Similar incidents for ${doc.uri} failed. ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }

  codeLenses(doc: TextDocument, result: AnalysisResult): CodeLens[] {
    try {
      return similarLenses(doc, result, this.index);
    } catch (err) {
      this.hooks.log(`Similar-incident lenses for ${doc.uri} failed. ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  actionItems(): ActionItemsResult {
    return actionItemsResult(this.index.all(), this.hooks.today(), this.index.indexing);
  }

  report(since?: string, until?: string): ReportResult {
    const entries = this.index.all();
    const byPath = new Map(entries.map((e) => [e.path, e.uri]));
    const data = buildReport(
      entries.map((e) => e.facts),
      { today: this.hooks.today(), ...(since && isIsoDate(since) ? { since } : {}), ...(until && isIsoDate(until) ? { until } : {}) },
    );
    const markdown = renderMarkdown(data, {
      title: 'Postmortem review of the workspace',
      link: (path, line) => (byPath.has(path) ? `${byPath.get(path)}${line ? `#L${line}` : ''}` : undefined),
    });
    return { markdown, data, indexing: this.index.indexing };
  }

  private registerRequests(): void {
    this.connection.onRequest(ActionItemsRequest, () => this.actionItems());
    this.connection.onRequest(ReportRequest, (params) => this.report(params?.since, params?.until));
    this.connection.onRequest(SimilarRequest, async (params): Promise<SimilarResult | null> => {
      const got = await this.hooks.current(params.uri);
      if (!got?.result || got.result.skipped) return null;
      return similarAt(got.doc, got.result, params.position, this.index);
    });
    this.connection.onWorkspaceSymbol((params) => workspaceSymbols(this.index.all(), params.query));
  }
}
