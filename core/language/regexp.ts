/**
 * Regular-expression helpers for the core.
 *
 * `String#matchAll` copies its regular expression on every call (the spec's SpeciesConstructor), and
 * V8 then runs the copy from scratch instead of the already compiled and optimised original. For the
 * long alternations the rules use, called once per sentence, that copy was most of the cost: measured
 * on the bench's 3.5 KB postmortem, one pattern over 86 sentences took 75 µs with matchAll and 5 µs
 * with the loop below; another took 309 µs against 15 µs. The core therefore never calls matchAll
 * (test/core/architecture.test.ts checks it).
 */

/**
 * Every match of the global `re` in `text`, in order: what `[...text.matchAll(re)]`
 * gives, without copying `re`. Empty matches advance by one character (one code point with the
 * `u` or `v` flag), as matchAll does. Matches are collected before returning, so a caller may use
 * `re` again while going through them.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global regular expression');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push(m);
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Every match of the sticky `re` in `text`, left to right, none overlapping, tried only where the
 * global `starts` finds a place it can begin: what a global search for `re` gives when no match can
 * begin elsewhere. (A global search retries a pattern from every position; recheck's fuzzer found that
 * quadratic for some name patterns, which anchored at their starts are linear.)
 */
export function matchesAtStarts(re: RegExp, starts: RegExp, text: string): RegExpExecArray[] {
  if (!re.sticky || !starts.global) throw new TypeError('matchesAtStarts needs a sticky pattern and global starts');
  const out: RegExpExecArray[] = [];
  starts.lastIndex = 0;
  for (let at = starts.exec(text); at; at = starts.exec(text)) {
    re.lastIndex = at.index;
    const m = re.exec(text);
    if (m) {
      out.push(m);
      starts.lastIndex = m.index + m[0].length;
    }
  }
  starts.lastIndex = re.lastIndex = 0;
  return out;
}

function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/**
 * `s` with each HTML comment ("<!--" through the next "-->") replaced by `by(comment)`: what
 * `s.replace(/<!--[\s\S]*?-->/g, by)` gives, in linear time. (That pattern, from every "<!--" of a
 * run with no "-->", read to the end of the text: quadratic.) `blank` replaces a comment by spaces of
 * its length, keeping offsets.
 */
export function replaceComments(s: string, by: (comment: string) => string): string {
  let out = '';
  let from = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', from)) {
    const close = s.indexOf('-->', open + 4);
    if (close < 0) break; // no comment closes after this one, nor after any later "<!--"
    out += s.slice(from, open) + by(s.slice(open, close + 3));
    from = close + 3;
  }
  return from === 0 ? s : out + s.slice(from);
}

export const blank = (m: string): string => ' '.repeat(m.length);

/**
 * `s` without the run of characters matching `one` (a pattern for a single character, such as
 * `/[\s*_]/`) at its end: what `s.replace(/[\s*_]+$/, '')` gives, in linear time. (That pattern tries
 * every character of a long run inside the text, and from each reads the rest of the run: quadratic.)
 * `one` is tested on single UTF-16 units, so it must not need a surrogate pair.
 */
export function trimEndWhere(s: string, one: RegExp): string {
  let end = s.length;
  while (end > 0 && one.test(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the run of characters matching `one` at its start: `s.replace(/^[…]+/, '')`. */
export function trimStartWhere(s: string, one: RegExp): string {
  let start = 0;
  while (start < s.length && one.test(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

/**
 * `s` without its last word and the spaces before it: what `s.replace(/\s+\S+$/, '')` gives (unchanged
 * when `s` ends in a space or has none), read from the end instead of retrying from every space.
 */
export function withoutLastWord(s: string): string {
  let i = s.length;
  while (i > 0 && !/\s/.test(s[i - 1])) i--;
  return i === s.length || i === 0 ? s : trimEndWhere(s.slice(0, i), /\s/);
}

/**
 * `s` without its trailing run of spaces, or else without its last word and the spaces before it:
 * what `s.replace(/\s+\S*$/, '')` gives, read from the end instead of retrying from every space.
 */
export function withoutTrailingWordOrSpace(s: string): string {
  let i = s.length;
  while (i > 0 && !/\s/.test(s[i - 1])) i--;
  let j = i;
  while (j > 0 && /\s/.test(s[j - 1])) j--;
  return j === i ? s : s.slice(0, j);
}

/**
 * Where the last line of `s` starts: after its last line terminator (\n, \r, U+2028, U+2029, what
 * `.` does not match). A pattern ending in `.*$` can only match on that line.
 */
export function lastLineStart(s: string): number {
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return i + 1;
  }
  return 0;
}

/**
 * The length of the `  by  ` that ends `s`: what `/\s+by\s+$/i.exec(s)?.[0].length` gives, read from
 * the end instead of retrying from every space of a run.
 */
export function trailingByLength(s: string): number | undefined {
  const t = s.trimEnd();
  if (t.length === s.length || !/by$/i.test(t)) return undefined;
  const before = t.slice(0, -2);
  const head = before.trimEnd();
  return head.length === before.length ? undefined : s.length - head.length;
}

/**
 * `s` with each stretch from a match of `opener` (a global pattern, such as /\(/g or /\$\{\d+:/g) to
 * the next `close` character replaced by `by(body)`: what `s.replace(/OPENER([^C]*)C/g, (_, body) =>
 * by(body))` gives, in linear time. (That pattern, from every opener of a run with no closer, read to
 * the end of the text: quadratic.) When no closer follows an opener, none follows a later one: done.
 * When `by` gives undefined, the stretch is no match and stays (as a pattern that also requires
 * something of the body fails there, and at every opener before the same closer).
 */
export function replaceDelimited(s: string, opener: RegExp, close: string, by: (body: string) => string | undefined): string {
  let out = '';
  let from = 0;
  opener.lastIndex = 0;
  for (let m = opener.exec(s); m; m = opener.exec(s)) {
    const bodyStart = m.index + m[0].length;
    const end = s.indexOf(close, bodyStart);
    if (end < 0) break;
    const to = by(s.slice(bodyStart, end));
    out += to === undefined ? s.slice(from, end + 1) : s.slice(from, m.index) + to;
    from = opener.lastIndex = end + 1;
  }
  opener.lastIndex = 0;
  return from === 0 ? s : out + s.slice(from);
}

/**
 * `s` with each Markdown link `[text](target)` replaced by its text: what
 * `s.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')` gives, in linear time (that pattern read to the end of
 * the text from every "[" of a run with no "](…)").
 */
export function linksToText(s: string): string {
  let out = '';
  let from = 0;
  for (let open = s.indexOf('[', from); open >= 0; open = s.indexOf('[', from)) {
    const shut = s.indexOf(']', open + 1);
    if (shut < 0) break; // no "]" after this "[", nor after a later one
    if (s[shut + 1] !== '(') {
      // Every "[" before this "]" meets the same "]": none of them starts a link.
      const next = s.indexOf('[', shut + 1);
      if (next < 0) break;
      out += s.slice(from, next);
      from = next;
      continue;
    }
    const end = s.indexOf(')', shut + 2);
    if (end < 0) break; // no ")" after this "](", nor after any later one
    out += s.slice(from, open) + s.slice(open + 1, shut);
    from = end + 1;
  }
  return out + s.slice(from);
}

/**
 * `s` without a parenthesis at its end and the spaces around it: what `s.replace(/\s*\([^)]*\)\s*$/,
 * '')` gives, in linear time. (That pattern tried every space of a long run, and from each read the
 * rest of the run: quadratic.) The parenthesis opens at the first "(" after the ")" before the last.
 */
export function withoutTrailingParenthesis(s: string): string {
  const t = s.trimEnd();
  if (!t.endsWith(')')) return s;
  const open = t.indexOf('(', t.lastIndexOf(')', t.length - 2) + 1);
  return open < 0 || open >= t.length - 1 ? s : s.slice(0, open).trimEnd();
}

/**
 * True when `s` holds a link target "](target)": what `/\]\(\s*[^)\s]+\s*\)/.test(s)` gives, in linear
 * time. (That pattern read a run of "](](…" to its end from every opener in it: quadratic.) Every opener
 * inside a target's run, but one that ends the run, reaches the same end, so the search goes on there.
 */
export function hasLinkTarget(s: string): boolean {
  const space = (i: number): boolean => i < s.length && /\s/.test(s[i]);
  let from = 0;
  for (let o = s.indexOf('](', from); o >= 0; o = s.indexOf('](', from)) {
    let i = o + 2;
    while (space(i)) i++;
    let j = i;
    while (j < s.length && s[j] !== ')' && !space(j)) j++;
    if (j > i) {
      let k = j;
      while (space(k)) k++;
      if (s[k] === ')') return true;
    }
    from = Math.max(o + 1, j - 2); // an opener just before j starts a new run after spaces
  }
  return false;
}

/**
 * `s` without its HTML comments that stay on one line: what `s.replace(/<!--.*?-->/g, '')` gives
 * (`.` stops at a line terminator), in linear time, as replaceComments on each line.
 */
export function withoutLineComments(s: string): string {
  return s.includes('<!--')
    ? s
        .split(/([\n\r\u2028\u2029])/)
        .map((p) => replaceComments(p, () => ''))
        .join('')
    : s;
}

const ASCII_LETTER = /[A-Za-z]/;
const WORD = /\w/;
const IDENT_PART = /[A-Za-z-]/;
const IDENT_TAIL = /[\w-]/;

/**
 * `s` with each identifier holding a digit ("db-2", "v8x") replaced by `by`: what
 * `s.replace(/\b[A-Za-z][A-Za-z-]*\d[\w-]*\/g, by)` gives, in linear time. (That pattern, from each
 * word start of a run like "a-a-a-…", read the run to its end: quadratic.) Every start inside a run of
 * letters and hyphens reaches the same end, so a run with no digit after it is passed over once.
 */
export function replaceIdentifiers(s: string, by: string): string {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < s.length) {
    if (!ASCII_LETTER.test(s[i]) || (i > 0 && WORD.test(s[i - 1]))) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < s.length && IDENT_PART.test(s[e])) e++;
    if (e < s.length && s[e] >= '0' && s[e] <= '9') {
      let f = e + 1;
      while (f < s.length && IDENT_TAIL.test(s[f])) f++;
      out += s.slice(from, i) + by;
      from = i = f;
    } else i = e;
  }
  return from === 0 ? s : out + s.slice(from);
}
