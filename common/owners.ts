/**
 * Whose an action item is: the people an owner field names and whether one of them is "me" (the
 * `postmortem.me` setting). The Action Items view's "mine" filter runs it in the client, on the items
 * the server sent; here so that the client need not import the review.
 */
/** A person's handle or name reduced for comparison: "@Priya", "priya", "Priya " -> "priya". */
export function normalizeHandle(s: string): string {
  return s.replace(/[*_`]/g, '').trim().replace(/^@+/, '').toLowerCase().replace(/\s+/g, ' ');
}

/** The people an owner field names: "@kim, @noor", "Kim & Noor", "kim / noor" -> ["kim", "noor"]. */
export function ownersOf(owner: string | undefined): string[] {
  if (!owner) return [];
  return owner
    .split(/(?:(?<!\s)\s+)?(?:,|;|&|\/|\+|\band\b)\s*/i)
    .map(normalizeHandle)
    .filter(Boolean);
}

/**
 * True when the owner field names `me` (the `postmortem.me` setting): one of its people equals the
 * handle, or is a full name whose first word is the handle ("Priya Raman" for "priya").
 */
export function isMine(owner: string | undefined, me: string): boolean {
  const handle = normalizeHandle(me);
  if (!handle) return false;
  return ownersOf(owner).some((o) => o === handle || o.split(' ')[0] === handle || o.replace(/\s+/g, '') === handle.replace(/\s+/g, ''));
}
