/**
 * Contributing factors and root causes across postmortems: normalised to comparable word stems,
 * clustered so that differently worded statements of the same factor meet, and sorted into categories
 * (a written label, else the keyword table in categories.ts). The same stems feed the similar-incidents
 * ranking (similarTerms.ts), so "alerts waited" and "the alert waits" are alike everywhere.
 */
import { CATEGORIES, UNCATEGORISED } from './categories';
import { allMatches } from '../core/language/regexp';

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
  return s
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
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

/** A label written before the factor ("Monitoring: …", "**Testing** — …"), with the text after it. */
export function splitLabel(text: string): { label?: string; rest: string } {
  const m = /^\s*(?:\*\*|__)?\s*(?:category\s*:\s*)?([\p{L}][\p{L}&/ -]{1,30}?)\s*(?:\*\*|__)?\s*(?::|\s[—–]\s)(?:\s*(?:\*\*|__))?\s+(\S.*)$/su.exec(text);
  if (!m) return { rest: text };
  const label = m[1].trim();
  // A label is a short name, not the start of a sentence ("We noticed: …" is not a category).
  if (label.split(/\s+/).length > 3 || /^(?:we|the|our|it|this|that|there|note|root cause|because|why|problem)\b/i.test(label)) return { rest: text };
  return { label, rest: m[2] };
}

function keywordPattern(keywords: string[]): RegExp {
  const alt = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt})`, 'iu');
}
const CATEGORY_PATTERNS = CATEGORIES.map((c) => ({ name: c.name, re: keywordPattern(c.keywords) }));

/** A category written explicitly: "Category: Hiring — …" at the start, or "(category: hiring)" / "[category: hiring]" anywhere. */
export function explicitCategory(text: string): string | undefined {
  const m =
    /^\s*(?:\*\*|__)?\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*(?:\*\*|__)?\s*(?:[:—–]|\s-\s|$)/iu.exec(text) ??
    /[([]\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*[)\]]/iu.exec(text);
  return m?.[1].trim() || undefined;
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
