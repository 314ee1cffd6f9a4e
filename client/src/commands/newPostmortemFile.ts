/**
 * The pure parts of "Postmortem: New Postmortem": the file name from the date and title, a name that
 * does not overwrite an existing file, the folder setting and the date typed in. No vscode import, so
 * tests run it directly; the command (newPostmortem.ts) only asks, writes and opens.
 */

/** Longest slug, in characters; longer titles are cut at a word boundary. */
export const MAX_SLUG = 60;

/** "Checkout queue stalled (EU) — 2nd time" -> "checkout-queue-stalled-eu-2nd-time". Never empty. */
export function slugify(title: string, max = MAX_SLUG): string {
  let slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    const cut = slug.slice(0, max + 1);
    const dash = cut.lastIndexOf('-');
    slug = (dash > max / 2 ? cut.slice(0, dash) : slug.slice(0, max)).replace(/-+$/, '');
  }
  return slug || 'incident';
}

/** `<YYYY-MM-DD>-<slug>.md` */
export function postmortemFileName(date: string, title: string): string {
  return `${date}-${slugify(title)}.md`;
}

/** The name itself when free, else the first free of `name-2.md`, `name-3.md`, … */
export function uniqueFileName(name: string, exists: (candidate: string) => boolean): string {
  if (!exists(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}${ext}`;
    if (!exists(candidate)) return candidate;
  }
}

/** Async variant of `uniqueFileName`, for file systems that answer asynchronously. */
export async function uniqueFileNameAsync(name: string, exists: (candidate: string) => Promise<boolean>, limit = 1000): Promise<string> {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; n <= limit; n++) {
    const candidate = n === 1 ? name : `${stem}-${n}${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
  throw new Error(`${limit} files named like ${name} already exist.`);
}

/**
 * The `postmortem.newFileFolder` setting as path segments inside the workspace folder: slashes of
 * either kind, no empty, "." or ".." segments (a folder outside the workspace is not allowed).
 * Returns undefined for a value that tries to leave the workspace or is absolute.
 */
export function folderSegments(setting: string | undefined): string[] | undefined {
  const raw = (setting ?? '').trim();
  if (/^(?:[A-Za-z]:)?[\\/]/.test(raw) || /^~/.test(raw)) return undefined;
  const parts = raw.split(/[\\/]+/).filter((p) => p && p !== '.');
  if (parts.includes('..')) return undefined;
  return parts;
}

/** Why a typed date is not usable, or undefined when it is a real calendar date written YYYY-MM-DD. */
export function dateProblem(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return 'Write the date as YYYY-MM-DD, for example 2026-03-14.';
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return `${value.trim()} is not a calendar date.`;
  return undefined;
}

/** Why a title is not usable, or undefined. */
export function titleProblem(value: string): string | undefined {
  return value.trim() ? undefined : 'Give the incident a short title, for example "Checkout queue stalled after a config push".';
}
