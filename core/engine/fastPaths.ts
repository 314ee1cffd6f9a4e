/**
 * Special paths kept only for speed. Each gives the same result as the general code beside it (a
 * property test per path says so); each stays only while bench/fastpaths.ts measures it saving at
 * least 5% of a keystroke's re-analysis or of the CLI's time on a corpus. The switches exist for that
 * bench alone: nothing else turns a path off, so the core's results never depend on them.
 *
 * Measured and removed (issue 21), each under 5% of both figures: flat front matter read without
 * yaml, name-first patterns tried only at capitals, the "by <Name>" / prefix prechecks of
 * person-as-cause, placeholder-text's pattern hints, the NUL-joined sentence scan, fold's whole-string
 * lower-casing, LineIndex's indexOf path, and one-character prechecks ('@', ',', ':').
 */
export const fastPaths = {
  /**
   * match.ts: a phrase list compiled as a trie rather than one alternative per phrase. Off, a keystroke
   * takes 5x (3.5 KB) to 11x (100 KB) and the 48-document corpus 45x (bench/fastpaths.ts).
   */
  phraseTrie: true,
  /**
   * clauses.ts, human-error-root-cause.ts: a native search for the words an expression needs first.
   * Off, a keystroke in a 100 KB postmortem takes 7% to 18% longer (bench/fastpaths.ts).
   */
  clausePrechecks: true,
  /**
   * parse.ts: GFM's literal-autolink transform run only on the text nodes that could hold a literal,
   * instead of its four walks over the whole tree. Off, the 48 generated postmortems take 10.5% longer
   * and a keystroke in a 100 KB one 7.1% (the 36 realset postmortems: 12.6%; bench/fastpaths.ts).
   */
  literalAutolinkByNode: true,
  /**
   * parse.ts: GFM's email-literal and table constructs left out of text where they cannot match. Off,
   * the 48 generated postmortems take 16.8% longer and a keystroke in a 3.5 KB one 11.8% (the 36
   * realset postmortems: 21.4%; bench/fastpaths.ts).
   */
  gfmConstructGates: true,
};

export type FastPath = keyof typeof fastPaths;

/** For bench/fastpaths.ts only: turn one path off (or on again) to measure what it saves. */
export function setFastPath(name: FastPath, on: boolean): void {
  fastPaths[name] = on;
}
