/**
 * Quick-fixes for the diagnostics a code-action request names: each is looked up in the analysis of
 * the current version by rule, message and range, and offers that finding's fixes. A diagnostic left
 * over from an older version matches only when the same finding is still where it says.
 *
 * Clients echo diagnostics loosely, so the lookup does not need an exact copy: `source` may be missing
 * (Vim's ALE drops it), the message may be left out, and the range may be counted in UTF-8 bytes
 * (Neovim before 0.10) or code points instead of UTF-16 units (./encodings.ts). The rule id (`code`)
 * must be there, and whatever is there must match the current finding: a stale diagnostic gets no fix.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../../../core';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../../core';
import { lspEdits, sameRange, toRange } from './convert';
import { SOURCE } from './diagnostics';
import { COLUMN_UNITS, rangeIn } from './encodings';

/** True when an action of `kind` is wanted by a request restricted to `only` (none: all kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

export function codeActions(doc: TextDocument, params: CodeActionParams, result: AnalysisResult | undefined): CodeAction[] {
  if (!result || !kindWanted(CodeActionKind.QuickFix, params.context.only)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const finding = findingOf(doc, diagnostic, result.findings);
    for (const fix of finding?.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: lspEdits(doc, fix.edits, !!fix.snippet) } },
      });
    }
  }
  return actions;
}

/** The current finding a diagnostic the client sent stands for (one with fixes unless `anyFinding`), if it is still there. */
export function findingOf(doc: TextDocument, diagnostic: Diagnostic, findings: readonly Finding[], anyFinding = false): Finding | undefined {
  if (
    (diagnostic.source !== undefined && diagnostic.source !== null && diagnostic.source !== '' && diagnostic.source !== SOURCE) ||
    typeof diagnostic.code !== 'string'
  )
    return undefined;
  const same = findings.filter(
    (f) =>
      f.rule === diagnostic.code &&
      (anyFinding || !!f.fixes?.length) &&
      (typeof diagnostic.message !== 'string' || diagnostic.message === '' || f.message === diagnostic.message),
  );
  if (!same.length || !diagnostic.range?.start || !diagnostic.range.end) return undefined;
  // UTF-16 first: on a line of ASCII every unit gives the same columns.
  for (const unit of COLUMN_UNITS) {
    const hit = same.find((f) => sameRange(rangeIn(doc, toRange(doc, f), unit), diagnostic.range));
    if (hit) return hit;
  }
  return undefined;
}
