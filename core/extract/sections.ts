import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { exactSectionKind, sectionKindOf, type ExtraAliases } from '../data/sections';
import type { Section, SectionKind, Span } from '../types';
import { blank, replaceComments, trimEndWhere } from '../language/regexp';

export function spanOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** Depth given to a bold-label section: below every heading, so the next heading or label ends it. */
export const LABEL_DEPTH = 7;

/** A paragraph that opens with a label naming a section kind: "**Impact:** …", "**Root cause**: …", "Root cause: …", "**Timeline**". */
interface Label {
  title: string;
  kind: SectionKind;
  /** The label itself (with its markup and colon). */
  span: Span;
  index: number;
}

/** The characters a plain label ("Root cause:") may have: a letter, then 1 to 48 of these. */
const PLAIN_LABEL_CHARS = /^[\p{L}][\p{L}\p{N} '’/&?-]{1,48}$/u;

/**
 * A plain label opening `s` ("Root cause: …", "What went well?:"): the text through its colon, and the
 * label (the text before the colon, without the spaces before it, but at least two characters); or
 * undefined. What `/^([\p{L}][\p{L}\p{N} '’/&?-]{1,48}?)\s*:(?=\s|$)/u` gave as `[0]` and `[1]`, in
 * linear time: neither the label nor the spaces can hold a colon, so only the first colon can end it,
 * found with indexOf; the spaces before it are cut in code. (The pattern's lazy label, which may hold
 * spaces, and the `\s*` after it split a run of spaces every way: quadratic.)
 */
export function plainLabel(s: string): { text: string; label: string } | undefined {
  const colon = s.indexOf(':');
  if (colon < 0 || (colon + 1 < s.length && !/\s/.test(s[colon + 1]))) return undefined;
  const before = s.slice(0, colon);
  let label = trimEndWhere(before, /\s/);
  // One character (one code point) is too short: the label takes the space after it, as the pattern did.
  const first = label.codePointAt(0);
  if (first !== undefined && label.length === (first > 0xffff ? 2 : 1)) label = before.slice(0, label.length + 1);
  return PLAIN_LABEL_CHARS.test(label) ? { text: s.slice(0, colon + 1), label } : undefined;
}

/**
 * Names that open ordinary notes and sentences more often than they label a section ("TODO: …",
 * "Fix: …", "Context: …", "Events: …"): never labels, though a heading with them is a section.
 */
const NOT_LABEL =
  /^(?:to\s?-?\s?dos?|fix|context|background|description|scope|response|events|analysis|causes?|factors|lessons|learning|actions?|tasks|links|references|appendix|glossary|backlog|luck|lucky|fault|alerting|overview)$/i;

function labelOf(text: string, node: Paragraph, index: number, aliases?: ExtraAliases): Label | undefined {
  const first = node.children[0];
  if (!first?.position || !node.position) return undefined;
  const start = node.position.start.offset!;
  if (first.type === 'strong') {
    const inner = toString(first).trim();
    const afterStrong = first.position.end.offset!;
    const rest = text.slice(afterStrong, node.position.end.offset!);
    const colonInside = /:\s*$/.test(inner);
    const colonAfter = /^\s*:/.exec(rest);
    const alone = node.children.length === 1;
    if (!colonInside && !colonAfter && !alone) return undefined;
    // The label without its colon: what `inner.replace(/\s*:\s*$/, '')` gave, without that pattern's quadratic retries on a run of spaces.
    const trimmed = inner.trimEnd();
    const title = (trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed).trim();
    if (!title || title.length > 60 || NOT_LABEL.test(title)) return undefined;
    const kind = sectionKindOf(title, aliases);
    if (!kind) return undefined;
    return { title, kind, span: { start, end: colonAfter ? afterStrong + colonAfter[0].length : afterStrong }, index };
  }
  if (first.type !== 'text') return undefined;
  const m = plainLabel(first.value);
  if (!m || m.label.trim().split(/\s+/).length > 6 || NOT_LABEL.test(m.label.trim())) return undefined;
  // Plain text names a section only by an exact name ("Root cause:", "What went well?:"), never by a keyword.
  const kind = exactSectionKind(m.label, aliases);
  if (!kind) return undefined;
  return { title: m.label.trim(), kind, span: { start, end: start + m.text.length }, index };
}

/**
 * Sections from the headings of the document, and from bold labels that start a paragraph.
 *
 * Headings: the first heading is the title, not a section, when it is a lone H1 (or an H1 followed by
 * deeper headings), or when it names no section kind, has nothing under it and the next heading has
 * its level ("## Checkout outage" above "## Summary"). A section's body runs to the next heading of the
 * same or a higher level. `aliases` (config `template.aliases`) adds headings that name a kind.
 *
 * Labels: a top-level paragraph that opens with a bold label naming a section kind ("**Impact:** 3,000
 * users…", "**Root cause**: …", a paragraph that is only "**Timeline**") or a plain "Root cause: …"
 * whose label is an exact section name, is a section with `label: true`, depth LABEL_DEPTH, its
 * heading span the label and its body the rest of the paragraph and what follows, up to the next
 * heading or label. Its parent is the heading section it sits in, so `kindsAt` gives the label's kind
 * first and the heading's after it.
 */
export function extractSections(text: string, tree: Root, aliases?: ExtraAliases): { sections: Section[]; title?: { text: string; span: Span } } {
  const headings: Array<{ node: Heading; index: number }> = [];
  const labels: Label[] = [];
  tree.children.forEach((n, index) => {
    if (n.type === 'heading') headings.push({ node: n, index });
    else if (n.type === 'paragraph') {
      const l = labelOf(text, n, index, aliases);
      if (l) labels.push(l);
    }
  });
  let title: { text: string; span: Span } | undefined;
  let first = 0;
  if (headings.length && headings[0].node.depth === 1) {
    const h1s = headings.filter((h) => h.node.depth === 1).length;
    // A lone H1 (or an H1 followed by deeper headings) is the document title.
    if (h1s === 1 || headings[1]?.node.depth !== 1) first = 1;
  }
  if (!first && headings.length > 1) {
    // A title at the level of the sections: no kind, nothing under it, the next heading at its level.
    const [h0, h1] = headings;
    const t0 = toString(h0.node).trim();
    const between = text.slice(spanOf(h0.node).end, spanOf(h1.node).start).trim();
    if (
      t0 &&
      !sectionKindOf(t0, aliases) &&
      h1.node.depth === h0.node.depth &&
      sectionKindOf(toString(h1.node), aliases) &&
      (between === '' || /^<!--[\s\S]*-->$/.test(between))
    )
      first = 1;
  }
  if (first) title = { text: toString(headings[0].node).trim(), span: spanOf(headings[0].node) };
  // Headings and labels in document order; labels above the first section heading but below the
  // title still count (a document written only with labels).
  type Item = { depth: number; title: string; kind?: SectionKind; heading: Span; index: number; label: boolean };
  const items: Item[] = [];
  for (let i = first; i < headings.length; i++) {
    const { node, index } = headings[i];
    const t = toString(node).trim();
    items.push({ depth: node.depth, title: t, kind: sectionKindOf(t, aliases), heading: spanOf(node), index, label: false });
  }
  const titleEnd = first ? spanOf(headings[0].node).end : 0;
  for (const l of labels)
    if (l.span.start >= titleEnd) items.push({ depth: LABEL_DEPTH, title: l.title, kind: l.kind, heading: l.span, index: l.index, label: true });
  items.sort((a, b) => a.heading.start - b.heading.start);
  const sections: Section[] = [];
  const stack: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    let end = text.length;
    for (let j = i + 1; j < items.length; j++) {
      if (items[j].depth <= it.depth) {
        end = items[j].heading.start;
        break;
      }
    }
    // A label's section also ends at any heading.
    if (it.label)
      for (let j = i + 1; j < items.length; j++)
        if (!items[j].label) {
          end = Math.min(end, items[j].heading.start);
          break;
        }
    while (stack.length && sections[stack[stack.length - 1]].depth >= it.depth) stack.pop();
    const bodyNodes = it.label ? [] : collectBody(tree.children, it.index + 1, end);
    const s: Section = {
      title: it.title,
      depth: it.depth,
      kind: it.kind,
      heading: it.heading,
      body: { start: it.heading.end, end },
      hasContent: it.label
        ? /\S/.test(replaceComments(text.slice(it.heading.end, end), blank))
        : bodyNodes.some((n) => n.type !== 'html' || !/^\s*<!--[\s\S]*-->\s*$/.test(n.value)),
      parent: stack.length ? stack[stack.length - 1] : -1,
    };
    if (it.label) s.label = true;
    sections.push(s);
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
