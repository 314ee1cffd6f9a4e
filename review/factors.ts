/**
 * Contributing factors and root causes across postmortems: normalised to comparable word stems,
 * clustered so that differently worded statements of the same factor meet, and sorted into categories
 * (a written label, else the keyword table in categories.ts). The same stems feed the similar-incidents
 * ranking (similarTerms.ts), so "alerts waited" and "the alert waits" are alike everywhere.
 */
import { CATEGORIES, UNCATEGORISED } from './categories';
import { allMatches, linksToText } from '../core';

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu;

/** Words that carry no meaning for comparing factors. */
export const STOP_WORDS = new Set(
  (
    'a an the and or but nor of to in on at by for from with without into onto over under about after before during ' +
    'is are was were be been being am do does did done has have had having it its this that these those there their ' +
    'them they we our us you your he she his her i me my not no none so than then too very can could would should ' +
    'will may might must shall also just only any some all each every more most less least such other which who whom ' +
    'what when where why how because while until since as if again once both either neither one two three ' +
    'incident issue problem cause caused causing due lack lacked lacking factor'
  ).split(/\s+/),
);

/** A light English stemmer: enough to make "alerts", "alerting" and "alerted" one stem; not a linguist. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (/(?:sses|xes|ches|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  // "stopped" -> "stopp" -> "stop"; "queued" -> "queu"
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Markup and a leading label removed, whitespace folded. */
export function plainText(s: string): string {
  return linksToText(s.replace(/`([^`]*)`/g, '$1'))
    .replace(/[*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The content words of a text, stemmed, in order (duplicates kept). */
export function terms(s: string): string[] {
  const out: string[] = [];
  for (const m of allMatches(WORD, plainText(s).toLowerCase())) {
    const w = m[0].replace(/['’]s$/, '').replace(/(?<!['’-])['’-]+$/, '');
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    const st = stem(w);
    if (st.length >= 3 && !STOP_WORDS.has(st)) out.push(st);
  }
  return out;
}

// Labels are read by the small scanners below rather than by one pattern each: the patterns'
// lazy labels, which may hold spaces, met runs of `\s*` around bold markers and separators, and a
// run of spaces was split every way on a line that failed (quadratic). Each scanner does what its
// pattern did (written in its comment), in linear time; test/core/regex-rewrite-lines.test.ts
// compares them with the patterns.

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const boldAt = (s: string, i: number): boolean => s.startsWith('**', i) || s.startsWith('__', i);
function skipSpaces(s: string, i: number): number {
  while (i < s.length && /\s/.test(s[i])) i++;
  return i;
}
const LABEL_FIRST = /^\p{L}$/u;
const LABEL_REST = /^[\p{L}&/ -]$/u;

/**
 * The shortest label at `p` that `after` accepts, as `[\p{L}][\p{L}&/ -]{min,30}?` reads it (lengths in
 * code points), with what `after` gave (a position, or -1 for no). `after(w, spaced)` is told where
 * the first non-space at or after the label's end is, and whether spaces came before it: every end
 * inside one run of spaces gets the same answer, so a run is read once, and asked about once.
 */
function shortestLabel(s: string, p: number, min: number, after: (w: number, spaced: boolean) => number): { end: number; at: number } | undefined {
  const c0 = s.codePointAt(p);
  if (c0 === undefined || !LABEL_FIRST.test(String.fromCodePoint(c0))) return undefined;
  let q = p + (c0 > 0xffff ? 2 : 1);
  let w = -1;
  let askedW = -1;
  let askedSpaced = false;
  for (let count = 0; ; count++) {
    if (count >= min) {
      if (q >= w) w = skipSpaces(s, q);
      const spaced = w > q;
      if (w !== askedW || spaced !== askedSpaced) {
        const at = after(w, spaced);
        if (at >= 0) return { end: q, at };
        askedW = w;
        askedSpaced = spaced;
      }
    }
    const c = s.codePointAt(q);
    if (count === 30 || c === undefined || !LABEL_REST.test(String.fromCodePoint(c))) return undefined;
    q += c > 0xffff ? 2 : 1;
  }
}

/** Where a written category's label begins after "category:" at `i` (its case as `flags` say), or -1. */
const CATEGORY_WORD = /category\s*:\s*/y;
const CATEGORY_WORD_I = /category\s*:\s*/iy;
function afterCategoryWord(re: RegExp, s: string, i: number): number {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : -1;
}

/**
 * After a factor label: spaces, a bold marker, spaces, then ":" or " — " (or " – "), then an optional
 * bold marker, spaces, and the text. Where the text starts, or -1.
 */
function factorLabelEnd(s: string, w: number, spaced: boolean): number {
  let e = -1;
  if (boldAt(s, w)) {
    const w2 = skipSpaces(s, w + 2);
    e = s[w2] === ':' ? w2 + 1 : w2 > w + 2 && (s[w2] === '—' || s[w2] === '–') && isSpace(s[w2 + 1]) ? w2 + 2 : -1;
  } else e = s[w] === ':' ? w + 1 : spaced && (s[w] === '—' || s[w] === '–') && isSpace(s[w + 1]) ? w + 2 : -1;
  if (e < 0) return -1;
  const w3 = skipSpaces(s, e);
  if (boldAt(s, w3)) {
    const w4 = skipSpaces(s, w3 + 2);
    if (w4 > w3 + 2 && w4 < s.length) return w4;
  }
  return w3 > e && w3 < s.length ? w3 : -1;
}

/**
 * A label written before the factor ("Monitoring: …", "**Testing** — …"), with the text after it.
 * The label is what group 1 of
 * `/^\s*(?:\*\*|__)?\s*(?:category\s*:\s*)?([\p{L}][\p{L}&/ -]{1,30}?)\s*(?:\*\*|__)?\s*(?::|\s[—–]\s)(?:\s*(?:\*\*|__))?\s+(\S.*)$/su`
 * gave, and the text its group 2.
 */
export function splitLabel(text: string): { label?: string; rest: string } {
  let i = skipSpaces(text, 0);
  if (boldAt(text, i)) i = skipSpaces(text, i + 2);
  const afterWord = afterCategoryWord(CATEGORY_WORD, text, i);
  const found = (afterWord >= 0 ? labelWith(text, afterWord) : undefined) ?? labelWith(text, i);
  if (!found) return { rest: text };
  const label = found.label.trim();
  // A label is a short name, not the start of a sentence ("We noticed: …" is not a category).
  if (label.split(/\s+/).length > 3 || /^(?:we|the|our|it|this|that|there|note|root cause|because|why|problem)\b/i.test(label)) return { rest: text };
  return { label, rest: found.rest };
}

function labelWith(text: string, p: number): { label: string; rest: string } | undefined {
  const l = shortestLabel(text, p, 1, (w, spaced) => factorLabelEnd(text, w, spaced));
  return l && { label: text.slice(p, l.end), rest: text.slice(l.at) };
}

function keywordPattern(keywords: string[]): RegExp {
  const alt = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})`, 'iu');
}
const CATEGORY_PATTERNS = CATEGORIES.map((c) => ({ name: c.name, re: keywordPattern(c.keywords) }));

/** After a leading written category: spaces, a bold marker, spaces, then ":", "—", "–", " - " or the end. */
function leadingCategoryEnd(s: string, w: number, spaced: boolean): boolean {
  if (boldAt(s, w)) {
    const w2 = skipSpaces(s, w + 2);
    return w2 === s.length || s[w2] === ':' || s[w2] === '—' || s[w2] === '–' || (w2 > w + 2 && s[w2] === '-' && isSpace(s[w2 + 1]));
  }
  return w === s.length || s[w] === ':' || s[w] === '—' || s[w] === '–' || (spaced && s[w] === '-' && isSpace(s[w + 1]));
}

/**
 * A category written explicitly: "Category: Hiring — …" at the start, or "(category: hiring)" /
 * "[category: hiring]" anywhere. What group 1 of
 * `/^\s*(?:\*\*|__)?\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*(?:\*\*|__)?\s*(?:[:—–]|\s-\s|$)/iu`,
 * else of `/[([]\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*[)\]]/iu`, gave (trimmed).
 */
export function explicitCategory(text: string): string | undefined {
  return (leadingCategory(text) ?? bracketedCategory(text))?.trim() || undefined;
}

function leadingCategory(text: string): string | undefined {
  let i = skipSpaces(text, 0);
  if (boldAt(text, i)) i = skipSpaces(text, i + 2);
  const p = afterCategoryWord(CATEGORY_WORD_I, text, i);
  const l = p < 0 ? undefined : shortestLabel(text, p, 0, (w, spaced) => (leadingCategoryEnd(text, w, spaced) ? w : -1));
  return l && text.slice(p, l.end);
}

function bracketedCategory(text: string): string | undefined {
  for (let o = 0; o < text.length; o++) {
    if (text[o] !== '(' && text[o] !== '[') continue;
    const p = afterCategoryWord(CATEGORY_WORD_I, text, skipSpaces(text, o + 1));
    const l = p < 0 ? undefined : shortestLabel(text, p, 0, (w) => (text[w] === ')' || text[w] === ']' ? w : -1));
    if (l) return text.slice(p, l.end);
  }
  return undefined;
}

function knownCategory(name: string): string | undefined {
  const lower = name.toLowerCase();
  const byName = CATEGORIES.find((c) => c.name.toLowerCase() === lower || c.name.toLowerCase().split(/ and /).includes(lower));
  if (byName) return byName.name;
  return CATEGORY_PATTERNS.find((c) => c.re.test(` ${name} `))?.name;
}

/**
 * The categories of a factor: a category written explicitly ("Category: hiring — …", "(category:
 * capacity)") names it, by a known category's name or keywords or else as written; a leading label
 * that names a known category ("Monitoring: …", "**Testing:** …") names that one; otherwise every
 * category whose keywords the factor contains, else Uncategorised. A descriptive label ("Retry storm:
 * …") is not a category; its words count as keywords like the rest.
 */
export function categoriesOf(text: string): string[] {
  const plain = plainText(text);
  const explicit = explicitCategory(plain);
  if (explicit) return [knownCategory(explicit) ?? explicit.charAt(0).toUpperCase() + explicit.slice(1).toLowerCase()];
  const { label } = splitLabel(plain);
  if (label) {
    const lower = label.toLowerCase();
    const named = CATEGORIES.find((c) => c.name.toLowerCase() === lower || c.name.toLowerCase().split(/ and /).includes(lower));
    if (named) return [named.name];
    // A one- or two-word label that is a category's keyword ("Alerting:", "Capacity:") names it.
    if (label.split(/\s+/).length <= 2) {
      const byKeyword = CATEGORY_PATTERNS.find((c) => c.re.test(` ${label} `));
      if (byKeyword) return [byKeyword.name];
    }
  }
  const padded = ` ${plain} `;
  const found = CATEGORY_PATTERNS.filter((c) => c.re.test(padded)).map((c) => c.name);
  return found.length ? found : [UNCATEGORISED];
}

// ---------------------------------------------------------------------------------------------
// Clustering
// ---------------------------------------------------------------------------------------------

export interface FactorInput {
  /** Which postmortem (an index or a path); a cluster recurs when it holds two or more. */
  postmortem: string;
  text: string;
}

export interface FactorCluster {
  /** The member that shares the most words with the others (the shortest on a tie). */
  label: string;
  /** Stems that at least half of the members share, most shared first. */
  shared: string[];
  members: FactorInput[];
  /** Distinct postmortems, in the order they first appear. */
  postmortems: string[];
}

/** True when two term sets say the same thing: at least two shared stems, and they cover most of the shorter one or much of both. */
export function alike(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  if (shared < 2) return false;
  const overlap = shared / Math.min(a.size, b.size);
  const dice = (2 * shared) / (a.size + b.size);
  return overlap >= 0.67 || dice >= 0.5;
}

/**
 * Connects alike term sets (union-find parents; components are the single-link clusters) without
 * comparing every pair: alike sets share at least two stems, so they meet in the bucket of some pair of
 * stems; identical sets are joined at once; and a pair already connected is not compared again. The
 * components are those of comparing every pair (a property test checks it); the work grows with the
 * pairs of statements that share two stems, not with the square of all statements.
 */
export function linkAlike(sets: ReadonlyArray<ReadonlySet<string>>): number[] {
  const parent = sets.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const firstOf = new Map<string, number>();
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (set.size < 2) return;
    const tokens = [...set].sort();
    const key = tokens.join(' ');
    const same = firstOf.get(key);
    if (same !== undefined) {
      union(same, i);
      return;
    }
    firstOf.set(key, i);
    for (let a = 0; a < tokens.length; a++) {
      for (let b = a + 1; b < tokens.length; b++) {
        const k = `${tokens[a]}\u0000${tokens[b]}`;
        const list = buckets.get(k);
        if (list) list.push(i);
        else buckets.set(k, [i]);
      }
    }
  });
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (find(list[x]) !== find(list[y]) && alike(sets[list[x]], sets[list[y]])) union(list[x], list[y]);
      }
    }
  }
  return parent;
}

/**
 * Groups alike statements (single link: A~B and B~C put A, B and C together). Clusters are returned
 * with the most postmortems first, then the most members, then by label.
 */
export function clusterFactors(inputs: readonly FactorInput[]): FactorCluster[] {
  const sets = inputs.map((f) => new Set(terms(splitLabel(plainText(f.text)).rest)));
  const parent = linkAlike(sets);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const groups = new Map<number, number[]>();
  inputs.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const clusters: FactorCluster[] = [];
  for (const idx of groups.values()) {
    const members = idx.map((i) => inputs[i]);
    const counts = new Map<string, number>();
    for (const i of idx) for (const t of sets[i]) counts.set(t, (counts.get(t) ?? 0) + 1);
    const shared = [...counts.entries()]
      .filter(([, n]) => n >= Math.max(2, Math.ceil(idx.length / 2)))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t]) => t);
    let best = idx[0];
    let bestScore = -1;
    for (const i of idx) {
      let score = 0;
      for (const t of sets[i]) score += (counts.get(t) ?? 1) - 1;
      const text = plainText(inputs[i].text);
      if (score > bestScore || (score === bestScore && text.length < plainText(inputs[best].text).length)) {
        best = i;
        bestScore = score;
      }
    }
    clusters.push({ label: plainText(inputs[best].text), shared, members, postmortems: [...new Set(members.map((m) => m.postmortem))] });
  }
  return clusters.sort((a, b) => b.postmortems.length - a.postmortems.length || b.members.length - a.members.length || a.label.localeCompare(b.label));
}
