/** Answers of the custom requests `postmortem/sections` and `postmortem/fiveWhys` (see ../protocol.ts). */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_TEMPLATE, SECTION_INFO, type AnalysisResult, type SectionKind, type Span } from '../../../core';
import type { DocumentSectionInfo, FiveWhysChainInfo, FiveWhysResult, SectionsResult, TemplateSectionInfo, TextAt } from '../../../common/protocol';
import { toRange } from './convert';

const HUMAN_ERROR_RULE = 'human-error-root-cause';

/** Number of findings starting inside each section (heading through body, subsections included). */
function findingCounts(result: AnalysisResult): number[] {
  return result.model.sections.map((s) => {
    const end = Math.max(s.heading.end, s.body.end);
    return result.findings.filter((f) => f.start >= s.heading.start && f.start < end).length;
  });
}

export function sectionsResult(
  doc: TextDocument,
  result: AnalysisResult | undefined,
  isPostmortem: boolean,
  template: readonly SectionKind[] = DEFAULT_TEMPLATE,
): SectionsResult {
  const base = { uri: doc.uri, version: doc.version, isPostmortem, ...(result?.skipped ? { skipped: result.skipped } : {}) };
  if (!result || !isPostmortem || result.skipped) return { ...base, template: [], sections: [] };
  const { model } = result;
  const counts = findingCounts(result);
  const sections: DocumentSectionInfo[] = model.sections.map((s, i) => ({
    title: s.title,
    depth: s.depth,
    ...(s.kind ? { kind: s.kind } : {}),
    parent: s.parent,
    headingRange: toRange(doc, s.heading),
    range: toRange(doc, { start: s.heading.start, end: Math.max(s.heading.end, s.body.end) }),
    hasContent: s.hasContent,
    findings: counts[i],
  }));
  const find = (kind: SectionKind) => {
    // Prefer a section with content when the kind appears more than once.
    const all = model.sections.map((s, i) => ({ s, i })).filter((x) => x.s.kind === kind);
    return all.find((x) => x.s.hasContent) ?? all[0];
  };
  const templateInfo: TemplateSectionInfo[] = template.map((kind) => {
    const info = SECTION_INFO.get(kind);
    // As the section-missing rule does, a 5 Whys section fills the root-causes slot.
    const hit = find(kind) ?? (kind === 'root-causes' ? find('five-whys') : undefined);
    return {
      kind,
      title: info?.title ?? kind,
      status: !hit ? 'missing' : hit.s.hasContent ? 'present' : 'empty',
      ...(hit ? { section: hit.i, headingRange: sections[hit.i].headingRange } : {}),
      findings: hit ? counts[hit.i] : 0,
    };
  });
  return {
    ...base,
    ...(model.title ? { title: { text: model.title.text, range: toRange(doc, model.title.span) } } : {}),
    template: templateInfo,
    sections,
  };
}

export function fiveWhysResult(doc: TextDocument, result: AnalysisResult | undefined, isPostmortem: boolean): FiveWhysResult {
  const base = { uri: doc.uri, version: doc.version, isPostmortem, ...(result?.skipped ? { skipped: result.skipped } : {}) };
  if (!result || !isPostmortem || result.skipped) return { ...base, chains: [] };
  const at = (t: { text: string; span: Span } | undefined): TextAt | undefined => (t ? { text: t.text, range: toRange(doc, t.span) } : undefined);
  // The core judges "a human action as the conclusion" in the human-error-root-cause rule; the flag
  // mirrors its findings on the chain's conclusion (so it is false while that rule is off).
  const humanErrors = result.findings.filter((f) => f.rule === HUMAN_ERROR_RULE);
  const chains: FiveWhysChainInfo[] = result.model.fiveWhys.map((c) => {
    const conclusions = [c.rootCause?.span, c.steps[c.steps.length - 1]?.answer?.span].filter((s): s is Span => !!s);
    const chain: FiveWhysChainInfo = {
      steps: c.steps.map((s) => {
        const why = at(s.why);
        const answer = at(s.answer);
        return { ...(why ? { why } : {}), ...(answer ? { answer } : {}) };
      }),
      range: toRange(doc, c.span),
      endsInHumanAction: humanErrors.some((f) => conclusions.some((s) => f.start < s.end && f.end > s.start)),
    };
    const heading = at(c.heading);
    const problem = at(c.problem);
    const rootCause = at(c.rootCause);
    if (heading) chain.heading = heading;
    if (problem) chain.problem = problem;
    if (rootCause) chain.rootCause = rootCause;
    const section = result.model.sections[c.section];
    if (section) chain.section = section.title;
    return chain;
  });
  return { ...base, chains };
}
