import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import { KEY_ALIASES, normKey } from '../extract/metadata';
import type { Fix, MetadataKey } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';
import { trimEndWhere, trimStartWhere } from '../language/regexp';
import { documentAnchor } from './section-missing';

type Required = 'date' | 'severity' | 'status' | 'authors';

interface FieldInfo {
  key: Required;
  label: string;
  /** Front-matter value with a snippet placeholder. */
  yaml: string;
  /** Value for a label line ("**Severity:** …"). */
  line: string;
  example: string;
  why: string;
}

const FIELDS: FieldInfo[] = [
  {
    key: 'date',
    label: 'Date',
    yaml: '${1:YYYY-MM-DD}',
    line: '${1:YYYY-MM-DD}',
    example: '2026-03-15',
    why: 'so the timeline and action-item due dates can be checked against it',
  },
  {
    key: 'severity',
    label: 'Severity',
    yaml: `\${1:${WRITTEN_PLACEHOLDERS.severity}}`,
    line: `\${1:${WRITTEN_PLACEHOLDERS.severity}}`,
    example: 'SEV-2',
    why: 'so readers can weigh the incident and deadlines follow its window',
  },
  { key: 'status', label: 'Status', yaml: '${1:draft}', line: '${1:Draft}', example: 'draft', why: 'so readers know whether the document is still changing' },
  {
    key: 'authors',
    label: 'Authors',
    yaml: `[\${1:${WRITTEN_PLACEHOLDERS.author}}]`,
    line: `\${1:${WRITTEN_PLACEHOLDERS.author}}`,
    example: 'Ana Lima',
    why: 'so readers know whom to ask',
  },
];

/** Labels of metadata lines written without bold or in other shapes ("Date: …", "| Severity | … |", "## Owner: …"). */
const LABELS: Record<Required, RegExp> = {
  date: /^(?:date|incident date|date of incident|occurred(?: on)?|incident start|start(?:ed)?(?: at| time)?|when)$/i,
  severity: /^(?:severity|sev|severity level|priority|impact level|incident level|level)$/i,
  status: /^(?:status|state|document status|postmortem status|review status)$/i,
  authors: /^(?:authors?|written by|prepared by|owners?|postmortem owner|document owner|editors?|created by|by)$/i,
};
/** What comes before a label line's label: indent, heading marks, list marker, bold marker; only one reading of a line reaches a letter. */
const LABEL_LINE_START = /^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?(?=[A-Za-z])/;
/** What ends a label line's label: a colon, with a bold marker before or after it and spaces between. */
const LABEL_LINE_END = /(?:\*\*|__)?[ \t]*(?::|(?:\*\*|__)[ \t]*:)/y;

/**
 * The label of a label line ("Date: …", "- **Severity**: …", "## Owner: …"), or undefined: what group 1
 * of `/^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /-]{0,30}?)(?:\*\*|__)?[ \t]*(?::|(?:\*\*|__)[ \t]*:)/`
 * gave, in linear time. The label is the shortest run of 1 to 31 label characters that LABEL_LINE_END
 * follows; where it ends inside a run of spaces, the end is the same for each space of the run, so the
 * run is read once, not again from each space (the pattern's lazy label and `[ \t]*` did: quadratic).
 */
export function labelLineLabel(line: string): string | undefined {
  const start = LABEL_LINE_START.exec(line);
  if (!start) return undefined;
  const p = start[0].length;
  let q = p + 1;
  while (q - p <= 31 && q <= line.length) {
    LABEL_LINE_END.lastIndex = q;
    if (LABEL_LINE_END.test(line)) return line.slice(p, q);
    let next = q;
    while (line[next] === ' ') next++;
    if (next > q) {
      // The end after each space of this run is the one just tested (unless a tab follows, which no label holds).
      if (line[next] === '\t') return undefined;
      q = next;
      continue;
    }
    if (q >= line.length || !/[A-Za-z/-]/.test(line[q])) return undefined;
    q++;
  }
  return undefined;
}

/** Metadata-like lines at the top of the document that the metadata reader does not take (plain labels, tables), with their 0-based lines. */
function labelledElsewhere(ctx: RuleContext): Map<Required, number> {
  const found = new Map<Required, number>();
  const firstSection = ctx.model.sections.find((s) => s.kind)?.heading.start ?? ctx.text.length;
  const limit = Math.min(firstSection, ctx.lines.offset(60, 0));
  // Lines below the front matter: the reader takes no bold lines when there is front matter.
  const fm = ctx.model.metadata.frontMatter;
  const from = fm ? ctx.lines.lineOf(fm.end) + 1 : 0;
  ctx.text
    .slice(0, limit)
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (i < from) return;
      const labels: string[] = [];
      const h = headingText(line);
      if (/^\s*\|/.test(line)) labels.push(...line.split('|').map((c) => c.replace(/[*_]/g, '').trim()));
      else if (h !== undefined) labels.push(h.replace(/[*_]/g, '').trim());
      else {
        const label = labelLineLabel(line);
        if (label) labels.push(label.trim());
      }
      // "Author(s)": a plural written with a parenthesis is the same label.
      for (const l of labels)
        for (const f of FIELDS) if (LABELS[f.key].test(/\(s\)$/i.test(l) ? l.slice(0, -3).trimEnd() : l) && !found.has(f.key)) found.set(f.key, i);
    });
  return found;
}

/** The line a new label line copies its shape from: the last metadata line above the first section. */
function templateLine(ctx: RuleContext): number | undefined {
  const md = ctx.model.metadata;
  const spans = [...Object.values(md.fields).map((f) => f!.keySpan), ...md.problems.filter((p) => p.key)];
  if (!spans.length) return undefined;
  return Math.max(...spans.map((s) => ctx.lines.lineOf(s.start)));
}

/** A label line up to its value: indent and markers, bold marker, label, colon, bold marker, colon. */
const SHAPE_HEAD = /^([ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?)((?:\*\*|__)?)([^*_:\n]+)(:?)((?:\*\*|__)?)(:?)/;

/**
 * The parts of a label line, as groups 1 to 9 (index 0 unused): SHAPE_HEAD's six, then the spaces
 * before the value, the value, and its hard line break (two or more spaces, or a backslash); undefined
 * for a line without that shape. What
 * `/^(…)((?:\*\*|__)?)([^*_:\n]+)(:?)((?:\*\*|__)?)(:?)([ \t]*)(.*?)((?:[ \t]{2,}|\\)?)$/` gave, in
 * linear time: the value's spaces are cut in code instead of by that pattern's `[ \t]*`, lazy `.*?` and
 * `[ \t]{2,}`, which split a run of spaces every way (degree 5). The value cannot hold a line break
 * (`.`), and no other reading of the head moves one into the label, so one after the head is no match.
 */
export function lineShape(src: string): string[] | undefined {
  const head = SHAPE_HEAD.exec(src);
  if (!head) return undefined;
  const rest = src.slice(head[0].length);
  if (/[\n\r\u2028\u2029]/.test(rest)) return undefined;
  const value = trimStartWhere(rest, /[ \t]/);
  const spaces = rest.slice(0, rest.length - value.length);
  const trail = value.length - trimEndWhere(value, /[ \t]/).length;
  const hardBreak = trail >= 2 ? value.slice(value.length - trail) : value.endsWith('\\') ? '\\' : '';
  return [...head, spaces, value.slice(0, value.length - hardBreak.length), hardBreak];
}

/** A label line for a field in the shape of the template line, and where it goes; undefined for shapes it cannot copy. */
function shapedLine(ctx: RuleContext, line: number, label: string, value: string, eol: string): { at: number; newText: string; example: string } | undefined {
  const end = ctx.lines.lineEnd(line);
  const src = ctx.text.slice(ctx.lines.offset(line, 0), end);
  if (/^\s*\|/.test(src)) {
    // A two-column table of labels and values gets a row; other tables are left to the author.
    const cells = src
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|');
    if (cells.length !== 2) return undefined;
    return { at: end, newText: `${eol}| ${label} | ${value} |`, example: `| ${label} | … |` };
  }
  const heading = /^[ \t]*(#{1,6})[ \t]+(?![ \t])[^:]*$/.exec(src);
  if (heading) {
    // "## Status" with its value below: a new heading and value after that section.
    const s = ctx.model.sections.find((x) => ctx.lines.lineOf(x.heading.start) === line);
    if (!s) return undefined;
    const lead = s.body.end >= ctx.text.length && !/\n$/.test(ctx.text) ? eol + eol : '';
    return { at: s.body.end, newText: `${lead}${heading[1]} ${label}${eol}${value}${eol}${eol}`, example: `${heading[1]} ${label}` };
  }
  const m = lineShape(src);
  const shape = (v: string) => (m ? `${m[1]}${m[2]}${label}${m[4]}${m[5]}${m[6]}${m[7] || ' '}${v}${m[9]}` : `**${label}:** ${v}`);
  return { at: end, newText: eol + shape(value), example: shape('…').trim() };
}

function lineFix(ctx: RuleContext, line: number, f: FieldInfo, eol: string): Fix | undefined {
  const l = shapedLine(ctx, line, f.label, f.line, eol);
  if (!l) return undefined;
  return { title: `Add the "${f.label}" line`, edits: [{ start: l.at, end: l.at, newText: l.newText }], snippet: true, preferred: true };
}

/** TOML front matter (`+++`): its lines are `key = "value"`. */
function isToml(ctx: RuleContext): boolean {
  const fm = ctx.model.metadata.frontMatter;
  return !!fm && ctx.text.startsWith('+++', fm.start);
}

function tomlValue(f: FieldInfo): string {
  return f.key === 'authors' ? `["\${1:${WRITTEN_PLACEHOLDERS.author}}"]` : `"${f.yaml}"`;
}

function frontMatterFix(ctx: RuleContext, fields: FieldInfo[], eol: string): Fix {
  const fm = ctx.model.metadata.frontMatter;
  const toml = isToml(ctx);
  const lines = fields.map((f) => (toml ? `${f.key} = ${tomlValue(f)}` : `${f.key}: ${f.yaml}`));
  // Each key its own tab stop.
  const body = lines.map((l, i) => l.replace('${1:', `\${${i + 1}:`)).join(eol);
  const title = fields.length === 1 ? `Add "${fields[0].key}" to the front matter` : `Add ${fields.map((f) => f.key).join(', ')} to the front matter`;
  if (fm) {
    // Before the closing fence (TOML: before its first table, where top-level keys end).
    let closing = ctx.lines.offset(ctx.lines.lineOf(fm.end - 1), 0);
    if (toml) {
      const table = /^\[[^\n]*$/m.exec(ctx.text.slice(fm.start, closing));
      if (table) closing = fm.start + table.index;
    }
    return { title, edits: [{ start: closing, end: closing, newText: body + eol }], snippet: true, preferred: true };
  }
  return {
    title: `Add front matter with ${fields.map((f) => f.key).join(', ')}`,
    edits: [{ start: 0, end: 0, newText: `---${eol}${body}${eol}---${eol}${eol}` }],
    snippet: true,
    preferred: true,
  };
}

export const metadataMissing = defineRule({
  id: 'metadata-missing',
  defaultSeverity: 'warning',
  summary: 'The metadata has no date, severity, status or authors (one finding per missing field).',
  fixable: true,
  check(ctx) {
    const md = ctx.model.metadata;
    // Front matter that cannot be read is metadata-invalid's finding; what it holds is unknown.
    if (md.source === 'front-matter' && md.problems.some((p) => !p.key)) return;
    const present = new Set<MetadataKey>(Object.keys(md.fields) as MetadataKey[]);
    // A date written in the title ("# Checkout outage — 14 March 2026") is the document's date.
    if (md.derived?.date?.from === 'title') present.add('date');
    // A start time ("start_time: 2026-02-28T17:37:00Z") dates the incident too.
    if (typeof md.fields.start?.value === 'string') present.add('date');
    for (const p of md.problems) {
      const k = p.key && KEY_ALIASES[normKey(p.key)];
      if (k) present.add(k);
    }
    const elsewhere = labelledElsewhere(ctx);
    for (const k of elsewhere.keys()) present.add(k);
    const missing = FIELDS.filter((f) => !present.has(f.key));
    if (!missing.length) return;
    const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
    const anchor = documentAnchor(ctx);
    // New lines copy the shape of the last metadata line; a document without any gets front matter.
    const bold = md.source !== 'front-matter' ? (templateLine(ctx) ?? (elsewhere.size ? Math.max(...elsewhere.values()) : undefined)) : undefined;
    for (const f of missing) {
      const fix =
        bold !== undefined ? lineFix(ctx, bold, f, eol) : md.source === 'front-matter' ? frontMatterFix(ctx, [f], eol) : frontMatterFix(ctx, missing, eol);
      const shaped = bold !== undefined ? shapedLine(ctx, bold, f.label, f.example, eol) : undefined;
      // The message shows the shape with "…" for names (no invented person); dates and levels get an example.
      // A date example is the document's own (its first dated timeline entry), never a fixed one.
      const shown = f.key === 'authors' ? '…' : f.key === 'date' ? (md.derived?.date?.value ?? 'YYYY-MM-DD') : f.example;
      const pair = isToml(ctx) ? `${f.key} = ${f.key === 'authors' ? '[…]' : `"${shown}"`}` : `${f.key}: ${shown}`;
      const how = shaped
        ? `a "${shaped.example.replace('…', shown)}" line`
        : isToml(ctx)
          ? `the line ${pair} to the front matter`
          : `"${pair}"${md.source === 'front-matter' ? ' to the front matter' : ''}`;
      ctx.report(anchor, `The metadata has no ${f.key}; add ${how} ${f.why}.`, fix ? [fix] : undefined);
    }
  },
});

/**
 * The text of an ATX heading line without its closing "#"s: what
 * `/^[ \t]*#{1,6}[ \t]+([^:#]+?)[ \t#]*$/.exec(line)?.[1]` gives, in linear time. (In that pattern the
 * text and the closing run both read spaces, split every way: cubic.) The text ends where the line's
 * trailing run of spaces and "#"s starts; a heading with no text gives its last space when two or more
 * follow the "#"s (the pattern took one back), else nothing.
 */
export function headingText(line: string): string | undefined {
  const open = /^[ \t]*#{1,6}([ \t]+)/.exec(line);
  if (!open) return undefined;
  const start = open[0].length;
  let z = line.length;
  while (z > start && /[ \t#]/.test(line[z - 1])) z--;
  if (z === start) return open[1].length >= 2 ? line[start - 1] : undefined;
  const text = line.slice(start, z);
  return /[:#]/.test(text) ? undefined : text;
}
