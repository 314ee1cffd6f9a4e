/**
 * Bounded input before the parser: one linear pre-scan that caps what makes Markdown parsing
 * super-linear or deeply recursive, so that no input can make the parse (micromark, remark-gfm's
 * walk) or the project's own walks blow up:
 * - container nesting written on one line (`> > > …`, `- - - …`, `1. 1. …`): markers past
 *   MAX_NESTING are treated as plain text;
 * - emphasis and strike delimiters (`*`, `_`, `~`), brackets (`[`, `]`) and tag openers (`<`, as in
 *   a run of unclosed `<!--`) of one paragraph (or one table row): past MAX_DELIMITERS each kind is
 *   treated as plain text.
 * "Treated as plain text" means each such character is read as MASK, a character with no Markdown
 * meaning, in the text the analysis reads; the length does not change, so every offset still points
 * at the same place of the document. A real postmortem is far inside both limits.
 */

/** Containers opened on one line beyond this are plain text. */
export const MAX_NESTING = 16;
/** Emphasis delimiters or brackets per paragraph (or table row) beyond this are plain text. */
export const MAX_DELIMITERS = 400;
/** What a character past a limit reads as: no Markdown meaning, not a space, not a word character. */
export const MASK = '\u00b7';

export interface Bounded {
  text: string;
  /** Where characters were read as plain text (empty when the text is within every limit). */
  limited: Array<{ start: number; end: number }>;
}

export function boundInput(text: string): Bounded {
  let chars: string[] | undefined;
  const limited: Array<{ start: number; end: number }> = [];
  const mask = (i: number) => {
    (chars ??= text.split(''))[i] = MASK;
    const last = limited[limited.length - 1];
    if (last && last.end >= i - 1 && last.end <= i) last.end = i + 1;
    else limited.push({ start: i, end: i + 1 });
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
    for (;;) {
      let j = i;
      while (j < eol && j - i < 3 && text.charCodeAt(j) === 32) j++;
      const c = text.charCodeAt(j);
      let end = -1;
      if (c === 62 /* > */) end = j + 1;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) end = j + 1;
      else if (c >= 48 && c <= 57) {
        let k = j;
        while (k < eol && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d === 46 || d === 41) /* . ) */ && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) end = k + 1;
      }
      if (end < 0) break;
      depth++;
      if (depth > MAX_NESTING) for (let k = j; k < end; k++) mask(k);
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
    for (let k = i; k < eol; k++) {
      const c = text.charCodeAt(k);
      if (c === 42 || c === 95 || c === 126) {
        if (++emphasis > MAX_DELIMITERS) mask(k);
      } else if (c === 91 || c === 93) {
        if (++brackets > MAX_DELIMITERS) mask(k);
      } else if (c === 60 /* < */) {
        if (++angles > MAX_DELIMITERS) mask(k);
      }
    }
    pos = eol + 1;
  }
  return chars ? { text: chars.join(''), limited } : { text, limited };
}
