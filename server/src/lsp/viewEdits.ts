/**
 * Edits the views ask for: "Ask why again" (5 Whys view) and "Insert section" (Sections view). The
 * server computes them from the analysis of the current version, with the core's functions — the
 * section-missing rule's own fix, and the next-why edit of core/edits/whyAgain.ts.
 */
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DEFAULT_TEMPLATE,
  SECTION_INFO,
  insertSectionFix,
  whyAgainEdit,
  type AnalysisResult,
  type SectionKind,
  type TextEdit as CoreEdit,
} from '../../../core';
import type { DocumentEditResult } from '../../../common/protocol';
import { toRange } from './convert';

/** Converts core edits to LSP edits, and the cursor offset (in the edited text) to a position. */
function editResult(doc: TextDocument, edits: CoreEdit[], cursor: number): DocumentEditResult {
  const lsp: TextEdit[] = edits.map((e) => ({ range: toRange(doc, e), newText: e.newText }));
  const after = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, TextDocument.applyEdits(doc, lsp));
  return { uri: doc.uri, version: doc.version, edits: lsp, cursor: after.positionAt(cursor) };
}

export function askWhyAgainResult(doc: TextDocument, result: AnalysisResult, chainIndex: number): DocumentEditResult | null {
  const chain = result.model.fiveWhys[chainIndex];
  if (!chain) return null;
  const e = whyAgainEdit(doc.getText(), chain);
  return e ? editResult(doc, [e.edit], e.cursor) : null;
}

export function insertSectionResult(
  doc: TextDocument,
  result: AnalysisResult,
  kind: string,
  template: readonly SectionKind[] = DEFAULT_TEMPLATE,
): DocumentEditResult | null {
  const info = SECTION_INFO.get(kind as SectionKind);
  if (!info || !template.includes(info.kind)) return null;
  const present = new Set(result.model.sections.map((s) => s.kind));
  if (present.has(info.kind) || (info.kind === 'root-causes' && present.has('five-whys'))) return null;
  const text = doc.getText();
  const fix = insertSectionFix({ text, model: result.model, options: { template: [...template] } }, info.kind);
  const edit = fix.edits[0];
  if (!edit) return null;
  // The cursor goes on the blank line below the inserted prompt.
  const promptEnd = edit.newText.indexOf('-->');
  const lineBreak = promptEnd >= 0 ? edit.newText.slice(promptEnd).search(/\r?\n/) : -1;
  const offsetInText =
    promptEnd >= 0 && lineBreak >= 0
      ? promptEnd + lineBreak + (edit.newText.slice(promptEnd + lineBreak, promptEnd + lineBreak + 2) === '\r\n' ? 2 : 1)
      : edit.newText.length;
  return editResult(doc, fix.edits, edit.start + offsetInText);
}
