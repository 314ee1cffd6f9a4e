/** Quick-fixes from the fixes carried in the diagnostics' `data`. */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDiagnosticData, SOURCE } from './diagnostics';

/** True when an action of `kind` is wanted by a request restricted to `only` (none: all kinds). */
export function kindWanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => o === '' || kind === o || kind.startsWith(o + '.'));
}

export function codeActions(doc: TextDocument, params: CodeActionParams): CodeAction[] {
  if (!kindWanted(CodeActionKind.QuickFix, params.context.only)) return [];
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE || !isDiagnosticData(diagnostic.data)) continue;
    // Fix ranges refer to the version that was analysed; an edit made since would misplace them.
    if (diagnostic.data.version !== doc.version) continue;
    for (const fix of diagnostic.data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        ...(fix.preferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
  }
  return actions;
}
