/**
 * The last step of analyze(), after every rule has run: severity shaping by the postmortem's status,
 * then suppression comments (core/suppress.ts) and the `suppression-unused` findings they leave.
 * Pure, like the rest of the core.
 */
import type { Root } from 'mdast';
import type { LineIndex } from './lineIndex';
import { ruleById } from './rules/registry';
import { unusedSuppressionFindings } from './rules/suppression-unused';
import { applySuppressions, parseDirectives } from './suppress';
import type { AnalysisResult, AnalyzeOptions, Finding, PostmortemModel, Severity } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

/** Draft: warnings show as hints. Final: warnings become errors. Each only when the options ask for it. */
export function shapeByStatus(findings: Finding[], model: PostmortemModel, options: AnalyzeOptions): Finding[] {
  const status = model.metadata.fields.status?.value;
  let to: Severity | undefined;
  if (status === 'draft' && options.status?.draftWarningsAsHints) to = 'hint';
  else if (status === 'final' && options.status?.finalWarningsAsErrors) to = 'error';
  if (!to) return findings;
  const target = to;
  return findings.map((f) => (f.severity === 'warning' ? { ...f, severity: target } : f));
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
