/** `--list-rules`: every rule with its default severity, summary and docs page. */
import { createColors } from 'picocolors';
import { docsPath, RULES } from '../core';

export function listRules(format: 'json' | 'text', opts: { color: boolean }): string {
  const rules = RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, summary: r.summary, docs: docsPath(r.id), fixable: r.fixable }));
  if (format === 'json') return JSON.stringify({ version: 1, rules }) + '\n';
  const c = createColors(opts.color);
  const idW = Math.max(...rules.map((r) => r.id.length));
  const sevW = Math.max(...rules.map((r) => r.severity.length));
  return rules.map((r) => `${c.bold(r.id.padEnd(idW))}  ${r.severity.padEnd(sevW)}  ${r.summary}${r.fixable ? c.dim(' (fixable)') : ''}`).join('\n') + '\n';
}
