/**
 * TOML front matter read in one pass (yaml front matter goes to the YAML library: a flat-YAML shortcut
 * that was here saved under 1% of a keystroke and of a CLI run, measured by bench/fastpaths.ts, and went).
 */

export interface FlatPair {
  key: string;
  /** [start, end) of the key in the source. */
  keyRange: [number, number];
  /** [start, end) of the value. */
  valueRange: [number, number];
  value: string | string[];
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
  for (let i = 0; i < s.length;) {
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
