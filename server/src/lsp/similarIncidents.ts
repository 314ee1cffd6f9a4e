/**
 * Similar incidents in the editor: while the cursor is on a contributing factor or a root cause (or
 * anywhere in those sections), a hover names earlier postmortems of the workspace with similar
 * factors or root causes; above the Contributing factors and Root causes headings, a code lens per
 * similar postmortem opens it at the matching statement (`postmortem.showLocation`, ./commands.ts).
 * The ranking is the workspace index's (server/src/workspace/similarIndex.ts).
 */
import { MarkupKind, type CodeLens, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { incidentDate, type AnalysisResult, type Span } from '../../../core';
import { dateFromPath } from '../../../review';
import type { SimilarIncidentInfo, SimilarResult } from '../../../common/protocol';
import type { SimilarIncident } from '../workspace/similarIndex';
import type { WorkspaceIndex } from '../workspace';
import { toRange } from './convert';

import { SHOW_LOCATION_COMMAND } from './commands';

/** The command a lens runs: open a document at a range (the server's, so any client can run it). */
export const REVEAL_COMMAND = SHOW_LOCATION_COMMAND;

const KINDS = new Set(['contributing-factors', 'root-causes', 'five-whys']);

interface Query {
  text: string;
  /** What the hover covers: the statement, or the section. */
  span: Span;
}

/** The statements of the model that stand for contributing factors and root causes. */
function statements(result: AnalysisResult): Array<{ text: string; span: Span }> {
  const m = result.model;
  return [...m.contributingFactors, ...m.rootCauses, ...m.fiveWhys.flatMap((c) => (c.rootCause ? [c.rootCause] : []))];
}

/** The innermost section of a factor or root-cause kind holding `offset`. */
function sectionAt(result: AnalysisResult, offset: number): Span | undefined {
  let found: Span | undefined;
  for (const s of result.model.sections) {
    if (offset < s.heading.start || offset > s.body.end) continue;
    // A subsection of Root causes ("### Five whys") counts as part of it.
    let k: number = result.model.sections.indexOf(s);
    let kind: string | undefined;
    while (k >= 0 && !kind) {
      const sec = result.model.sections[k];
      if (sec.kind && KINDS.has(sec.kind)) kind = sec.kind;
      k = sec.parent;
    }
    if (kind) found = { start: s.heading.start, end: s.body.end };
  }
  return found;
}

/** What to ask the index at `offset`: the statement there, else every statement of its section. */
export function queryAt(result: AnalysisResult, offset: number): Query | undefined {
  const all = statements(result);
  const at = all.find((s) => offset >= s.span.start && offset <= s.span.end);
  if (at) return { text: at.text, span: at.span };
  const section = sectionAt(result, offset);
  if (!section) return undefined;
  const inside = all.filter((s) => s.span.start >= section.start && s.span.end <= section.end);
  if (!inside.length) return undefined;
  return { text: inside.map((s) => s.text).join('\n'), span: section };
}

/** The incident date of the document being written: metadata, else its file name. */
function documentDate(doc: TextDocument, result: AnalysisResult): string | undefined {
  return incidentDate(result.model) ?? dateFromPath(decodeURIComponent(doc.uri));
}

function info(index: WorkspaceIndex, s: SimilarIncident): SimilarIncidentInfo {
  const entry = index.get(s.id);
  return {
    postmortem: { uri: s.id, title: s.title, path: entry?.path ?? s.id, ...(s.date ? { date: s.date } : {}) },
    terms: s.terms,
    matches: s.matches.map((m) => ({ text: m.text, kind: m.kind, range: m.range })),
  };
}

function rank(doc: TextDocument, result: AnalysisResult, index: WorkspaceIndex, text: string): SimilarIncident[] {
  const before = documentDate(doc, result);
  return index.similar().rank({ text, excludeId: doc.uri, ...(before ? { before } : {}), limit: 3 });
}

export function similarAt(doc: TextDocument, result: AnalysisResult, position: Position, index: WorkspaceIndex): SimilarResult | null {
  const q = queryAt(result, doc.offsetAt(position));
  if (!q) return null;
  return { query: q.text, similar: rank(doc, result, index, q.text).map((s) => info(index, s)) };
}

/** "**Similar earlier incidents**" with one line per postmortem, or null when there is none. */
export function similarHover(doc: TextDocument, result: AnalysisResult, position: Position, index: WorkspaceIndex): Hover | null {
  const q = queryAt(result, doc.offsetAt(position));
  if (!q) return null;
  const found = rank(doc, result, index, q.text);
  if (!found.length) return null;
  const lines = ['**Similar earlier incidents**', ''];
  for (const s of found) {
    const m = s.matches[0];
    const link = `${s.id}#L${m.range.start.line + 1}`;
    lines.push(
      `- [${s.title.replace(/([[\]])/g, '\\$1')}](${link})${s.date ? ` (${s.date})` : ''}, ${Math.round(s.relevance * 100)}% alike (shares ${s.terms.slice(0, 5).join(', ')}): ${m.kind} "${m.text}"`,
    );
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(doc, q.span) };
}

/** One lens per similar earlier postmortem above each Contributing factors / Root causes heading. */
export function similarLenses(doc: TextDocument, result: AnalysisResult, index: WorkspaceIndex): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const s of result.model.sections) {
    if (s.kind !== 'contributing-factors' && s.kind !== 'root-causes') continue;
    const q = queryAt(result, s.heading.start);
    if (!q) continue;
    const line = doc.positionAt(s.heading.start).line;
    for (const found of rank(doc, result, index, q.text)) {
      const m = found.matches[0];
      const pct = Math.round(found.relevance * 100);
      // Why it is named: the shared stems and the statement that matched (the client shows this as the lens's tooltip).
      const tooltip = `${pct}% alike · shares ${found.terms.slice(0, 5).join(', ')} · its ${m.kind}: "${m.text.length > 120 ? m.text.slice(0, 119) + '…' : m.text}"`;
      lenses.push({
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: {
          title: `Similar (${pct}%): ${found.title}${found.date ? ` (${found.date})` : ''}`,
          command: REVEAL_COMMAND,
          arguments: [found.id, m.range, { tooltip }],
        },
      });
    }
  }
  return lenses;
}

/** Two hovers as one: their texts separated by a rule, covering both ranges. */
export function mergeHovers(a: Hover | null, b: Hover | null): Hover | null {
  if (!a || !b) return a ?? b;
  const text = (h: Hover) => (typeof h.contents === 'object' && 'kind' in h.contents ? h.contents.value : String(h.contents));
  const range =
    a.range && b.range
      ? {
          start:
            a.range.start.line < b.range.start.line || (a.range.start.line === b.range.start.line && a.range.start.character <= b.range.start.character)
              ? a.range.start
              : b.range.start,
          end:
            a.range.end.line > b.range.end.line || (a.range.end.line === b.range.end.line && a.range.end.character >= b.range.end.character)
              ? a.range.end
              : b.range.end,
        }
      : (a.range ?? b.range);
  return { contents: { kind: MarkupKind.Markdown, value: `${text(a)}\n\n---\n\n${text(b)}` }, ...(range ? { range } : {}) };
}
