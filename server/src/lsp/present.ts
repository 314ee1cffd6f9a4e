/**
 * What the editor shows of an analysis: one finding per thing. The core reports each rule's findings
 * on its own (the CLI, SARIF and the measuring sets count them per rule); an author reading the
 * Problems panel and the squiggles wants one diagnostic per action item and per phrase, and a short
 * message with the advice in the hover. Pure: an AnalysisResult in, an AnalysisResult out.
 *
 * - An action item's missing fields (owner, due date, ticket, type) become one finding on the item,
 *   at the most severe of their severities, with a fix per field.
 * - A blame phrase inside an action item that action-item-vague already reports for the same words is
 *   not reported twice.
 * - A message longer than MAX_MESSAGE is cut at its first "; ": what was found stays in the message,
 *   what to do goes to the hover (`advice`).
 */
import type { AnalysisResult, Finding, Severity } from '../../../core';

export const MAX_MESSAGE = 90;

/** The rules about a missing action-item field, in the order the merged message names them. */
const MISSING_FIELD: ReadonlyArray<[rule: string, what: string]> = [
  ['action-item-owner-missing', 'an owner'],
  ['action-item-due-missing', 'a due date'],
  ['action-item-ticket-missing', 'a ticket'],
  ['action-item-type-missing', 'a type'],
];
const FIELD_OF = new Map(MISSING_FIELD);
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

function list(words: string[]): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The item as the core's messages quote it ("Pin the driver"), shortened. */
function quoted(message: string): string | undefined {
  const m = /^"([^"]+)"/.exec(message);
  if (!m) return undefined;
  return m[1].length > 40 ? `"${m[1].slice(0, 39).replace(/\s+\S*$/, '')}…"` : `"${m[1]}"`;
}

/** Cuts a long message at its first "; ": the finding, and the advice for the hover. */
export function splitMessage(message: string): { message: string; advice?: string } {
  if (message.length <= MAX_MESSAGE) return { message };
  const at = message.indexOf('; ');
  if (at < 20) return { message };
  const advice = message.slice(at + 2).trim();
  return { message: message.slice(0, at).replace(/[.,:]$/, '') + '.', advice: advice.charAt(0).toUpperCase() + advice.slice(1) };
}

function mergeMissingFields(findings: Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!FIELD_OF.has(f.rule)) continue;
    const key = `${f.start}:${f.end}`;
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const merged = new Map<Finding, Finding | null>();
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((a, b) => MISSING_FIELD.findIndex(([r]) => r === a.rule) - MISSING_FIELD.findIndex(([r]) => r === b.rule));
    const lead = [...g].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])[0];
    const item = quoted(g[0].message) ?? 'This action item';
    const one: Finding = {
      rule: lead.rule,
      severity: lead.severity,
      start: lead.start,
      end: lead.end,
      message: `${item} lacks ${list(g.map((f) => FIELD_OF.get(f.rule)!))}.`,
      advice: g.map((f) => f.message).join('\n\n'),
      merged: g.map((f) => f.rule),
      ...(lead.shaped ? { shaped: lead.shaped } : {}),
      // One fix per field; only one of them may stay preferred.
      fixes: g.flatMap((f, i) => (f.fixes ?? []).map((x) => (i === 0 || !x.preferred ? x : { ...x, preferred: false }))),
    };
    merged.set(g[0], one);
    for (const f of g.slice(1)) merged.set(f, null);
  }
  if (!merged.size) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const m = merged.get(f);
    if (m === undefined) out.push(f);
    else if (m) out.push(m);
  }
  return out;
}

/** Blame-language findings inside an action item whose action-item-vague finding quotes the same words. */
function dropRepeatedPhrases(findings: Finding[], text: string): Finding[] {
  const vague = findings.filter((f) => f.rule === 'action-item-vague');
  if (!vague.length) return findings;
  return findings.filter((f) => {
    if (f.rule !== 'blame-language') return true;
    const words = text.slice(f.start, f.end).toLowerCase();
    return !vague.some((v) => f.start >= v.start && f.end <= v.end && v.message.toLowerCase().includes(`"${words}`));
  });
}

export function presentFindings(result: AnalysisResult, text: string): AnalysisResult {
  if (result.skipped || !result.findings.length) return result;
  const findings = mergeMissingFields(dropRepeatedPhrases(result.findings, text)).map((f) => {
    if (f.advice) return f;
    const s = splitMessage(f.message);
    return s.advice ? { ...f, message: s.message, advice: s.advice } : f;
  });
  return { ...result, findings };
}
