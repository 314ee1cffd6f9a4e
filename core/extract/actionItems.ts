/**
 * Action items from GFM tables (columns recognised by their header) and from list items with inline
 * fields (`owner: @kim`, `(@kim, due 2026-03-02)`, `— @kim — 2026-03-02 — OPS-12`, `[prevent]`,
 * `Owner: @kim. Due: 2026-03-02. Status: Open.`), in the Action items section and its subsections.
 *
 * A subsection heading or a group label that names a type ("### Prevent", "- **Detection:**" with
 * items nested under it) types the items below it.
 */
import type { List, ListItem, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ACTION_TYPE_WORDS, NOT_TICKET_PREFIXES } from '../data/actionItemWords';
import { looksLikeDate } from '../language/dates';
import type { ActionItem, ActionItemField, ActionItemTable, Section, Span } from '../types';
import { kindsAt, sectionsOfNodes, spanOf } from './sections';
import { allMatches, blank, replaceComments } from '../language/regexp';

export const COLUMN_ALIASES: Array<{ field: ActionItemField | 'action'; re: RegExp }> = [
  { field: 'owner', re: /^(?:owners?|assignees?|assigned\s+to|who|responsible|dri|driver|lead|point\s+person)$/i },
  {
    field: 'due',
    re: /^(?:due|due\s+date|deadline|target|target\s+date|eta|by\s+when|when|date|due\s+by|due\s+on|by|completion\s+date|target\s+completion)$/i,
  },
  { field: 'ticket', re: /^(?:tickets?|tracking|tracker|issues?|jira|links?|refs?|references?|bugs?|task\s+id|id|key|tracking\s+(?:issue|ticket|link))$/i },
  { field: 'type', re: /^(?:type|kind|category|class|action\s+type|item\s+type)$/i },
  { field: 'priority', re: /^(?:priority|prio|pri|importance)$/i },
  { field: 'status', re: /^(?:status|state|progress|done\??|resolution|complete\??|completed\??)$/i },
  { field: 'action', re: /^(?:actions?|action\s+items?|items?|what|description|tasks?|remediation|follow[\s-]?ups?|title|summary|change|fix|details?)$/i },
];

export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process', 'document'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

const TYPE_BY_WORD = new Map<string, ActionType>();
for (const [type, words] of Object.entries(ACTION_TYPE_WORDS) as Array<[ActionType, string[]]>) for (const w of words) TYPE_BY_WORD.set(w, type);

/** The catalogue type a word names ("Detection" -> detect), or undefined. */
export function actionTypeOf(v: string | undefined): ActionType | undefined {
  if (!v) return undefined;
  const t = v
    .replace(/[*_`[\]()]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[:.]$/, '');
  return TYPE_BY_WORD.get(t);
}

/** Normalised type word: the catalogue type when the word names one, else the word lower-cased. */
export function normalizeType(v: string): string {
  return actionTypeOf(v) ?? v.trim().toLowerCase();
}

function columnField(title: string): ActionItemField | 'action' | undefined {
  // A trailing parenthesis ("Owner (DRI)") is dropped from the first "(" on: string steps, linear in a
  // header cell of any length (the pattern it replaces was quadratic in a run of "(").
  let t = title.replace(/[*_`?]/g, '').trimEnd();
  const open = t.indexOf('(');
  if (open >= 0 && t.endsWith(')')) t = t.slice(0, open);
  t = t.trim();
  for (const c of COLUMN_ALIASES) if (c.re.test(t) || c.re.test(t + '?')) return c.field;
  return undefined;
}

function cellSpan(cell: TableCell, text: string): Span {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (first?.position && last?.position) return { start: first.position.start.offset!, end: last.position.end.offset! };
  // Empty cell: the position just after the pipe.
  const s = spanOf(cell);
  let i = s.start;
  if (text[i] === '|') i++;
  while (i < s.end && text[i] === ' ') i++;
  return { start: i, end: i };
}

// ---------------------------------------------------------------------------------------------
// Shared patterns
// ---------------------------------------------------------------------------------------------

const NOT_TICKET = new RegExp(`^(?:${NOT_TICKET_PREFIXES.join('|')})-`, 'i');
const TICKET_G =
  /(?<![\p{L}\p{N}_/#-])(?:[A-Z][A-Z0-9]{0,9}-\d{1,7}(?![\p{L}\p{N}-])|GH-\d{1,7}(?![\p{L}\p{N}])|#\d{1,7}(?![\p{L}\p{N}-])|https?:\/\/[^\s)>\]|]+)/giu;

/** The first ticket reference in `s` (ABC-123, #123, GH-12 or a URL), skipping SEV-2, UTF-8, CVE-… and the like. */
export function findTicket(s: string): { index: number; text: string } | undefined {
  for (const m of allMatches(TICKET_G, s)) {
    const t = m[0];
    if (/^[a-z]/.test(t) && !/^(?:https?:|gh-)/i.test(t)) continue; // lower-case keys are words ("gpu-2"), not tickets
    if (/^[A-Z]/i.test(t) && !/^https?:/i.test(t) && NOT_TICKET.test(t)) continue;
    if (/^(?:Q[1-4]|H[12]|FY\d{0,4}|C?W\d{1,2})-\d{2,4}$/i.test(t)) continue; // Q3-2026, FY26-27: periods, not tickets
    return { index: m.index!, text: t.replace(/(?<![.,;:])[.,;:]+$/, '') };
  }
  return undefined;
}

const HANDLE = /(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_][\p{L}\p{N}_.\/-]*[\p{L}\p{N}_]|(?<![\p{L}\p{N}_.@])@[\p{L}\p{N}_]/u;
const TYPE_NAMES = [...TYPE_BY_WORD.keys()].sort((a, b) => b.length - a.length).join('|');
/** A leading "Prevent:" / "Detection -" (after a task box) that names the item's type. */
const LEAD_TYPE = new RegExp(`^\\s*(?:\\[[ xX]\\]\\s*)?(${TYPE_NAMES})\\s*[:—–-]\\s`, 'i');
const TYPE_TAG = new RegExp(`\\[(${TYPE_NAMES})\\]`, 'i');
const ISO_DATE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
/** "by March 15", "before 15 Mar", "due next Friday", "by end of Q2", "by EOM": a deadline inside free text. */
const BY_DATE = new RegExp(
  `(?<![\\p{L}])(?:by|before|until|due(?:\\s+(?:on|by))?|no later than)\\s+((?:the\\s+)?(?:end\\s+of\\s+(?:the\\s+)?)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s*\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|${MONTH}(?:\\s+\\d{4})?|q[1-4](?:\\s+\\d{4})?|(?:next|this)\\s+(?:week|month|quarter|sprint|${DAY})|${DAY}|\\d{4}-\\d{2}-\\d{2}|eo[dwmqy]|(?:this|the)\\s+(?:week|month|quarter|year))(?![\\p{L}\\p{N}]))`,
  'iu',
);
const PRIORITY = /(?<![\p{L}\p{N}])P[0-4](?![\p{L}\p{N}])/u;

// ---------------------------------------------------------------------------------------------
// Extraction
// ---------------------------------------------------------------------------------------------

export function extractActionItems(text: string, tree: Root, sections: Section[]): { items: ActionItem[]; tables: ActionItemTable[] } {
  const items: ActionItem[] = [];
  const tables: ActionItemTable[] = [];
  const children = tree.children as RootContent[];
  // Each node's section in one sweep (a scan of the sections per node grew with both counts).
  const owners = sectionsOfNodes(sections, children);
  for (const [k, node] of children.entries()) {
    const si = owners[k];
    if (si < 0 || !kindsAt(sections, si).includes('action-items')) continue;
    const groupType = headingType(sections, si);
    const first = items.length;
    if (node.type === 'table') fromTable(text, node, items, tables, groupType);
    else if (node.type === 'list') fromList(text, node, items, groupType);
    const done = headingDone(sections, si);
    const group = headingFields(text, sections, si);
    for (const it of items.slice(first)) {
      if (done && !it.fields.status) it.fields.status = { ...done };
      if (group.ticket && !it.fields.ticket) it.fields.ticket = { ...group.ticket };
      if (group.due && !it.fields.due) it.fields.due = { ...group.due };
    }
  }
  return { items, tables };
}

/** "### Completed", "### Immediate actions (done)": the items below are finished. "Not done", "Planned" are not. */
function headingDone(sections: Section[], si: number): { value: string; span: Span } | undefined {
  for (let i = si; i >= 0; i = sections[i].parent) {
    const s = sections[i];
    if (
      /\b(?:completed|done|finished|already (?:done|implemented|fixed)|resolved|(?:actions?|steps?|measures?) taken)\b/i.test(s.title) &&
      !/\b(?:not|to be|planned|pending|open|in[- ]progress|remaining|outstanding)\b/i.test(s.title)
    ) {
      return { value: 'done', span: s.heading };
    }
    if (s.kind === 'action-items') return undefined;
  }
  return undefined;
}

/**
 * Fields a subheading gives every item below it: "### Short-term (tracked in OPS-12)" a ticket,
 * "### Long-term (Q4 2026 – Q1 2027)" a due date (the end of the range).
 */
function headingFields(text: string, sections: Section[], si: number): { ticket?: { value: string; span: Span }; due?: { value: string; span: Span } } {
  const out: { ticket?: { value: string; span: Span }; due?: { value: string; span: Span } } = {};
  for (let i = si; i >= 0; i = sections[i].parent) {
    const s = sections[i];
    if (s.kind === 'action-items') break;
    const src = text.slice(s.heading.start, s.heading.end);
    const t = findTicket(src);
    if (t && !out.ticket) out.ticket = { value: t.text, span: { start: s.heading.start + t.index, end: s.heading.start + t.index + t.text.length } };
    const paren = /\(([^()]*)\)\s*$/.exec(src);
    if (paren && !out.due) {
      const last = paren[1]
        .split(/(?<!\s)\s+(?:-|–|—|to)\s+/)
        .pop()!
        .replace(/^(?:due|by|until)\s+/i, '')
        .trim();
      if (looksLikeDate(last)) {
        const at = s.heading.start + paren.index + 1 + paren[1].lastIndexOf(last);
        out.due = { value: last, span: { start: at, end: at + last.length } };
      }
    }
  }
  return out;
}

/** A type named by the heading of the section (or a parent below the Action items section): "### Detection". */
function headingType(sections: Section[], si: number): { value: string; span: Span } | undefined {
  for (let i = si; i >= 0; i = sections[i].parent) {
    const s = sections[i];
    if (s.kind === 'action-items') return undefined;
    const t = actionTypeOf(s.title.replace(/(?:(?<!\s)\s+)?(?:items?|actions?|measures?)\s*$/i, ''));
    if (t) return { value: t, span: s.heading };
  }
  return undefined;
}

function fromTable(text: string, table: Table, items: ActionItem[], tables: ActionItemTable[], groupType?: { value: string; span: Span }): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const columns = header.children.map((c) => {
    const title = toString(c).trim();
    return { title, field: columnField(title), span: cellSpan(c, text) };
  });
  let actionCol = columns.findIndex((c) => c.field === 'action');
  if (actionCol < 0) {
    actionCol = columns.findIndex((c) => !c.field && !/^#|no\.?$/i.test(c.title));
    if (actionCol >= 0) columns[actionCol].field = 'action';
  }
  if (actionCol < 0) return;
  const headerRow = spanOf(header);
  const afterHeader = text.indexOf('\n', headerRow.end);
  const delimStart = afterHeader < 0 ? headerRow.end : afterHeader + 1;
  let delimEnd = text.indexOf('\n', delimStart);
  if (delimEnd < 0) delimEnd = text.length;
  if (text[delimEnd - 1] === '\r') delimEnd--;
  const tableIndex = tables.length;
  const t: ActionItemTable = {
    span: spanOf(table),
    columns,
    headerRow,
    delimiterRow: { start: delimStart, end: delimEnd },
    rows: [],
    headerCells: header.children.map((c) => spanOf(c)),
    rowCells: [],
  };
  tables.push(t);
  for (const row of rows) {
    const rowSpan = spanOf(row);
    t.rows.push(rowSpan);
    t.rowCells!.push(row.children.map((c) => spanOf(c)));
    // A template row ("| [action item] | [owner] | [due date] |") is a leftover for placeholder-text, not an item.
    const cells = row.children.map((c) => toString(c).trim()).filter(Boolean);
    if (cells.length && cells.every((c) => /^(?:\[[^\]]*\]|<[^>]*>)$/.test(c))) continue;
    const actionCell = row.children[actionCol];
    const textSpan = actionCell ? cellSpan(actionCell, text) : { start: rowSpan.end, end: rowSpan.end };
    const item: ActionItem = {
      span: rowSpan,
      text: actionCell ? toString(actionCell).trim() : '',
      textSpan,
      form: 'table',
      fields: {},
      table: tableIndex,
    };
    columns.forEach((c, i) => {
      if (!c.field || c.field === 'action') return;
      const cell = row.children[i];
      if (!cell) {
        item.fields[c.field] = { value: '', span: { start: rowSpan.end, end: rowSpan.end } };
        return;
      }
      const span = cellSpan(cell, text);
      // Tickets keep their source (a link's URL counts); other fields are read as plain text.
      const value = c.field === 'ticket' ? text.slice(span.start, span.end).trim() : toString(cell).trim();
      if (!item.fields[c.field]) item.fields[c.field] = { value, span };
    });
    const status = item.fields.status?.value;
    if (status !== undefined) {
      const m = /^\s*\[([ xX])\]/.exec(status);
      if (m) item.checked = m[1] !== ' ';
    }
    // Ticket ids and type tags inside the action cell when there is no column for them.
    if (!item.fields.ticket) inlineTicket(text, textSpan, item);
    if (!item.fields.type) inlineType(text, textSpan, item);
    if (!item.fields.type && groupType) item.fields.type = { ...groupType };
    if (item.fields.type) item.fields.type.value = normalizeType(item.fields.type.value);
    items.push(item);
  }
}

function inlineTicket(text: string, span: Span, item: ActionItem): void {
  const m = findTicket(text.slice(span.start, span.end));
  if (m) item.fields.ticket = { value: m.text, span: { start: span.start + m.index, end: span.start + m.index + m.text.length } };
}

function inlineType(text: string, span: Span, item: ActionItem): void {
  const src = text.slice(span.start, span.end);
  const m = TYPE_TAG.exec(src);
  if (m) item.fields.type = { value: m[1].toLowerCase(), span: { start: span.start + m.index, end: span.start + m.index + m[0].length } };
}

function fromList(text: string, list: List, items: ActionItem[], groupType?: { value: string; span: Span }): void {
  for (const li of list.children as ListItem[]) {
    const para = li.children[0];
    const nested = li.children.filter((c): c is List => c.type === 'list');
    if (!para || para.type !== 'paragraph' || !para.position) {
      for (const n of nested) fromList(text, n, items, groupType);
      continue;
    }
    const start = para.position.start.offset!;
    const paraEnd = para.position.end.offset!;
    let firstEnd = text.indexOf('\n', start);
    if (firstEnd < 0 || firstEnd > paraEnd) firstEnd = paraEnd;
    if (text[firstEnd - 1] === '\r') firstEnd--;
    const line = text.slice(start, firstEnd);
    // A label with nested items ("Prevent:" / "**Detection**") groups the items below it. A longer
    // paragraph with nested items is itself the item, and what is nested are its details.
    const paraText = replaceComments(text.slice(start, paraEnd), () => '').trim();
    const label = paraText === replaceComments(line, () => '').trim() && (/:\s*(?:\*+\s*)?$/.test(paraText) || paraText.split(/\s+/).length <= 3);
    if (nested.length && label) {
      const name = line.replace(/[*_:]/g, '').trim();
      const t = actionTypeOf(name.replace(/(?:(?<!\s)\s+)?(?:items?|actions?|measures?)\s*$/i, ''));
      const g = t ? { value: t, span: { start, end: firstEnd } } : groupType;
      for (const n of nested) fromList(text, n, items, g);
      continue;
    }
    const item = fromLine(text, { start: li.position!.start.offset!, end: firstEnd }, start, text.slice(start, paraEnd), li.checked ?? undefined);
    if (!item.fields.type && groupType) item.fields.type = { ...groupType };
    items.push(item);
  }
}

/** Replaces HTML comments and bold markers with spaces (same length), and line breaks with spaces. */
function mask(s: string): string {
  return replaceComments(s, blank)
    .replace(/\*\*|__/g, '  ')
    .replace(/\r?\n[ \t>]*/g, (m) => ' '.repeat(m.length));
}

const LABELS: Array<{ field: ActionItemField; re: string }> = [
  { field: 'owner', re: 'owners?|assignee|assigned to|dri' },
  { field: 'due', re: 'due(?: date| by| on)?|deadline|target(?: date)?|eta' },
  { field: 'ticket', re: 'tickets?|tracking|issue|jira' },
  { field: 'type', re: 'type|kind|category' },
  { field: 'priority', re: 'priority|prio' },
  { field: 'status', re: 'status|state' },
];
const LABEL_NAMES = LABELS.map((l) => l.re).join('|');
/**
 * Longest labelled value read (code points): bounding the value keeps a line of many labels with no
 * separator linear (each label read at most this far, not to the end of the line).
 */
const MAX_FIELD_VALUE = 300;
/** A label and its separator, up to where its value starts: `Owner: `, `due 2026-03-02` (before the date). */
const LABEL_HEAD = new RegExp(`(?<![\\p{L}])(${LABEL_NAMES})(?:\\s*[:=]\\s*|\\s+(?=\\d{4}-\\d{2}-\\d{2}))`, 'giu');
/** A next label with its colon, where a value ends: `… owner: …`. */
const NEXT_LABEL = new RegExp(`(?:${LABEL_NAMES})\\s*:`, 'iuy');
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** A labelled field of an action item's line: where it starts, its text (label to value end), label and value. */
export interface LabelledField {
  index: number;
  text: string;
  label: string;
  value: string;
}

/**
 * `Owner: @kim`, `due 2026-03-02`, `type: detect`: each label with its value, up to the next
 * separator (`,;)|—–`, a line break, a full stop before a space or the end, the end) or the next
 * label with a colon. What the matches of
 * `/(?<![\p{L}])(LABELS)(?:\s*[:=]\s*|\s+(?=\d{4}-\d{2}-\d{2}))([^,;()\n|—–]{0,300}?)(?=\s*(?:[,;)\n|—–]|\.\s|\.$|$)|\s*(?<=[\s:])(?:LABELS)\s*:)/giu`
 * gave (index, [0], [1], [2]), in linear time. That pattern tried its lookahead at each of a value's
 * 300 ends, from each label of the line, and each try read the run of spaces after the end (degree 4
 * to recheck). Here LABEL_HEAD finds each label, the value's possible ends are walked in code, and
 * whether a value may end at a position (which depends on the position only) is decided once per
 * position, reading each run of spaces once.
 */
export function labelledFields(line: string): LabelledField[] {
  const n = line.length;
  // For each position, read once from the end of the line: the end of its run of spaces, the next line
  // break, the next character no value holds, and the first position at or after it where a value may
  // end (a value ends at the first such position, so no end is tried twice). Then the code points before it.
  const spaceEnd = new Int32Array(n + 1).fill(n);
  const nextBreak = new Int32Array(n + 1).fill(n);
  const nextStop = new Int32Array(n + 1).fill(n);
  const nextEnd = new Int32Array(n + 1).fill(n);
  let askedW = -1;
  let answer = true;
  for (let i = n - 1; i >= 0; i--) {
    spaceEnd[i] = isSpace(line[i]) ? spaceEnd[i + 1] : i;
    nextBreak[i] = line[i] === '\n' ? i : nextBreak[i + 1];
    nextStop[i] = ',;()\n|—–'.includes(line[i]) ? i : nextStop[i + 1];
    const inPair = /[\udc00-\udfff]/.test(line[i]) && i > 0 && /[\ud800-\udbff]/.test(line[i - 1]);
    if (spaceEnd[i] !== askedW || nextBreak[i] < spaceEnd[i]) {
      askedW = spaceEnd[i];
      answer = valueMayEndAt(line, askedW, nextBreak[i]);
    }
    nextEnd[i] = !inPair && answer ? i : nextEnd[i + 1];
  }
  const codePoints = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) codePoints[i + 1] = codePoints[i] + (/[\udc00-\udfff]/.test(line[i]) && i > 0 && /[\ud800-\udbff]/.test(line[i - 1]) ? 0 : 1);
  const out: LabelledField[] = [];
  LABEL_HEAD.lastIndex = 0;
  for (let head = LABEL_HEAD.exec(line); head; head = LABEL_HEAD.exec(line)) {
    const valueStart = head.index + head[0].length;
    let end = nextEnd[valueStart];
    let from = valueStart;
    if (end > nextStop[valueStart] || codePoints[end] - codePoints[valueStart] > MAX_FIELD_VALUE) end = -1;
    if (end < 0 && /[:=]/.test(head[0])) {
      // The pattern then gave back the spaces after the colon: its value, empty, could end at the last line break among them.
      const sep = head.index + head[0].search(/[:=]/) + 1;
      if (nextBreak[sep] < valueStart) {
        let lastBreak = valueStart - 1;
        while (line[lastBreak] !== '\n') lastBreak--;
        end = from = lastBreak;
      }
    }
    if (end < 0) {
      LABEL_HEAD.lastIndex = head.index + 1;
      continue;
    }
    out.push({ index: head.index, text: line.slice(head.index, end), label: head[1], value: line.slice(from, end) });
    LABEL_HEAD.lastIndex = end;
  }
  LABEL_HEAD.lastIndex = 0;
  return out;
}

/**
 * Whether a labelled value may end before a run of spaces that ends at `w` (`br`: the first line break
 * at or after the value's end): a line break in the run, a separator, the end, or a next label and colon.
 */
function valueMayEndAt(line: string, w: number, br: number): boolean {
  if (br < w || w === line.length) return true;
  const c = line[w];
  if (',;)|—–'.includes(c) || (c === '.' && (w + 1 === line.length || isSpace(line[w + 1])))) return true;
  if (w === 0 || !(isSpace(line[w - 1]) || line[w - 1] === ':')) return false;
  NEXT_LABEL.lastIndex = w;
  return NEXT_LABEL.test(line);
}
const LABEL_FIELD = LABELS.map((l) => ({ field: l.field, re: new RegExp(`^(?:${l.re})$`, 'i') }));
const NO_OWNER_WORD = /^(?:\?+|tbd|tbc|someone|somebody|unassigned|none|n\/a|nobody)$/i;
const TYPE_WORD = new RegExp(`^(?:${TYPE_NAMES})$`, 'i');

/**
 * Parses one bullet. `source` is the text of its paragraph from `contentStart` (where the text after
 * the list marker begins); `span` is the item's first line.
 */
export function fromLine(text: string, span: Span, contentStart: number, source: string, checked?: boolean): ActionItem {
  const line = mask(source).replace(/(?<!\s)\s+$/, '');
  const item: ActionItem = {
    span,
    text: '',
    textSpan: { start: contentStart, end: contentStart },
    form: 'bullet',
    fields: {},
    checked,
    contentEnd: contentStart + line.length,
  };
  const at = (i: number, len: number): Span => ({ start: contentStart + i, end: contentStart + i + len });
  // Where the description ends: the first field, parenthesised field group or separator.
  let descEnd = line.length;
  const cut = (i: number) => {
    if (i < descEnd) descEnd = i;
  };
  const taken: Array<[number, number]> = [];
  const isTaken = (i: number) => taken.some(([a, b]) => i >= a && i < b);

  for (const m of labelledFields(line)) {
    const label = m.label.toLowerCase();
    const field = LABEL_FIELD.find((l) => l.re.test(label))!.field;
    if (item.fields[field]) continue;
    // "type" and "state" are ordinary words too: only a colon makes them labels.
    if ((field === 'type' || field === 'status' || field === 'ticket') && !/^\s*[:=]/.test(m.text.slice(m.label.length))) continue;
    const valueStart = m.index + m.text.length - m.value.length;
    const value = m.value.trim().replace(/\.$/, '');
    const lead = m.value.length - m.value.trimStart().length;
    item.fields[field] = { value, span: at(valueStart + lead, value.length) };
    taken.push([m.index, m.index + m.text.length]);
    cut(m.index);
  }
  // "(…)" group holding fields: cut the description there, and read bare parts ("prevent", "OPS-12", "@kim").
  const paren = /\(([^()]*)\)\s*(?:\.\s*)?$/.exec(line);
  if (paren && (HANDLE.test(paren[1]) || ISO_DATE.test(paren[1]) || BY_DATE.test(paren[1]) || /owner|due|type/i.test(paren[1]) || findTicket(paren[1]))) {
    cut(paren.index);
    let pos = paren.index + 1;
    for (const part of paren[1].split(/[,;]/)) {
      const partStart = line.indexOf(part, pos);
      pos = partStart + part.length;
      const v = part.trim();
      const vs = partStart + (part.length - part.trimStart().length);
      if (!v || isTaken(vs)) continue;
      const dueBare = /^due\s+(?!to\b)(\S.*)$/i.exec(v);
      if (!item.fields.due && dueBare) item.fields.due = { value: dueBare[1], span: at(vs + v.length - dueBare[1].length, dueBare[1].length) };
      else if (!item.fields.type && TYPE_WORD.test(v)) item.fields.type = { value: v, span: at(vs, v.length) };
      else if (!item.fields.owner && /^@\S+$/.test(v)) item.fields.owner = { value: v, span: at(vs, v.length) };
    }
  }
  // Em-dash separated segments: "Do X — @kim — 2026-03-02 — OPS-12 — prevent".
  const segs = line.split(/(?<!\s)(?:\s+[—–]\s+|\s+-{1,2}\s+(?=\S+(?:\s+[—–-]|\s*$)))/);
  if (segs.length >= 2) {
    let pos = line.indexOf(segs[1], segs[0].length);
    cut(segs[0].length);
    for (let i = 1; i < segs.length; i++) {
      const seg = segs[i];
      const segStart = line.indexOf(seg, pos);
      pos = segStart + seg.length;
      const v = seg.trim().replace(/\.$/, '');
      if (!v || isTaken(segStart)) continue;
      const sp = at(segStart, v.length);
      if (!item.fields.owner && ((HANDLE.test(v) && v.startsWith('@')) || NO_OWNER_WORD.test(v))) {
        item.fields.owner = { value: v, span: sp };
      } else if (!item.fields.due && /^due\s+(?!to\b)\S/i.test(v)) {
        const d = v.replace(/^due\s+/i, '');
        item.fields.due = { value: d, span: at(segStart + (seg.length - seg.trimStart().length) + v.length - d.length, d.length) };
      } else if (
        !item.fields.due &&
        (ISO_DATE.test(v) || /^(?:asap|soon|later|tbd|next \w+|by .+|q[1-4].*|end of .+|eo[dwmqy])$/i.test(v) || looksLikeDate(v))
      ) {
        item.fields.due = { value: v, span: sp };
      } else if (!item.fields.ticket && findTicket(v)?.text.length === v.length) {
        item.fields.ticket = { value: v, span: sp };
      } else if (!item.fields.type && TYPE_WORD.test(v)) {
        item.fields.type = { value: v.toLowerCase(), span: sp };
      } else if (!item.fields.owner && /^[\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+)?$/u.test(v)) {
        item.fields.owner = { value: v, span: sp };
      }
    }
  }
  // Remaining inline signals anywhere in the item.
  const tag = TYPE_TAG.exec(line);
  if (tag && !item.fields.type) item.fields.type = { value: tag[1], span: at(tag.index, tag[0].length) };
  // A leading "Prevent:" / "Detection -" names the type too.
  const leadType = LEAD_TYPE.exec(line);
  if (leadType && !item.fields.type) item.fields.type = { value: leadType[1], span: at(line.indexOf(leadType[1]), leadType[1].length) };
  if (!item.fields.owner) {
    // A handle anywhere ("@kim to add …", "… with @kim"). A capitalised word before "to" is not taken
    // for a name: "Upgrade Traefik to 2.5" and "Revert to 300 s" start that way too.
    const h = HANDLE.exec(line);
    if (h) item.fields.owner = { value: h[0], span: at(h.index, h[0].length) };
  }
  if (!item.fields.due) {
    const d = BY_DATE.exec(line) ?? ISO_DATE.exec(line) ?? /(?<![\p{L}])due\s+(asap|soon|later|tbd|tbc|n\/a|next\s+\w+|this\s+\w+)(?![\p{L}])/iu.exec(line);
    if (d) item.fields.due = { value: d[1] ?? d[0], span: at(d.index + (d[1] ? d[0].indexOf(d[1]) : 0), (d[1] ?? d[0]).length) };
  }
  if (!item.fields.ticket) {
    const t = findTicket(line);
    if (t) item.fields.ticket = { value: t.text, span: at(t.index, t.text.length) };
  }
  if (!item.fields.priority) {
    const p = PRIORITY.exec(line);
    if (p) item.fields.priority = { value: p[0], span: at(p.index, p[0].length) };
  }
  if (!item.fields.status) {
    // "✅ Added …", "~~Add …~~": marked done without a status field.
    const done = /^\s*(✅|✔️?|☑️?)/u.exec(line) ?? /^\s*(~~)[\s\S]+~~\s*$/.exec(source.trim());
    if (done) item.fields.status = { value: done[1] === '~~' ? 'done' : done[1], span: at(line.indexOf(done[1]), done[1].length) };
  }
  // Description: from the start (after a leading [type] tag) to the cut.
  let ds = 0;
  const lead = /^\s*(?:\[[a-z]+\]\s*)?/i.exec(line)!;
  if (tag && tag.index === lead.index + lead[0].trimEnd().length - tag[0].length) ds = lead[0].length;
  const desc = line.slice(ds, descEnd).replace(/(?<![\s,;:—–-])[\s,;:—–-]+$/, '');
  const lstrip = desc.length - desc.trimStart().length;
  item.textSpan = at(ds + lstrip, desc.trimStart().length);
  item.text = desc
    .trim()
    .replace(/(?:(?<!\s)\s+)?\[[a-z]+\]\s*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/(?<!\s)\s+([:;,.])/g, '$1');
  if (item.fields.type) item.fields.type.value = normalizeType(item.fields.type.value);
  return item;
}
