/**
 * Metadata: YAML front matter (yaml's parseDocument keeps every key's range, zod checks values) or,
 * when there is none, bold label lines above the first section (`**Severity:** SEV-2`).
 */
import type { NodeMemo } from '../engine/nodeMemo';
import type { Root, Yaml } from 'mdast';
import { isMap, isScalar, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { z } from 'zod';
import type { Metadata, MetadataKey, Span } from '../types';
import { readFlatToml } from './flatYaml';
import { findFullDate, isIsoDate } from '../language/dates';
import { trimEndWhere } from '../language/regexp';

/** Front-matter keys (normalised: lower case, `-` and spaces as `_`) and the field they fill. */
export const KEY_ALIASES: Record<string, MetadataKey> = {
  title: 'title',
  name: 'title',
  date: 'date',
  incident_date: 'date',
  severity: 'severity',
  sev: 'severity',
  status: 'status',
  state: 'status',
  authors: 'authors',
  author: 'authors',
  written_by: 'authors',
  commander: 'commander',
  incident_commander: 'commander',
  ic: 'commander',
  responders: 'responders',
  participants: 'responders',
  start: 'start',
  started: 'start',
  incident_start: 'start',
  start_time: 'start',
  started_at: 'start',
  end: 'end',
  ended: 'end',
  incident_end: 'end',
  end_time: 'end',
  resolved_at: 'end',
  type: 'type',
};

export function normKey(k: string): string {
  return k
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "SEV-1" for "Sev1", "sev-1", "SEV 1", "S1"; undefined when it is not a severity level. */
export function normalizeSeverity(raw: string): string | undefined {
  const m = /^\s*(?:sev(?:erity)?|s)[\s_-]*([0-4])\s*$/i.exec(raw);
  return m ? `SEV-${m[1]}` : undefined;
}

const STATUS: Record<string, string> = {
  draft: 'draft',
  wip: 'draft',
  'in review': 'in review',
  review: 'in review',
  'under review': 'in review',
  'ready for review': 'in review',
  final: 'final',
  published: 'final',
  approved: 'final',
  complete: 'final',
  completed: 'final',
};

export function normalizeStatus(raw: string): string | undefined {
  return STATUS[
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ')
  ];
}

const isoDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?$/,
    'expected an ISO date and time such as 2026-03-15T14:02Z',
  )
  .refine((s) => isIsoDate(s.slice(0, 10)), 'not a calendar date');
const personList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** One zod schema per field, so each problem lands on its own key. Values are normalised. */
export const FIELD_SCHEMAS: Record<MetadataKey, z.ZodType<unknown>> = {
  title: z.string().min(1, 'the title is empty'),
  date: z
    .string({ error: 'expected an ISO date such as 2026-03-15' })
    .regex(ISO_DATE, 'expected an ISO date such as 2026-03-15')
    .refine(isIsoDate, 'not a calendar date'),
  severity: z.string({ error: 'expected a severity level SEV-1 to SEV-4' }).transform((s, ctx) => {
    const n = normalizeSeverity(s);
    if (!n || n === 'SEV-0') {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a severity level; use SEV-1 (most severe) to SEV-4` });
      return z.NEVER;
    }
    return n;
  }),
  status: z.string({ error: 'expected draft, in review or final' }).transform((s, ctx) => {
    const n = normalizeStatus(s);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a status; use draft, in review or final` });
      return z.NEVER;
    }
    return n;
  }),
  authors: personList,
  commander: z.string().min(1),
  responders: personList,
  start: isoDateTime,
  end: isoDateTime,
  type: z.string(),
};

const EMPTY: Metadata = { source: 'none', fields: {}, extra: {}, problems: [] };

export function extractMetadata(text: string, tree: Root, memo?: NodeMemo): Metadata {
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined;
  if (yamlNode?.position) {
    if (!memo) return fromFrontMatter(text, yamlNode);
    // The front matter opens the document, so its node never moves: an unchanged one is read once.
    const at = yamlNode.position.start.offset!;
    const hit = memo.get<Metadata>(yamlNode, 'metadata', '', at);
    if (hit && hit.delta === 0) return hit.value;
    const meta = fromFrontMatter(text, yamlNode);
    memo.set(yamlNode, 'metadata', '', at, meta);
    return meta;
  }
  const first = tree.children[0] as { type: string; value?: string; position?: Yaml['position'] } | undefined;
  if (first?.type === 'toml' && first.position) return fromFrontMatter(text, first as unknown as Yaml, 'toml');
  return fromBoldLines(text, tree);
}

function fromFrontMatter(text: string, node: Yaml, kind: 'yaml' | 'toml' = 'yaml'): Metadata {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  // The YAML source starts after the opening fence's line break.
  const nl = text.indexOf('\n', start);
  const base = nl < 0 || nl > end ? end : nl + 1;
  const src = node.value;
  const meta: Metadata = { source: 'front-matter', fields: {}, extra: {}, problems: [], frontMatter: { start, end } };
  const at = (r: readonly number[] | null | undefined): Span =>
    r ? { start: base + r[0], end: base + Math.max(r[0], r[1]) } : { start, end: Math.min(end, start + 3) };

  const pairs = kind === 'toml' ? readFlatToml(src) : yamlPairs(src, meta, at);
  for (const pair of pairs) {
    const { key } = pair;
    const field = KEY_ALIASES[normKey(key)];
    const keySpan = at(pair.keyRange);
    const valueSpan = pair.valueRange ? at(pair.valueRange) : keySpan;
    if ('error' in pair) {
      meta.problems.push({ ...keySpan, key, message: `The value of "${key}" could not be read: ${firstLine(pair.error)}` });
      continue;
    }
    const { value } = pair;
    if (!field) {
      meta.extra[key] = value;
      continue;
    }
    if (meta.fields[field]) continue; // an alias of a field already set: first one wins
    const raw = pair.valueRange ? src.slice(pair.valueRange[0], pair.valueRange[1]) : '';
    if (value === null || value === undefined || value === '') {
      meta.problems.push({ ...keySpan, key, message: `"${key}" has no value.` });
      continue;
    }
    // Numbers and dates written bare in YAML arrive as numbers/strings; compare as text for dates.
    const input = typeof value === 'number' && field !== 'authors' && field !== 'responders' ? String(value) : value;
    const parsed = FIELD_SCHEMAS[field].safeParse(Array.isArray(input) ? input.map((v) => (typeof v === 'string' ? v : String(v))) : input);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'invalid value';
      meta.problems.push({ ...valueSpan, key, message: `"${key}": ${message}.`.replace(/\.\.$/, '.') });
      continue;
    }
    meta.fields[field] = { value: parsed.data, raw, keySpan, valueSpan };
  }
  return meta;
}

/** A key and value of the front matter's map, or the error reading its value. */
type RawPair =
  | { key: string; keyRange?: readonly number[] | null; valueRange?: readonly number[] | null; value: unknown }
  | { key: string; keyRange?: readonly number[] | null; valueRange?: readonly number[] | null; error: string };

/**
 * The pairs of the front matter's map as yaml reads them. Problems that stop the reading (not YAML,
 * not a map) go to `meta.problems`, and then there are no pairs.
 */
function yamlPairs(src: string, meta: Metadata, at: (r: readonly number[] | null | undefined) => Span): RawPair[] {
  let doc;
  try {
    doc = parseDocument(src, { uniqueKeys: true, prettyErrors: false, strict: false });
  } catch (err) {
    const { start } = at(null);
    meta.problems.push({ start, end: start + 3, message: `The front matter could not be read as YAML: ${String(err)}` });
    return [];
  }
  // Only the first error: later ones usually cascade from it.
  for (const e of doc.errors.slice(0, 1)) {
    const [s, t] = e.pos;
    // Point at the whole line where the YAML goes wrong.
    const lineStart = src.lastIndexOf('\n', Math.max(0, s - 1)) + 1;
    let lineEnd = src.indexOf('\n', Math.max(s, lineStart));
    if (lineEnd < 0) lineEnd = src.length;
    const span = at([lineStart, Math.max(lineEnd, Math.min(t, lineEnd))]);
    meta.problems.push({ ...span, message: `The front matter is not valid YAML: ${firstLine(e.message)}` });
  }
  if (doc.errors.length) return [];
  const contents = doc.contents;
  if (contents == null) return [];
  if (!isMap(contents)) {
    meta.problems.push({ ...at(contents.range), message: 'The front matter should be a map of keys to values (`key: value` lines).' });
    return [];
  }
  const pairs: RawPair[] = [];
  for (const pair of contents.items as Pair<YamlNode, YamlNode>[]) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    const valueNode = pair.value;
    const ranges = { key, keyRange: keyNode.range, valueRange: valueNode?.range };
    try {
      pairs.push({ ...ranges, value: valueNode ? valueNode.toJS(doc, { maxAliasCount: 50 }) : null });
    } catch (err) {
      pairs.push({ ...ranges, error: String(err) });
    }
  }
  return pairs;
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * `**Date:** 2026-03-15`, `**Severity**: SEV-2`, `- **Authors:** Ana, Ben` above the first `##` heading,
 * matched on a line without its trailing spaces and tabs (see boldLine).
 */
const BOLD_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)([^*_\n]{1,40}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*([^ \t\n\r\u2028\u2029].*)?$/;

/**
 * A bold metadata line's label and value (without the spaces around it), or undefined: what
 * `/^…(?:\*\*|__)[ \t]*:)[ \t]*(.*?)[ \t]*$/` gave on the line, in linear time. The line's trailing
 * spaces and tabs are cut in code first, and the value starts at a character that is not one, so no
 * two runs of spaces meet (the lazy value before `[ \t]*$` read a run of tabs again from each of its
 * characters: quadratic).
 */
export function boldLine(line: string): { label: string; value: string } | undefined {
  const b = BOLD_LINE.exec(trimEndWhere(line, /[ \t]/));
  return b ? { label: b[1], value: b[2] ?? '' } : undefined;
}

function fromBoldLines(text: string, tree: Root): Metadata {
  let limit = text.length;
  const kids = tree.children;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i];
    if (n.type === 'heading' && n.depth >= 2) {
      limit = n.position!.start.offset!;
      // Metadata lines opening the first section ("## Summary" then "**Date:** …" lines) are read too.
      const next = kids[i + 1];
      if (next && (next.type === 'paragraph' || next.type === 'list') && next.position) {
        const src = text.slice(next.position.start.offset!, next.position.end.offset!);
        const lines = src.split(/\r?\n/).filter((l) => l.trim());
        if (lines.length && lines.every((l) => boldLine(l) !== undefined)) limit = next.position.end.offset!;
      }
      break;
    }
  }
  const meta: Metadata = { ...EMPTY, fields: {}, extra: {}, problems: [] };
  const re = /[^\r\n]*/g;
  let m: RegExpExecArray | null;
  let found = false;
  while ((m = re.exec(text)) && m.index < limit) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const b = boldLine(m[0]);
    if (!b) continue;
    const label = b.label.trim();
    const field = KEY_ALIASES[normKey(label)];
    const labelStart = m.index + m[0].indexOf(b.label);
    const keySpan = { start: labelStart, end: labelStart + b.label.length };
    const valueStart = m.index + m[0].length - b.value.length - (m[0].length - m[0].trimEnd().length);
    const valueSpan = { start: valueStart, end: valueStart + b.value.length };
    found = true;
    if (!field) {
      meta.extra[label] = b.value;
      continue;
    }
    if (meta.fields[field]) continue;
    const rawValue = b.value;
    if (rawValue === '') {
      meta.problems.push({ ...keySpan, key: label, message: `"${label}" has no value.` });
      continue;
    }
    let input: string | string[] = field === 'authors' || field === 'responders' ? splitPeople(rawValue) : rawValue;
    if (field === 'date' && !isIsoDate(rawValue)) {
      // A label line is written for people: "March 3rd, 2026", "14/03/2026", "January 14-19, 2026" (a
      // range: its first day) are read as the date they name. Front matter stays ISO for tools.
      const d = findFullDate(rawValue.replace(/[*_`]/g, ''));
      if (d && d.index === 0 && d.length >= rawValue.replace(/[*_`]/g, '').trim().length - 1) input = d.date;
    }
    const parsed = FIELD_SCHEMAS[field].safeParse(input);
    if (!parsed.success) {
      meta.problems.push({ ...valueSpan, key: label, message: `"${label}": ${parsed.error.issues[0]?.message ?? 'invalid value'}.` });
      continue;
    }
    meta.fields[field] = { value: parsed.data, raw: rawValue, keySpan, valueSpan };
  }
  if (found) meta.source = 'bold';
  return meta;
}

export function splitPeople(s: string): string[] {
  return s
    .split(/(?:(?<!\s)\s+)?(?:,|;|\band\b|&|\/)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}
