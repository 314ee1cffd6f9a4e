/**
 * Input for the similar-incidents ranking: each postmortem's contributing factors and root causes as
 * one searchable document, and the text of the statements being written as the query. The ranking
 * itself (a full-text index) lives in server/src/workspace/similarIndex.ts; this part is pure so tests and
 * the CLI could use it too.
 *
 * Terms are the factors' stems (factors.ts): the index tokenises with `terms`, so "alerts waited" and
 * "the alert waits" meet, and stop words never make two incidents look alike.
 */
import { terms } from './factors';
import type { PostmortemFacts } from './facts';

export interface SimilarityDocument {
  /** The postmortem's id in the index (a URI or a path). */
  id: string;
  title: string;
  date?: string;
  /** Contributing factors, one per line. */
  factors: string;
  /** Root causes, one per line. */
  rootCauses: string;
}

export function similarityDocument(id: string, facts: PostmortemFacts): SimilarityDocument {
  return {
    id,
    title: facts.title,
    ...(facts.date ? { date: facts.date } : {}),
    factors: facts.contributingFactors.map((s) => s.text).join('\n'),
    rootCauses: facts.rootCauses.map((s) => s.text).join('\n'),
  };
}

/** True when the postmortem has anything to compare. */
export function hasFactors(facts: PostmortemFacts): boolean {
  return facts.contributingFactors.length > 0 || facts.rootCauses.length > 0;
}

/** The tokenizer the index uses: content-word stems (duplicates removed). */
export function similarityTerms(text: string): string[] {
  return [...new Set(terms(text))];
}

/** True when `candidate` happened before `current` (either date unknown counts as earlier: nothing says otherwise). */
export function isEarlier(candidate: string | undefined, current: string | undefined): boolean {
  return !candidate || !current || candidate < current;
}
