/**
 * What the action-item rules share: reading an item's status and due date, naming it in a message,
 * and the quick-fixes that fill in a missing field (a table cell or column, or a field appended to a
 * bullet in the style the bullet already uses). Not a rule itself; the registry does not list it.
 */
import { blank, hasLinkTarget, replaceComments, replaceDelimited } from '../language/regexp';
import { DONE_STATUS, OPEN_STATUS } from '../data/actionItemWords';
import { addDays, isIsoDate, resolveDue, windowEnd, type DueResolution } from '../language/dates';
import { findTicket } from '../extract/actionItems';
import type { ActionItem, ActionItemField, ActionItemTable, Fix, PostmortemModel, Span, TextEdit } from '../types';
import type { RuleContext } from './defineRule';
import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';

// ---------------------------------------------------------------------------------------------
// Reading items
// ---------------------------------------------------------------------------------------------

function norm(v: string): string {
  return v
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function startsWithPhrase(v: string, phrase: string): boolean {
  if (!v.startsWith(phrase)) return false;
  const next = v.charAt(phrase.length);
  return next === '' || !/[\p{L}\p{N}]/u.test(next) || !/[\p{L}\p{N}]$/u.test(phrase);
}

const BY_LENGTH = (a: string, b: string) => b.length - a.length;
const DONE = [...DONE_STATUS].sort(BY_LENGTH);
const OPEN = [...OPEN_STATUS].sort(BY_LENGTH);

/** What a status value says: finished, explicitly not finished, or nothing we can rely on. */
export function statusWord(value: string): 'done' | 'open' | 'unknown' {
  const v = norm(value);
  if (!v) return 'unknown';
  // "Not done" and "not started" are open even though they contain "done"/"started".
  for (const p of OPEN) if (p.startsWith('not') && startsWithPhrase(v, p)) return 'open';
  for (const p of DONE) if (startsWithPhrase(v, p)) return 'done';
  for (const p of OPEN) if (startsWithPhrase(v, p)) return 'open';
  return 'unknown';
}

/** Done, explicitly open (`- [ ]`, Open, In progress, To do), or unknown. A done status wins over an unchecked box. */
export function statusOf(item: ActionItem): 'done' | 'open' | 'unknown' {
  const s = item.fields.status ? statusWord(item.fields.status.value) : 'unknown';
  if (s === 'done' || item.checked === true) return 'done';
  if (s === 'open' || item.checked === false) return 'open';
  return 'unknown';
}

/** The incident date (YYYY-MM-DD) from the metadata, when valid. */
export function incidentDate(model: PostmortemModel): string | undefined {
  const v = model.metadata.fields.date?.value;
  const s = typeof v === 'string' ? v.slice(0, 10) : undefined;
  return s && isIsoDate(s) ? s : undefined;
}

export function severityOf(model: PostmortemModel): string | undefined {
  const v = model.metadata.fields.severity?.value;
  return typeof v === 'string' ? v : undefined;
}

const dueCache = new WeakMap<ActionItem, DueResolution>();

/** The item's due date, resolved against the incident date (cached per item). */
export function dueOf(ctx: RuleContext, item: ActionItem): DueResolution {
  let r = dueCache.get(item);
  if (!r) {
    r = resolveDue(item.fields.due?.value ?? '', incidentDate(ctx.model));
    dueCache.set(item, r);
  }
  return r;
}

/** A date to suggest for a missing due date: the end of the severity window, else two weeks after the incident (or today). */
export function suggestedDue(ctx: RuleContext): string | undefined {
  const d = incidentDate(ctx.model);
  const sev = severityOf(ctx.model);
  if (d && sev) {
    const w = windowEnd(d, sev, ctx.options);
    if (w) return w.end;
  }
  if (d) return addDays(d, 14);
  if (ctx.options.today && isIsoDate(ctx.options.today)) return addDays(ctx.options.today, 14);
  return undefined;
}

/** The item as a message names it: its text in quotes, shortened. */
export function quoteItem(item: ActionItem, max = 60): string {
  const t = item.text.replace(/\s+/g, ' ').trim();
  if (!t) return 'This action item';
  return `"${t.length > max ? t.slice(0, max - 1).replace(/(?<!\s)\s+\S*$/, '') + '…' : t}"`;
}

/** True when the item's row or paragraph refers to a ticket anywhere (a tracker id or a link). */
export function hasTicket(ctx: RuleContext, item: ActionItem): boolean {
  const v = item.fields.ticket?.value;
  if (v && (findTicket(v) || hasLinkTarget(v))) return true;
  const end = item.form === 'bullet' ? (item.contentEnd ?? item.span.end) : item.span.end;
  return !!findTicket(replaceComments(ctx.text.slice(item.span.start, end), () => ''));
}

// ---------------------------------------------------------------------------------------------
// Fixes
// ---------------------------------------------------------------------------------------------

/** A placeholder: the snippet text for tab stop `n`, and the text an editor shows before anything is typed. */
export interface Placeholder {
  snippet(n: number): string;
  plain: string;
}

export const COLUMN_TITLES: Record<'owner' | 'due' | 'ticket' | 'type', string> = { owner: 'Owner', due: 'Due', ticket: 'Ticket', type: 'Type' };
/** "Add an owner", "Add a due date": the field as a title names it. */
const FIELD_NAMES: Record<'owner' | 'due' | 'ticket' | 'type', string> = { owner: 'an owner', due: 'a due date', ticket: 'a ticket', type: 'a type' };

/** Escapes a value for a snippet choice (`,`, `|`, `$`, `}` and `\\` are choice syntax). */
function choiceText(v: string): string {
  return v.replace(/[,|$}\\]/g, '\\$&');
}

/**
 * The owner: a choice among the people the roster and the document name (the placeholder "@owner"
 * first, so an owner is never picked for the author), or the placeholder alone. The placeholder stays
 * flagged (action-item-owner-missing, placeholder-text) until it is replaced.
 */
export function ownerPlaceholder(ctx?: RuleContext): Placeholder {
  const plain = WRITTEN_PLACEHOLDERS.owner;
  const names: string[] = [];
  const seen = new Set<string>([plain]);
  const add = (n: string | undefined) => {
    const v = n?.replace(/[*_`]/g, '').trim();
    if (!v || seen.has(v.toLowerCase()) || NO_OWNER_VALUE.test(v) || names.length >= 8) return;
    seen.add(v.toLowerCase());
    names.push(v);
  };
  for (const p of ctx?.options.people?.roster ?? []) add(p.name);
  for (const p of ctx?.model.people ?? []) if (!/\b(?:team|squad|group|crew|everyone|all)\b/i.test(p.name)) add(p.name);
  if (!names.length) return { snippet: (n) => `\${${n}:${plain}}`, plain };
  return { snippet: (n) => `\${${n}|${[plain, ...names].map(choiceText).join(',')}|}`, plain };
}

/** Owner values that name nobody (the placeholder the owner fix writes among them). */
const NO_OWNER_VALUE =
  /^(?:|-+|—|–|\?+|tbd|tbc|tba|n\/?a|none|nobody|no one|unassigned|unowned|someone|somebody|anyone|anybody|owner|@owner|\[owner\]|<owner>|@|todo)$/i;

/**
 * The due date: "YYYY-MM-DD" to type over, or a choice between it and `suggestion` (the end of the
 * severity's window) when that is not in the past. Never a past date; the placeholder stays flagged.
 */
export function datePlaceholder(suggestion: string | undefined, today: string | undefined): Placeholder {
  const plain = WRITTEN_PLACEHOLDERS.due;
  const usable = suggestion && (!today || suggestion >= today) ? suggestion : undefined;
  return { snippet: (n) => (usable ? `\${${n}|${plain},${usable}|}` : `\${${n}:${plain}}`), plain };
}

/** The type: a choice of the five types. */
export function typePlaceholder(): Placeholder {
  return { snippet: (n) => `\${${n}|prevent,detect,mitigate,process,document|}`, plain: 'prevent' };
}

/** The ticket: "[ticket]" to type over, never an invented id; it stays flagged until replaced. */
export function ticketPlaceholder(): Placeholder {
  const plain = WRITTEN_PLACEHOLDERS.ticket;
  return { snippet: (n) => `\${${n}:${plain}}`, plain };
}

const CHOICE = /\$\{\d+\|/g;
const TABSTOP = /\$\{\d+:/g;

/** Replaces `${n:text}` and `${n|a,b|}` by what an editor shows first ("text", "a"). For tests and non-snippet callers. */
export function resolveSnippet(s: string): string {
  // `${n|a,b|}` then `${n:text}`, each read to the next "}" (what /\$\{\d+\|([^,|}]*)[^}]*\|\}/g and
  // /\$\{\d+:([^}]*)\}/g replace, without reading to the end of the text from every opener).
  const choice = (body: string) => (body.endsWith('|') ? body.slice(0, body.search(/[,|]/)) : undefined);
  return replaceDelimited(replaceDelimited(s, CHOICE, '}', choice), TABSTOP, '}', (body) => body)
    .replace(/\$\{\d+\}|\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

/**
 * The fix that puts a placeholder where `field` is missing or unusable:
 * - table, column present: fill (or replace) the row's cell, keeping the table aligned;
 * - table, no such column: add the column (header, delimiter row, a placeholder in every row);
 * - bullet with the field written but empty or unusable: replace the value;
 * - bullet without the field: append `field: placeholder` in the bullet's own style.
 */
function isTemplateRow(text: string, cells: Span[]): boolean {
  const values = cells.map((c) => text.slice(c.start, c.end).replace(/^\|/, '').replace(/\|$/, '').trim()).filter(Boolean);
  return values.length > 0 && values.every((v) => /^(?:\[[^\]]*\]|<[^>]*>)$/.test(v));
}

const columnFixes = new WeakMap<ActionItemTable, Map<string, Fix | undefined>>();
const rowIndexes = new WeakMap<ActionItemTable, Map<number, number>>();

/** The index of the table row starting at `start`, or -1 (one map per table, not a search per fix). */
function rowIndex(t: ActionItemTable, start: number): number {
  let m = rowIndexes.get(t);
  if (!m) {
    m = new Map();
    t.rows.forEach((r, i) => {
      if (!m!.has(r.start)) m!.set(r.start, i);
    });
    rowIndexes.set(t, m);
  }
  return m.get(start) ?? -1;
}

export function fieldFix(ctx: RuleContext, item: ActionItem, field: 'owner' | 'due' | 'ticket' | 'type', ph: Placeholder): Fix | undefined {
  const name = COLUMN_TITLES[field];
  if (item.form === 'table' && item.table !== undefined) {
    const t = ctx.model.actionItemTables[item.table];
    const row = t ? rowIndex(t, item.span.start) : -1;
    if (!t || row < 0 || !t.headerCells || !t.rowCells) return undefined;
    const col = t.columns.findIndex((c) => c.field === field);
    if (col >= 0) {
      const edits = fillCell(ctx.text, t, row, col, ph.snippet(1), ph.plain);
      return edits && { title: `Fill in the ${name} cell`, edits, snippet: true, preferred: true };
    }
    // Every row of the table gets the same fix (a placeholder in every row): build it once per table.
    let perTable = columnFixes.get(t);
    if (!perTable) columnFixes.set(t, (perTable = new Map()));
    let fix = perTable.get(field);
    if (!fix) {
      // A template row ("| [action item] | [owner] |") stays a template: it gets an empty cell.
      const edits = addColumn(ctx.text, t, name, (r, n) =>
        isTemplateRow(ctx.text, t.rowCells![r] ?? []) ? { snippet: '', plain: '' } : { snippet: ph.snippet(n), plain: ph.plain },
      );
      fix = edits && { title: `Add a ${name} column`, edits, snippet: true, preferred: true };
      perTable.set(field, fix);
    }
    return fix;
  }
  const f = item.fields[field];
  if (f && f.value.trim() !== '') {
    return { title: `Replace "${f.value}" with ${FIELD_NAMES[field]}`, edits: [{ ...f.span, newText: ph.snippet(1) }], snippet: true, preferred: true };
  }
  if (f) {
    // "Owner: Due: …": the label is there, its value is not.
    const next = ctx.text.charAt(f.span.start);
    const pad = next && !/\s/.test(next) ? ' ' : '';
    return {
      title: `Add ${FIELD_NAMES[field]}`,
      edits: [{ start: f.span.start, end: f.span.start, newText: ph.snippet(1) + pad }],
      snippet: true,
      preferred: true,
    };
  }
  return { title: `Add ${FIELD_NAMES[field]}`, edits: [appendField(ctx.text, item, field, ph.snippet(1))], snippet: true, preferred: true };
}

/** Appends `field: value` to a bullet in the style it already uses: inside its (…) group, after an em dash, as a `Label:` field, or in new parentheses. */
export function appendField(text: string, item: ActionItem, field: ActionItemField, value: string): TextEdit {
  const end = item.contentEnd ?? item.span.end;
  const line = replaceComments(text.slice(item.textSpan.start, end), blank);
  const trimmed = line.replace(/(?<!\s)\s+$/, '');
  const at = item.textSpan.start + trimmed.length;
  const paren = /\(([^()]*)\)\s*\.?$/.exec(trimmed);
  if (paren && /(?:owner|due|type)\s*:|@\w|\d{4}-\d{2}-\d{2}/i.test(paren[1])) {
    const close = item.textSpan.start + paren.index + 1 + paren[1].length;
    return { start: close, end: close, newText: `, ${field}: ${value}` };
  }
  if (/\s[—–]\s/.test(trimmed)) return { start: at, end: at, newText: ` — ${field}: ${value}` };
  const labelled = /(?<![\p{L}])(Owner|Due|Status|Ticket|Type)\s*:/u.exec(trimmed);
  if (labelled) {
    const Label = field.charAt(0).toUpperCase() + field.slice(1);
    if (/\.$/.test(trimmed)) return { start: at, end: at, newText: ` ${Label}: ${value}.` };
    return { start: at, end: at, newText: ` ${Label}: ${value}` };
  }
  return { start: at, end: at, newText: ` (${field}: ${value})` };
}

// ---------------------------------------------------------------------------------------------
// Table editing that keeps GFM valid and aligned tables aligned
// ---------------------------------------------------------------------------------------------

interface TableLine {
  kind: 'header' | 'delimiter' | 'row';
  span: Span;
  /** Pipe positions (offsets) in order. */
  pipes: number[];
  /** Cell spans as the parser gave them (leading pipe included; the last one its trailing pipe). */
  cells: Span[];
}

function delimiterCells(text: string, row: Span): Span[] {
  const s = text.slice(row.start, row.end).replace(/(?<!\s)\s+$/, '');
  const pipes: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] === '|') pipes.push(i);
  const trailing = s.length > 1 && s.endsWith('|');
  const inner = trailing ? pipes.slice(0, -1) : pipes;
  const starts = s.startsWith('|') ? inner : [0, ...inner];
  return starts.map((st, i) => ({ start: row.start + st, end: row.start + (starts[i + 1] ?? s.length) }));
}

function pipesOf(text: string, cells: Span[]): number[] {
  const out: number[] = [];
  for (const c of cells) if (text[c.start] === '|') out.push(c.start);
  const last = cells[cells.length - 1];
  if (last && last.end > last.start && text[last.end - 1] === '|' && last.end - 1 !== last.start) out.push(last.end - 1);
  return out;
}

const linesCache = new WeakMap<ActionItemTable, { text: string; lines: TableLine[]; aligned: boolean }>();

/** The table's lines and whether it is aligned, computed once per table. */
function tableInfo(text: string, t: ActionItemTable): { lines: TableLine[]; aligned: boolean } {
  let c = linesCache.get(t);
  if (!c || c.text !== text) {
    const lines = tableLines(text, t);
    c = { text, lines, aligned: isAligned(text, lines) };
    linesCache.set(t, c);
  }
  return c;
}

function tableLines(text: string, t: ActionItemTable): TableLine[] {
  const lines: TableLine[] = [];
  const header = t.headerCells ?? [];
  lines.push({ kind: 'header', span: t.headerRow, cells: header, pipes: pipesOf(text, header) });
  const dc = delimiterCells(text, t.delimiterRow);
  lines.push({ kind: 'delimiter', span: t.delimiterRow, cells: dc, pipes: pipesOf(text, dc) });
  t.rows.forEach((r, i) => {
    const cells = t.rowCells?.[i] ?? [];
    lines.push({ kind: 'row', span: r, cells, pipes: pipesOf(text, cells) });
  });
  return lines;
}

/** Columns of each pipe relative to its line; aligned when every line has its pipes in the same columns. */
function isAligned(text: string, lines: TableLine[]): boolean {
  const rel = lines.map((l) => l.pipes.map((p) => p - lineStartOf(text, l.span.start)).join(','));
  return lines[0].pipes.length >= 2 && rel.every((r) => r === rel[0]);
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Where a line's last cell ends (after its trailing pipe, if any), and whether it has a trailing pipe. */
function lineEnd(text: string, l: TableLine): { at: number; pipe: boolean } {
  const last = l.cells[l.cells.length - 1];
  const at = last ? last.end : l.span.end;
  return { at, pipe: last ? text[last.end - 1] === '|' && last.end - 1 !== last.start : false };
}

/** The delimiter row's style: `|---|` (no spaces) or `| --- |`. */
function spacedDelimiter(text: string, t: ActionItemTable): boolean {
  return /\|\s+:?-/.test(text.slice(t.delimiterRow.start, t.delimiterRow.end)) || /^\s*:?-+:?\s+\|/.test(text.slice(t.delimiterRow.start, t.delimiterRow.end));
}

/** Adds a column at the end of the table: a header, a delimiter cell, and a placeholder cell in every row. */
export function addColumn(
  text: string,
  t: ActionItemTable,
  title: string,
  cell: (row: number, tabStop: number) => { snippet: string; plain: string },
): TextEdit[] | undefined {
  const { lines, aligned } = tableInfo(text, t);
  const spaced = spacedDelimiter(text, t);
  const h = lines[0].cells.length;
  const contents = lines.map((l, i) => (l.kind === 'header' ? { snippet: title, plain: title } : l.kind === 'delimiter' ? undefined : cell(i - 2, i - 1)));
  const width = aligned ? Math.max(3, ...contents.map((c) => c?.plain.length ?? 0)) : 0;
  const edits: TextEdit[] = [];
  lines.forEach((l, i) => {
    const c = contents[i];
    const content =
      l.kind === 'delimiter'
        ? spaced
          ? ` ${'-'.repeat(Math.max(3, width))} |`
          : `${'-'.repeat(Math.max(3, width) + 2)}|`
        : ` ${c!.snippet}${' '.repeat(Math.max(0, width - c!.plain.length))} |`;
    if (l.cells.length > h) {
      // Extra cells beyond the header are ignored by GFM: put the new cell before them.
      const at = l.cells[h].start;
      edits.push({ start: at, end: at, newText: '|' + content.slice(0, -1) });
      return;
    }
    const { at, pipe } = lineEnd(text, l);
    let newText = pipe ? '' : ' |';
    for (let k = l.cells.length; k < h; k++) newText += l.kind === 'delimiter' ? (spaced ? ' --- |' : '---|') : '  |';
    edits.push({ start: at, end: at, newText: newText + content });
  });
  return edits;
}

/**
 * Puts a placeholder into cell `col` of body row `row`, replacing what is there. In an aligned table
 * the cell's padding absorbs the placeholder, or the column is widened in every line.
 */
export function fillCell(text: string, t: ActionItemTable, row: number, col: number, snippet: string, plain: string): TextEdit[] | undefined {
  const { lines, aligned } = tableInfo(text, t);
  const line = lines[row + 2];
  if (!line) return undefined;
  if (col >= line.cells.length) {
    // A short row: add the missing cells up to this column.
    const { at, pipe } = lineEnd(text, line);
    let newText = pipe ? '' : ' |';
    for (let k = line.cells.length; k < col; k++) newText += '  |';
    return [{ start: at, end: at, newText: newText + ` ${snippet} |` }];
  }
  const region = cellRegion(text, line, col);
  const width = region.end - region.start;
  // Widening touches every line; in a very long table each row's fix would, so fill without padding there.
  if (!aligned || (plain.length + 2 > width && lines.length > 200)) return [{ ...region, newText: ` ${snippet} ` }];
  if (plain.length + 2 <= width) return [{ ...region, newText: ` ${snippet}${' '.repeat(width - 1 - plain.length)}` }];
  const grow = plain.length + 2 - width;
  const edits: TextEdit[] = [{ ...region, newText: ` ${snippet} ` }];
  for (const l of lines) {
    if (l === line || col >= l.cells.length) continue;
    const r = cellRegion(text, l, col);
    if (l.kind === 'delimiter') {
      const s = text.slice(r.start, r.end);
      const lastDash = s.lastIndexOf('-');
      const at = lastDash >= 0 ? r.start + lastDash + 1 : r.end;
      edits.push({ start: at, end: at, newText: '-'.repeat(grow) });
    } else {
      edits.push({ start: r.end, end: r.end, newText: ' '.repeat(grow) });
    }
  }
  return edits;
}

/** The text between a cell's pipes. */
function cellRegion(text: string, l: TableLine, col: number): Span {
  const c = l.cells[col];
  const start = text[c.start] === '|' ? c.start + 1 : c.start;
  let end: number;
  if (col + 1 < l.cells.length) end = l.cells[col + 1].start;
  else end = text[c.end - 1] === '|' && c.end - 1 > c.start ? c.end - 1 : c.end;
  return { start, end: Math.max(start, end) };
}
