/**
 * The bounds on what the analysis reads. A document longer than DEFAULT_MAX_SIZE is not analysed at
 * all (one notice instead; skipReason in core/index.ts). Within it, bounded input before the parser:
 * one linear pre-scan that caps what makes Markdown parsing super-linear or deeply recursive, so
 * that no input can make the parse (micromark, remark-gfm's walk) or the project's own walks blow up:
 * - container nesting written on one line (`> > > …`, `- - - …`, `1. 1. …`): markers past
 *   MAX_NESTING are treated as plain text;
 * - emphasis and strike delimiters (`*`, `_`, `~`), brackets (`[`, `]`) and tag openers (`<`, as in
 *   a run of unclosed `<!--`) of one paragraph (or one table row): past MAX_DELIMITERS each kind is
 *   treated as plain text.
 * - line length: past MAX_LINE characters of one line, the characters with inline Markdown meaning
 *   (`*`, `_`, `~`, `[`, `]`, `<`, `>`, backticks, `\`, `|`, `!`, `&`) are treated as plain text, so a very
 *   long line costs the parser a bounded amount of inline work per character;
 * - nesting written by indentation across lines (`- a`, then `  - b` indented one level more on the
 *   next line, and so on): a list or quote marker after more than MAX_INDENT columns of leading
 *   whitespace is treated as plain text, so depth cannot grow with the document (the same-line count
 *   above cannot see it, and the parser's work grows with the square of the depth).
 * "Treated as plain text" means each such character is read as MASK, a character with no Markdown
 * meaning, in the text the analysis reads; the length does not change, so every offset still points
 * at the same place of the document. A real postmortem is far inside both limits.
 */

/** Documents above this size (in UTF-16 units) are skipped with one notice, unless options say otherwise. */
export const DEFAULT_MAX_SIZE = 2_000_000;
/** Containers opened on one line beyond this are plain text. */
export const MAX_NESTING = 16;
/** Emphasis delimiters or brackets per paragraph (or table row) beyond this are plain text. */
export const MAX_DELIMITERS = 400;
/** Characters of one line beyond this are read without inline Markdown (emphasis, links, code, HTML, tables). */
export const MAX_LINE = 10_000;
/** Columns of leading whitespace (a tab to the next multiple of 4) beyond which a container marker is plain text. */
export const MAX_INDENT = 64;
/** What a character past a limit reads as: no Markdown meaning, not a space, not a word character. */
export const MASK = '\u00b7';

export type Limit = 'nesting' | 'delimiters' | 'line';

export interface Bounded {
  text: string;
  /** Where characters were read as plain text (empty when the text is within every limit). */
  limited: Array<{ start: number; end: number }>;
  /**
   * One notice per bounded stretch (the limited characters of a line, joined with those of the lines
   * right after it): where it is and which limit, in words, for the author.
   */
  notices: Array<{ start: number; end: number; message: string }>;
}

const WHY: Record<Limit, string> = {
  nesting: `lists or quotes nested deeper than ${MAX_NESTING} levels`,
  delimiters: `more than ${MAX_DELIMITERS} emphasis marks, brackets or tags in one paragraph`,
  line: `a line longer than ${MAX_LINE.toLocaleString('en-US')} characters`,
};

/** A character with inline Markdown meaning: what the line limit reads as plain text. */
function inlineMark(c: number): boolean {
  // * _ ~ [ ] < > ` \ | ! &
  return c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 60 || c === 62 || c === 96 || c === 92 || c === 124 || c === 33 || c === 38;
}

/** Where the container marker at `j` (`>`, a bullet or an ordered item's number) ends, or -1 when there is none. */
function markerEnd(text: string, j: number, eol: number): number {
  const c = text.charCodeAt(j);
  if (c === 62 /* > */) return j + 1;
  if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) return j + 1;
  if (c >= 48 && c <= 57) {
    let k = j;
    while (k < eol && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    const d = text.charCodeAt(k);
    if ((d === 46 || d === 41) /* . ) */ && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) return k + 1;
  }
  return -1;
}

export function boundInput(text: string): Bounded {
  let chars: string[] | undefined;
  const limited: Array<{ start: number; end: number }> = [];
  const notices: Bounded['notices'] = [];
  // The current notice: its range, its limits, and the line it reaches to (it grows over the next line).
  let open: { start: number; end: number; why: Set<Limit>; line: number } | undefined;
  let line = 0;
  const close = () => {
    if (!open) return;
    notices.push({
      start: open.start,
      end: open.end,
      message: `This part was read as plain text (${[...open.why].map((w) => WHY[w]).join('; ')}), so its Markdown formatting is not checked.`,
    });
    open = undefined;
  };
  const mask = (i: number, why: Limit) => {
    (chars ??= text.split(''))[i] = MASK;
    const last = limited[limited.length - 1];
    if (last && last.end >= i - 1 && last.end <= i) last.end = i + 1;
    else limited.push({ start: i, end: i + 1 });
    if (open && open.line < line - 1) close();
    if (open) {
      open.end = i + 1;
      open.why.add(why);
      open.line = line;
    } else open = { start: i, end: i + 1, why: new Set([why]), line };
  };
  let emphasis = 0;
  let brackets = 0;
  let angles = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    // Container markers at the start of the line.
    let i = pos;
    let depth = 0;
    let columns = 0;
    for (;;) {
      let j = i;
      while (j < eol && j - i < 3 && text.charCodeAt(j) === 32) j++;
      // Leading whitespace, added up over the line's containers: nesting by indentation (the lines
      // before opened the containers this one continues), as deep as the whitespace is wide.
      let k = i;
      for (; k < eol; k++) {
        const w = text.charCodeAt(k);
        if (w === 32) columns++;
        else if (w === 9) columns += 4 - (columns % 4);
        else break;
      }
      if (columns > MAX_INDENT) {
        const end = markerEnd(text, k, eol);
        for (let m = k; m < end; m++) mask(m, 'nesting');
        break;
      }
      const end = markerEnd(text, j, eol);
      if (end < 0) break;
      depth++;
      if (depth > MAX_NESTING) for (let k = j; k < end; k++) mask(k, 'nesting');
      i = end;
      if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    }
    // A blank line ends a paragraph; a table row is inline-parsed cell by cell: count per row.
    let blank = true;
    for (let k = pos; k < eol; k++) {
      const c = text.charCodeAt(k);
      if (c !== 32 && c !== 9 && c !== 13) {
        blank = false;
        break;
      }
    }
    if (blank || text.charCodeAt(i) === 124 /* | */) {
      emphasis = 0;
      brackets = 0;
      angles = 0;
    }
    const long = Math.min(eol, pos + MAX_LINE);
    for (let k = i; k < long; k++) {
      const c = text.charCodeAt(k);
      if (c === 42 || c === 95 || c === 126) {
        if (++emphasis > MAX_DELIMITERS) mask(k, 'delimiters');
      } else if (c === 91 || c === 93) {
        if (++brackets > MAX_DELIMITERS) mask(k, 'delimiters');
      } else if (c === 60 /* < */) {
        if (++angles > MAX_DELIMITERS) mask(k, 'delimiters');
      }
    }
    for (let k = Math.max(i, long); k < eol; k++) if (inlineMark(text.charCodeAt(k))) mask(k, 'line');
    pos = eol + 1;
    line++;
  }
  close();
  return chars ? { text: chars.join(''), limited, notices } : { text, limited, notices };
}
