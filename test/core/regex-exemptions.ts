/**
 * Patterns recheck finds super-linear (or cannot decide) that stay as they are, each with the reason
 * it is bounded where it is used. Keys are `/source/flags`. Read by regex-budget.test.ts.
 */
export const REGEX_EXEMPTIONS = new Map<string, string>([]);
