/**
 * The little natural-language knowledge the rules need, from compromise (MIT): its lexicon of ~3,000
 * first names (tells "Desmond merged …" from "Terraform removed …" when no roster says so) and its
 * verb conjugation (rewrites "should have asked" as "nothing required … to ask"). It replaces a
 * hand-typed name list and hand-rolled conjugation. Measured: loading it costs ~200 ms once per
 * process, so it is loaded on first use (the server warms it up after start); name lookups read a
 * table generated from its lexicon (data/nameLexicon.generated.ts) and never load it.
 */
type Compromise = {
  (text: string): {
    verbs(): { toInfinitive(): { text(): string }; conjugate(): Array<Record<string, string>> };
    sentences(): { eq(n: number): { json(opts?: { terms?: boolean }): Array<{ sentence?: { subject?: string; verb?: string } }> } };
  };
  world(): { model: { one: { lexicon: Record<string, string | string[]> } } };
};

import { FIRST_NAMES, LAST_NAMES, OTHER_WORDS } from '../data/nameLexicon.generated';

let nlp: Compromise | undefined;
let uses = 0;

function load(): Compromise {
  uses++;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= require('compromise') as Compromise;
  return nlp;
}

/** How many times compromise was asked for in this process (tests check that a run needing none asks none). */
export function compromiseUses(): number {
  return uses;
}

/** Loads the lexicon now (call from a server's idle time), so the first analysis does not pay for it. */
export function warmUp(): void {
  load().world();
}

type WordKind = 'first' | 'last' | 'other';

/**
 * compromise's lexicon by kind of word, from the table scripts/gen-name-lexicon.ts generates from it,
 * so that looking a word up does not load compromise. Built on first use.
 */
let kinds: Map<string, WordKind> | undefined;

function kindOf(w: string): WordKind | undefined {
  if (!kinds) {
    kinds = new Map();
    for (const [list, kind] of [
      [FIRST_NAMES, 'first'],
      [LAST_NAMES, 'last'],
      [OTHER_WORDS, 'other'],
    ] as const)
      for (const x of list.split('\n')) kinds.set(x, kind);
  }
  // The lexicon was a plain object, where "constructor" and "__proto__" read as known (non-name) words.
  return kinds.get(w) ?? (w in Object.prototype ? 'other' : undefined);
}

/**
 * Words looked up, with their kind. A language server indexing a workspace looks up every capitalised
 * word of every postmortem (names, hosts, ticket ids), so the cache starts over past this many words
 * instead of growing for as long as the server runs.
 */
export const LOOKUP_CACHE_MAX = 20_000;
const tagCache = new Map<string, WordKind | undefined>();

/** How many words the lookup cache holds (for tests). */
export function lookupCacheSize(): number {
  return tagCache.size;
}

function lookUp(w: string): WordKind | undefined {
  if (!tagCache.has(w)) {
    if (tagCache.size >= LOOKUP_CACHE_MAX) tagCache.clear();
    // "José", "Zoë", "Łukasz": looked up as written, then without accents.
    tagCache.set(
      w,
      kindOf(w) ??
        (/[^\x00-\x7f]/.test(w) ? kindOf(w.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss')) : undefined),
    );
  }
  return tagCache.get(w);
}

/** 'first' for a known first name, 'last' for a known surname, else undefined. Case-insensitive. */
export function nameKind(word: string): 'first' | 'last' | undefined {
  const k = lookUp(word.toLowerCase());
  return k === 'other' ? undefined : k;
}

/** True when compromise's lexicon knows the word as something other than a name ("Monday", "Google"). */
export function knownNonName(word: string): boolean {
  return lookUp(word.toLowerCase()) === 'other';
}

const subjectTags = new Map<string, boolean>();

/**
 * Whether compromise's tagger reads the word, as the subject of a short clause, as a singular noun or a
 * name ("Ysolde", "Thirumalai"), not a plural, a verb, a gerund or an adjective ("Retries", "Caching",
 * "Brisk"). Only asked for the rare candidate a rule cannot decide otherwise; cached.
 */
export function taggedAsNameLike(word: string): boolean {
  let r = subjectTags.get(word);
  if (r === undefined) {
    const doc = load()(`${word} failed to start.`) as unknown as { json(): Array<{ terms: Array<{ tags: string[] }> }> };
    const tags = doc.json()[0]?.terms[0]?.tags ?? [];
    r = tags.includes('Person') || (tags.includes('Singular') && !tags.some((t) => /Verb|Plural|Adjective|Gerund|Adverb/.test(t)));
    if (subjectTags.size > 2000) subjectTags.clear();
    subjectTags.set(word, r);
  }
  return r;
}

const infCache = new Map<string, string>();

/** The infinitive of a verb form ("asked" -> "ask", "written" -> "write"); the word itself if unknown. */
export function infinitive(verb: string): string {
  const v = verb.toLowerCase();
  let r = infCache.get(v);
  if (r === undefined) {
    r = load()(v).verbs().toInfinitive().text() || v;
    // A past form compromise does not know alone ("spotted", "acknowledged") is read in a clause.
    if (r === v && /(?:ed|en)$/.test(v)) {
      const inClause = load()(`they have ${v} it`)
        .verbs()
        .toInfinitive()
        .text()
        .replace(/^have\s+/, '');
      if (inClause && !/\s/.test(inClause)) r = inClause;
    }
    if (infCache.size > 5000) infCache.clear();
    infCache.set(v, r);
  }
  return r;
}

const gerCache = new Map<string, string>();

/** The -ing form of an infinitive ("ask" -> "asking", "run" -> "running"). */
export function gerund(inf: string): string {
  const v = inf.toLowerCase();
  let r = gerCache.get(v);
  if (r === undefined) {
    r = load()(v).verbs().conjugate()[0]?.Gerund || (v.endsWith('e') && !v.endsWith('ee') ? v.slice(0, -1) : v) + 'ing';
    if (gerCache.size > 5000) gerCache.clear();
    gerCache.set(v, r);
  }
  return r;
}

/** Longest sentence `clauseShape` reads; a longer one is not read (and gets no rewrite). */
export const CLAUSE_SHAPE_MAX = 600;

/**
 * The subject and the verb compromise reads in the first sentence of `text` ('' for a part it does
 * not find), or undefined for a text too long to read. Rewrites are checked with it.
 */
const shapeCache = new Map<string, { subject: string; verb: string }>();

export function clauseShape(text: string): { subject: string; verb: string } | undefined {
  if (text.length > CLAUSE_SHAPE_MAX) return undefined;
  // Re-analysis after a keystroke reads the same rewrites again: each is parsed once.
  let shape = shapeCache.get(text);
  if (!shape) {
    // The first sentence only, without its terms: compromise computes `sentence` from its own parse
    // whatever json() is asked to include, and listing every term's tags was half of each call.
    const s = load()(text).sentences().eq(0).json({ terms: false })[0]?.sentence;
    shape = { subject: (s?.subject ?? '').trim(), verb: (s?.verb ?? '').trim() };
    if (shapeCache.size > 5000) shapeCache.clear();
    shapeCache.set(text, shape);
  }
  return shape;
}
