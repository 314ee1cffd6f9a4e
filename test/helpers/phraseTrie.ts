/** The shape of a compiled phrase list, proved instead of asked of recheck (test/core/regex-budget.test.ts). */

const WORD_START = '(?<![\\p{L}\\p{N}-])';
const WORD_END = '(?![\\p{L}\\p{N}]|-\\p{L})';
/** The word edge written once after the whole alternation (core/language/match.ts PHRASE_END): fixed-width lookarounds. */
const PHRASE_END = `(?:(?<=[\\p{L}\\p{N}])${WORD_END}|(?<![\\p{L}\\p{N}]))`;

/**
 * True when `source` is a phrase list compiled by core/language/match.ts phraseSource: a trie of literal
 * characters with `\s+` between words and fixed word-edge lookarounds, where every `\s+` is followed
 * by a literal character (directly or as the first character of each alternative of a group). Its only
 * quantifier can never give back a character to what follows, so a match attempt reads at most the
 * longest phrase plus one run of spaces: linear. recheck cannot decide these (a trie of hundreds of
 * phrases is larger than its automaton checker takes, and its fuzzer times out on it), so the test
 * proves the shape instead of asking recheck, for every list built now or later.
 */
export function isPhraseTrie(source: string): boolean {
  const tokens: string[] = [];
  for (let i = 0; i < source.length;) {
    const rest = source.slice(i);
    const fixed = [PHRASE_END, WORD_START, WORD_END, '(?:', '\\s+'].find((t) => rest.startsWith(t));
    if (fixed) {
      tokens.push(fixed);
      i += fixed.length;
    } else if (source[i] === '\\') {
      if (!/[^\p{L}\p{N}]/u.test(source[i + 1] ?? 'a')) return false; // \d, \w, \b, \p{…}: not a literal
      tokens.push(source.slice(i, i + 2));
      i += 2;
    } else if ('|)'.includes(source[i])) tokens.push(source[i++]);
    else if ('[]{}()*+?.^$'.includes(source[i])) return false;
    else tokens.push(source[i++]);
  }
  const literal = (t: string | undefined) => t !== undefined && ![PHRASE_END, WORD_START, WORD_END, '(?:', '\\s+', '|', ')'].includes(t);
  /** True when every alternative starting at token `k` starts with a literal. */
  const startsLiteral = (k: number): boolean => {
    if (tokens[k] !== '(?:') return literal(tokens[k]);
    if (!startsLiteral(k + 1)) return false;
    for (let j = k + 1, depth = 0; j < tokens.length; j++) {
      if (tokens[j] === '(?:') depth++;
      else if (tokens[j] === ')' && depth-- === 0) return true;
      else if (tokens[j] === '|' && depth === 0 && !startsLiteral(j + 1)) return false;
    }
    return false;
  };
  return tokens.every((t, k) => t !== '\\s+' || startsLiteral(k + 1));
}
