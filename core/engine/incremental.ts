/**
 * Incremental analysis: what a `ParseCache` lets analyze() skip after an edit, with results equal to
 * a full analysis (test/core/incremental.test.ts compares them on random edits).
 *
 * The document is parsed in blocks (parse.ts). Per block, keyed by the block's text, the cache keeps:
 * - its prose: the sentences `buildProse` makes from the block's subtree, stored at the offset they
 *   were computed at and shifted on reuse. Section indices are recomputed for every sentence on
 *   every analysis (a heading added above changes them) by one sweep over the sections;
 * - the findings of each rule declared `scope: 'sentence'` or `scope: 'block'` (see RuleMeta.scope),
 *   valid while the block sits under sections of the same kinds and titles and while everything
 *   document-wide such a rule may read is unchanged: options, metadata, the people the document
 *   names (every question a rule asked `ctx.people` is asked again and must get the same answer).
 * Such a rule runs only over the blocks without valid findings, usually the one block an edit
 * touched: a sentence rule gets their sentences; a block rule gets a tree and prose that hold only
 * those blocks (it reads the text only within the tree's top-level nodes).
 * - what the block says about people (`peopleEvidence`), which the people index is assembled from.
 * Timeline extraction keeps what each top-level node found in the cache's NodeMemo (nodeMemo.ts,
 * extract/timeline.ts). The rest of the model and the other rules run on the whole text, over the
 * reused trees.
 */
import { sectionsAt } from '../extract/sections';
import { buildProse, type Prose, type Sentence } from './prose';
import type { ParseCache, ParsedBlock } from './parse';
import { peopleEvidence, type PeopleEvidence, type PeopleIndex } from '../language/people';
import { own, ownDeep } from './nodeMemo';
import type { Rule, RuleContext } from '../rules/defineRule';
import type { Root } from 'mdast';
import type { Finding, PostmortemModel, Section, Span } from '../types';

// ---------------------------------------------------------------------------------------------
// Prose by blocks
// ---------------------------------------------------------------------------------------------

interface BlockProse {
  sentences: Sentence[];
  /** Units (paragraphs, headings, cells) the block holds; unit indices are local to the block. */
  units: number;
}

/** The block's prose at its current offset, from the cache when its text was seen before. */
function blockProse(text: string, b: ParsedBlock, model: PostmortemModel): { prose: BlockProse; delta: number } {
  const derived = (b.entry.derived ??= new Map());
  const hit = b.reused ? derived.get('prose') : undefined;
  if (hit) return { prose: hit.value as BlockProse, delta: b.start - hit.at };
  const p = buildProse(text, { type: 'root', children: b.entry.children }, model);
  const units = p.sentences.length ? p.sentences[p.sentences.length - 1].unit + 1 : 0;
  const value: BlockProse = { sentences: p.sentences, units };
  derived.set('prose', { at: b.start, value });
  return { prose: value, delta: 0 };
}

/** A cached sentence as it stands now: its block moved by `delta` and its units renumbered; the rest shared. */
class PlacedSentence implements Sentence {
  readonly text: string;
  readonly folded: string;
  readonly span: Span;
  section: number;
  readonly quoted: boolean;
  readonly cell: boolean;
  readonly unit: number;
  // Private (#) so that a spread copy of a sentence has the fields of a Sentence and no more.
  readonly #orig: Sentence;
  readonly #delta: number;
  constructor(orig: Sentence, delta: number, unitBase: number) {
    this.#orig = orig;
    this.#delta = delta;
    this.text = orig.text;
    this.folded = orig.folded;
    this.span = delta === 0 ? orig.span : { start: orig.span.start + delta, end: orig.span.end + delta };
    this.section = orig.section;
    this.quoted = orig.quoted;
    this.cell = orig.cell;
    this.unit = orig.unit + unitBase;
  }
  offsetAt(i: number): number {
    return this.#orig.offsetAt(i) + this.#delta;
  }
}

export interface BlockedProse extends Prose {
  /** Index of the block holding each sentence. */
  blockOf: number[];
}

/** `buildProse` over the whole tree, assembled block by block (equal to it; tested). */
export function proseByBlocks(text: string, blocks: ParsedBlock[], model: PostmortemModel): BlockedProse {
  const sentences: Sentence[] = [];
  const blockOf: number[] = [];
  let unitBase = 0;
  blocks.forEach((b, bi) => {
    const { prose, delta } = blockProse(text, b, model);
    // The sentences this block showed last time, when they stand where they stood then.
    const derived = b.entry.derived!;
    const last = derived.get('proseView') as { at: number; value: { unitBase: number; sentences?: Sentence[] } } | undefined;
    const settled = b.reused && last !== undefined && last.at === b.start && last.value.unitBase === unitBase;
    let view: Sentence[];
    if (settled && last.value.sentences) view = last.value.sentences;
    else {
      view = prose.sentences.map((orig) => new PlacedSentence(orig, delta, unitBase));
      // Kept only once the block stands still: while typing above it, it moves on every keystroke,
      // and views kept then would only be garbage for the old generation one keystroke later.
      derived.set('proseView', { at: b.start, value: { unitBase, ...(settled ? { sentences: view } : {}) } });
    }
    for (const s of view) {
      sentences.push(s);
      blockOf.push(bi);
    }
    unitBase += prose.units;
  });
  // Section indices change when a heading is added or removed anywhere above: always recomputed.
  const sections = sectionsAt(
    model.sections,
    sentences.map((s) => s.span.start),
  );
  // Written only where it changed: most sentences are cached objects in the old generation.
  sentences.forEach((s, i) => {
    if (s.section !== sections[i]) s.section = sections[i];
  });
  return { sentences, blockOf };
}

// ---------------------------------------------------------------------------------------------
// People by blocks
// ---------------------------------------------------------------------------------------------

/** What each block says about people (`peopleEvidence`), from the cache for blocks seen before. */
export function peopleByBlocks(text: string, blocks: ParsedBlock[], prose: BlockedProse): PeopleEvidence[] {
  const byBlock: Sentence[][] = blocks.map(() => []);
  prose.sentences.forEach((s, i) => byBlock[prose.blockOf[i]].push(s));
  return blocks.map((b, bi) => {
    const derived = (b.entry.derived ??= new Map());
    const hit = b.reused ? derived.get('people') : undefined;
    if (hit) return hit.value as PeopleEvidence;
    const value = ownDeep(peopleEvidence(text.slice(b.start, b.end), byBlock[bi]));
    derived.set('people', { at: b.start, value });
    return value;
  });
}

// ---------------------------------------------------------------------------------------------
// Sentence-scoped rules
// ---------------------------------------------------------------------------------------------

interface CachedFindings {
  epoch: number;
  /** Kinds and titles of the sections the block's sentences sit in. */
  sig: string;
  findings: Finding[];
}

interface RuleState {
  epoch: number;
  global?: string;
  /** Questions asked of ctx.people by sentence rules, with their answers. */
  asked: Map<string, { fn: string; args: unknown[]; answer: string }>;
}

const STATE = 'incremental.sentenceRules';

function stateOf(cache: ParseCache): RuleState {
  let s = cache.state.get(STATE) as RuleState | undefined;
  if (!s) {
    s = { epoch: 0, asked: new Map() };
    cache.state.set(STATE, s);
  }
  return s;
}

function json(v: unknown): string {
  return (
    JSON.stringify(v, (_k, x: unknown) =>
      x instanceof Set ? [...x].sort() : x instanceof Map ? [...x.entries()].sort() : typeof x === 'function' ? undefined : x,
    ) ?? 'undefined'
  );
}

function sectionChain(sections: Section[], index: number): string {
  const parts: string[] = [];
  for (let i = index; i >= 0; i = sections[i].parent) parts.push(`${sections[i].kind ?? ''}/${sections[i].depth}/${sections[i].title}`);
  return parts.join('>');
}

/** Wraps every method of the people index so the questions rules ask are recorded. */
function recording(people: PeopleIndex, asked: RuleState['asked']): PeopleIndex {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(people)) {
    if (typeof v !== 'function') {
      out[k] = v;
      continue;
    }
    out[k] = (...args: unknown[]) => {
      const r = (v as (...a: unknown[]) => unknown).apply(people, args);
      const key = `${k}\u0000${json(args)}`;
      if (!asked.has(key)) asked.set(key, { fn: k, args, answer: json(r) });
      return r;
    };
  }
  return out as unknown as PeopleIndex;
}

function stillAnswers(people: PeopleIndex, asked: RuleState['asked']): boolean {
  const p = people as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const q of asked.values()) {
    if (typeof p[q.fn] !== 'function' || json(p[q.fn](...q.args)) !== q.answer) return false;
  }
  return true;
}

/** The finding with strings of its own: a message quoting the text must not keep that version of the text alive in the cache. */
function owned(f: Finding): Finding {
  const out: Finding = { ...f, message: own(f.message) };
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, title: own(x.title), edits: x.edits.map((e) => ({ ...e, newText: own(e.newText) })) }));
  return out;
}

function shiftFixes(fixes: NonNullable<Finding['fixes']>, delta: number): NonNullable<Finding['fixes']> {
  if (delta === 0) return fixes;
  return fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) }));
}

function inside(f: Finding, b: ParsedBlock): boolean {
  if (f.start < b.start || f.end > b.end) return false;
  return !f.fixes?.some((x) => x.edits.some((e) => e.start < b.start || e.end > b.end));
}

export interface SentenceRuns {
  /**
   * Runs a sentence- or block-scoped rule over the blocks without valid cached findings and
   * reports its findings for the whole document in document order. Returns false, having reported
   * nothing, when the rule must run the ordinary way instead (it threw, or reported outside the block
   * of its sentence, so it is not sentence-scoped after all).
   */
  run(rule: Rule, ctx: RuleContext, report: (f: Omit<Finding, 'rule' | 'severity'>) => void): boolean;
}
/**
 * Prepares the sentence-rule cache for one analysis: decides which cached findings are still valid
 * (same epoch) and gives rules a people index that records what they ask.
 */
export function sentenceRuns(
  cache: ParseCache,
  blocks: ParsedBlock[],
  prose: BlockedProse,
  model: PostmortemModel,
  people: PeopleIndex,
  options: unknown,
): SentenceRuns {
  const st = stateOf(cache);
  const global = json({ options, metadata: model.metadata.fields, people: model.people, static: people });
  if (global !== st.global || !stillAnswers(people, st.asked) || st.asked.size > 50_000) {
    st.epoch++;
    st.global = global;
    st.asked = new Map();
  }
  const recorder = recording(people, st.asked);
  // Per block: its sentences and the signature of the sections they sit in.
  const byBlock: Sentence[][] = blocks.map(() => []);
  prose.sentences.forEach((s, i) => byBlock[prose.blockOf[i]].push(s));
  // The section the block starts in (its ancestors) and those its sentences sit in.
  const openAt = sectionsAt(
    model.sections,
    blocks.map((b) => b.start),
  );
  const sigs = byBlock.map((ss, bi) => [...new Set([openAt[bi], ...ss.map((s) => s.section)])].map((i) => sectionChain(model.sections, i)).join('|'));
  const starts = blocks.map((b) => b.start);
  const blockAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  return {
    run(rule, ctx, report) {
      const key = `findings:${rule.id}`;
      const cached: Array<{ at: number; value: CachedFindings } | undefined> = blocks.map((b, i) => {
        const c = b.reused ? (b.entry.derived?.get(key) as { at: number; value: CachedFindings } | undefined) : undefined;
        return c && c.value.epoch === st.epoch && c.value.sig === sigs[i] ? c : undefined;
      });
      const dirty: Sentence[] = [];
      blocks.forEach((_b, i) => {
        if (!cached[i]) for (const s of byBlock[i]) dirty.push(s);
      });
      const view: Partial<RuleContext> = { prose: { ...ctx.prose, sentences: dirty } };
      if (rule.scope === 'block' && cached.some(Boolean)) {
        const children: Root['children'] = [];
        blocks.forEach((b, i) => {
          if (!cached[i]) for (const c of b.entry.children) children.push(c);
        });
        view.tree = { ...ctx.tree, children };
      }
      const fresh: Finding[][] = blocks.map(() => []);
      let ok = true;
      try {
        rule.check({
          ...ctx,
          ...view,
          people: recorder,
          report(span, message, fixes) {
            const f = { rule: rule.id, severity: 'hint', message, start: span.start, end: span.end, ...(fixes?.length ? { fixes } : {}) } as Finding;
            const bi = blockAt(span.start);
            if (cached[bi] || !inside(f, blocks[bi])) ok = false;
            fresh[bi].push(f);
          },
        });
      } catch {
        ok = false;
      }
      if (!ok) {
        // Forget every cached finding of this document; the caller runs the rule over everything.
        st.epoch++;
        st.global = undefined;
        return false;
      }
      blocks.forEach((b, i) => {
        const c = cached[i];
        if (c) {
          const d = b.start - c.at;
          for (const f of c.value.findings)
            report({ message: f.message, start: f.start + d, end: f.end + d, ...(f.fixes ? { fixes: shiftFixes(f.fixes, d) } : {}) });
        } else for (const f of fresh[i]) report(f);
        if (!c) (b.entry.derived ??= new Map()).set(key, { at: b.start, value: { epoch: st.epoch, sig: sigs[i], findings: fresh[i].map(owned) } });
      });
      return true;
    },
  };
}
