/**
 * THE ANALYSIS CORE. `analyze(text, options)` parses a postmortem once and returns its model and the
 * findings of every enabled rule.
 *
 * Invariants (enforced by test/core/architecture.test.ts):
 * - no import of vscode, vscode-languageserver*, fs, path, process, child_process, or the clock;
 *   everything from outside (today's date, configuration) comes in through `options`;
 * - pure and synchronous; never throws on user input (a rule that throws is caught and reported in
 *   `internalErrors`, and the other rules still run).
 */
import { LineIndex } from './engine/lineIndex';
import { finishAnalysis } from './engine/finishAnalysis';
import { buildModel } from './engine/model';
import { peopleByBlocks, proseByBlocks, sentenceRuns } from './engine/incremental';
import { parseBlocks, type ParseCache } from './engine/parse';
import { buildPeopleIndex } from './language/people';
import { buildProse } from './engine/prose';
import { DEFAULT_TEMPLATE } from './data/sections';
import type { RuleContext } from './rules/defineRule';
import { RULES } from './rules/registry';
import { boundInput, DEFAULT_MAX_SIZE } from './engine/bound';
import { mapPositions, textView } from './engine/textModel';
import type { AnalysisResult, AnalyzeOptions, Finding, Fix, PostmortemModel } from './types';

export * from './types';
export { LineIndex } from './engine/lineIndex';
export { ParseCache } from './engine/parse';
export { RULES, ruleById, docsUrl, docsPath } from './rules/registry';
export { isPostmortemText } from './engine/detect';
export { compromiseUses, warmUp } from './language/nlp';

export { DEFAULT_MAX_SIZE } from './engine/bound';

// What the layers around the core use besides analyze(). Outside core/, this file is the only way in
// (.dependency-cruiser.cjs, rule core-through-index): anything else here is free to change.
// Dates as the rules read them: the review's buckets and windows, the CLI's --today, summaries.
export { addDays, daysBetween, isIsoDate, resolveDue } from './language/dates';
export { allMatches, lastLineStart, linksToText, withoutTrailingWordOrSpace } from './language/regexp';
// The section data: the Sections view, outline symbols, the new-postmortem text, the config schema.
export { DEFAULT_TEMPLATE, SECTION_INFO, SECTIONS } from './data/sections';
// Reading a model the way the rules read it (summaries, quality, the review's facts, similar incidents).
export { incidentDate, statusOf } from './rules/actionItemCommon';
export { NO_OWNER } from './rules/action-item-owner-missing';
export { ownerKind } from './rules/action-item-owner-team';
export { orderKeys, spansDays } from './rules/timeline-order';
export { actionTypeOf, findTicket } from './extract/actionItems';
// Edits beyond a finding's own fixes: the CLI's --fix and SARIF, the server's views and code actions.
export { applyFixes, fixUntilStable, preferredFix } from './edits/applyFixes';
export { NEXT_QUESTION, whyAgainEdit } from './edits/whyAgain';
export { insertSectionFix } from './rules/section-missing';
export { ACCOUNTABILITY_RULES, ignoreFindingFix } from './engine/suppress';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

export function emptyModel(): PostmortemModel {
  return {
    metadata: { source: 'none', fields: {}, extra: {}, problems: [] },
    sections: [],
    timelines: [],
    actionItems: [],
    actionItemTables: [],
    fiveWhys: [],
    rootCauses: [],
    contributingFactors: [],
    people: [],
    declaresPostmortem: false,
  };
}

/** The result for a text that is not analysed, and why: one notice, an empty model. */
export function skippedResult(reason: string): AnalysisResult {
  return { model: emptyModel(), findings: [], skipped: reason, internalErrors: [] };
}

/** Why a text is not analysed at all, or undefined when it is. */
export function skipReason(text: string, maxSize = DEFAULT_MAX_SIZE): string | undefined {
  if (text.length > maxSize) {
    return `This file has ${text.length.toLocaleString('en-US')} characters, more than the ${maxSize.toLocaleString('en-US')} the postmortem checks read; it was not analysed.`;
  }
  // A NUL byte in the first 8 KB means a binary file (the same test git uses).
  if (text.slice(0, 8192).includes('\u0000')) return 'This file looks binary (it contains NUL bytes); it was not analysed.';
  return undefined;
}

/**
 * Parses `text` once, builds the postmortem model and runs every enabled rule over it.
 * `cache` (one per open document) only makes re-analysis after an edit faster; results are the same.
 */
export function analyze(text: string, options: AnalyzeOptions = {}, cache?: ParseCache): AnalysisResult {
  const skipped = skipReason(text, options.maxSize);
  if (skipped) return skippedResult(skipped);
  // The analysis reads the text without a BOM and with LF line breaks; every offset it returns is
  // mapped back to `text` in one place (core/engine/textModel.ts).
  const view = textView(text);
  let result: AnalysisResult;
  try {
    // Nesting, delimiter runs and long lines past the parser's limits are read as plain text, with one
    // notice per stretch (core/engine/bound.ts).
    const bounded = boundInput(view.text);
    result = analyzeText(bounded.text, options, cache);
    if (bounded.notices.length) result.notices = bounded.notices;
  } catch (err) {
    // Never thrown on purpose: a parser or extraction failure on some input (a rule's failure is
    // caught per rule below). One notice for this file; the caller goes on with the others.
    cache?.clear();
    return failedResult(err);
  }
  return mapPositions(result, view);
}

/** The result for a text whose analysis failed: one notice saying so, no findings. */
export function failedResult(err: unknown): AnalysisResult {
  const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return { ...skippedResult(`Checking this file failed (${why.slice(0, 200)}); it was not analysed.`), failed: true };
}

function analyzeText(text: string, options: AnalyzeOptions, cache?: ParseCache): AnalysisResult {
  const { tree, blocks } = parseBlocks(text, cache);
  const lines = new LineIndex(text);
  const model = buildModel(text, tree, lines, options, cache?.nodes);
  // With a cache, prose and the findings of sentence-scoped rules are reused per unchanged block (core/engine/incremental.ts).
  const blocked = cache ? proseByBlocks(text, blocks, model) : undefined;
  const prose = blocked ?? buildProse(text, tree, model);
  const people = buildPeopleIndex(text, model, prose, options, blocked ? peopleByBlocks(text, blocks, blocked) : undefined);
  const opts = options.template ? (options as RuleContext['options']) : { ...options, template: DEFAULT_TEMPLATE };
  const findings: Finding[] = [];
  const internalErrors: AnalysisResult['internalErrors'] = [];
  const runs = cache && blocked ? sentenceRuns(cache, blocks, blocked, model, people, opts) : undefined;

  for (const rule of RULES) {
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const severity = setting ?? rule.defaultSeverity;
    const ctx: RuleContext = {
      text,
      tree,
      model,
      lines,
      prose,
      people,
      options: opts,
      report(span, message, fixes) {
        const start = Math.max(0, Math.min(span.start, text.length));
        const end = Math.max(start, Math.min(span.end, text.length));
        const kept = fixes && keptFixes(fixes, options.fixes);
        findings.push({ rule: rule.id, severity, message, start, end, ...(kept?.length ? { fixes: kept } : {}) });
      },
    };
    try {
      if (!(runs && rule.scope && runs.run(rule, ctx, (f) => ctx.report(f, f.message, f.fixes)))) rule.check(ctx);
    } catch (err) {
      internalErrors.push({ rule: rule.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  // Status shaping, suppression comments and their accountability (core/engine/finishAnalysis.ts).
  const result = finishAnalysis({ text, tree, lines, model, options, findings, internalErrors });
  return options.fixes === false || options.fixes === 'preferred' ? trimFixes(result, options.fixes) : result;
}

/** The fixes `options.fixes` asks for: all, the preferred one, or none. */
function keptFixes(fixes: Fix[], mode: AnalyzeOptions['fixes']): Fix[] {
  return mode === false ? [] : mode === 'preferred' ? fixes.filter((x) => x.preferred) : fixes;
}

/** Every finding with only the fixes `options.fixes` asks for, whichever step made it (a rule, an unused suppression). */
function trimFixes(result: AnalysisResult, mode: AnalyzeOptions['fixes']): AnalysisResult {
  const trim = <F extends Finding>(f: F): F => {
    if (!f.fixes) return f;
    const { fixes, ...rest } = f;
    const kept = keptFixes(fixes, mode);
    return (kept.length ? { ...rest, fixes: kept } : rest) as F;
  };
  return { ...result, findings: result.findings.map(trim), ...(result.suppressed ? { suppressed: result.suppressed.map(trim) } : {}) };
}
