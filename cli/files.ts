/**
 * Operands -> the files to lint.
 * - A path to a file is always linted, whatever its name or content, and keeps its spelling in the output.
 * - A folder expands to every Markdown file (.md, .markdown) below it, skipping node_modules, .git,
 *   hidden files and folders, and symbolic links to folders.
 * - Anything else with glob characters expands to the Markdown files it matches (same skips).
 * Files found by expansion are not filtered by "does this look like a postmortem": point the CLI at
 * the folders that hold postmortems, and leave out the rest with the config's `ignore` globs.
 * The order is stable: operands in the order given, each expansion sorted; duplicates keep their first place.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fg from 'fast-glob';
import { IoError, UsageError } from './errors';

export interface FileTarget {
  /** The path as written (explicit files) or as found (operand folder + relative path). */
  path: string;
  absPath: string;
  /** Named on the command line itself (not found by expanding a folder or glob). */
  explicit: boolean;
  /**
   * The folder the operand names (a folder operand itself, a file operand's folder, a glob's static
   * part): --fix writes a file only when its real path is a Markdown file inside this folder's real path.
   */
  root: string;
}

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export function isMarkdownPath(p: string): boolean {
  return /\.(?:md|markdown)$/i.test(p);
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ExpandOptions {
  cwd: string;
  /** Files found by expansion for which this returns true are left out (config `ignore`). */
  isIgnored?: (absPath: string) => boolean;
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code ?? (err instanceof Error ? err.message : String(err));
}

/** The folder part of a glob before its first segment with glob characters. */
function globBase(op: string, cwd: string): string {
  const parts = op.split(/[\\/]/);
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (fg.isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return resolve(cwd, fixed.join('/') || '.');
}

export async function expandOperands(operands: string[], opts: ExpandOptions): Promise<FileTarget[]> {
  const out: FileTarget[] = [];
  const seen = new Set<string>();
  const add = (t: FileTarget) => {
    if (seen.has(t.absPath)) return;
    seen.add(t.absPath);
    out.push(t);
  };
  const found = (absPath: string) => !opts.isIgnored?.(absPath);

  for (const op of operands) {
    const abs = resolve(opts.cwd, op);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException)?.code === 'ENOENT' && fg.isDynamicPattern(op)) {
        const matches = await fg(op, { cwd: opts.cwd, ignore: ALWAYS_SKIPPED, onlyFiles: true, dot: false, followSymbolicLinks: false });
        const md = matches.filter(isMarkdownPath).sort(byCodeUnit);
        if (!md.length) throw new UsageError(`no Markdown files match "${op}"`);
        for (const m of md) {
          const a = resolve(opts.cwd, m);
          if (found(a)) add({ path: m, absPath: a, explicit: false, root: globBase(op, opts.cwd) });
        }
        continue;
      }
      throw new IoError(`cannot read "${op}": ${describeFsError(err)}`);
    }
    if (stat.isDirectory()) {
      const matches = await fg(
        MARKDOWN_EXTENSIONS.map((e) => `**/*.${e}`),
        { cwd: abs, ignore: ALWAYS_SKIPPED, onlyFiles: true, dot: false, caseSensitiveMatch: false, followSymbolicLinks: false },
      );
      for (const m of matches.sort(byCodeUnit)) {
        const a = join(abs, m);
        if (found(a)) add({ path: join(op, m), absPath: a, explicit: false, root: abs });
      }
      continue;
    }
    add({ path: op, absPath: abs, explicit: true, root: dirname(abs) });
  }
  return out;
}
