/**
 * Finding the Markdown files of a workspace folder, and the exclusions the editor asks for: the
 * `files.exclude` setting (VS Code's glob map; a pattern that matches a folder excludes what is in it)
 * and the `ignore` globs of the configuration files (config). node_modules, .git and hidden
 * folders are never searched, as in the CLI.
 */
import fg from 'fast-glob';
import { compileGlob } from '../../../config/globs';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export function isMarkdownPath(p: string): boolean {
  return /\.(?:md|markdown)$/i.test(p);
}

/** Workspace-relative paths (with '/') of the Markdown files below `folderPath`, sorted. */
export async function listMarkdown(folderPath: string): Promise<string[]> {
  const found = await fg(['**/*.md', '**/*.markdown'], {
    cwd: folderPath,
    ignore: ALWAYS_SKIPPED,
    onlyFiles: true,
    dot: false,
    caseSensitiveMatch: false,
    followSymbolicLinks: false,
    suppressErrors: true,
  });
  return found.sort();
}

/** True for paths inside node_modules, .git or a hidden folder (what listMarkdown never finds). */
export function isSkippedPath(rel: string): boolean {
  return rel.split('/').some((seg, i, all) => seg === 'node_modules' || (seg.startsWith('.') && i < all.length - 1));
}

/**
 * A test for `files.exclude`: `{ "**\/dist": true, "**\/*.tmp.md": true, "x": false }`. Only patterns
 * set to `true` count (a `{ when: … }` sibling condition cannot be checked without the folder listing,
 * so it is left out). A path is excluded when it or one of its parent folders matches.
 */
export function excludeMatcher(exclude: unknown): (rel: string) => boolean {
  if (!exclude || typeof exclude !== 'object') return () => false;
  const globs = Object.entries(exclude as Record<string, unknown>)
    .filter(([g, on]) => on === true && typeof g === 'string' && g.trim())
    .map(([g]) => g.trim().replace(/^\.\//, ''));
  if (!globs.length) return () => false;
  let match: (p: string) => boolean;
  try {
    match = compileGlob(globs);
  } catch {
    return () => false;
  }
  return (rel) => {
    const segs = rel.split('/');
    for (let i = 1; i <= segs.length; i++) if (match(segs.slice(0, i).join('/'))) return true;
    return false;
  };
}
