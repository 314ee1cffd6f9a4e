/**
 * One-pass multi-phrase matching. A phrase list (literal phrases, never user regular expressions) is
 * compiled once into a single alternation, longest phrase first, bounded by non-word characters; one
 * scan of a text finds every phrase of every entry. Literals only, so no input can make it slow.
 */

import { fastPaths } from '../engine/fastPaths';

export interface PhraseHit<T> {
  start: number;
  end: number;
  phrase: string;
  entry: T;
}

/** Folds case and typographic apostrophes without changing the text's length. */
export function fold(s: string): string {
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
 * Kept: see fastPaths.phraseTrie for what it saves (bench/fastpaths.ts).
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

const NO_HITS: never[] = [];

export class PhraseMatcher<T> {
  private readonly trieRe: RegExp | undefined;
  private flatRe: RegExp | undefined;
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
    if (keys.length) this.trieRe = new RegExp(phraseSource(keys), 'gu');
  }

  private get re(): RegExp | undefined {
    if (fastPaths.phraseTrie || !this.trieRe) return this.trieRe;
    return (this.flatRe ??= new RegExp(flatPhraseSource([...this.byPhrase.keys()]), 'gu'));
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
    const re = this.re;
    if (!re) return hits;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded))) {
      const phrase = m[0].replace(/\s+/g, ' ');
      const entry = this.byPhrase.get(phrase);
      if (entry !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, phrase, entry });
      if (m[0].length === 0) re.lastIndex++;
    }
    re.lastIndex = 0;
    return hits;
  }

  /** `scan(s.text, s.folded)` for every sentence; a sentence without any hit shares one empty array. */
  scanSentences(sentences: ReadonlyArray<{ folded: string }>): Array<ReadonlyArray<PhraseHit<T>>> {
    if (!this.trieRe) return new Array(sentences.length).fill(NO_HITS);
    return sentences.map((s) => {
      const hits = this.scan('', s.folded);
      return hits.length ? hits : NO_HITS;
    });
  }
}
