/** Documents above this size (in UTF-16 units) are skipped with one notice, unless options say otherwise. */
export const DEFAULT_MAX_SIZE = 2_000_000;
