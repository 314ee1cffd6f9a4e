/**
 * The tests' one way to apply edits: the core's (offsets into the text), the protocol's (TextEdits in
 * UTF-16 lines and characters), and a fix's (with its snippet syntax resolved the way the caller says).
 * Edits are applied from the last to the first, so earlier offsets stay valid; overlapping edits are a
 * bug in whatever produced them (LSP forbids them too), so they fail the test.
 */
import { strict as assert } from 'node:assert';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex, type Fix } from '../../core';
import { expandSnippet } from '../snippets/snippetSyntax';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** `text` with every edit applied (offsets into `text`; edits at one offset apply in the given order). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  let last = Infinity;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    assert.ok(e.start <= e.end && e.end <= last, `edits overlap or are reversed at ${e.start}-${e.end}`);
    last = e.start;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/** `text` with LSP TextEdits applied (positions in UTF-16 code units, as the protocol counts). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const idx = new LineIndex(text);
  const at = (p: { line: number; character: number }) => idx.offset(p.line, p.character);
  return applyEdits(
    text,
    edits.map((e) => ({ start: at(e.range.start), end: at(e.range.end), newText: e.newText })),
  );
}

/**
 * `text` with a fix applied. A snippet fix's text (`${1:owner}`) is resolved by `snippet`: `'expand'`
 * (the default) as the editor would insert it, `'raw'` left as written, or a function of the caller's.
 */
export function applyFix(text: string, fix: Fix, snippet: 'expand' | 'raw' | ((s: string) => string) = 'expand'): string {
  const resolve = !fix.snippet || snippet === 'raw' ? (s: string) => s : snippet === 'expand' ? (s: string) => expandSnippet(s) : snippet;
  return applyEdits(
    text,
    fix.edits.map((e) => ({ start: e.start, end: e.end, newText: resolve(e.newText) })),
  );
}
