/**
 * Finding and reading configuration files: the one loader the language server and the CLI share, so a
 * file gets the same verdict in the editor and in CI. (The schema and the merging rules are pure and
 * live in the core: config/schema.ts.)
 *
 * Discovery: from the file's folder upward, each folder's `.postmortemrc.yaml`, `.postmortemrc.yml` or
 * `.postmortemrc.json` (the first of these that exists) is used. The search stops at a file with
 * `root: true`, at the `stopAt` folder (the workspace folder), at a repository root (a folder holding
 * `.git`), or at the file system's root. Nearer files override farther ones.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compileGlob } from './globs';
import { CONFIG_FILE_NAMES, configToOptions, mergeConfigs, parseConfigText, type Config } from './schema';
import { LineIndex, type AnalyzeOptions } from '../core';

/** A problem in a configuration file, with where it stands (0-based lines and UTF-16 characters, as in LSP). */
export interface ConfigProblem {
  /** Absolute path of the configuration file. */
  file: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The same place as offsets into the file's text. */
  offsets: { start: number; end: number };
}

export interface LoadedConfig {
  /** Analysis options for the file: defaults, then each config file from the farthest to the nearest. */
  options: AnalyzeOptions;
  /** Problems in the configuration files that were read (the valid rest of each file still applies). */
  problems: ConfigProblem[];
  /** The configuration files used, farthest first. Empty when none was found. */
  files: string[];
  /** True when the file matches an `ignore` glob of one of those files. */
  ignored: boolean;
}

export interface LoadOptions {
  /** Do not look above this folder (the workspace folder). */
  stopAt?: string;
  /** Use this configuration file only, instead of discovery (the CLI's --config). */
  configFile?: string;
  /** Reuses parsed files between calls; see ConfigCache. */
  cache?: ConfigCache;
  /**
   * The configuration to use when no configuration file applies: the server passes the `postmortem.*`
   * settings here (see configFromSettings in config/schema.ts).
   */
  fallback?: Config;
}

/** The configuration files that apply to a folder, merged (`ignored` is per file). */
type MergedConfig = Omit<LoadedConfig, 'ignored'> & { chain: Array<{ file: string; config: Config }> };

interface ParsedFile {
  config: Config;
  problems: ConfigProblem[];
  mtimeMs: number;
  size: number;
}

/**
 * Parsed configuration files by path, re-read when their size or modification time changes. The server
 * keeps one and calls `clear()` when a configuration file is created or deleted.
 *
 * A cache made `forOneRun` (the CLI: one run, over files that do not change while it reads them) also
 * remembers which configuration files apply to each folder and what they merge to, and reads each file
 * once: a run over 1,000 files in one folder looked for the configuration files of each file on its
 * own, about 20 file-system lookups a file, and did it before any file was linted.
 */
export class ConfigCache {
  private files = new Map<string, ParsedFile>();
  /** Only when forOneRun: the files that apply to a folder (by folder and stopAt), and their merge (by that list). */
  private readonly found?: Map<string, string[]>;
  private readonly merged?: Map<string, MergedConfig>;

  constructor(opts: { forOneRun?: boolean } = {}) {
    if (opts.forOneRun) {
      this.found = new Map();
      this.merged = new Map();
    }
  }

  /** @internal */
  read(file: string): ParsedFile {
    const hit = this.files.get(file);
    if (hit && this.found) return hit;
    let st;
    try {
      st = statSync(file);
    } catch (err) {
      return { config: {}, problems: [ioProblem(file, err)], mtimeMs: -1, size: -1 };
    }
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const parsed = { ...readConfigFile(file), mtimeMs: st.mtimeMs, size: st.size };
    this.files.set(file, parsed);
    return parsed;
  }

  /** @internal The configuration files that apply to files in `dir` (see findConfigFiles). */
  discover(dir: string, stopAt: string | undefined): string[] {
    if (!this.found) return configFilesFrom(dir, stopAt);
    const key = `${dir}\u0000${stopAt ?? ''}`;
    let files = this.found.get(key);
    if (!files) this.found.set(key, (files = configFilesFrom(dir, stopAt)));
    return files;
  }

  /** @internal The merge of `candidates` (nearest first), remembered when forOneRun. */
  merge(candidates: string[], fallback: Config | undefined, build: () => MergedConfig): MergedConfig {
    if (!this.merged || fallback) return build();
    const key = candidates.join('\u0000');
    let m = this.merged.get(key);
    if (!m) this.merged.set(key, (m = build()));
    return m;
  }

  clear(): void {
    this.files.clear();
    this.found?.clear();
    this.merged?.clear();
  }
}

function ioProblem(file: string, err: unknown): ConfigProblem {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a folder'
          : err instanceof Error
            ? err.message
            : String(err);
  return {
    file,
    message: `cannot read the configuration file: ${why}`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offsets: { start: 0, end: 0 },
  };
}

/** The largest configuration file read (a real one is a few kilobytes). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and checks one configuration file. Never throws. */
export function readConfigFile(file: string): { config: Config; problems: ConfigProblem[] } {
  let text: string;
  try {
    // Only a regular file of a sane size is read: a FIFO or a device (/dev/zero) would block or never
    // end, and a huge file would be held in memory whole.
    const st = statSync(file);
    if (!st.isFile())
      return { config: {}, problems: [ioProblem(file, Object.assign(new Error('not a regular file'), { code: st.isDirectory() ? 'EISDIR' : undefined }))] };
    if (st.size > MAX_CONFIG_BYTES)
      return {
        config: {},
        problems: [
          ioProblem(
            file,
            new Error(
              `it has ${st.size.toLocaleString('en-US')} bytes, more than the ${MAX_CONFIG_BYTES.toLocaleString('en-US')} a configuration file may have`,
            ),
          ),
        ],
      };
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { config: {}, problems: [ioProblem(file, err)] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  const parsed = parseConfigText(text, /\.json$/i.test(file) ? 'json' : 'yaml');
  const lines = new LineIndex(text);
  return {
    config: parsed.config,
    problems: parsed.problems.map((p) => ({
      file,
      message: p.message,
      range: { start: lines.position(p.span.start), end: lines.position(p.span.end) },
      offsets: p.span,
    })),
  };
}

/** True when `p` is a file (or, with `orFolder`, a folder). */
function exists(p: string, orFolder: boolean): boolean {
  try {
    // Most lookups find nothing: no error is made (and thrown) for a missing file.
    const st = statSync(p, { throwIfNoEntry: false });
    return !!st && (st.isFile() || (orFolder && st.isDirectory()));
  } catch {
    return false;
  }
}

/** The configuration files that apply to a file, nearest first (before `root: true` cuts the list). */
export function findConfigFiles(filePath: string, stopAt?: string): string[] {
  return configFilesFrom(dirname(resolve(filePath)), stopAt);
}

/** findConfigFiles for the files of folder `start`. */
function configFilesFrom(start: string, stopAt?: string): string[] {
  const out: string[] = [];
  let dir = start;
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const name = CONFIG_FILE_NAMES.find((n) => exists(join(dir, n), false));
    if (name) out.push(join(dir, name));
    if (dir === stop || exists(join(dir, '.git'), true)) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/** True when `absPath` matches one of the `ignore` globs of a config file, relative to that file's folder. */
function ignoredBy(configFile: string, globs: string[] | undefined, absPath: string): boolean {
  if (!globs?.length) return false;
  const rel = relative(dirname(configFile), absPath);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false;
  const path = rel.split(sep).join('/');
  return globs.some((g) => {
    try {
      return compileGlob(g)(path);
    } catch {
      return false; // a glob over the limits of ../globs.ts matches nothing
    }
  });
}

const defaultCache = new ConfigCache();

/**
 * The analysis options for one file, from the configuration files that apply to it, and the problems
 * found in those files. Never throws.
 */
export function loadConfigFor(filePath: string, opts: LoadOptions = {}): LoadedConfig {
  const cache = opts.cache ?? defaultCache;
  const abs = resolve(filePath);
  const candidates = opts.configFile ? [resolve(opts.configFile)] : cache.discover(dirname(abs), opts.stopAt);
  const { chain, ...loaded } = cache.merge(candidates, opts.fallback, () => {
    const chain: Array<{ file: string; config: Config }> = [];
    const problems: ConfigProblem[] = [];
    for (const file of candidates) {
      const parsed = cache.read(file);
      problems.push(...parsed.problems);
      chain.push({ file, config: parsed.config });
      if (parsed.config.root) break;
    }
    chain.reverse();
    const merged = chain.length ? mergeConfigs(chain.map((c) => c.config)) : mergeConfigs(opts.fallback ? [opts.fallback] : []);
    return { options: configToOptions(merged), problems, files: chain.map((c) => c.file), chain };
  });
  return { ...loaded, ignored: chain.some((c) => ignoredBy(c.file, c.config.ignore, abs)) };
}

/** The name of a configuration file, for messages ("a.md: .postmortemrc.yaml: ..."). */
export function configFileLabel(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file || basename(file);
}
