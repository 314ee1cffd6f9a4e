/**
 * Hovers: over a finding, the rule's explanation and a better example from its docs page (the
 * diagnostic's own message is already in the editor's hover); over a timeline time, how long after
 * the first entry it happened.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, spansDays, type AnalysisResult } from '../../../core';
import { describeElapsed, elapsedMinutes } from '../../../features/modelSummaries';
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

/** The first paragraph of a docs section, cut at a sentence end near `max` characters. */
export function shortText(text: string, max = 280): string {
  // Each run of spaces holding a line break becomes one space (what /\s*\n\s*/g did, without its
  // quadratic retries along a long run of spaces).
  const para = text
    .split(/\n\s*\n/)[0]
    .replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run))
    .trim();
  if (para.length <= max) return para;
  const cut = para.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '));
  return end > max / 3 ? cut.slice(0, end + 1) : withoutLastWord(cut) + ' …';
}

/**
 * `s` without its last run of spaces and what follows it: what `s.replace(/\s+\S*$/, '')` gives,
 * read from the end (that pattern retried from every space of a run: quadratic).
 */
function withoutLastWord(s: string): string {
  let i = s.length;
  while (i > 0 && !/\s/.test(s[i - 1])) i--;
  if (i === 0) return s;
  while (i > 0 && /\s/.test(s[i - 1])) i--;
  return s.slice(0, i);
}

/** The first few lines of a "Better" example (fenced blocks stay fenced; headings inside them are left out). */
export function shortExample(text: string, maxLines = 3): string {
  // The info string may go on after the language (`markdown flagged` on the rule pages): the hover keeps the language only.
  const fence = /^\s*(`{3,}|~{3,})(\w*)(?:\s[^`]*)?$/.exec(text.split('\n')[0] ?? '');
  if (!fence) return shortText(text);
  const body = text.split('\n').slice(1);
  const close = body.findIndex((l) => l.trim() === fence[1]);
  const lines = (close < 0 ? body : body.slice(0, close)).filter((l) => l.trim() && !/^\s*#{1,6}\s/.test(l));
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push('…');
  return [fence[1] + fence[2], ...shown, fence[1]].join('\n');
}

const SHAPED: Record<'draft' | 'final', (from: string, to: string) => string> = {
  draft: (from, to) =>
    `Shown as ${to === 'hint' ? 'a hint' : `an ${to}`} while the status is draft (${from} once it is not): this is about what is not written yet.`,
  final: (from, to) => `Shown as an ${to} because the status is final (a ${from} before).`,
};

/**
 * Where the rule's full page opens: `link(id)` gives the Markdown link target (a command that opens a
 * preview in the editor, or the page's URL elsewhere).
 */
export type RuleDocLink = (id: string) => string;

/** The hover at `position`, or null when there is nothing to say there. */
export function hoverAt(
  doc: TextDocument,
  result: AnalysisResult,
  position: Position,
  docsBase: string,
  lookup: RuleDocLookup,
  link?: RuleDocLink,
): Hover | null {
  const offset = doc.offsetAt(position);
  const parts: string[] = [];
  let start = Infinity;
  let end = -Infinity;
  const cover = (s: number, e: number) => {
    start = Math.min(start, s);
    end = Math.max(end, e);
  };

  // Findings: one short explanation per rule, however many of its findings cover the position; one
  // "Better" example for the whole hover; the rule's full page a click away.
  const seen = new Set<string>();
  let betterShown = false;
  for (const f of result.findings) {
    const inside = f.start === f.end ? offset === f.start : offset >= f.start && offset < f.end;
    if (!inside || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const docs = summaryOf(f.rule, lookup);
    const shaped = f.shaped ? SHAPED[f.shaped.status](f.shaped.from, f.severity) : undefined;
    if (!docs?.why && !docs?.better && !shaped && !f.advice) continue;
    cover(f.start, f.end);
    const lines = [`**${f.rule}** · [full page](${link ? link(f.rule) : docsUrl(f.rule, docsBase)})`];
    if (shaped) lines.push('', `_${shaped}_`);
    if (f.advice) lines.push('', f.advice);
    if (docs?.why) lines.push('', shortText(docs.why));
    if (docs?.better && !betterShown) {
      betterShown = true;
      lines.push('', '**Better**', '', shortExample(docs.better));
    }
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
