/**
 * Quick-fixes for the diagnostics a code-action request names: each is looked up in the analysis of
 * the current version by rule, message and range, and offers that finding's fixes. A diagnostic left
 * over from an older version matches only when the same finding is still where it says.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../core';
import { lspEdits, sameRange, toRange } from './convert';
import { SOURCE } from './diagnostics';

/** True when an action of `kind` is wanted by a request restricted to `only` (none: all kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

export function codeActions(doc: TextDocument, params: CodeActionParams, result: AnalysisResult | undefined): CodeAction[] {
  if (!result || !kindWanted(CodeActionKind.QuickFix, params.context.only)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
    const finding = result.findings.find(
      (f) => f.rule === diagnostic.code && f.message === diagnostic.message && f.fixes?.length && sameRange(toRange(doc, f), diagnostic.range),
    );
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
