import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionKindOf, type ExtraAliases } from '../data/sections';
import type { Section, Span } from '../types';

export function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * Sections from the headings of the document. The first depth-1 heading before any other heading is
 * the title, not a section. A section's body runs to the next heading of the same or a higher level.
 * `aliases` (config `template.aliases`) adds headings that name a kind.
 */
export function extractSections(text: string, tree: Root, aliases?: ExtraAliases): { sections: Section[]; title?: { text: string; span: Span } } {
  const headings: Array<{ node: Heading; index: number }> = [];
  tree.children.forEach((n, index) => {
    if (n.type === 'heading') headings.push({ node: n, index });
  });
  let title: { text: string; span: Span } | undefined;
  let first = 0;
  if (headings.length && headings[0].node.depth === 1) {
    const h1s = headings.filter((h) => h.node.depth === 1).length;
    // A lone H1 (or an H1 followed by deeper headings) is the document title.
    if (h1s === 1 || headings[1]?.node.depth !== 1) {
      title = { text: toString(headings[0].node).trim(), span: spanOf(headings[0].node) };
      first = 1;
    }
  }
  const sections: Section[] = [];
  const stack: number[] = [];
  for (let i = first; i < headings.length; i++) {
    const { node, index } = headings[i];
    const heading = spanOf(node);
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].node.depth <= node.depth) {
        end = spanOf(headings[j].node).start;
        break;
      }
    }
    while (stack.length && sections[stack[stack.length - 1]].depth >= node.depth) stack.pop();
    const titleText = toString(node).trim();
    const bodyNodes = collectBody(tree.children, index + 1, end);
    sections.push({
      title: titleText,
      depth: node.depth,
      kind: sectionKindOf(titleText, aliases),
      heading,
      body: { start: heading.end, end },
      hasContent: bodyNodes.some((n) => n.type !== 'html' || !/^\s*<!--[\s\S]*-->\s*$/.test(n.value)),
      parent: stack.length ? stack[stack.length - 1] : -1,
    });
    stack.push(sections.length - 1);
  }
  return { sections, title };
}

function collectBody(children: RootContent[], from: number, end: number): RootContent[] {
  const out: RootContent[] = [];
  for (let i = from; i < children.length; i++) {
    const n = children[i];
    if ((n.position?.start.offset ?? 0) >= end) break;
    out.push(n);
  }
  return out;
}

/** Index of the innermost section whose heading or body contains the offset, or -1. */
export function sectionAt(sections: Section[], offset: number): number {
  let found = -1;
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i];
    if (s.heading.start > offset) break;
    if (offset < s.body.end) found = i;
  }
  return found;
}

const kindLists = new WeakMap<Section[], Array<ReadonlyArray<Section['kind']>>>();

/**
 * The section and its ancestors' kinds, innermost first (a "### Why 1" under "## Root causes").
 * Rules ask once per sentence: each list is made once per sections array and shared (read-only).
 */
export function kindsAt(sections: Section[], index: number): ReadonlyArray<Section['kind']> {
  if (index < 0) return [];
  let lists = kindLists.get(sections);
  if (!lists) kindLists.set(sections, (lists = []));
  let kinds = lists[index];
  if (!kinds) {
    const out: Array<Section['kind']> = [];
    for (let i = index; i >= 0; i = sections[i].parent) out.push(sections[i].kind);
    lists[index] = kinds = out;
  }
  return kinds;
}

/**
 * `sectionAt(sections, o)` for every offset: the last section whose heading starts at or before `o`
 * and whose body ends after it. Offsets in ascending order take one sweep with a heap of open
 * sections; any offset out of order is answered by the plain scan.
 */
export function sectionsAt(sections: Section[], offsets: number[]): number[] {
  const out = new Array<number>(offsets.length);
  const heap: number[] = []; // max-heap of section indices
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (heap[p] >= heap[c]) break;
      [heap[p], heap[c]] = [heap[c], heap[p]];
      c = p;
    }
  };
  const pop = () => {
    const last = heap.pop()!;
    if (!heap.length) return;
    heap[0] = last;
    let p = 0;
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let m = p;
      if (l < heap.length && heap[l] > heap[m]) m = l;
      if (r < heap.length && heap[r] > heap[m]) m = r;
      if (m === p) break;
      [heap[p], heap[m]] = [heap[m], heap[p]];
      p = m;
    }
  };
  let k = 0;
  let prev = -Infinity;
  for (let j = 0; j < offsets.length; j++) {
    const o = offsets[j];
    if (o < prev) {
      out[j] = sectionAt(sections, o);
      continue;
    }
    prev = o;
    while (k < sections.length && sections[k].heading.start <= o) push(k++);
    // A section whose body ended before `o` has ended for every later offset too... unless its
    // index is lower than a live one; those are never at the top, and are dropped when they get there.
    while (heap.length && !(o < sections[heap[0]].body.end)) pop();
    out[j] = heap.length ? heap[0] : -1;
  }
  return out;
}

/** The section each node starts in (`sectionsAt` over the nodes' start offsets). */
export function sectionsOfNodes(sections: Section[], nodes: ReadonlyArray<{ position?: { start: { offset?: number } } }>): number[] {
  return sectionsAt(
    sections,
    nodes.map((n) => n.position?.start.offset ?? 0),
  );
}
