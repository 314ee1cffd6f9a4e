/**
 * THE TEXT MODEL: the one place where the text a caller gives `analyze` and the text the analysis
 * reads differ, and where every offset of the result passes through on its way back.
 *
 * The analysis reads a normalised text: no byte-order mark (micromark drops a leading U+FEFF, so the
 * parser's positions would otherwise be one character early), and every line break written as LF
 * (CRLF collapses to one character, a lone CR becomes LF). Every span of the result (findings,
 * fixes, suppressed findings, the model) is mapped back to offsets into the caller's text, and
 * every line break a fix inserts is written the way the document writes them (its first line break),
 * so a fix applied to the caller's text lands where it aims and keeps a CR-only file CR-only.
 *
 * A document without a BOM and without CR (nearly all) passes through untouched, at no cost.
 */

export interface TextView {
  /** The text the analysis reads. */
  text: string;
  /** Maps an offset into `text` to an offset into the original text. */
  toOriginal(offset: number): number;
  /** How a line break is written in the original text. */
  eol: string;
  /** True when the normalised text is the original text. */
  identity: boolean;
}

const BOM = '\uFEFF';

export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The line break the document uses: its first one (LF when it has none). */
export function documentEol(text: string): string {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

export function textView(original: string): TextView {
  const bom = hasBom(original) ? 1 : 0;
  const hasCr = original.includes('\r');
  if (!bom && !hasCr) return { text: original, toOriginal: (o) => o, eol: '\n', identity: true };
  const body = bom ? original.slice(1) : original;
  if (!hasCr) return { text: body, toOriginal: (o) => o + bom, eol: '\n', identity: false };
  // Offsets (in the normalised text) of the LF each CRLF became; an offset after k of them is k + bom
  // characters further on in the original.
  const collapsed: number[] = [];
  let out = '';
  let from = 0;
  for (let i = body.indexOf('\r'); i >= 0; i = body.indexOf('\r', i + 1)) {
    if (body.charCodeAt(i + 1) === 10) {
      out += body.slice(from, i);
      collapsed.push(out.length);
      from = i + 1; // keep the LF
    }
  }
  out += body.slice(from);
  const text = out.replace(/\r/g, '\n');
  const toOriginal = (o: number): number => {
    // Number of collapsed line breaks strictly before `o` (the break at `o` itself starts at its CR).
    let lo = 0;
    let hi = collapsed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (collapsed[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return o + lo + bom;
  };
  return { text, toOriginal, eol: documentEol(body), identity: false };
}

/** Keys whose values are data from the document (front matter values), not positions. */
const NOT_POSITIONS = new Set(['extra', 'value']);

/**
 * A copy of `value` with every span ({start, end} numbers) and `contentEnd` mapped to the original
 * text, and every fix's inserted line breaks written as the document writes them.
 */
export function mapPositions<T>(value: T, view: TextView): T {
  if (view.identity) return value;
  const eolOf = view.eol === '\n' ? undefined : view.eol;
  const seen = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const done = seen.get(v);
    if (done) return done;
    if (Array.isArray(v)) {
      const arr: unknown[] = new Array(v.length);
      seen.set(v, arr);
      for (let i = 0; i < v.length; i++) arr[i] = walk(v[i]);
      return arr;
    }
    const src = v as Record<string, unknown>;
    const obj: Record<string, unknown> = {};
    seen.set(v, obj);
    for (const key of Object.keys(src)) {
      const x = src[key];
      obj[key] = NOT_POSITIONS.has(key) ? x : walk(x);
    }
    if (typeof src.start === 'number' && typeof src.end === 'number') {
      obj.start = view.toOriginal(src.start);
      obj.end = view.toOriginal(src.end);
      if (eolOf && typeof src.newText === 'string') obj.newText = src.newText.replace(/\r\n|\r|\n/g, eolOf);
    }
    if (typeof src.contentEnd === 'number') obj.contentEnd = view.toOriginal(src.contentEnd);
    return obj;
  };
  return walk(value) as T;
}

export { BOM };
