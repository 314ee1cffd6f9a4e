/**
 * Patterns recheck finds super-linear that stay as they are, each with its reason; keys are
 * `/source/flags`. Read by regex-budget.test.ts, which runs recheck without wall-clock cuts (its
 * verdicts are the same on any machine) and fails on any flagged pattern not listed here, and on an
 * entry whose pattern is gone.
 *
 * Empty: every pattern of the sources is linear by recheck's verdict. An entry is for a pattern recheck
 * is wrong about, or one that never sees user input (its reason says what it reads). A pattern reached
 * from document text is rewritten instead (no nested or adjacent unbounded quantifiers over the same
 * characters; see core/language/regexp.ts for linear helpers), with a property test against the old
 * pattern (test/core/regex-rewrite-*.test.ts).
 */
export const REGEX_EXEMPTIONS = new Map<string, string>([]);
