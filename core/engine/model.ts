import type { Root } from 'mdast';
import { extractActionItems } from '../extract/actionItems';
import { extractFiveWhys } from '../extract/fiveWhys';
import { extractMetadata, splitPeople } from '../extract/metadata';
import { extractSections } from '../extract/sections';
import { extractTimelines } from '../extract/timeline';
import { isPostmortemText } from './detect';
import { findFullDate, isIsoDate } from '../language/dates';
import type { LineIndex } from './lineIndex';
import type { NodeMemo } from './nodeMemo';
import type { AnalyzeOptions, Person, PostmortemModel } from '../types';
import { trimEndWhere, trimStartWhere } from '../language/regexp';

/**
 * Builds the postmortem model from the parsed tree. Every element keeps its source span. `memo` (a
 * document's ParseCache keeps one) lets extraction reuse what it found in unchanged nodes.
 */
export function buildModel(
  text: string,
  tree: Root,
  _lines: LineIndex,
  options: Pick<AnalyzeOptions, 'sectionAliases'> = {},
  memo?: NodeMemo,
): PostmortemModel {
  let metadata = extractMetadata(text, tree, memo);
  const { sections, title } = extractSections(text, tree, options.sectionAliases);
  if (!metadata.fields.date) {
    // The date written in the title or the first heading is the document's date.
    const first = tree.children.find((n) => n.type === 'heading');
    const heading = title?.span ?? (first?.position ? { start: first.position.start.offset!, end: first.position.end.offset! } : undefined);
    // A title in the metadata ("title: Incident report for 2026-02-20") counts as the title.
    const metaTitle = metadata.fields.title?.valueSpan;
    // A paragraph that is only a date near the top of the document ("Monday, Nov. 13, 2017" under the
    // opening heading): the first such among the first ten blocks.
    let dateParagraph: { start: number; end: number } | undefined;
    for (const n of tree.children.slice(0, 10)) {
      if (n.type !== 'paragraph' || !n.position) continue;
      const src = text.slice(n.position.start.offset!, n.position.end.offset!);
      const bare = trimEndWhere(trimStartWhere(src, /[\s*_]/), /[\s*_]/);
      if (bare.length > 40) continue;
      const d = findFullDate(bare);
      if (d && d.index === 0 && d.length === bare.length) {
        dateParagraph = { start: n.position.start.offset!, end: n.position.end.offset! };
        break;
      }
    }
    for (const span of [heading, metaTitle, dateParagraph]) {
      const found = span ? findFullDate(text.slice(span.start, span.end)) : undefined;
      if (found && span) {
        const start = span.start + found.index;
        metadata = { ...metadata, derived: { date: { value: found.date, span: { start, end: start + found.length }, from: 'title' } } };
        break;
      }
    }
  }
  const timelines = extractTimelines(text, tree, sections, metadata, memo);
  if (!metadata.fields.date && !metadata.derived?.date) {
    // No date anywhere else: the first dated timeline entry dates the incident.
    const e = timelines.flatMap((t) => t.entries).find((x) => x.date && isIsoDate(x.date));
    if (e) metadata = { ...metadata, derived: { date: { value: e.date!, span: e.timeSpan, from: 'timeline' } } };
  }
  const { items, tables } = extractActionItems(text, tree, sections);
  const { chains, rootCauses, contributingFactors } = extractFiveWhys(text, sections);
  const metaTitle = metadata.fields.title;
  return {
    metadata,
    title: title ?? (metaTitle ? { text: String(metaTitle.value), span: metaTitle.valueSpan } : undefined),
    sections,
    timelines,
    actionItems: items,
    actionItemTables: tables,
    fiveWhys: chains,
    rootCauses,
    contributingFactors,
    people: people(metadata, items),
    declaresPostmortem: isPostmortemText(text),
  };
}

function people(metadata: PostmortemModel['metadata'], items: PostmortemModel['actionItems']): Person[] {
  const out = new Map<string, Person>();
  const add = (name: string, role?: string) => {
    const n = name.trim();
    if (!n) return;
    const key = n.toLowerCase();
    if (!out.has(key)) out.set(key, { name: n, role });
  };
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? splitPeople(v) : []);
  for (const a of list(metadata.fields.authors?.value)) add(a, 'author');
  for (const c of list(metadata.fields.commander?.value)) add(c, 'incident commander');
  for (const r of list(metadata.fields.responders?.value)) add(r, 'responder');
  for (const i of items) {
    const o = i.fields.owner?.value;
    if (o && (/^@/.test(o) || /^[\p{Lu}][\p{Ll}'-]+(?:\s+[\p{Lu}][\p{Ll}'-]+)?$/u.test(o))) add(o, 'action-item owner');
  }
  return [...out.values()];
}
