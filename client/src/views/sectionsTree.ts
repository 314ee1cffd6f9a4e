/**
 * The Sections view's list, built from the server's `postmortem/sections` answer. No vscode import:
 * the view (sectionsView.ts) only turns these nodes into TreeItems, and tests build lists directly.
 *
 * The template's sections in order, each present, empty or missing with the number of findings
 * inside it; then the document's other top-level sections (a "Detection" or "Five whys" the
 * template does not require), so every part of the document can be reached from the view.
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { SectionsResult, TemplateSectionStatus } from '../../../common/protocol';

export interface SectionNode {
  id: string;
  /** `template`: a section the template requires; `other`: a heading of the document outside the template. */
  kind: 'template' | 'other';
  /** Canonical kind ("impact") for template sections; for "Insert section". */
  sectionKind?: string;
  label: string;
  description: string;
  tooltip: string;
  status: TemplateSectionStatus;
  findings: number;
  /** The heading line to reveal; none for a missing section. */
  range?: Range;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describe(status: TemplateSectionStatus, findings: number): string {
  const parts: string[] = [status === 'present' ? 'present' : status === 'empty' ? 'empty' : 'missing'];
  if (findings) parts.push(plural(findings, 'finding'));
  return parts.join(' · ');
}

export function buildSectionsList(result: SectionsResult | null | undefined): SectionNode[] {
  if (!result || !result.isPostmortem || result.skipped) return [];
  const nodes: SectionNode[] = result.template.map((t) => {
    const heading = t.section !== undefined ? result.sections[t.section] : undefined;
    const renamed = heading && heading.title.trim().toLowerCase() !== t.title.toLowerCase() ? ` (written as "${heading.title.trim()}")` : '';
    const tooltip =
      t.status === 'missing'
        ? `The "${t.title}" section is missing. Insert it to add its heading and a prompt of what belongs there.`
        : t.status === 'empty'
          ? `The "${t.title}" section${renamed} has a heading but nothing in it yet.`
          : `"${t.title}"${renamed}${t.findings ? `: ${plural(t.findings, 'finding')} inside` : ''}.`;
    return {
      id: `t:${t.kind}`,
      kind: 'template',
      sectionKind: t.kind,
      label: t.title,
      description: describe(t.status, t.findings),
      tooltip,
      status: t.status,
      findings: t.findings,
      ...(t.headingRange ? { range: t.headingRange } : {}),
    };
  });
  const used = new Set(result.template.map((t) => t.section).filter((i): i is number => i !== undefined));
  // The shallowest heading level below the title is the document's top level.
  const top = Math.min(...result.sections.map((s) => s.depth));
  result.sections.forEach((s, i) => {
    if (used.has(i) || s.depth !== top) return;
    nodes.push({
      id: `o:${i}:${s.title}`,
      kind: 'other',
      label: s.title.trim() || '(untitled section)',
      description: ['not in the template', ...(s.findings ? [plural(s.findings, 'finding')] : [])].join(' · '),
      tooltip: `"${s.title.trim()}" is not one of the template's sections.`,
      status: s.hasContent ? 'present' : 'empty',
      findings: s.findings,
      range: s.headingRange,
    });
  });
  return nodes;
}

/** The data behind the Sections view; `update` says whether what the view shows changed. */
export class SectionsTreeData {
  private nodes: SectionNode[] = [];
  private key = '';
  uri?: string;
  version?: number;

  update(result: SectionsResult | null | undefined): boolean {
    const nodes = buildSectionsList(result);
    this.uri = result?.uri;
    this.version = result?.version;
    const key = JSON.stringify(nodes);
    if (key === this.key) return false;
    this.key = key;
    this.nodes = nodes;
    return true;
  }

  clear(): boolean {
    return this.update(undefined);
  }

  children(): SectionNode[] {
    return this.nodes;
  }

  get isEmpty(): boolean {
    return this.nodes.length === 0;
  }

  /** Template sections still missing, for the palette's "Insert section". */
  missing(): SectionNode[] {
    return this.nodes.filter((n) => n.kind === 'template' && n.status === 'missing');
  }
}
