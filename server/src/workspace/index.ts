/**
 * The server's workspace index: every postmortem in the workspace folders, analysed in the background
 * and kept as facts (review/facts.ts) for the Action Items view, the report, similar incidents
 * and workspace symbols.
 *
 * - Detection is the editor's: a Markdown file is a postmortem when `postmortem.files` matches its
 *   path or its text declares one (config/postmortemFiles.ts), unless `files.exclude` or an `ignore` glob of
 *   a configuration file leaves it out. A README or index page is left out as in the CLI's report.
 * - Work is done one file at a time. Before each file the index yields to the event loop
 *   (setImmediate) and waits while the editor's own work is pending (`host.isBusy()`, true while an
 *   open document's validation is queued), so typing is never slowed by indexing.
 * - Results are cached by content: a file whose text hashes to what was analysed before is not
 *   analysed again (a save without changes, a branch switch back and forth).
 * - Changes come from `workspace/didChangeWatchedFiles` (`filesChanged`); a configuration file's
 *   change re-checks every file's exclusion.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigCache, loadConfigFor } from '../../../config';
import { DEFAULT_MAX_SIZE, type AnalysisResult, type AnalyzeOptions } from '../../../core';
import { isIndexPage, postmortemFacts, type PostmortemFacts } from '../../../review';
import { isMarkdownPath } from '../../../config/postmortemFiles';
import { excludeMatcher, isSkippedPath, listMarkdown } from './scan';
import { SimilarIndex } from './similarIndex';

export interface IndexSettings {
  /** `postmortem.files` globs. */
  files: readonly string[];
  /** `files.exclude` as the editor has it. */
  exclude?: unknown;
}

export interface ProgressReporter {
  report(done: number, total: number, message: string): void;
  done(): void;
}

export interface IndexHost {
  /** Settings of a workspace folder (by its URI). */
  settings(folderUri: string): Promise<IndexSettings>;
  /** The editor's postmortem detection (config/postmortemFiles.ts). */
  isPostmortem(uri: string, text: string, globs: readonly string[]): boolean;
  /** True for a file opted in with "Postmortem: Check This File". */
  isOptedIn?(uri: string): boolean;
  /**
   * Analyses a file with the options of the configuration files that apply to it (a large one off the
   * main thread); undefined when a newer request for the same file replaced this one.
   */
  analyze(text: string, options: AnalyzeOptions, uri?: string): AnalysisResult | undefined | Promise<AnalysisResult | undefined>;
  /** Why the server cannot afford to analyse this text now (common/memory.ts), or undefined. */
  shortfall?(text: string): string | undefined;
  /** True while work for the open documents is waiting; the index does not start a file then. */
  isBusy(): boolean;
  /** Starts a progress report for one indexing run. */
  progress(title: string): Promise<ProgressReporter>;
  /** The set of postmortems or their facts changed (after a run, or a deletion). */
  changed(): void;
  log?(message: string): void;
}

export interface IndexEntry {
  uri: string;
  /** Path relative to its workspace folder (prefixed with the folder's name when there are several). */
  path: string;
  hash: string;
  facts: PostmortemFacts;
}

const MAX_BYTES = DEFAULT_MAX_SIZE * 4;

interface Folder {
  uri: string;
  path: string;
  name: string;
}

function hashOf(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class WorkspaceIndex {
  private folders: Folder[] = [];
  private readonly entries = new Map<string, IndexEntry>();
  /** Facts by content hash and path; `null`: that content at that path is no postmortem. */
  private readonly cache = new Map<string, PostmortemFacts | null>();
  private readonly configs = new ConfigCache();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private running: Promise<void> | undefined;
  private similarCache: SimilarIndex | undefined;
  private settingsCache = new Map<string, Promise<IndexSettings>>();
  private scanning = 0;
  /** Files analysed (not taken from the cache), for tests and logs. */
  analysed = 0;

  constructor(private readonly host: IndexHost) {}

  /** True while a scan or a run is under way. */
  get indexing(): boolean {
    return this.scanning > 0 || this.running !== undefined;
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  similar(): SimilarIndex {
    if (!this.similarCache) this.similarCache = new SimilarIndex(this.all().map((e) => ({ id: e.uri, facts: e.facts })));
    return this.similarCache;
  }

  /** Sets the workspace folders and indexes them from scratch (cached facts are kept). */
  async setFolders(uris: readonly string[]): Promise<void> {
    this.folders = [];
    for (const uri of uris) {
      try {
        const path = fileURLToPath(uri).replace(/(?<![\\/])[\\/]+$/, '');
        this.folders.push({ uri, path, name: path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) });
      } catch {
        this.host.log?.(`The workspace folder ${uri} is not on disk; its postmortems are not indexed.`);
      }
    }
    this.folders.sort((a, b) => b.path.length - a.path.length);
    await this.rescan();
  }

  /** Lists every folder again and (re)checks every file: after a settings or configuration change. */
  async rescan(): Promise<void> {
    this.settingsCache.clear();
    this.configs.clear();
    this.scanning++;
    try {
      const seen = new Set<string>();
      for (const f of this.folders) {
        for (const rel of await listMarkdown(f.path)) {
          const uri = pathToFileURL(`${f.path}/${rel}`).href;
          seen.add(uri);
          this.enqueue(uri);
        }
      }
      let removed = false;
      for (const uri of [...this.entries.keys()]) {
        if (!seen.has(uri)) removed = this.entries.delete(uri) || removed;
      }
      if (removed) this.touch();
    } finally {
      this.scanning--;
    }
    await this.whenIdle();
  }

  /**
   * Follows `workspace/didChangeWatchedFiles`: type 1 created, 2 changed, 3 deleted. Resolves when the
   * changes are indexed.
   */
  filesChanged(changes: ReadonlyArray<{ uri: string; type: number }>): Promise<void> {
    let config = false;
    let removed = false;
    for (const c of changes) {
      if (/\/\.postmortemrc\.(?:ya?ml|json)$/i.test(c.uri)) {
        config = true;
        continue;
      }
      if (!isMarkdownPath(c.uri)) continue;
      if (c.type === 3) removed = this.entries.delete(c.uri) || removed;
      else this.enqueue(c.uri);
    }
    if (removed) this.touch();
    return config ? this.rescan() : this.whenIdle();
  }

  /** Settings changed (postmortem.files, files.exclude): every file is checked again. */
  settingsChanged(): Promise<void> {
    return this.rescan();
  }

  /** Resolves when nothing is queued or running. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private enqueue(uri: string): void {
    if (!this.queued.has(uri)) {
      this.queued.add(uri);
      this.queue.push(uri);
    }
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
        this.host.changed();
      });
    }
  }

  private touch(): void {
    this.similarCache = undefined;
    if (!this.running) this.host.changed();
  }

  private async run(): Promise<void> {
    let reporter: ProgressReporter | undefined;
    let done = 0;
    try {
      // The first file waits for the scan to list the rest, so the progress total is right.
      await nextTick();
      reporter = await this.host.progress('Indexing postmortems');
      while (this.queue.length) {
        // Yield, and let the open documents go first.
        await nextTick();
        while (this.host.isBusy()) await nextTick();
        const uri = this.queue.shift()!;
        this.queued.delete(uri);
        try {
          await this.update(uri);
        } catch (err) {
          this.host.log?.(`Indexing ${uri} failed; it is left out. ${err instanceof Error ? err.message : String(err)}`);
        }
        done++;
        reporter.report(done, done + this.queue.length, `${done} of ${done + this.queue.length} files`);
      }
    } finally {
      reporter?.done();
    }
  }

  private folderOf(path: string): Folder | undefined {
    return this.folders.find((f) => path.toLowerCase().startsWith(f.path.toLowerCase() + '/') || path.toLowerCase().startsWith(f.path.toLowerCase() + '\\'));
  }

  private settingsOf(folder: Folder): Promise<IndexSettings> {
    let s = this.settingsCache.get(folder.uri);
    if (!s) this.settingsCache.set(folder.uri, (s = this.host.settings(folder.uri)));
    return s;
  }

  private drop(uri: string): void {
    if (this.entries.delete(uri)) this.similarCache = undefined;
  }

  /** Reads, checks and (when its content is new) analyses one file. */
  private async update(uri: string): Promise<void> {
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
    const folder = this.folderOf(path);
    if (!folder) return this.drop(uri);
    const rel = path
      .slice(folder.path.length + 1)
      .split('\\')
      .join('/');
    const settings = await this.settingsOf(folder);
    // A README or index page is left out as in the CLI's report, unless it was opted in (Check This File).
    if (isSkippedPath(rel) || excludeMatcher(settings.exclude)(rel) || (isIndexPage(rel) && !this.host.isOptedIn?.(uri))) return this.drop(uri);
    const config = loadConfigFor(path, { stopAt: folder.path, cache: this.configs });
    if (config.ignored) return this.drop(uri);
    let text: string;
    try {
      const st = statSync(path);
      if (!st.isFile() || st.size > MAX_BYTES) return this.drop(uri);
      text = readFileSync(path, 'utf8');
    } catch {
      return this.drop(uri);
    }
    const shown = this.folders.length > 1 ? `${folder.name}/${rel}` : rel;
    const hash = hashOf(text);
    const known = this.entries.get(uri);
    if (known?.hash === hash && known.path === shown) return;
    const key = `${hash}\u0000${shown}\u0000${JSON.stringify(settings.files)}\u0000${JSON.stringify(config.options)}`;
    let facts = this.cache.get(key);
    if (facts === undefined) {
      if (!this.host.isPostmortem(uri, text, settings.files)) facts = null;
      else {
        // A document the server cannot afford is skipped with the notice the editor would show,
        // and remembered by content, so neither this run nor a restart's tries it again and again.
        const short = this.host.shortfall?.(text);
        if (short) {
          this.host.log?.(`${shown}: not indexed. ${short}`);
          this.cache.set(key, null);
          return this.drop(uri);
        }
        // The index keeps facts (review/facts.ts), never fixes: none are built.
        const result = await this.host.analyze(text, { ...config.options, fixes: false }, uri);
        if (!result) return; // a newer version of the file is queued
        facts = postmortemFacts(shown, text, result);
      }
      if (facts) this.analysed++;
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(key, facts);
    }
    if (!facts) return this.drop(uri);
    this.entries.set(uri, { uri, path: shown, hash, facts });
    this.similarCache = undefined;
  }
}
