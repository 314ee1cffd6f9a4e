/**
 * A shortcut past the YAML library for the front matter nearly every postmortem has: one `key: value`
 * per line, values plain words or a flow list (`authors: [Ana, Ben]`). For such text it returns the
 * pairs with the ranges yaml's parseDocument gives, and the values its `toJS` gives; for anything
 * else (quotes, comments, block lists, anchors, multi-line values, numbers, booleans, null, duplicate
 * keys, tabs, control characters...) it returns undefined and the caller asks yaml.
 *
 * Why: measured in the bench, right after a parse of the 3.5 KB document the YAML library (lexer,
 * parser, composer) cost about 0.45 ms of a 2 ms analysis, for seven short lines. This reader costs a
 * few microseconds. A property test (test/core/flat-yaml.test.ts) checks that whenever it answers,
 * the metadata equals what yaml gives, over generated front matter inside and outside the subset.
 */

export interface FlatPair {
  key: string;
  /** [start, end) of the key in the YAML source. */
  keyRange: [number, number];
  /** [start, end) of the value: a plain scalar without trailing spaces, or a flow list through `]`. */
  valueRange: [number, number];
  value: string | string[];
}

/** A line `key: value`: key a plain word or words, at least one space after the colon, no trailing space. */
const LINE = /^([A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*):( +)(\S(?:.*\S)?)$/;
/** Characters that may not open a plain scalar (YAML 1.2 c-indicator), tested on the first character. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** What the YAML 1.2 core schema reads as null, a boolean, an integer or a float: left to yaml. */
const NOT_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Anything that is not printable single-line text (tabs and carriage returns included), and the BOM. */
const UNUSUAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ud800-\udfff\ufeff\ufffe\uffff]/;

/** A plain scalar in block context that the core schema reads as this very string. */
function plainString(s: string): boolean {
  return !INDICATOR.test(s) && !s.includes('#') && !s.includes(': ') && !s.endsWith(':') && !NOT_STRING.test(s);
}

/** The items of a flow list `[a, b]` when each is a plain string (no quotes, nesting or empty items). */
function flowList(v: string): string[] | undefined {
  if (!v.endsWith(']')) return undefined;
  const inner = v.slice(1, -1);
  if (/[[\]{}]/.test(inner)) return undefined;
  if (inner.trim() === '') return [];
  const items: string[] = [];
  for (const raw of inner.split(',')) {
    const item = raw.trim();
    // A ":" in a flow item can start a pair: left to yaml.
    if (!item || item.includes(':') || !plainString(item)) return undefined;
    items.push(item);
  }
  return items;
}

/** The pairs of `src`, when it is a flat map of plain strings and flow lists; otherwise undefined. */
export function readFlatYaml(src: string): FlatPair[] | undefined {
  if (src === '' || UNUSUAL.test(src)) return undefined;
  const pairs: FlatPair[] = [];
  const seen = new Set<string>();
  let pos = 0;
  while (pos <= src.length) {
    let eol = src.indexOf('\n', pos);
    if (eol < 0) eol = src.length;
    const line = src.slice(pos, eol);
    if (line !== '') {
      const m = LINE.exec(line);
      if (!m) return undefined;
      const [, key, gap, v] = m;
      if (seen.has(key) || NOT_STRING.test(key)) return undefined;
      seen.add(key);
      const start = pos + key.length + 1 + gap.length;
      let value: string | string[] | undefined;
      if (v.startsWith('[')) value = flowList(v);
      else if (plainString(v)) value = v;
      if (value === undefined) return undefined;
      pairs.push({ key, keyRange: [pos, pos + key.length], valueRange: [start, start + v.length], value });
    }
    pos = eol + 1;
  }
  return pairs.length ? pairs : undefined;
}

/**
 * The top-level `key = value` lines of TOML front matter (`+++` fences, as Hugo and Zola write it), in
 * the same shape: basic or literal strings, arrays of strings, and bare values (dates, numbers) as their
 * text. Reading stops at the first table header (`[extra]`); lines it cannot read are skipped. Only
 * what a postmortem's metadata needs: no multi-line strings, inline tables or escapes beyond `\"`.
 */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * The strings of a TOML array's inside, in order: the contents of what `/"((?:[^"\\]|\\.)*)"|'([^']*)'/g`
 * matches there, read in one pass. (That pattern, on an unclosed `"\"\"\"…`, read from every quote to
 * the end of the line: quadratic.) Once a double-quoted string fails to close, every `"` before the
 * place it failed is escaped in its reading, and a string started there fails at the same place, so
 * those are skipped; likewise a single quote with none after it.
 */
function tomlStrings(s: string): string[] {
  const out: string[] = [];
  let doubleDeadUntil = 0;
  let singleDead = false;
  for (let i = 0; i < s.length; ) {
    const c = s[i];
    if (c === '"' && i >= doubleDeadUntil) {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] !== '\\') j++;
        else if (j + 1 < s.length && !LINE_BREAK.test(s[j + 1])) j += 2;
        else break;
      }
      if (j < s.length && s[j] === '"') {
        out.push(s.slice(i + 1, j));
        i = j + 1;
      } else {
        doubleDeadUntil = j;
        i++;
      }
    } else if (c === "'" && !singleDead) {
      const j = s.indexOf("'", i + 1);
      if (j >= 0) {
        out.push(s.slice(i + 1, j));
        i = j + 1;
      } else {
        singleDead = true;
        i++;
      }
    } else i++;
  }
  return out;
}

/** `v` without a trailing `  # comment`: what `v.replace(/\s+#.*$/, '')` gives, in linear time. */
function withoutTomlComment(v: string): string {
  const lastBreak = Math.max(v.lastIndexOf('\n'), v.lastIndexOf('\r'), v.lastIndexOf('\u2028'), v.lastIndexOf('\u2029'));
  for (let h = v.indexOf('#', lastBreak + 1); h >= 0; h = v.indexOf('#', h + 1)) {
    if (h === 0 || !/\s/.test(v[h - 1])) continue;
    let p = h - 1;
    while (p > 0 && /\s/.test(v[p - 1])) p--;
    return v.slice(0, p);
  }
  return v;
}

/** `key = value` of a TOML line: what `/^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.*?)\s*$/` gives, without its quadratic retries on a run of spaces in the value. */
function tomlPair(l: string): [string, string] | undefined {
  const head = /^([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*/.exec(l);
  if (!head) return undefined;
  const value = l.slice(head[0].length).trimEnd();
  return LINE_BREAK.test(value) ? undefined : [head[1], value];
}

export function readFlatToml(src: string): FlatPair[] {
  const out: FlatPair[] = [];
  const seen = new Set<string>();
  let pos = 0;
  for (const line of src.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const l = line.replace(/\r$/, '');
    if (/^\s*\[/.test(l)) break;
    const pair = tomlPair(l);
    if (!pair || seen.has(pair[0])) continue;
    const m = ['', ...pair];
    seen.add(m[1]);
    const vStart = start + l.indexOf(m[2], m[1].length);
    const raw = withoutTomlComment(m[2]);
    let value: string | string[];
    const str = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(raw);
    if (str) value = str[1] !== undefined ? str[1].replace(/\\"/g, '"') : str[2];
    else if (/^\[.*\]$/.test(raw)) {
      value = tomlStrings(raw.slice(1, -1)).map((x) => x.replace(/\\"/g, '"'));
    } else value = raw;
    out.push({ key: m[1], keyRange: [start, start + m[1].length], valueRange: [vStart, vStart + raw.length], value });
  }
  return out;
}
