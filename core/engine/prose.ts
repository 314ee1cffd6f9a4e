/**
 * The document's prose as sentences, for phrase rules. Built once per analysis from the tree:
 * paragraphs, headings, list items and table cells; code (spans and blocks), HTML, link URLs and front
 * matter are left out. Each sentence maps its characters back to source offsets.
 */
import type { Nodes, Root } from 'mdast';
import { sectionAt } from '../extract/sections';
import { fold } from '../language/match';
import type { PostmortemModel, Span } from '../types';

/** Stands in for an inline code span inside prose: a system noun for subject detection, never a phrase. */
export const CODE_TOKEN = 'codespan';

export interface Sentence {
  text: string;
  /** `fold(text)` (match.ts): case and apostrophes folded, same length; what phrase matchers scan. */
  folded: string;
  span: Span;
  /** Innermost section index, or -1. */
  section: number;
  /** Inside a blockquote. */
  quoted: boolean;
  /** Inside a table cell. */
  cell: boolean;
  /** Index of the unit (paragraph, heading, cell) it belongs to. */
  unit: number;
  /** Source offset of a character of `text`. */
  offsetAt(i: number): number;
}

export interface Prose {
  sentences: Sentence[];
}

interface Piece {
  at: number; // index in unit text
  src: number; // source offset
  len: number;
  exact: boolean; // the piece's text equals its source slice
}

interface Unit {
  text: string;
  pieces: Piece[];
  quoted: boolean;
  cell: boolean;
  start: number;
}

/** Appends a node's inline content to the unit, in document order. Iterative: nesting depth costs no stack. */
function collect(root: Nodes, unit: Unit, text: string): void {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'text': {
        const s = node.position?.start.offset;
        const e = node.position?.end.offset;
        if (s === undefined || e === undefined) continue;
        unit.pieces.push({ at: unit.text.length, src: s, len: node.value.length, exact: text.slice(s, e) === node.value });
        unit.text += node.value;
        continue;
      }
      case 'inlineCode': {
        const s = node.position?.start.offset ?? 0;
        unit.pieces.push({ at: unit.text.length, src: s, len: CODE_TOKEN.length, exact: false });
        unit.text += CODE_TOKEN;
        continue;
      }
      case 'break':
        unit.text += ' ';
        continue;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        unit.text += ' ';
        continue;
      case 'link':
        // An autolink's text is its URL: leave it out.
        if (node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value === node.url) {
          unit.text += ' ';
          continue;
        }
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
        continue;
      default:
        if ('children' in node) {
          const children = node.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
        }
    }
  }
}

function mapper(unit: Unit): (i: number) => number {
  const pieces = unit.pieces;
  return (i: number) => {
    let lo = 0;
    let hi = pieces.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pieces[mid].at <= i) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return pieces.length ? pieces[0].src : unit.start;
    const p = pieces[best];
    const d = i - p.at;
    if (d <= p.len) return p.src + (p.exact ? d : Math.min(d, p.len));
    return p.src + p.len;
  };
}

/** Abbreviations whose period does not end a sentence. */
const ABBREV = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|mr|mrs|ms|dr|st|no|fig|cf|a\.m|p\.m|u\.s|min|sec|hrs?)\.|\b[A-Z]\.)$/i;

/** ABBREV reads at most this many characters before a period (the longest abbreviation and a word edge). */
const ABBREV_REACH = 10;
// Starts only at the first mark of a run: a run of "." or "!" not followed by a space is read once,
// not once per mark (quadratic before).
const SENTENCE_END = /(?<![.!?])[.!?]+(?=["')\]’”]*(?:\s+|$))/g;
const NEXT_WORD = /\s+(\S)/g;

function splitSentences(t: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = SENTENCE_END;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t))) {
    const end = m.index + m[0].length;
    // Only the end of the sentence so far can hold an abbreviation (ABBREV is anchored at the end).
    const before = t.slice(Math.max(start, end - ABBREV_REACH), end);
    if (m[0] === '.' && ABBREV.test(before)) continue;
    // "3.5" never matches (no space follows); a period before a lower-case word rarely ends a sentence.
    NEXT_WORD.lastIndex = end;
    const next = NEXT_WORD.exec(t);
    if (m[0] === '.' && next && /[a-z]/.test(next[1]) && !/^\s*$/.test(t.slice(end, end + 1))) continue;
    out.push([start, end]);
    start = end;
    while (start < t.length && /\s/.test(t[start])) start++;
  }
  if (start < t.length && t.slice(start).trim()) out.push([start, t.length]);
  return out;
}

/**
 * `offsetAt` of a sentence starting at `s` of its unit. Made here, outside buildProse, so the closure
 * holds only `map` and `s`: a closure made inside would keep buildProse's whole scope alive (the
 * document text and model of that version) for as long as a cache keeps the sentence.
 */
function shifted(map: (i: number) => number, s: number): (i: number) => number {
  return (i: number) => map(s + i);
}

export function buildProse(text: string, tree: Root, model: PostmortemModel): Prose {
  const units: Unit[] = [];
  // Depth-first, in document order, without recursion (a deeply nested document costs no stack).
  const stack: Array<{ node: Nodes; quoted: boolean }> = [{ node: tree, quoted: false }];
  while (stack.length) {
    const { node, quoted } = stack.pop()!;
    // TOML front matter (+++) is metadata, like YAML front matter: no prose.
    if ((node.type as string) === 'toml') continue;
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const unit: Unit = { text: '', pieces: [], quoted, cell: node.type === 'tableCell', start: node.position?.start.offset ?? 0 };
        for (const c of node.children) collect(c as Nodes, unit, text);
        if (unit.text.trim()) units.push(unit);
        continue;
      }
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
        continue;
      default:
        if ('children' in node) {
          const children = node.children as Nodes[];
          const q = quoted || node.type === 'blockquote';
          for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], quoted: q });
        }
    }
  }
  const sentences: Sentence[] = [];
  units.forEach((u, ui) => {
    const map = mapper(u);
    // fold works one code unit at a time, so a slice of the folded unit is the folded sentence.
    const folded = fold(u.text);
    for (const [s, e] of splitSentences(u.text)) {
      const txt = u.text.slice(s, e);
      const start = map(s);
      sentences.push({
        text: txt,
        folded: folded.slice(s, e),
        span: { start, end: Math.max(start, map(e)) },
        section: sectionAt(model.sections, start),
        quoted: u.quoted,
        cell: u.cell,
        unit: ui,
        offsetAt: shifted(map, s),
      });
    }
  });
  return { sentences };
}
