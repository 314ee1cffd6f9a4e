/** Core findings -> LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type AnalysisResult, type Finding, type Severity } from '../../../core';
import { toRange } from './convert';

export const SOURCE = 'postmortem';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// Diagnostics do not carry their fixes in `data`: a 1 MB postmortem has over a thousand findings,
// and their fixes made every publishDiagnostics message 66% larger. Code actions look the finding up
// in the analysis of the current version instead (codeActions.ts).

export function toDiagnostic(doc: TextDocument, f: Finding, docsBase: string): Diagnostic {
  return {
    range: toRange(doc, f),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule, docsBase) },
    source: SOURCE,
    message: f.message,
  };
}

/**
 * All diagnostics of an analysis. A skipped document (too large, binary) gets exactly one
 * Information diagnostic on line 1 saying why, so the reason is visible where the author looks
 * (a window message would interrupt, and would repeat on every edit).
 */
export function toDiagnostics(doc: TextDocument, result: AnalysisResult, docsBase: string): Diagnostic[] {
  if (result.skipped) {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message: result.skipped,
      },
    ];
  }
  return result.findings.map((f) => toDiagnostic(doc, f, docsBase));
}
