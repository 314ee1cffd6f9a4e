/**
 * Globs from configuration (`ignore` in .postmortemrc, `postmortem.files`, `files.exclude`, which an
 * untrusted workspace can set too) compiled so that matching stays linear: extglobs off (`+(*)b`
 * compiled to a nested quantifier took seconds on a 22-character name, and grows exponentially), and
 * a glob with more wildcards or characters than any real path pattern needs is refused as invalid.
 */
import picomatch from 'picomatch';

/** Most wildcards (`*`, `**`, `?`) one glob may have: adjacent stars match in polynomial time of that degree at most. */
export const MAX_GLOB_WILDCARDS = 8;
export const MAX_GLOB_LENGTH = 512;

export type GlobTest = (path: string) => boolean;

/** Throws for a glob over the limits (the callers report it as an invalid glob). */
export function compileGlob(glob: string | string[], options: { nocase?: boolean } = {}): GlobTest {
  for (const g of Array.isArray(glob) ? glob : [glob]) {
    if (g.length > MAX_GLOB_LENGTH) throw new Error(`the glob is longer than ${MAX_GLOB_LENGTH} characters`);
    const wildcards = (g.match(/\*+|\?/g) ?? []).length;
    if (wildcards > MAX_GLOB_WILDCARDS) throw new Error(`the glob has ${wildcards} wildcards, more than ${MAX_GLOB_WILDCARDS}`);
  }
  return picomatch(glob, { dot: true, noextglob: true, maxLength: MAX_GLOB_LENGTH, ...options });
}
