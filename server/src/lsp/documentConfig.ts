/**
 * Configuration in the language server: the analysis options of each document, and the problems of
 * the configuration files as diagnostics on those files.
 *
 * - A document on disk gets `loadConfigFor(path, { stopAt: its workspace folder, fallback: the
 *   postmortem.* settings })` — the loader the CLI uses, so both give one verdict. Untitled documents
 *   (and other schemes) use the settings only.
 * - Options are resolved once per document version and configuration epoch. The epoch moves when a
 *   watched configuration file changes, an open configuration document is edited or closed, the
 *   settings change or the workspace folders change. A configuration file edited on disk without a
 *   file watcher is still picked up at the document's next version (the loader re-reads files whose
 *   size or modification time changed).
 * - An open configuration document's unsaved text is what counts in the editor (its problems are
 *   shown as you type, and postmortems are re-checked with it); `postmortem-lint` reads the saved file.
 * - Each problem becomes a diagnostic on the configuration file (source `postmortem`, code
 *   `config-invalid`, at the offending key or value). A file's diagnostics are sent again only when
 *   they change; a file whose problems are fixed gets an empty list.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { ConfigCache, loadConfigFor, type ConfigProblem } from '../../../config';
import { CONFIG_FILE_NAMES, configFromSettings, configToOptions, mergeConfigs, parseConfigText, SETTINGS_KEYS, type SettingsKey } from '../../../config/schema';
import { LineIndex, lastLineStart, type AnalyzeOptions } from '../../../core';
import { SOURCE } from './diagnostics';

/** Diagnostic code of every configuration problem. */
export const CONFIG_PROBLEM_CODE = 'config-invalid';

/** The glob the server asks the client to watch (workspace/didChangeWatchedFiles). */
export const CONFIG_FILE_GLOB = '**/.postmortemrc.{yaml,yml,json}';

const CONFIG_NAME = new Set<string>(CONFIG_FILE_NAMES);

/** True when the URI names a configuration file (`.postmortemrc.yaml`, `.yml` or `.json`). */
export function isConfigUri(uri: string): boolean {
  // What uri.replace(/[?#].*$/, '') gives: `.*$` reaches the end only from the last line.
  const last = lastLineStart(uri);
  const query = uri.slice(last).search(/[?#]/);
  const bare = query < 0 ? uri : uri.slice(0, last + query);
  try {
    return CONFIG_NAME.has(decodeURIComponent(bare.slice(bare.lastIndexOf('/') + 1)));
  } catch {
    return false;
  }
}

/** The file system path of a `file:` URI, or undefined. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The options a document is analysed with, and where they came from. */
export interface ResolvedConfig {
  /** Analysis options without `today` (the server adds it). */
  options: AnalyzeOptions;
  /** Identity of `options` (their JSON): an analysis is reused only for the same key. */
  key: string;
  /** The document matches an `ignore` glob of a configuration file that applies to it. */
  ignored: boolean;
  /** Configuration files used, farthest first; empty when the settings apply. */
  files: string[];
  /** The document's path, for documents on disk. */
  fsPath?: string;
  /** The workspace folder holding the document (where discovery stops). */
  workspaceFolder?: string;
}

type RawSettings = Partial<Record<SettingsKey, unknown>>;

/** A configuration file's problems computed from text (an open document's unsaved text). */
function problemsOfText(file: string, text: string): { parsed: ReturnType<typeof parseConfigText>; problems: ConfigProblem[] } {
  const t = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const parsed = parseConfigText(t, /\.json$/i.test(file) ? 'json' : 'yaml');
  const lines = new LineIndex(t);
  return {
    parsed,
    problems: parsed.problems.map((p) => ({
      file,
      message: p.message,
      range: { start: lines.position(p.span.start), end: lines.position(p.span.end) },
      offsets: p.span,
    })),
  };
}

/** Parsed files from disk, except for configuration documents open in the editor: their unsaved text wins. */
class OverlayConfigCache extends ConfigCache {
  readonly overlays = new Map<string, { uri: string; version: number; text: string; parsed: ReturnType<ConfigCache['read']> }>();

  override read(file: string): ReturnType<ConfigCache['read']> {
    return this.overlays.get(file)?.parsed ?? super.read(file);
  }
}

export class ServerConfig {
  private readonly cache = new OverlayConfigCache();
  private readonly rawSettings = new WeakMap<object, RawSettings>();
  private readonly resolved = new Map<string, { version: number; epoch: number; settings: object; value: ResolvedConfig }>();
  /** Last diagnostics sent per configuration file (path -> JSON), to send only changes. */
  private readonly sent = new Map<string, string>();
  private folders: string[] = [];
  private epoch = 0;

  constructor(
    private readonly send: (uri: string, diagnostics: Diagnostic[], version?: number) => void,
    private readonly warnOnce: (key: string, message: string) => void,
  ) {}

  /** Keeps the `postmortem.*` settings object the client sent with the settings the server read from it. */
  withRaw<T extends object>(settings: T, raw: unknown): T {
    if (raw && typeof raw === 'object') {
      const picked: RawSettings = {};
      for (const k of SETTINGS_KEYS) picked[k] = (raw as Record<string, unknown>)[k];
      this.rawSettings.set(settings, picked);
    }
    return settings;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris
      .map(fsPathOf)
      .filter((p): p is string => !!p)
      .sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  /** Something every document's options may depend on changed (settings, folders). */
  invalidate(): void {
    this.epoch++;
  }

  /** The innermost workspace folder holding `fsPath`. */
  workspaceFolderOf(fsPath: string): string | undefined {
    return this.folders.find((f) => {
      const rel = relative(f, fsPath);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  }

  /** The options for a document (memoised per version, configuration epoch and settings object). */
  resolve(uri: string, version: number, settings: object): ResolvedConfig {
    const hit = this.resolved.get(uri);
    if (hit && hit.version === version && hit.epoch === this.epoch && hit.settings === settings) return hit.value;
    const fallback = configFromSettings(this.rawSettings.get(settings) ?? {});
    for (const p of fallback.problems)
      this.warnOnce(`settings:${p.path.join('.')}:${p.message}`, `postmortem settings: ${p.message}; that setting is ignored.`);
    const fsPath = fsPathOf(uri);
    let value: ResolvedConfig;
    if (!fsPath) {
      const options = configToOptions(mergeConfigs([fallback.config]));
      value = { options, key: JSON.stringify(options), ignored: false, files: [] };
    } else {
      const workspaceFolder = this.workspaceFolderOf(fsPath);
      const loaded = loadConfigFor(fsPath, { stopAt: workspaceFolder, cache: this.cache, fallback: fallback.config });
      value = {
        options: loaded.options,
        key: JSON.stringify(loaded.options),
        ignored: loaded.ignored,
        files: loaded.files,
        fsPath,
        ...(workspaceFolder ? { workspaceFolder } : {}),
      };
      this.report(loaded.files, loaded.problems);
    }
    this.resolved.set(uri, { version, epoch: this.epoch, settings, value });
    return value;
  }

  forget(uri: string): void {
    this.resolved.delete(uri);
  }

  /** The text of a configuration file as the editor has it (open and unsaved), else undefined. */
  openText(file: string): { uri: string; version: number; text: string } | undefined {
    return this.cache.overlays.get(file);
  }

  /**
   * An open configuration document changed (or was opened): its problems are sent at once. Returns
   * true when its text differs from what the options were computed with (documents need a re-check).
   */
  configDocumentChanged(uri: string, version: number, text: string): boolean {
    const file = fsPathOf(uri);
    if (!file) {
      // An untitled configuration document: its problems still help while writing it.
      this.send(uri, toDiagnostics(problemsOfText(uri, text).problems), version);
      return false;
    }
    const before = this.cache.overlays.get(file) ?? undefined;
    const { parsed, problems } = problemsOfText(file, text);
    this.cache.overlays.set(file, { uri, version, text, parsed: { config: parsed.config, problems, mtimeMs: -1, size: text.length } });
    this.report([file], problems, true);
    if (before?.text === text) return false;
    this.epoch++;
    return true;
  }

  /** An open configuration document was closed: the file on disk counts again. */
  configDocumentClosed(uri: string): void {
    const file = fsPathOf(uri);
    if (!file) {
      this.send(uri, []);
      return;
    }
    this.cache.overlays.delete(file);
    this.epoch++;
    this.report(
      [file],
      this.cache.read(file).problems.filter((p) => !/no such file/.test(p.message)),
      true,
    );
  }

  /**
   * Files changed on disk (workspace/didChangeWatchedFiles; other watchers report other files too).
   * Returns true when a configuration file was among them, so open documents need a re-check.
   */
  watchedFilesChanged(changes: readonly FileEvent[]): boolean {
    const configChanges = changes.filter((c) => isConfigUri(c.uri));
    if (!configChanges.length) return false;
    this.cache.clear();
    this.epoch++;
    for (const c of configChanges) {
      const file = fsPathOf(c.uri);
      if (!file || this.cache.overlays.has(file)) continue;
      if (c.type === FileChangeType.Deleted) this.report([file], [], true);
      else this.report([file], this.cache.read(file).problems, true);
    }
    return true;
  }

  /** Sends the problems of `files` that differ from what was sent last (all of them when `force`). */
  private report(files: readonly string[], problems: readonly ConfigProblem[], force = false): void {
    const byFile = new Map<string, ConfigProblem[]>(files.map((f) => [f, []]));
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    for (const [file, list] of byFile) {
      const diagnostics = toDiagnostics(list);
      const json = JSON.stringify(diagnostics);
      const open = this.cache.overlays.get(file);
      if (!force && this.sent.get(file) === json) continue;
      if (!force && !this.sent.has(file) && !diagnostics.length) {
        // Nothing was ever sent for a clean file: there is nothing to clear.
        this.sent.set(file, json);
        continue;
      }
      this.sent.set(file, json);
      this.send(open?.uri ?? pathToFileURL(file).href, diagnostics, open?.version);
    }
  }
}

function toDiagnostics(problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    range: p.range,
    severity: DiagnosticSeverity.Error,
    code: CONFIG_PROBLEM_CODE,
    source: SOURCE,
    message: p.message,
  }));
}
