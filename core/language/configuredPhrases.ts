/**
 * Built-in phrase lists changed by configuration (`phrases.blame`, `phrases.vague`: literal phrases to
 * add or remove). A rule keeps one `ConfiguredMatcher` next to its built-in list and asks it for the
 * matcher of the options at hand: without changes that is the built-in matcher; with changes the
 * matcher is built once per distinct change set and reused (by the options object, then by content).
 * Phrases stay literals (PhraseMatcher), so no configuration can make matching slow.
 */
import { fold, PhraseMatcher } from './match';
import type { PhraseChanges } from '../types';

/** How PhraseMatcher compares phrases: folded case and apostrophes, single spaces. */
export function phraseKey(p: string): string {
  return fold(p).replace(/\s+/g, ' ').trim();
}

const MAX_VARIANTS = 32;

export class ConfiguredMatcher<T> {
  private readonly base: PhraseMatcher<T>;
  private readonly byObject = new WeakMap<PhraseChanges, PhraseMatcher<T>>();
  private readonly byKey = new Map<string, PhraseMatcher<T>>();

  /**
   * @param entries the built-in list
   * @param added the entry added phrases map to; undefined when this matcher takes no added phrases
   *   (a rule with several matchers adds phrases to one of them)
   */
  constructor(
    private readonly entries: ReadonlyArray<{ phrases: string[]; entry: T }>,
    private readonly added?: T,
  ) {
    this.base = new PhraseMatcher(entries);
  }

  /** The matcher for the built-in list with `changes` applied. */
  get(changes: PhraseChanges | undefined): PhraseMatcher<T> {
    if (!changes || (!changes.add?.length && !changes.remove?.length)) return this.base;
    const hit = this.byObject.get(changes);
    if (hit) return hit;
    const key = JSON.stringify([changes.add ?? [], changes.remove ?? []]);
    let m = this.byKey.get(key);
    if (!m) {
      const removed = new Set((changes.remove ?? []).map(phraseKey));
      const kept = this.entries.map(({ phrases, entry }) => ({ phrases: phrases.filter((p) => !removed.has(phraseKey(p))), entry }));
      // Built-in entries first: a phrase that is already built in keeps its own entry (and message).
      const extra = this.added !== undefined ? [{ phrases: (changes.add ?? []).filter((p) => !removed.has(phraseKey(p))), entry: this.added }] : [];
      m = new PhraseMatcher<T>([...kept, ...extra]);
      if (this.byKey.size >= MAX_VARIANTS) this.byKey.clear();
      this.byKey.set(key, m);
    }
    this.byObject.set(changes, m);
    return m;
  }
}
