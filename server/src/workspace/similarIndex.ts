/**
 * Similar incidents: a full-text index of every indexed postmortem's contributing factors and root
 * causes, asked with the statements being written, answered with the earlier postmortems that said
 * something alike and which of their statements matched.
 *
 * Why MiniSearch: it is a maintained (regular releases through 2024-25), dependency-free, small
 * (~25 KB) in-memory full-text engine written in TypeScript that ranks by BM25+, the standard relevance
 * measure (rare shared words weigh more than common ones, long statements do not win by length), with
 * optional fuzzy matching for typos, and it takes our own tokenizer, so it indexes the factor stems of
 * review/factors.ts (stop words out, "alerts waited" = "the alert waits"). The alternatives fit
 * worse: lunr has not been released since 2020 and its index cannot change after it is built; Fuse.js
 * scores whole strings by edit distance with no term weighting, so common words decide; FlexSearch's
 * scores are not relevance scores and its API changed between releases.
 *
 * Ranking: each statement is one document; a postmortem's score is its best statement's score, and a
 * statement only counts when it shares at least two stems with the query (one shared word such as
 * "alert" does not make two incidents alike). At most `limit` postmortems, each scoring at least a
 * quarter of the best, are returned.
 */
import MiniSearch from 'minisearch';
import { isEarlier, similarityTerms, type PostmortemFacts } from '../../../review';
import type { FactRange } from '../../../review';

export interface SimilarCandidate {
  /** The postmortem's id (a URI). */
  id: string;
  facts: PostmortemFacts;
}

export interface SimilarMatch {
  text: string;
  kind: 'contributing factor' | 'root cause';
  range: FactRange;
}

export interface SimilarIncident {
  id: string;
  title: string;
  date?: string;
  score: number;
  /**
   * How much of what the two statements say they share, 0 to 1: the IDF-weighted overlap of their stems
   * (Dice: twice the weight shared over the weight of both). Only matches of MIN_RELEVANCE or more are named.
   */
  relevance: number;
  /** Stems shared with the query, most matches first. */
  terms: string[];
  /** The postmortem's statements that matched, best first. */
  matches: SimilarMatch[];
}

interface StatementDoc {
  id: number;
  postmortem: string;
  text: string;
  kind: SimilarMatch['kind'];
  range: FactRange;
}

export interface SimilarQuery {
  /** The statements being written (one or more). */
  text: string;
  /** The postmortem being written: it is never its own match. */
  excludeId?: string;
  /** Its incident date: only postmortems of earlier incidents (or without a date) are named. */
  before?: string;
  limit?: number;
}

/** Below this, two statements share words rather than a factor (one common pair of words is not a reason). */
export const MIN_RELEVANCE = 0.3;

export class SimilarIndex {
  private search: MiniSearch<StatementDoc> | undefined;
  private docs: StatementDoc[] = [];
  private docTerms: string[][] = [];
  private df = new Map<string, number>();
  private byId = new Map<string, PostmortemFacts>();

  /** Rebuilds the index from the candidates (a few milliseconds for hundreds of postmortems). */
  constructor(candidates: Iterable<SimilarCandidate>) {
    for (const c of candidates) {
      this.byId.set(c.id, c.facts);
      for (const s of c.facts.contributingFactors)
        this.docs.push({ id: this.docs.length, postmortem: c.id, text: s.text, kind: 'contributing factor', range: s.range });
      for (const s of c.facts.rootCauses) this.docs.push({ id: this.docs.length, postmortem: c.id, text: s.text, kind: 'root cause', range: s.range });
    }
  }

  /** Stems of each statement and how many statements hold each stem (for IDF), computed once. */
  private weights(): void {
    if (this.docTerms.length === this.docs.length) return;
    this.docTerms = this.docs.map((d) => similarityTerms(d.text));
    for (const ts of this.docTerms) for (const t of ts) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  private idf(term: string): number {
    return Math.log(1 + (this.docs.length + 1) / ((this.df.get(term) ?? 0) + 1));
  }

  /** IDF-weighted Dice overlap of the query's stems and a statement's. */
  private relevance(query: readonly string[], doc: number): number {
    const mine = new Set(this.docTerms[doc]);
    let shared = 0;
    let total = 0;
    for (const t of query) {
      const w = this.idf(t);
      total += w;
      if (mine.has(t)) shared += w;
    }
    for (const t of mine) total += this.idf(t);
    return total ? (2 * shared) / total : 0;
  }

  private engine(): MiniSearch<StatementDoc> {
    if (!this.search) {
      this.search = new MiniSearch<StatementDoc>({
        fields: ['text'],
        storeFields: [],
        tokenize: (text) => similarityTerms(text),
        // Terms are already lower-cased stems.
        processTerm: (term) => term,
      });
      this.search.addAll(this.docs);
    }
    return this.search;
  }

  get size(): number {
    return this.byId.size;
  }

  rank(q: SimilarQuery): SimilarIncident[] {
    const queryTerms = similarityTerms(q.text);
    if (queryTerms.length < 2 || !this.docs.length) return [];
    const hits = this.engine().search(queryTerms.join(' '), {
      combineWith: 'OR',
      // The query is already stems: split it, do not stem it again.
      tokenize: (s) => s.split(' '),
      // One edit in words of six letters or more: "recieve" still finds "receive".
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      weights: { fuzzy: 0.5, prefix: 0.5 },
    });
    this.weights();
    const best = new Map<string, SimilarIncident>();
    for (const h of hits) {
      if (new Set(h.queryTerms).size < 2) continue;
      const doc = this.docs[h.id as number];
      const relevance = this.relevance(queryTerms, doc.id);
      if (relevance < MIN_RELEVANCE) continue;
      if (doc.postmortem === q.excludeId) continue;
      const facts = this.byId.get(doc.postmortem)!;
      if (q.before !== undefined && !isEarlier(facts.date, q.before)) continue;
      let s = best.get(doc.postmortem);
      if (!s) {
        s = { id: doc.postmortem, title: facts.title, ...(facts.date ? { date: facts.date } : {}), score: 0, relevance: 0, terms: [], matches: [] };
        best.set(doc.postmortem, s);
      }
      s.score = Math.max(s.score, h.score);
      s.relevance = Math.max(s.relevance, relevance);
      s.matches.push({ text: doc.text, kind: doc.kind, range: doc.range });
      for (const t of h.queryTerms) if (!s.terms.includes(t)) s.terms.push(t);
    }
    const ranked = [...best.values()].sort((a, b) => b.score - a.score || (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
    const top = ranked[0]?.score ?? 0;
    return ranked.filter((r) => r.score >= top / 4).slice(0, q.limit ?? 3);
  }
}
