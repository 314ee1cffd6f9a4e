/**
 * Writing fixed files: only files the run was given (or found by expanding its folders and globs),
 * each written atomically (a temporary file in the same folder, then a rename, so a reader never sees a
 * half-written file), keeping the file's permissions. A file is written only at a real path that is a
 * Markdown file inside the folder its operand named (see `writableTarget`).
 */
import { chmodSync, lstatSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';

export type WriteOutcome = { written: true; path: string } | { written: false; reason: string };

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a fixed file may be written: its real path, or why not. The real path (every symbolic link
 * resolved) must be a regular Markdown file inside the real path of `root`, the folder the operand
 * named: a link to a file elsewhere, to a file that is not Markdown, a dangling link, or a path
 * through a linked folder that leads out is refused.
 */
export function writableTarget(absPath: string, root: string): { path: string } | { reason: string } {
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch (err) {
    return { reason: `cannot resolve the path (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = resolve(root);
  }
  if (!inside(realRoot, real)) return { reason: 'its real path (through a symbolic link) is outside the folder it was given in' };
  if (!/\.(?:md|markdown)$/i.test(real)) return { reason: 'its real path (through a symbolic link) is not a Markdown file' };
  if (lstatSync(real).isSymbolicLink() || !statSync(real).isFile()) return { reason: 'it is not a regular file' };
  return { path: real };
}

export function writeAtomically(absPath: string, text: string, root: string): WriteOutcome {
  const target = writableTarget(absPath, root);
  if ('reason' in target) return { written: false, reason: target.reason };
  const mode = statSync(target.path).mode & 0o7777;
  const tmp = join(dirname(target.path), `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode });
    chmodSync(tmp, mode);
    renameSync(tmp, target.path);
    return { written: true, path: target.path };
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    return { written: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}

/** A unified diff of one file (`--- a/path`, `+++ b/path`), or '' when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const p = path.split('\\').join('/');
  const patch = createTwoFilesPatch(`a/${p}`, `b/${p}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "===" header line jsdiff writes first; keep the standard ---/+++ lines.
  return patch.replace(/^=+\n/, '').replace(/^Index: .*\n/, '');
}
