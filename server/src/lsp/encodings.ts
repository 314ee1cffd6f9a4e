/**
 * Positions as clients count columns. LSP's default (and what this server negotiates: every client
 * must support it) is UTF-16 code units, but some clients echo a diagnostic's range back in another
 * unit: Neovim before 0.10 sends the columns of a diagnostic it stored as UTF-8 bytes, and a client may
 * count code points (UTF-32). These convert a UTF-16 position of a document to those units, so a code
 * action can recognise its diagnostic whatever unit the echo uses.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export type ColumnUnit = 'utf-16' | 'utf-8' | 'utf-32';

/** The column of `pos` (UTF-16 units into its line) counted in `unit`. */
export function columnIn(doc: TextDocument, pos: Position, unit: ColumnUnit): number {
  if (unit === 'utf-16' || pos.character === 0) return pos.character;
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: pos });
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length && (line.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (unit === 'utf-32') n += 1;
    else n += c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (pair) i++;
  }
  return n;
}

/** A UTF-16 range of `doc` with its columns counted in `unit`. */
export function rangeIn(doc: TextDocument, range: Range, unit: ColumnUnit): Range {
  if (unit === 'utf-16') return range;
  return {
    start: { line: range.start.line, character: columnIn(doc, range.start, unit) },
    end: { line: range.end.line, character: columnIn(doc, range.end, unit) },
  };
}

/** Units a client may echo ranges in, the protocol's own first. */
export const COLUMN_UNITS: readonly ColumnUnit[] = ['utf-16', 'utf-8', 'utf-32'];
