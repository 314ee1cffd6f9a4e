/**
 * Markdown parsing: unified + remark-parse + remark-frontmatter + GFM (remark-gfm's extensions), built once.
 *
 * The document is cut into blocks at top-level ATX headings (outside front matter, fenced code and
 * HTML comments) and each block is parsed on its own. A heading always starts a new block in
 * CommonMark, so the trees are the same as a whole-document parse, except that a link reference
 * definition only applies within its own block. Cutting keeps the parser's cost linear in the number
 * of sections (micromark's table handling grows faster than linearly within one block), and lets a
 * `ParseCache` reuse the tree of every block an edit did not touch.
 *
 * Documents under `WHOLE_PARSE_MAX` characters are parsed in one piece: each parse call has a fixed
 * cost (~0.2 ms) that a dozen small blocks would pay a dozen times (a third more for a typical
 * postmortem). With a cache (an editor, re-analysing after every keystroke) a small document is cut
 * anyway, so a keystroke re-parses one section, but only when cutting cannot change the tree: when
 * the text has no link or footnote definitions and no HTML block (other than comments, which the
 * cutter follows). Then both ways give the same tree, and a warm cache still returns exactly what a
 * cold analysis does (the incremental tests compare them).
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { fastPaths } from './fastPaths';
import { NodeMemo, own } from './nodeMemo';

/**
 * GFM as remark-gfm reads it (its micromark and mdast extensions), with one change: the literal
 * autolink transform (`www.…`, `https://…`, `a@b.c`, `mailto:`, `xmpp:`) is not run over the whole tree
 * but by `linkLiterals`, on the text nodes that could hold one. mdast-util-gfm-autolink-literal walks
 * the whole tree once per pattern (four walks); that was 8% of a typical postmortem's analysis.
 */
type MdastExtension = ReturnType<typeof gfmFromMarkdown>[number];
let literalTransform: NonNullable<MdastExtension['transforms']>[number] | undefined;
const gfmMdast: MdastExtension[] = gfmFromMarkdown().map((ext) => {
  if (literalTransform || !ext.transforms?.length || !ext.enter || !('literalAutolink' in ext.enter)) return ext;
  literalTransform = ext.transforms[0];
  return { ...ext, transforms: ext.transforms.slice(1) };
});

/*
 * Two of GFM's micromark constructs are tried far more often than they can match, so the core leaves
 * each out of text where it cannot match; the rest of GFM is the same extension, and the tree is the
 * same (test/core/autolink-literals.test.ts, table-construct.test.ts compare with remark-gfm):
 *
 * - The email literal (`ops@example.org`) is registered on every letter and digit and tried at the
 *   start of every word of a paragraph, heading or cell: a fifth of the parse of the bench's typical
 *   postmortem (1.0 of 4.8 ms). It can only match an address character ([A-Za-z0-9+-._]) followed by
 *   "@" in the raw text (micromark-extension-gfm-autolink-literal's tokenizeEmailAutolink: atext, then
 *   "@"; a character reference or an escape is not atext). The "@" of a handle (`@kim`) follows none.
 *   `www.` and `https://` literals are still read while parsing.
 * - The table is tried at the start of every paragraph line, which it reads as a possible header row.
 *   A table needs a delimiter row with a "|" or a colon next to a hyphen (micromark-extension-gfm-
 *   table's tokenizeTable: the row fails unless it saw ":" or "|", and a ":" must touch a "-"; `a\n:-`
 *   is a one-column table). Most real postmortems have no table: on the measured ones without either
 *   sign, the parse took about an eighth less.
 */
type MicromarkExtension = ReturnType<typeof gfm>;
type Gated = 'emailAutolink' | 'table';
const GATES: ReadonlyArray<{ construct: Gated; canMatch: RegExp }> = [
  { construct: 'emailAutolink', canMatch: /[A-Za-z0-9+\-._]@/ },
  { construct: 'table', canMatch: /\||:-|-:/ },
];
const gfmFull = gfm();

/** The GFM extension without the named constructs (from every construct map it has). */
function without(names: ReadonlySet<string>): MicromarkExtension {
  if (!names.size) return gfmFull;
  const out: Record<string, unknown> = { ...gfmFull };
  for (const key of ['document', 'flow', 'text'] as const) {
    const map: Record<number | string, unknown> = {};
    for (const [code, constructs] of Object.entries(gfmFull[key] ?? {})) {
      const kept = ([] as unknown[]).concat(constructs).filter((c) => c && !names.has((c as { name?: string }).name ?? ''));
      if (kept.length) map[code] = kept;
    }
    out[key] = map;
  }
  return out as MicromarkExtension;
}

const readings: Record<Gated, { read: number; left: number }> = { emailAutolink: { read: 0, left: 0 }, table: { read: 0, left: 0 } };

/** How many parses read each gated construct and how many left it out, in this process (for tests). */
export function constructReadings(): Record<Gated, { read: number; left: number }> {
  return { emailAutolink: { ...readings.emailAutolink }, table: { ...readings.table } };
}

function remarkGfmParse(this: Processor, micromark: MicromarkExtension): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(micromark);
  (data.fromMarkdownExtensions ??= []).push(gfmMdast);
}

/** One processor per set of constructs left out (a bit per gate), built on first use. */
const processors: Array<ReturnType<typeof buildProcessor>> = [];
function buildProcessor(leftOut: number) {
  const names = new Set(GATES.filter((_, i) => leftOut & (1 << i)).map((g) => g.construct));
  // YAML front matter (---) and TOML front matter (+++, as static site generators such as Hugo and Zola write it).
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfmParse, without(names)).freeze();
}

/** The processor for `text`: GFM without the constructs that cannot match in it. */
function processorFor(text: string) {
  if (!fastPaths.gfmConstructGates) return (processors[0] ??= buildProcessor(0));
  let leftOut = 0;
  GATES.forEach((g, i) => {
    if (g.canMatch.test(text)) readings[g.construct].read++;
    else {
      readings[g.construct].left++;
      leftOut |= 1 << i;
    }
  });
  return (processors[leftOut] ??= buildProcessor(leftOut));
}

let literalRuns = 0;

/** How many text nodes were handed to the literal autolink transform in this process (for tests). */
export function literalAutolinkRuns(): number {
  return literalRuns;
}

/**
 * True when a text node's value could hold a literal autolink: each of the transform's patterns needs
 * "://" (http, https), "www." (any case) or "@" (email, mailto, xmpp). Values are decoded text, so a
 * character reference such as `&#64;` is already "@" here.
 */
function mayHoldLiteral(value: string): boolean {
  if (value.includes('@') || value.includes('://')) return true;
  for (let i = value.indexOf('.', 3); i >= 0; i = value.indexOf('.', i + 1)) {
    if (value.slice(i - 3, i).toLowerCase() === 'www') return true;
  }
  return false;
}

/**
 * The literal autolink transform, run on each text node that could hold a literal (outside links and
 * link references, which it skips too): the node alone in a paragraph, then the paragraph's children
 * in its place. The transform reads each text node on its own (a match depends only on the node's
 * value), so this gives the tree the whole-tree walk gives (test/core/autolink-literals.test.ts).
 */
function linkLiterals(parent: Parent): void {
  const children = parent.children as Nodes[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === 'text') {
      if (!mayHoldLiteral(node.value)) continue;
      literalRuns++;
      const holder = { type: 'paragraph', children: [node] } as Parent;
      literalTransform!({ type: 'root', children: [holder] } as Root);
      if (holder.children.length !== 1 || holder.children[0] !== node) {
        children.splice(i, 1, ...(holder.children as Nodes[]));
        i += holder.children.length - 1;
      }
    } else if (node.type !== 'link' && node.type !== 'linkReference' && 'children' in node) linkLiterals(node);
  }
}

/** One Markdown parse: the processor's tree with GFM's literal autolinks linked (see `linkLiterals`). */
function parseTree(text: string): Root {
  const tree = processorFor(text).parse(text) as Root;
  // Off (bench/fastpaths.ts only): the transform over the whole tree, as remark-gfm runs it.
  if (literalTransform) {
    if (fastPaths.literalAutolinkByNode) linkLiterals(tree);
    else literalTransform(tree);
  }
  return tree;
}

export interface Block {
  start: number;
  end: number;
  /** 0-based line of the block's first line. */
  line: number;
  /**
   * Set for a block of table rows cut from a long table (see `tableChunks`): the table's header and
   * delimiter lines, parsed in front of the rows so that they parse as they do in the whole table.
   */
  prefix?: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^#{1,6}(?:[ \t]|$)/;

/** Below this many characters a document is one block (see the module comment). */
export const WHOLE_PARSE_MAX = 16_000;

/** True when the line starting at `pos` could open or close a fence, a comment or a heading. */
function interesting(text: string, pos: number): boolean {
  // Up to three spaces of indentation, then '#', '`', '~' or '<'.
  for (let i = pos; i < pos + 4 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    return c === 35 || c === 96 || c === 126 || c === 60;
  }
  return false;
}

/** Splits the text into blocks that can be parsed independently (see the module comment). */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blockStart = 0;
  let blockLine = 0;
  let fence: { char: string; len: number } | undefined;
  let inComment = false;
  let line = 0;
  let pos = 0;
  // Front matter: a block of its own, through its closing fence.
  if (text.startsWith('---') || text.startsWith('+++')) {
    const m = /^(---|\+\+\+)[ \t]*\r?\n[\s\S]*?(?:\r?\n|^)\1[ \t]*(?:\r?\n|$)/.exec(text);
    if (m) {
      pos = m[0].length;
      line = countLines(text, 0, pos);
    }
  }
  // Without carriage returns (nearly always), line ends are found by the native indexOf.
  const lfOnly = !text.includes('\r');
  while (pos < text.length) {
    let eol: number;
    if (lfOnly) {
      eol = text.indexOf('\n', pos);
      if (eol < 0) eol = text.length;
    } else {
      eol = pos;
      while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    }
    const next = eol < text.length ? (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1) : eol;
    // Most lines are prose: only comments need a look at lines that do not start with a marker.
    if (inComment || interesting(text, pos)) {
      const content = text.slice(pos, eol);
      if (fence) {
        const m = FENCE.exec(content);
        if (m && m[1][0] === fence.char && m[1].length >= fence.len && content.slice(m[0].length).trim() === '') fence = undefined;
      } else if (inComment) {
        if (content.includes('-->')) inComment = false;
      } else {
        const f = FENCE.exec(content);
        if (f && !(f[1][0] === '`' && content.slice(f[0].length).includes('`'))) {
          fence = { char: f[1][0], len: f[1].length };
        } else if (/^ {0,3}<!--/.test(content) && !content.includes('-->')) {
          inComment = true;
        } else if (ATX.test(content) && pos > blockStart) {
          blocks.push({ start: blockStart, end: pos, line: blockLine });
          blockStart = pos;
          blockLine = line;
        }
      }
    }
    pos = next;
    line++;
  }
  blocks.push({ start: blockStart, end: text.length, line: blockLine });
  return blocks;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  if (text.indexOf('\r', from) < 0 || text.indexOf('\r', from) >= to) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
    return n;
  }
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** What the cache keeps per block text: its tree, and what later stages derived from it (see incremental.ts). */
export interface CachedBlock {
  children: RootContent[];
  /** Offset and line the cached positions currently refer to. */
  offset: number;
  line: number;
  /** Per-block results of later stages, each stored with the offset it was computed at. */
  derived?: Map<string, { at: number; value: unknown }>;
  /** A block of table rows: how many of `children` are rows of the table the blocks before began. */
  rows?: number;
}

/** One block of the current text with its (possibly reused) tree. */
export interface ParsedBlock extends Block {
  entry: CachedBlock;
  /** True when the tree came from the cache. */
  reused: boolean;
}

/**
 * Per-document memory between analyses, keyed by block text. Each open document in the server owns
 * one; after an edit, only the blocks whose text changed are parsed (and analysed) again. Keeping
 * one changes how fast an analysis is, never its result.
 */
export class ParseCache {
  private blocks = new Map<string, CachedBlock>();
  hits = 0;
  misses = 0;
  /** Document-level state of later stages (incremental.ts), cleared whenever they say so. */
  readonly state = new Map<string, unknown>();
  /** What model extraction computed from each top-level node of a cached tree (nodeMemo.ts). */
  nodes = new NodeMemo();

  /** @internal */
  take(text: string): CachedBlock | undefined {
    return this.blocks.get(text);
  }

  /** @internal */
  replace(next: Map<string, CachedBlock>): void {
    this.blocks = next;
  }

  /** How many characters of text the cached blocks hold (what the next analysis need not parse again). */
  cachedChars(): number {
    let n = 0;
    for (const key of this.blocks.keys()) n += key.length;
    return n;
  }

  /** Forgets everything (the next analysis parses from scratch). */
  clear(): void {
    this.blocks = new Map();
    this.state.clear();
    this.nodes = new NodeMemo();
  }
}

function shift(nodes: RootContent[], dOffset: number, dLine: number): void {
  if (dOffset === 0 && dLine === 0) return;
  const stack: Array<{ position?: Root['position']; children?: unknown }> = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += dOffset;
      if (p.end.offset !== undefined) p.end.offset += dOffset;
      p.start.line += dLine;
      p.end.line += dLine;
    }
    const children = node.children as RootContent[] | undefined;
    if (children) for (const c of children) stack.push(c);
  }
}

/** What can make cutting at headings change the tree: definitions (used across blocks), HTML blocks. */
const HTML_START = /^ {0,3}<(?!!--)/m;
/**
 * True when `text` may hold a definition ("[a]: …") or an HTML block: what /\[[^\]\n]*\]:|^ {0,3}<(?!!--)/m
 * tests, with the "[…]:" part read in one pass (that pattern read to the end of the line from every
 * "[" of a run with no "]").
 */
export function cutUnsafe(text: string): boolean {
  let open = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 /* [ */) open = true;
    else if (c === 10) open = false;
    else if (c === 93 /* ] */) {
      if (open && text.charCodeAt(i + 1) === 58 /* : */) return true;
      open = false;
    }
  }
  return HTML_START.test(text);
}

/**
 * The blocks a document is parsed in: `splitBlocks` at WHOLE_PARSE_MAX and above; below it, one
 * block, or `splitBlocks` for a cached (incremental) analysis of a text where cutting is safe.
 */
export function parseUnits(text: string, incremental = false): Block[] {
  if (text.length >= WHOLE_PARSE_MAX || (incremental && !cutUnsafe(text))) return splitBlocks(text).flatMap((b) => tableChunks(text, b));
  return [{ start: 0, end: text.length, line: 0 }];
}

/**
 * Rows per block of a long table. A keystroke in a row re-parses its block, and micromark's table
 * parse costs more than linearly in the rows it holds: 64 rows cost ~20 ms per keystroke in a
 * 400-row table, 16 rows ~5 ms (bench typing-table); fewer rows add blocks for little gain.
 */
export const TABLE_ROWS_PER_BLOCK = 16;

/** A delimiter row's characters only (`isTableHeader` then lets the parser decide). */
const DELIMITER_CHARS = /^[ \t|:-]+$/;
const isDelimiterRow = (line: string) => DELIMITER_CHARS.test(line) && line.includes('-');

function isTableHeader(header: string): boolean {
  const children = parseTree(header).children;
  return children.length === 1 && children[0].type === 'table';
}

/**
 * A block holding a long table, cut into blocks of TABLE_ROWS_PER_BLOCK rows: micromark's table
 * parse grows faster than linearly with the rows of one table, and a keystroke in a row re-parses
 * only its own block. The first block runs to the end of the first rows; each further one holds
 * rows only (and, the last, the rest of the block), parsed behind the table's header and delimiter
 * lines (`prefix`), so every row parses as it does in the whole table; parseBlocks joins the rows
 * into one table node. Only a table that starts the block or follows a blank line at column 0, whose
 * rows all start with "|" at column 0, outside fenced code, in a block without HTML or link
 * definitions, is cut: there the cut cannot change the tree.
 */
function tableChunks(text: string, b: Block): Block[] {
  if (b.end - b.start < 4096 || (b.start === 0 && text.startsWith('---'))) return [b];
  const src = text.slice(b.start, b.end);
  if (cutUnsafe(src) || src.indexOf('\n|') < 0) return [b];
  const starts: number[] = [];
  for (let i = b.start; i < b.end;) {
    starts.push(i);
    const nl = text.indexOf('\n', i);
    if (nl < 0 || nl + 1 >= b.end) break;
    i = nl + 1;
  }
  const lineText = (k: number) => text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : b.end).replace(/\r?\n$/, '');
  const out: Block[] = [];
  let from = b.start;
  let prefix: string | undefined;
  let fence: string | undefined;
  for (let k = 0; k < starts.length; k++) {
    const line = lineText(k);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (line[0] !== '|' || !(k === 0 || lineText(k - 1).trim() === '') || k + 1 >= starts.length || !isDelimiterRow(lineText(k + 1))) continue;
    let last = k + 2;
    while (last < starts.length && lineText(last)[0] === '|') last++;
    const header = last - (k + 2) >= 2 * TABLE_ROWS_PER_BLOCK ? text.slice(starts[k], starts[k + 2]) : undefined;
    // Only a header and delimiter that parse as a table on their own (GFM's column rules decide).
    if (header !== undefined && isTableHeader(header)) {
      for (let r = k + 2 + TABLE_ROWS_PER_BLOCK; r + TABLE_ROWS_PER_BLOCK <= last; r += TABLE_ROWS_PER_BLOCK) {
        out.push({ start: from, end: starts[r], line: 0, ...(prefix !== undefined ? { prefix } : {}) });
        from = starts[r];
        prefix = header;
      }
    }
    k = last - 1;
  }
  if (!out.length) return [b];
  out.push({ start: from, end: b.end, line: 0, ...(prefix !== undefined ? { prefix } : {}) });
  let line = b.line;
  let pos = b.start;
  for (const o of out) {
    line += countLines(text, pos, o.start);
    pos = o.start;
    o.line = line;
  }
  return out;
}

/** Parses the text block by block (reusing cached trees) and returns the tree and its blocks. */
export function parseBlocks(text: string, cache?: ParseCache): { tree: Root; blocks: ParsedBlock[] } {
  const units = parseUnits(text, cache !== undefined);
  const children: RootContent[] = [];
  const blocks: ParsedBlock[] = [];
  const kept = cache ? new Map<string, CachedBlock>() : undefined;
  /** Table nodes copied in this parse to take the rows of the blocks after them. */
  const joined = new Set<unknown>();
  for (const b of units) {
    const src = text.slice(b.start, b.end);
    const key = b.prefix === undefined ? src : `${b.prefix}\u0000${src}`;
    let entry = cache?.take(key);
    let reused = false;
    if (entry && !kept!.has(key)) {
      cache!.hits++;
      reused = true;
      shift(entry.children, b.start - entry.offset, b.line - entry.line);
      entry.offset = b.start;
      entry.line = b.line;
    } else {
      if (cache) cache.misses++;
      // Cached trees outlive this version of the text; parsed from a slice, their strings would keep
      // the whole text alive (one copy per edited block). Parsing a copy of the block keeps the block.
      const body = b.prefix === undefined ? src : b.prefix + src;
      const tree = parseTree(cache ? own(body) : body);
      if (b.prefix === undefined) {
        shift(tree.children, b.start, b.line);
        entry = { children: tree.children, offset: b.start, line: b.line };
      } else {
        // Rows parsed behind the table's header: keep the rows (and what follows the table), not the header.
        shift(tree.children, b.start - b.prefix.length, b.line - countLines(b.prefix, 0, b.prefix.length));
        const [table, ...rest] = tree.children;
        if (table?.type !== 'table') throw new Error('a block of table rows did not parse as table rows');
        entry = {
          children: [...(table.children.slice(1) as unknown as RootContent[]), ...rest],
          offset: b.start,
          line: b.line,
          rows: table.children.length - 1,
        };
      }
    }
    kept?.set(key, entry);
    blocks.push({ ...b, entry, reused });
    let first = 0;
    if (entry.rows) {
      // Join the rows to the table the blocks before began (a copy: cached trees stay as parsed).
      const open = children[children.length - 1];
      if (open?.type !== 'table') throw new Error('table rows without their table');
      let table = open;
      if (!joined.has(open)) {
        table = {
          ...open,
          children: open.children.slice(),
          ...(open.position ? { position: { start: open.position.start, end: { ...open.position.end } } } : {}),
        };
        joined.add(table);
        children[children.length - 1] = table;
      }
      for (; first < entry.rows; first++) table.children.push(entry.children[first] as unknown as (typeof table.children)[number]);
      const end = table.children[table.children.length - 1].position?.end;
      if (end && table.position) table.position.end = { ...end };
    }
    for (let i = first; i < entry.children.length; i++) children.push(entry.children[i]);
  }
  cache?.replace(kept!);
  const index = text.length;
  const tree: Root = {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: countLines(text, 0, index) + 1, column: 1, offset: index },
    },
  };
  return { tree, blocks };
}

/** Parses the text into one mdast tree whose positions are offsets into `text`. */
export function parseMarkdown(text: string, cache?: ParseCache): Root {
  return parseBlocks(text, cache).tree;
}
