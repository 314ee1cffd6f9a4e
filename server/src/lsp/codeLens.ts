/**
 * Code lenses: above each timeline, when the incident was detected, mitigated and resolved after the
 * first entry; above the action items, how many there are, are owned, are overdue and prevent a
 * recurrence. The numbers come from the core (features/modelSummaries.ts). A click selects what the lens sums
 * up (the timeline's entries, the action items): a server command (./commands.ts), so every client can
 * run it; no lens carries an empty command.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ActionItem, AnalysisResult, Span } from '../../../core';
import { actionItemSummary, describeActionItems, describeMilestones, timelineMilestones } from '../../../features/modelSummaries';
import { showLocation } from './commands';
import { toRange } from './convert';

function lensAt(doc: TextDocument, offset: number, title: string, target: Span): CodeLens {
  const line = doc.positionAt(offset).line;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  return { range, command: showLocation(title, doc.uri, toRange(doc, target)) };
}

/** From the start of the first span to the end of the last. */
function spanOf(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

export function codeLenses(doc: TextDocument, result: AnalysisResult, today: string | undefined): CodeLens[] {
  const { model } = result;
  const lenses: CodeLens[] = [];
  model.timelines.forEach((t, i) => {
    const first = t.entries[0];
    if (!first) return;
    const at = t.form === 'table' && t.timeHeader ? t.timeHeader.start : first.span.start;
    lenses.push(lensAt(doc, at, describeMilestones(timelineMilestones(model, i)), spanOf(t.entries.map((e) => e.span))));
  });

  // Action items: one lens per table, and one per section for items written as bullets.
  const groups = new Map<string, { at: number; items: ActionItem[] }>();
  for (const item of model.actionItems) {
    let key: string;
    let at: number;
    if (item.table !== undefined && model.actionItemTables[item.table]) {
      key = `t${item.table}`;
      at = model.actionItemTables[item.table].headerRow.start;
    } else {
      const section = model.sections.reduce((best, s, i) => (s.heading.start <= item.span.start ? i : best), -1);
      key = `s${section}`;
      at = item.span.start;
    }
    const g = groups.get(key);
    if (g) g.items.push(item);
    else groups.set(key, { at, items: [item] });
  }
  for (const g of groups.values())
    lenses.push(lensAt(doc, g.at, describeActionItems(actionItemSummary(model, today, g.items)), spanOf(g.items.map((i) => i.span))));
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
