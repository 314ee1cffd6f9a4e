/**
 * Converts between UTF-16 offsets and 0-based line/character positions. Handles LF, CRLF and CR.
 * A leading byte-order mark is not a character of line 1 (editors do not show it; columns count
 * from the first character after it), though offsets still count it (core/engine/textModel.ts).
 */
export class LineIndex {
  /** Offsets at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    // Without carriage returns (nearly always), the native indexOf finds the line breaks.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line and character of an offset (clamped into the text). */
  position(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.max(0, o - this.lineStarts[lo]) };
  }

  offset(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[line] + Math.max(0, character), this.lineEnd(line));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 < this.lineStarts.length) {
      let end = this.lineStarts[line + 1];
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (this.text.charCodeAt(end - 1) === 13) end--;
      return end;
    }
    return this.text.length;
  }

  lineOf(offset: number): number {
    return this.position(offset).line;
  }
}
