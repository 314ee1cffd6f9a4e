/**
 * The last step of analyze(), after every rule has run: severity shaping by the postmortem's status,
 * then suppression comments (core/engine/suppress.ts) and the `suppression-unused` findings they leave.
 * Pure, like the rest of the core.
 */
import type { Root } from 'mdast';
import type { LineIndex } from './lineIndex';
import { ruleById } from '../rules/registry';
import { unusedSuppressionFindings } from '../rules/suppression-unused';
import { applySuppressions, parseDirectives } from './suppress';
import type { AnalysisResult, AnalyzeOptions, Finding, PostmortemModel, Severity } from '../types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/**
 * Rules about what is not written yet. While a postmortem is a draft, their findings show as hints:
 * a draft is expected to be incomplete, and a Problems panel full of "no ticket" hides what matters.
 */
export const COMPLETENESS_RULES: ReadonlySet<string> = new Set([
  'section-missing',
  'section-empty',
  'metadata-missing',
  'action-item-ticket-missing',
  'action-item-type-missing',
  'action-item-due-missing',
]);

/**
 * The blame family: how the document talks about people. Its severity is the same in every status;
 * drafting is exactly when an author wants to see it.
 */
export const BLAME_RULES: ReadonlySet<string> = new Set(['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias']);

/**
 * Status shapes completeness, never blamelessness. Draft: findings of the completeness rules show as
 * hints (and say so, `shaped`). Final: warnings become errors, except the blame family's. Each only
 * when the options ask for it.
 */
export function shapeByStatus(findings: Finding[], model: PostmortemModel, options: AnalyzeOptions): Finding[] {
  const status = model.metadata.fields.status?.value;
  if (status === 'draft' && options.status?.draftWarningsAsHints) {
    return findings.map((f) =>
      COMPLETENESS_RULES.has(f.rule) && f.severity !== 'hint' ? { ...f, severity: 'hint', shaped: { status: 'draft', from: f.severity } } : f,
    );
  }
  if (status === 'final' && options.status?.finalWarningsAsErrors) {
    return findings.map((f) =>
      f.severity === 'warning' && !BLAME_RULES.has(f.rule) ? { ...f, severity: 'error', shaped: { status: 'final', from: f.severity } } : f,
    );
  }
  return findings;
}

export interface FinishInput {
  text: string;
  tree: Root;
  lines: LineIndex;
  model: PostmortemModel;
  options: AnalyzeOptions;
  findings: Finding[];
  internalErrors: AnalysisResult['internalErrors'];
}

export function finishAnalysis(input: FinishInput): AnalysisResult {
  const { text, tree, lines, model, options, internalErrors } = input;
  let findings = shapeByStatus(input.findings, model, options);
  if (options.inlineSuppressions === false) {
    return { model, findings: findings.sort(compareFindings), internalErrors };
  }
  const directives = parseDirectives(text, tree);
  if (!directives.length) return { model, findings: findings.sort(compareFindings), internalErrors };

  const outcome = applySuppressions(text, lines, directives, findings, (id) => !!ruleById(id));
  findings = outcome.findings;
  const setting = options.rules?.['suppression-unused'];
  if (setting !== 'off') {
    const severity = setting ?? ruleById('suppression-unused')?.defaultSeverity ?? 'hint';
    try {
      // A comment for a rule that is switched off may well be needed where the rule is on: not reported.
      const unused = outcome.unused.filter((u) => u.unknown || !u.rule || options.rules?.[u.rule] !== 'off');
      findings = findings.concat(unusedSuppressionFindings(text, lines, unused, severity));
    } catch (err) {
      internalErrors.push({ rule: 'suppression-unused', message: err instanceof Error ? err.message : String(err) });
    }
  }
  return { model, findings: findings.sort(compareFindings), internalErrors, suppressed: outcome.suppressed.sort(compareFindings) };
}
