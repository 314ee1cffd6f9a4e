/** Core offsets -> LSP positions. The document given must be the version that was analysed. */
import type { Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span, TextEdit as CoreEdit } from '../../../core';
import { snippetToPlainText } from './snippet';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

/** The range of the whole document. */
export function wholeRange(doc: TextDocument): Range {
  return { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Core edits as LSP text edits; `snippet` edits have their snippet syntax turned into plain text. */
export function lspEdits(doc: TextDocument, edits: readonly CoreEdit[], snippet = false): TextEdit[] {
  return edits.map((e) => ({ range: toRange(doc, e), newText: snippet ? snippetToPlainText(e.newText) : e.newText }));
}
