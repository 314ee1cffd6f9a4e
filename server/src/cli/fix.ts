/**
 * Writing fixed files: only files the run was given (or found by expanding its folders and globs),
 * each written atomically (a temporary file in the same folder, then a rename, so a reader never sees a
 * half-written file), keeping the file's permissions. A path that goes through a symbolic link is
 * written only when the link's target is inside the working folder; otherwise it is refused.
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

/** Where a fixed file may be written: its real path, or why not. */
export function writableTarget(absPath: string, cwd: string): { path: string } | { reason: string } {
  let real: string;
  try {
    real = realpathSync(absPath);
  } catch (err) {
    return { reason: `cannot resolve the path (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  if (real !== resolve(absPath)) {
    let root: string;
    try {
      root = realpathSync(cwd);
    } catch {
      root = resolve(cwd);
    }
    if (!inside(root, real)) return { reason: 'it is reached through a symbolic link that leads outside the working folder' };
  }
  if (lstatSync(real).isSymbolicLink() || !statSync(real).isFile()) return { reason: 'it is not a regular file' };
  return { path: real };
}

export function writeAtomically(absPath: string, text: string, cwd: string): WriteOutcome {
  const target = writableTarget(absPath, cwd);
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
