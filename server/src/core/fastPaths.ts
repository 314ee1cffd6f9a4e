/**
 * Special paths kept only for speed. Each gives the same result as the general code beside it (a
 * property test per path says so); each stays only while bench/fastpaths.ts measures it saving at
 * least 5% of a keystroke's re-analysis or of the CLI's time on a corpus. The switches exist for that
 * bench alone: nothing else turns a path off, so the core's results never depend on them.
 */
export const fastPaths = {
  /** extract/flatYaml.ts: flat `key: value` front matter read without the YAML library. */
  flatYaml: true,
  /** rules/person-as-cause.ts: name-first patterns tried only where a name can start. */
  nameStarts: true,
  /** rules/person-as-cause.ts: "by <Name>" / "<prefix> <Name>" looked for before the slow patterns. */
  personPrechecks: true,
  /** rules/placeholder-text.ts: a pattern skipped when the text lacks its hint. */
  placeholderHints: true,
  /** match.ts, people.ts: all sentences scanned at once, joined by NUL. */
  joinedScan: true,
  /** match.ts: fold() lower-cases the whole string when no character can change length. */
  foldWhole: true,
  /** match.ts: a phrase list compiled as a trie rather than one alternative per phrase. */
  phraseTrie: true,
  /** clauses.ts, human-error-root-cause.ts: a native search for the words an expression needs first. */
  clausePrechecks: true,
  /** lineIndex.ts: line starts found by indexOf when the text has no CR. */
  lineIndexNoCr: true,
  /** people.ts, metadata-missing.ts: a one-character search ('@', ',', ':') before a pattern. */
  charPrechecks: true,
};

export type FastPath = keyof typeof fastPaths;

/** For bench/fastpaths.ts only: turn one path off (or on again) to measure what it saves. */
export function setFastPath(name: FastPath, on: boolean): void {
  fastPaths[name] = on;
}
