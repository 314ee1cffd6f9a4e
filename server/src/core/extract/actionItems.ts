/**
 * Action items from GFM tables (columns recognised by their header) and from list items with inline
 * fields (`owner: @kim`, `(@kim, due 2026-03-02)`, `— @kim — 2026-03-02 — OPS-12`, `[prevent]`).
 */
import type { List, ListItem, Root, RootContent, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ActionItem, ActionItemField, ActionItemTable, Section, Span } from '../types';
import { kindsAt, sectionAt, spanOf } from './sections';

export const COLUMN_ALIASES: Array<{ field: ActionItemField | 'action'; re: RegExp }> = [
  { field: 'owner', re: /^(?:owners?|assignees?|assigned\s+to|who|responsible|dri|driver)$/i },
  { field: 'due', re: /^(?:due|due\s+date|deadline|target|target\s+date|eta|by\s+when|when|date|due\s+by)$/i },
  { field: 'ticket', re: /^(?:tickets?|tracking|tracker|issues?|jira|links?|refs?|references?|bugs?|task\s+id|id)$/i },
  { field: 'type', re: /^(?:type|kind|category|class|action\s+type)$/i },
  { field: 'priority', re: /^(?:priority|prio|pri|importance)$/i },
  { field: 'status', re: /^(?:status|state|progress|done\??|resolution)$/i },
  { field: 'action', re: /^(?:actions?|action\s+items?|items?|what|description|tasks?|remediation|follow[\s-]?ups?|title|summary|change|fix|details?)$/i },
];

export const ACTION_TYPES = ['prevent', 'detect', 'mitigate', 'process', 'document'] as const;

function columnField(title: string): ActionItemField | 'action' | undefined {
  const t = title.replace(/[*_`]/g, '').trim();
  for (const c of COLUMN_ALIASES) if (c.re.test(t)) return c.field;
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

export function extractActionItems(text: string, tree: Root, sections: Section[]): { items: ActionItem[]; tables: ActionItemTable[] } {
  const items: ActionItem[] = [];
  const tables: ActionItemTable[] = [];
  const inActionSection = (offset: number) => {
    const si = sectionAt(sections, offset);
    return si >= 0 && kindsAt(sections, si).includes('action-items');
  };
  for (const node of tree.children as RootContent[]) {
    const start = node.position?.start.offset ?? 0;
    if (!inActionSection(start)) continue;
    if (node.type === 'table') fromTable(text, node, items, tables);
    else if (node.type === 'list') fromList(text, node, items);
  }
  return { items, tables };
}

function fromTable(text: string, table: Table, items: ActionItem[], tables: ActionItemTable[]): void {
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
  const t: ActionItemTable = { span: spanOf(table), columns, headerRow, delimiterRow: { start: delimStart, end: delimEnd }, rows: [] };
  tables.push(t);
  for (const row of rows) {
    const rowSpan = spanOf(row);
    t.rows.push(rowSpan);
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
      item.fields[c.field] = { value: toString(cell).trim(), span: cellSpan(cell, text) };
    });
    const status = item.fields.status?.value;
    if (status !== undefined) {
      const m = /^\s*\[([ xX])\]/.exec(status);
      if (m) item.checked = m[1] !== ' ';
    }
    // Ticket ids and type tags inside the action cell when there is no column for them.
    if (!item.fields.ticket) inlineTicket(text, textSpan, item);
    if (!item.fields.type) inlineType(text, textSpan, item);
    items.push(item);
  }
}

const LABELS: Array<{ field: ActionItemField; re: string }> = [
  { field: 'owner', re: 'owners?|assignee|assigned to|dri' },
  { field: 'due', re: 'due(?: date| by)?|deadline|target(?: date)?|eta' },
  { field: 'ticket', re: 'tickets?|tracking|issue|jira' },
  { field: 'type', re: 'type|kind|category' },
  { field: 'priority', re: 'priority|prio' },
  { field: 'status', re: 'status|state' },
];
const LABEL_NAMES = LABELS.map((l) => l.re).join('|');
/** `Owner: @kim`, `due 2026-03-02`, `type: detect`, up to the next separator or label. */
const LABELLED = new RegExp(
  `(?<![\\p{L}])(${LABEL_NAMES})(?:\\s*[:=]\\s*|\\s+(?=\\d{4}-\\d{2}-\\d{2}))([^,;()\\n|—–]*?)(?=\\s*(?:[,;)\\n|—–]|\\.\\s|\\.$|$|\\s(?:${LABEL_NAMES})\\s*:))`,
  'giu',
);
const TICKET = /(?<![\p{L}\p{N}_/-])(?:[A-Z][A-Z0-9]{1,9}-\d{1,6}(?![\p{L}\p{N}])|#\d{1,7}(?![\p{L}\p{N}])|https?:\/\/[^\s)>\]]+)/u;
const HANDLE = /(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_][\p{L}\p{N}_.-]*[\p{L}\p{N}_]?/u;
const TYPE_TAG = new RegExp(`\\[(${ACTION_TYPES.join('|')}|prevention|detection|mitigation|documentation)\\]`, 'i');
const ISO_DATE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/;
const BY_DATE = /(?<![\p{L}])by\s+((?:end of\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?|q[1-4](?:\s+\d{4})?|next\s+\w+|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{4}-\d{2}-\d{2}))/iu;

function inlineTicket(text: string, span: Span, item: ActionItem): void {
  const src = text.slice(span.start, span.end);
  const m = TICKET.exec(src);
  if (m) item.fields.ticket = { value: m[0], span: { start: span.start + m.index, end: span.start + m.index + m[0].length } };
}

function inlineType(text: string, span: Span, item: ActionItem): void {
  const src = text.slice(span.start, span.end);
  const m = TYPE_TAG.exec(src);
  if (m) item.fields.type = { value: m[1].toLowerCase(), span: { start: span.start + m.index, end: span.start + m.index + m[0].length } };
}

function fromList(text: string, list: List, items: ActionItem[]): void {
  for (const li of list.children as ListItem[]) {
    const para = li.children[0];
    const nested = li.children.filter((c): c is List => c.type === 'list');
    if (!para || para.type !== 'paragraph' || !para.position) {
      for (const n of nested) fromList(text, n, items);
      continue;
    }
    const start = para.position.start.offset!;
    let end = text.indexOf('\n', start);
    if (end < 0 || end > para.position.end.offset!) end = para.position.end.offset!;
    if (text[end - 1] === '\r') end--;
    const line = text.slice(start, end);
    // A label with nested items ("Prevent:" / "**Detection**") groups the items below it.
    if (nested.length && (/:\s*\**\s*$/.test(line) || line.trim().split(/\s+/).length <= 3)) {
      for (const n of nested) fromList(text, n, items);
      continue;
    }
    items.push(fromLine(text, { start: li.position!.start.offset!, end }, start, line, li.checked ?? undefined));
  }
}

/** Parses one bullet's first line. `contentStart` is where the text after the list marker begins. */
export function fromLine(text: string, span: Span, contentStart: number, line: string, checked?: boolean): ActionItem {
  const item: ActionItem = { span, text: '', textSpan: { start: contentStart, end: contentStart }, form: 'bullet', fields: {}, checked };
  const at = (i: number, len: number): Span => ({ start: contentStart + i, end: contentStart + i + len });
  // Where the description ends: the first field, parenthesised field group or separator.
  let descEnd = line.length;
  const cut = (i: number) => {
    if (i < descEnd) descEnd = i;
  };
  const taken: Array<[number, number]> = [];
  const isTaken = (i: number) => taken.some(([a, b]) => i >= a && i < b);

  for (const m of line.matchAll(LABELLED)) {
    const label = m[1].toLowerCase();
    const field = LABELS.find((l) => new RegExp(`^(?:${l.re})$`, 'i').test(label))!.field;
    if (item.fields[field]) continue;
    const valueStart = m.index! + m[0].length - m[2].length;
    const value = m[2].trim().replace(/\.$/, '');
    const lead = m[2].length - m[2].trimStart().length;
    item.fields[field] = { value, span: at(valueStart + lead, value.length) };
    taken.push([m.index!, m.index! + m[0].length]);
    cut(m.index!);
  }
  // "(…)" group holding fields: cut the description there.
  const paren = /\(([^()]*)\)\s*\.?\s*$/.exec(line);
  if (paren && (HANDLE.test(paren[1]) || ISO_DATE.test(paren[1]) || /owner|due|type/i.test(paren[1]))) cut(paren.index);
  // Em-dash separated segments: "Do X — @kim — 2026-03-02 — OPS-12 — prevent".
  const segs = line.split(/\s+[—–]\s+|\s+-{1,2}\s+(?=\S+(?:\s+[—–-]|\s*$))/);
  if (segs.length >= 2) {
    let pos = line.indexOf(segs[1], segs[0].length);
    cut(segs[0].length);
    for (let i = 1; i < segs.length; i++) {
      const seg = segs[i];
      const segStart = line.indexOf(seg, pos);
      pos = segStart + seg.length;
      const v = seg.trim().replace(/\.$/, '');
      if (!v || isTaken(segStart)) continue;
      const span = at(segStart, v.length);
      if (!item.fields.owner && (HANDLE.test(v) && v.startsWith('@') || /^(?:\?|tbd|someone|unassigned|none|n\/a)$/i.test(v))) {
        item.fields.owner = { value: v, span };
      } else if (!item.fields.due && (ISO_DATE.test(v) || /^(?:asap|soon|later|tbd|next \w+|by .+|q[1-4].*)$/i.test(v))) {
        item.fields.due = { value: v, span };
      } else if (!item.fields.ticket && TICKET.test(v) && TICKET.exec(v)![0].length === v.length) {
        item.fields.ticket = { value: v, span };
      } else if (!item.fields.type && new RegExp(`^(?:${ACTION_TYPES.join('|')})$`, 'i').test(v)) {
        item.fields.type = { value: v.toLowerCase(), span };
      } else if (!item.fields.owner && /^[\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+)?$/u.test(v)) {
        item.fields.owner = { value: v, span };
      }
    }
  }
  // Remaining inline signals anywhere on the line.
  const tag = TYPE_TAG.exec(line);
  if (tag && !item.fields.type) item.fields.type = { value: normalizeType(tag[1]), span: at(tag.index, tag[0].length) };
  if (!item.fields.owner) {
    const h = HANDLE.exec(line);
    if (h) {
      item.fields.owner = { value: h[0], span: at(h.index, h[0].length) };
    }
  }
  if (!item.fields.due) {
    const d = ISO_DATE.exec(line) ?? BY_DATE.exec(line);
    if (d) item.fields.due = { value: d[1] ?? d[0], span: at(d.index + (d[1] ? d[0].indexOf(d[1]) : 0), (d[1] ?? d[0]).length) };
  }
  if (!item.fields.ticket) {
    const t = TICKET.exec(line);
    if (t) item.fields.ticket = { value: t[0], span: at(t.index, t[0].length) };
  }
  if (!item.fields.priority) {
    const p = /(?<![\p{L}\p{N}])P[0-4](?![\p{L}\p{N}])/u.exec(line);
    if (p) item.fields.priority = { value: p[0], span: at(p.index, p[0].length) };
  }
  // Description: from the start (after a leading [type] tag) to the cut.
  let ds = 0;
  const lead = /^\s*(?:\[[a-z]+\]\s*)?/i.exec(line)!;
  if (tag && tag.index === lead.index + lead[0].trimEnd().length - tag[0].length) ds = lead[0].length;
  let desc = line.slice(ds, descEnd);
  const trimmedEnd = desc.replace(/[\s,;:—–-]+$/, '');
  desc = trimmedEnd;
  const lstrip = desc.length - desc.trimStart().length;
  item.textSpan = at(ds + lstrip, desc.trimStart().length);
  item.text = desc.trim().replace(/\s*\[[a-z]+\]\s*$/i, '');
  if (item.fields.type) item.fields.type.value = normalizeType(item.fields.type.value);
  return item;
}

export function normalizeType(v: string): string {
  const t = v.trim().toLowerCase();
  const map: Record<string, string> = { prevention: 'prevent', detection: 'detect', mitigation: 'mitigate', documentation: 'document' };
  return map[t] ?? t;
}
