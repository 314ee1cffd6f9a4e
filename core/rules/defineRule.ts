import type { Root } from 'mdast';
import { allMatches } from '../language/regexp';
import type { LineIndex } from '../engine/lineIndex';
import type { PeopleIndex } from '../language/people';
import type { Prose } from '../engine/prose';
import type { AnalyzeOptions, Fix, PostmortemModel, Severity, SectionKind, Span } from '../types';

/** What a rule's detector sees: the parsed document, once, shared by every rule. */
export interface RuleContext {
  text: string;
  tree: Root;
  model: PostmortemModel;
  lines: LineIndex;
  /** Sentences of the document's prose (code, URLs and HTML left out), for phrase rules. */
  prose: Prose;
  /** Who is a person in this document (roster, handles, configuration, evidence, name lexicon). */
  people: PeopleIndex;
  options: Required<Pick<AnalyzeOptions, 'template'>> & AnalyzeOptions;
  /** Report a finding. The wrapper stamps rule id and severity. */
  report(span: Span, message: string, fixes?: Fix[]): void;
}

export interface RuleMeta {
  /** Kebab-case, permanent: diagnostic code, config key, docs page name, ignore-comment token. */
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule flags. */
  summary: string;
  /** Whether the rule offers quick-fixes. */
  fixable: boolean;
  /**
   * 'sentence': the rule reports only while walking `ctx.prose.sentences`, and what it reports for a
   * sentence depends on nothing but that sentence, the kinds and titles of its enclosing sections,
   * `ctx.people`, the metadata and `ctx.options` — never on other sentences or text outside the
   * sentence. Its spans and fix edits stay inside the sentence. With a cache, analyze() then runs it
   * only over the sentences of changed blocks and reuses its findings elsewhere (core/engine/incremental.ts;
   * a property test checks the results equal a full analysis). Leave it out when unsure.
   *
   * 'block': the same for blocks (the pieces parse.ts cuts at top-level headings): what the rule
   * reports for a block depends only on the block's own text, nodes and sentences, the kinds and
   * titles of its enclosing sections, what the model says about the block's own content, people,
   * metadata and options; a line never counts for another block. It reads `ctx.text` only within the
   * top-level nodes of `ctx.tree` (see `readSpans`), which may hold only some of the blocks, and
   * `ctx.prose` may hold only their sentences.
   */
  scope?: 'sentence' | 'block';
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

/** A rule is its metadata plus a detector; the registry and the wrapper in analyze() do the rest. */
export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(rule.id)) throw new Error(`rule id must be kebab-case: ${rule.id}`);
  return rule;
}

export type { SectionKind };

/**
 * Where a block-scoped rule reads `ctx.text`: the spans of the tree's top-level nodes, neighbours
 * joined when only white space lies between them. Outside them the text holds only white space, or
 * blocks the rule is not asked about.
 */
export function readSpans(text: string, tree: Root): Span[] {
  const out: Span[] = [];
  for (const c of tree.children) {
    const start = c.position?.start.offset;
    const end = c.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const last = out[out.length - 1];
    if (last && start >= last.end && /^\s*$/.test(text.slice(last.end, start))) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/** Every match of the global `re` inside each span (matches never run past a span's end). */
export function matchesIn(text: string, re: RegExp, spans: readonly Span[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const s of spans) {
    for (const m of allMatches(re, text.slice(s.start, s.end))) {
      m.index += s.start;
      out.push(m);
    }
  }
  return out;
}
