/**
 * One-pass multi-phrase matching. A phrase list (literal phrases, never user regular expressions) is
 * compiled once into a single alternation, longest phrase first, bounded by non-word characters; one
 * scan of a text finds every phrase of every entry. Literals only, so no input can make it slow.
 */

export interface PhraseHit<T> {
  start: number;
  end: number;
  phrase: string;
  entry: T;
}

const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Text where String#toLowerCase may differ from lower-casing one code unit at a time. */
const NOT_SIMPLE = /[\u03a3\ud800-\udfff]/;

/** Folds case and typographic apostrophes without changing the text's length. */
export function fold(s: string): string {
  // Fast path (nearly all text): lower-casing the whole string gives the same as code unit by code
  // unit when no character grows, no surrogate pair is involved and no final sigma depends on context.
  const lower = s.toLowerCase();
  if (lower.length === s.length && !NOT_SIMPLE.test(s)) return lower.replace(APOSTROPHES, "'");
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\u2019' || c === '\u2018' || c === '\u02bc') out += "'";
    else {
      const l = c.toLowerCase();
      out += l.length === 1 ? l : c;
    }
  }
  return out;
}

/** The plain alternation, one alternative per phrase, longest first: what `phraseSource` must equal (tests compare them). */
export function flatPhraseSource(keys: string[]): string {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return [...keys]
    .sort((a, b) => b.length - a.length)
    .map((k) => (/^[\p{L}\p{N}]/u.test(k) ? WORD_START : '') + escape(k) + (/[\p{L}\p{N}]$/u.test(k) ? WORD_END : ''))
    .join('|');
}

// A hyphen joins words: "lazy-loaded" is not "lazy", "re-careless" not "careless".
const WORD_START = '(?<![\\p{L}\\p{N}-])';
const WORD_END = '(?![\\p{L}\\p{N}]|-\\p{L})';
const WORDISH = /[\p{L}\p{N}]/u;

interface TrieNode {
  kids: Map<string, TrieNode>;
  end: boolean;
}

/**
 * The alternation of `keys` as a trie: "fail(?:ed|s|...)" rather than one alternative per phrase, so
 * the engine reads each character once per position instead of once per phrase (several times
 * faster on long lists). Word phrases need a non-word character (or the edge) on both sides;
 * punctuation phrases ("!!") do not. At every node the longer continuations are tried before the
 * phrase that ends there, so the longest phrase still wins at a position; two phrases can only both
 * match at one position when one is a prefix of the other, so this equals "longest first".
 */
export function phraseSource(keys: string[]): string {
  const root = trie(keys);
  const word: string[] = [];
  const other: string[] = [];
  for (const [ch, c] of root.kids) (WORDISH.test(ch) ? word : other).push(esc(ch) + emit(c));
  const alts = [...(word.length ? [`${WORD_START}(?:${word.join('|')})`] : []), ...other];
  return alts.length ? `(?:${alts.join('|')})${PHRASE_END}` : '';
}

/**
 * The word edge after a phrase, written once after the whole alternation instead of once per phrase:
 * a phrase ending in a letter or digit (the character just matched) needs WORD_END, one ending in
 * punctuation needs nothing. The engine backtracks into the alternation when it fails exactly as it
 * would at a per-phrase edge, so the hits are the same; the regex is a third of the size and compiles
 * several times faster (each `\p{L}` is a class of some 600 ranges), which is most of the start-up.
 */
const PHRASE_END = `(?:(?<=[\\p{L}\\p{N}])${WORD_END}|(?<![\\p{L}\\p{N}]))`;

function trie(keys: string[]): TrieNode {
  const root: TrieNode = { kids: new Map(), end: false };
  for (const k of keys) {
    let n = root;
    for (const ch of k) {
      let c = n.kids.get(ch);
      if (!c) {
        c = { kids: new Map(), end: false };
        n.kids.set(ch, c);
      }
      n = c;
    }
    n.end = true;
  }
  return root;
}

function esc(ch: string): string {
  if (ch === ' ') return '\\s+';
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternatives below a node: longer continuations first, then the end of a phrase (its word edge is PHRASE_END, after them all). */
function emit(n: TrieNode): string {
  const alts: string[] = [];
  for (const [ch, c] of n.kids) alts.push(esc(ch) + emit(c));
  if (n.end) alts.push('');
  return alts.length === 1 ? alts[0] : `(?:${alts.join('|')})`;
}

/**
 * What sentences are joined with to scan them in one pass. NUL is neither a letter, a digit, white
 * space nor part of any phrase or pattern the rules look for, so no match reaches across it and each
 * sentence edge reads as the edge of a text: the matches are those of the sentences one by one.
 */
export const SENTENCE_JOIN = '\u0000';

/** Sentences' folded texts joined by SENTENCE_JOIN, and where each starts: built once per sentence list. */
interface Joined {
  text: string;
  starts: number[];
}
const joinedLists = new WeakMap<ReadonlyArray<{ folded: string }>, Joined>();

function joined(sentences: ReadonlyArray<{ folded: string }>): Joined {
  let j = joinedLists.get(sentences);
  if (!j) {
    const starts: number[] = [];
    let at = 0;
    for (const s of sentences) {
      starts.push(at);
      at += s.folded.length + 1;
    }
    j = { text: sentences.map((s) => s.folded).join(SENTENCE_JOIN), starts };
    joinedLists.set(sentences, j);
  }
  return j;
}

const NO_HITS: never[] = [];

export class PhraseMatcher<T> {
  private readonly re: RegExp | undefined;
  private readonly byPhrase = new Map<string, T>();

  constructor(entries: Iterable<{ phrases: string[]; entry: T }>) {
    for (const { phrases, entry } of entries) {
      for (const p of phrases) {
        const key = fold(p).replace(/\s+/g, ' ').trim();
        if (!key) continue;
        if (!this.byPhrase.has(key)) this.byPhrase.set(key, entry);
      }
    }
    const keys = [...this.byPhrase.keys()].sort((a, b) => b.length - a.length);
    if (keys.length) this.re = new RegExp(phraseSource(keys), 'gu');
  }

  get size(): number {
    return this.byPhrase.size;
  }

  /**
   * Every non-overlapping hit in `text`, left to right (the longest phrase wins at a position).
   * `folded` is `fold(text)` when the caller has it already (a sentence's `folded`).
   */
  scan(text: string, folded = fold(text)): Array<PhraseHit<T>> {
    const hits: Array<PhraseHit<T>> = [];
    if (!this.re) return hits;
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(folded))) {
      const phrase = m[0].replace(/\s+/g, ' ');
      const entry = this.byPhrase.get(phrase);
      if (entry !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, phrase, entry });
      if (m[0].length === 0) this.re.lastIndex++;
    }
    this.re.lastIndex = 0;
    return hits;
  }

  /**
   * `scan(s.text, s.folded)` for every sentence, as one scan of their folded texts joined by
   * SENTENCE_JOIN: one pass instead of one per sentence (a property test compares the two). Hits are relative to their sentence; a sentence without any shares one
   * empty array.
   */
  scanSentences(sentences: ReadonlyArray<{ folded: string }>): Array<ReadonlyArray<PhraseHit<T>>> {
    const out: Array<ReadonlyArray<PhraseHit<T>>> = new Array(sentences.length).fill(NO_HITS);
    if (!this.re || !sentences.length) return out;
    const { text, starts } = joined(sentences);
    let i = 0;
    // Hits come in order: each belongs to the last sentence starting at or before it.
    for (const hit of this.scan(text, text)) {
      while (i + 1 < starts.length && starts[i + 1] <= hit.start) i++;
      hit.start -= starts[i];
      hit.end -= starts[i];
      if (out[i] === NO_HITS) out[i] = [hit];
      else (out[i] as Array<PhraseHit<T>>).push(hit);
    }
    return out;
  }
}
