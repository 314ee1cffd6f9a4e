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
 * - inline HTML that micromark reads up to its closer, and through the rest of the paragraph when
 *   there is none (`<!--` to `-->`, `<![` to `]]>`, `<?` to `?>`, `<!` to `>`): past MAX_UNCLOSED such
 *   openers of one paragraph with no closer after them, the next are treated as plain text (each
 *   would read to the paragraph's end and find nothing, so the tree does not change);
 * - a bracket (`[`, or `![`) with no closer within MAX_LABEL characters of its paragraph is treated as
 *   plain text: GFM's autolink check walks back from every word to the nearest bracket still open,
 *   so one bracket left open before a long paragraph made the parse quadratic in its length;
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
/** Unclosed inline HTML comments, declarations and processing instructions per paragraph beyond this are plain text. */
export const MAX_UNCLOSED = 16;
/** Characters from a bracket to its closer beyond which the bracket is plain text (no link text is this long). */
export const MAX_LABEL = 1_000;
/** Characters of one line beyond this are read without inline Markdown (emphasis, links, code, HTML, tables). */
export const MAX_LINE = 10_000;
/** Columns of leading whitespace (a tab to the next multiple of 4) beyond which a container marker is plain text. */
export const MAX_INDENT = 64;
/** What a character past a limit reads as: no Markdown meaning, not a space, not a word character. */
export const MASK = '\u00b7';

export type Limit = 'nesting' | 'delimiters' | 'unclosed' | 'label' | 'line';

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
  unclosed: `more than ${MAX_UNCLOSED} unclosed HTML comments or declarations in one paragraph`,
  label: `a bracket with no closer within ${MAX_LABEL.toLocaleString('en-US')} characters`,
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

/** The closer of the inline HTML opened at `k` that micromark reads to, possibly past the line (undefined for any other `<`). */
function htmlCloser(text: string, k: number): string | undefined {
  const c = text.charCodeAt(k + 1);
  if (c === 63 /* ? */) return '?>';
  if (c !== 33 /* ! */) return undefined;
  if (text.startsWith('--', k + 2)) return '-->';
  return text.charCodeAt(k + 2) === 91 /* [ */ ? ']]>' : '>';
}

/** Where the paragraph that goes on at line start `pos` ends: the next blank line or table row, or the end of the text. */
function paragraphEnd(text: string, pos: number): number {
  let eol = text.indexOf('\n', pos);
  if (eol < 0 || text.charCodeAt(pos) === 124 /* | */) return eol < 0 ? text.length : eol;
  for (;;) {
    const start = eol + 1;
    if (start >= text.length) return text.length;
    let k = start;
    while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
    if (k >= text.length || text.charCodeAt(k) === 10 || text.charCodeAt(start) === 124) return start;
    eol = text.indexOf('\n', start);
    if (eol < 0) return text.length;
  }
}

/**
 * For each unescaped `[` in [from, end), where its `]` is (matched as a stack, innermost first), or
 * -1 when none closes it there.
 */
function bracketPartners(text: string, from: number, end: number): Map<number, number> {
  const partner = new Map<number, number>();
  const open: number[] = [];
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 92 /* a backslash escapes the next character */) k++;
    else if (c === 91 /* [ */) {
      open.push(k);
      partner.set(k, -1);
    } else if (c === 93 /* ] */ && open.length > 0) partner.set(open.pop() as number, k);
  }
  return partner;
}

const restIsBlank = (text: string, from: number, to: number): boolean => text.slice(from, to).trim() === '';

/** Where the YAML front matter (a `---` line first, up to the next `---` line) ends, or 0 when there is none. */
function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0;
  let eol = text.indexOf('\n');
  if (eol < 0 || !restIsBlank(text, 3, eol)) return 0;
  for (;;) {
    const start = eol + 1;
    eol = text.indexOf('\n', start);
    const end = eol < 0 ? text.length : eol;
    if (text.startsWith('---', start) && restIsBlank(text, start + 3, end)) return end;
    if (eol < 0) return 0;
  }
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
  let unclosed = 0;
  // The current paragraph's end and, per closer, where it last occurs in the paragraph (found once per
  // paragraph, on its first opener).
  let paraEnd = -1;
  const lastCloser = new Map<string, number>();
  // The current paragraph's brackets and their closers (found once per paragraph, on its first bracket).
  let partners: Map<number, number> | undefined;
  // The open code fence, and whether the line before was blank (or indented code after one).
  let fence: { char: number; length: number } | undefined;
  let afterBlank = true;
  const front = frontMatterEnd(text);
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
    // Code (fenced, or indented after a blank line) is not inline-parsed: the bracket and HTML checks
    // skip it, so a bracket or `<!` in a code sample is never reported.
    let lead = i;
    let indent = 0;
    for (; lead < eol; lead++) {
      const w = text.charCodeAt(lead);
      if (w === 32) indent++;
      else if (w === 9) indent += 4 - (indent % 4);
      else break;
    }
    const fenceChar = text.charCodeAt(lead);
    let fenceLength = 0;
    if (indent < 4 && (fenceChar === 96 || fenceChar === 126)) while (text.charCodeAt(lead + fenceLength) === fenceChar) fenceLength++;
    let code = pos < front;
    if (code) {
      // Front matter is YAML, not Markdown: its brackets are flow sequences.
    } else if (fence) {
      code = true;
      if (fenceLength >= fence.length && fenceChar === fence.char && text.slice(lead + fenceLength, eol).trim() === '') fence = undefined;
    } else if (fenceLength >= 3 && !(fenceChar === 96 && text.slice(lead + fenceLength, eol).includes('`'))) {
      code = true;
      fence = { char: fenceChar, length: fenceLength };
    } else if (indent >= 4 && afterBlank && !blank) code = true;
    afterBlank = blank || (afterBlank && code && !fence);
    if (blank || text.charCodeAt(i) === 124 /* | */) {
      emphasis = 0;
      brackets = 0;
      angles = 0;
      unclosed = 0;
      paraEnd = -1;
      partners = undefined;
      lastCloser.clear();
    }
    const long = Math.min(eol, pos + MAX_LINE);
    for (let k = i; k < long; k++) {
      const c = text.charCodeAt(k);
      if (c === 42 || c === 95 || c === 126) {
        if (++emphasis > MAX_DELIMITERS) mask(k, 'delimiters');
      } else if (c === 91 || c === 93) {
        if (++brackets > MAX_DELIMITERS) mask(k, 'delimiters');
        else if (c === 91 && !code) {
          if (paraEnd < 0) paraEnd = paragraphEnd(text, pos);
          partners ??= bracketPartners(text, k, paraEnd);
          const to = partners.get(k);
          if (to !== undefined && (to < 0 || to - k > MAX_LABEL)) mask(k, 'label');
        }
      } else if (c === 60 /* < */) {
        if (++angles > MAX_DELIMITERS) mask(k, 'delimiters');
        else if (!code) {
          const closer = htmlCloser(text, k);
          if (closer === undefined) continue;
          if (paraEnd < 0) paraEnd = paragraphEnd(text, pos);
          let last = lastCloser.get(closer);
          if (last === undefined) {
            const found = text.slice(pos, paraEnd).lastIndexOf(closer);
            lastCloser.set(closer, (last = found < 0 ? -1 : pos + found));
          }
          if (last < k + 2 && ++unclosed > MAX_UNCLOSED) mask(k, 'unclosed');
        }
      }
    }
    for (let k = Math.max(i, long); k < eol; k++) if (inlineMark(text.charCodeAt(k))) mask(k, 'line');
    pos = eol + 1;
    line++;
  }
  close();
  return chars ? { text: chars.join(''), limited, notices } : { text, limited, notices };
}
