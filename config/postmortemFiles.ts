/**
 * Which Markdown documents are postmortems (and get diagnostics).
 *
 * A document is checked when any of these holds:
 * 1. it was opted in this session (`postmortem/checkFile`, command "Postmortem: Check This File");
 * 2. its workspace-relative path matches one of the `postmortem.files` globs (a file outside every
 *    workspace folder is matched by its whole path; an untitled document has no path);
 * 3. its text declares a postmortem (`isPostmortemText` from the core: front matter
 *    `type: postmortem` / `postmortem: true`, or a first heading naming a postmortem or incident review).
 *
 * Globs are matched case-insensitively with picomatch (extglobs off, wildcards bounded: ./globs.ts), dot files included. A glob without a `/`
 * matches the file name alone (`*postmortem*` matches `docs/2026-03-api-postmortem.md`).
 */
import { compileGlob } from './globs';
import { isPostmortemText } from '../core';

/** True for a path or URI of a Markdown file (`.md`, `.markdown`, any case). */
export function isMarkdownPath(p: string): boolean {
  return /\.(?:md|markdown)$/i.test(p);
}

/** Never searched for postmortems, by the CLI or the workspace index (hidden folders neither). */
export const ALWAYS_SKIPPED_GLOBS = ['**/node_modules/**', '**/.git/**'];

/** Defaults of `postmortem.files`; package.json's `contributes.configuration` states the same list. */
export const DEFAULT_FILE_GLOBS: readonly string[] = ['**/postmortems/**', '**/post-mortems/**', '**/incidents/**', '**/*postmortem*', '**/*post-mortem*'];

type Matcher = (path: string) => boolean;

/** Compiles globs into one test; invalid globs are left out (and reported through `onBadGlob`). */
export function compileGlobs(globs: readonly string[], onBadGlob?: (glob: string, err: unknown) => void): Matcher {
  const full: Matcher[] = [];
  const base: Matcher[] = [];
  for (const g of globs) {
    if (typeof g !== 'string' || !g.trim()) continue;
    const glob = g.trim().replace(/\\/g, '/').replace(/^\.\//, '');
    try {
      (glob.includes('/') ? full : base).push(compileGlob(glob, { nocase: true }));
    } catch (err) {
      onBadGlob?.(g, err);
    }
  }
  return (path) => {
    if (full.some((m) => m(path))) return true;
    if (!base.length) return false;
    const name = path.slice(path.lastIndexOf('/') + 1);
    return base.some((m) => m(name));
  };
}

/** The decoded path of a URI, or undefined for a URI without a usable path. */
function uriPath(uri: string): { scheme: string; authority: string; path: string } | undefined {
  try {
    const u = new URL(uri);
    return { scheme: u.protocol, authority: u.host, path: decodeURIComponent(u.pathname) };
  } catch {
    return undefined;
  }
}

export class PostmortemFiles {
  private folders: Array<{ scheme: string; authority: string; path: string }> = [];
  private readonly optedIn = new Set<string>();
  private matchers = new Map<string, Matcher>();

  constructor(private readonly onBadGlob?: (glob: string, err: unknown) => void) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = [];
    for (const uri of uris) {
      const p = uriPath(uri);
      if (p) this.folders.push({ ...p, path: p.path.replace(/(?<!\/)\/+$/, '') });
    }
    // The longest folder first, so nested workspace folders win.
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  optIn(uri: string): void {
    this.optedIn.add(uri);
  }

  isOptedIn(uri: string): boolean {
    return this.optedIn.has(uri);
  }

  /**
   * The path globs are matched against: relative to the innermost workspace folder holding the
   * document, else the whole path without its leading '/'. Undefined for untitled documents.
   */
  relativePath(uri: string): string | undefined {
    const p = uriPath(uri);
    if (!p || p.scheme === 'untitled:' || !p.path) return undefined;
    const lower = (s: string) => s.toLowerCase();
    for (const f of this.folders) {
      if (f.scheme !== p.scheme || f.authority !== p.authority) continue;
      if (lower(p.path).startsWith(lower(f.path) + '/')) return p.path.slice(f.path.length + 1);
    }
    return p.path.replace(/^\/+/, '');
  }

  matchesGlobs(uri: string, globs: readonly string[]): boolean {
    const rel = this.relativePath(uri);
    if (rel === undefined) return false;
    const key = JSON.stringify(globs);
    let m = this.matchers.get(key);
    if (!m) {
      m = compileGlobs(globs, this.onBadGlob);
      if (this.matchers.size > 16) this.matchers.clear();
      this.matchers.set(key, m);
    }
    return m(rel);
  }

  /** Whether the document gets postmortem diagnostics. */
  isPostmortem(uri: string, text: string, globs: readonly string[]): boolean {
    return this.isOptedIn(uri) || this.matchesGlobs(uri, globs) || isPostmortemText(text);
  }
}
