/** Core findings -> LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type AnalysisResult, type Finding, type Severity } from '../core';
import { toRange } from './convert';
import { snippetToPlainText } from './snippet';

export const SOURCE = 'postmortem';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A fix as carried in `Diagnostic.data`: LSP ranges, snippet syntax already turned into plain text. */
export interface DiagnosticFix {
  title: string;
  preferred?: boolean;
  edits: TextEdit[];
}

/** What `Diagnostic.data` holds for postmortem diagnostics; code actions read it back. */
export interface DiagnosticData {
  /** The document version the ranges of `fixes` refer to. */
  version: number;
  fixes: DiagnosticFix[];
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (!v || typeof v !== 'object') return false;
  const d = v as Partial<DiagnosticData>;
  return typeof d.version === 'number' && Array.isArray(d.fixes);
}

export function toDiagnostic(doc: TextDocument, f: Finding, docsBase: string): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f),
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.rule,
    codeDescription: { href: docsUrl(f.rule, docsBase) },
    source: SOURCE,
    message: f.message,
  };
  if (f.fixes?.length) {
    const data: DiagnosticData = {
      version: doc.version,
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        ...(fix.preferred ? { preferred: true } : {}),
        edits: fix.edits.map((e) => ({ range: toRange(doc, e), newText: fix.snippet ? snippetToPlainText(e.newText) : e.newText })),
      })),
    };
    d.data = data;
  }
  return d;
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
