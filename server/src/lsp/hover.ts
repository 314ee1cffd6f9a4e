/**
 * Hovers: over a finding, the rule's explanation and a better example from its docs page (the
 * diagnostic's own message is already in the editor's hover); over a timeline time, how long after
 * the first entry it happened.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type AnalysisResult } from '../core';
import { describeElapsed, elapsedMinutes } from '../core/summaries';
import { spansDays } from '../core/rules/timeline-order';
import { toRange } from './convert';
import { ruleDocSummary, type RuleDocSummary } from './ruleDocs';

/** A rule's docs page text, or undefined when there is none. */
export type RuleDocLookup = (id: string) => string | undefined;

const cache = new WeakMap<RuleDocLookup, Map<string, RuleDocSummary | undefined>>();

/** The parts of a rule's page the hover shows, read once per page. */
function summaryOf(id: string, lookup: RuleDocLookup): RuleDocSummary | undefined {
  let summaries = cache.get(lookup);
  if (!summaries) cache.set(lookup, (summaries = new Map()));
  if (!summaries.has(id)) {
    const page = lookup(id);
    summaries.set(id, page ? ruleDocSummary(page) : undefined);
  }
  return summaries.get(id);
}

/** The hover at `position`, or null when there is nothing to say there. */
export function hoverAt(doc: TextDocument, result: AnalysisResult, position: Position, docsBase: string, lookup: RuleDocLookup): Hover | null {
  const offset = doc.offsetAt(position);
  const parts: string[] = [];
  let start = Infinity;
  let end = -Infinity;
  const cover = (s: number, e: number) => {
    start = Math.min(start, s);
    end = Math.max(end, e);
  };

  // Findings: one explanation per rule, however many of its findings cover the position.
  const seen = new Set<string>();
  for (const f of result.findings) {
    const inside = f.start === f.end ? offset === f.start : offset >= f.start && offset < f.end;
    if (!inside || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const docs = summaryOf(f.rule, lookup);
    if (!docs?.why && !docs?.better) continue;
    cover(f.start, f.end);
    const lines = [`**${f.rule}** · [rule documentation](${docsUrl(f.rule, docsBase)})`];
    if (docs.why) lines.push('', docs.why);
    if (docs.better) lines.push('', '**Better**', '', docs.better);
    parts.push(lines.join('\n'));
  }

  // Timeline times: distance from the first entry.
  for (const timeline of result.model.timelines) {
    const i = timeline.entries.findIndex((e) => offset >= e.timeSpan.start && offset < e.timeSpan.end);
    if (i < 0) continue;
    const minutes = elapsedMinutes(timeline, spansDays(result.model.metadata))[i];
    if (minutes === undefined) continue;
    const entry = timeline.entries[i];
    const first = timeline.entries.find((e) => !!e.time);
    cover(entry.timeSpan.start, entry.timeSpan.end);
    const firstText = first && first !== entry ? ` (${first.timeText.trim()})` : '';
    parts.push(`**${entry.timeText.trim()}** — ${describeElapsed(minutes)}${firstText}`);
    break;
  }

  if (!parts.length) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
    range: toRange(doc, { start, end }),
  };
}
