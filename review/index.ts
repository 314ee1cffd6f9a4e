/**
 * Learning across postmortems, the pure part: facts of one analysed postmortem (facts.ts), the
 * report built from many (build.ts) and its renderers (markdown.ts, json.ts), factor clustering and
 * categories (factors.ts, categories.ts), action-item buckets (actionItemStatus.ts), and the input of the
 * similar-incidents ranking (similarTerms.ts).
 */
export * from './facts';
export * from './actionItemStatus';
export * from './build';
export * from './factors';
export * from './markdown';
export * from './json';
export * from './similarTerms';
export { CATEGORIES, UNCATEGORISED } from './categories';
