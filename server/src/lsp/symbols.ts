/** The section outline (Outline view, breadcrumbs, Go to Symbol). */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SECTION_INFO } from '../../../core/data/sections';
import type { PostmortemModel } from '../../../core';
import { toRange, wholeRange } from './convert';

/**
 * Hierarchical symbols from model.sections. When the document has a title, it is the root and the
 * top-level sections are its children. A heading that is another name for a template section
 * ("Follow-ups") carries the template name ("Action items") as its detail.
 */
export function documentSymbols(doc: TextDocument, model: PostmortemModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = model.sections.map((s) => {
    const templateTitle = s.kind ? SECTION_INFO.get(s.kind)?.title : undefined;
    const selectionRange = toRange(doc, s.heading);
    return {
      name: s.title.trim() || '(untitled section)',
      ...(templateTitle && templateTitle.toLowerCase() !== s.title.trim().toLowerCase() ? { detail: templateTitle } : {}),
      kind: SymbolKind.String,
      range: toRange(doc, { start: s.heading.start, end: Math.max(s.heading.end, s.body.end) }),
      selectionRange,
      children: [],
    };
  });
  const roots: DocumentSymbol[] = [];
  model.sections.forEach((s, i) => {
    const parent = s.parent >= 0 && s.parent < i ? symbols[s.parent] : undefined;
    (parent ? parent.children! : roots).push(symbols[i]);
  });
  if (!model.title) return roots;
  return [
    {
      name: model.title.text.trim() || '(untitled)',
      detail: 'postmortem',
      kind: SymbolKind.File,
      range: wholeRange(doc),
      selectionRange: toRange(doc, model.title.span),
      children: roots,
    },
  ];
}
