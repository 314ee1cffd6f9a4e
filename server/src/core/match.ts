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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

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
    if (keys.length) {
      // Word phrases need a non-word character (or the edge) on both sides; punctuation phrases ("!!") do not.
      const alt = keys.map((k) => {
        // A hyphen joins words: "lazy-loaded" is not "lazy", "re-careless" not "careless".
        const startW = /^[\p{L}\p{N}]/u.test(k) ? '(?<![\\p{L}\\p{N}-])' : '';
        const endW = /[\p{L}\p{N}]$/u.test(k) ? '(?![\\p{L}\\p{N}]|-\\p{L})' : '';
        return startW + escape(k) + endW;
      });
      this.re = new RegExp(alt.join('|'), 'gu');
    }
  }

  get size(): number {
    return this.byPhrase.size;
  }

  /** Every non-overlapping hit in `text`, left to right (the longest phrase wins at a position). */
  scan(text: string): Array<PhraseHit<T>> {
    if (!this.re) return [];
    const folded = fold(text);
    const hits: Array<PhraseHit<T>> = [];
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(folded))) {
      const phrase = m[0].replace(/\s+/g, ' ');
      const entry = this.byPhrase.get(phrase);
      if (entry !== undefined) hits.push({ start: m.index, end: m.index + m[0].length, phrase, entry });
      if (m[0].length === 0) this.re.lastIndex++;
    }
    return hits;
  }
}
