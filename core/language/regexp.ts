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
