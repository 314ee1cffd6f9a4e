/**
 * `--format stylish` (the default): findings grouped by file, one aligned line each, and a summary.
 * Colour only when asked for or when stdout is a terminal (the caller decides).
 */
import { createColors } from 'picocolors';
import type { Severity } from '../../core';
import { totals, type FileReport, type RunTotals } from '../report';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityColors(color: boolean): { c: ReturnType<typeof createColors>; sev: Record<Severity, (s: string) => string> } {
  const c = createColors(color);
  return { c, sev: { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim } };
}

/** One file's block: its path and one aligned line per finding (the CLI streams these one at a time). */
export function stylishFile(f: FileReport, opts: { color: boolean }): string {
  const { c, sev: sevColor } = severityColors(opts.color);
  const out: string[] = [c.underline(f.path)];
  const rows = f.diagnostics.map((d) => [`${d.line}:${d.column}`, d.severity, d.message, d.rule, d.severity] as const);
  const posW = Math.max(...rows.map((r) => r[0].length));
  const sevW = Math.max(...rows.map((r) => r[1].length));
  for (const [pos, sev, msg, rule, s] of rows) {
    out.push(`  ${c.dim(pos.padEnd(posW))}  ${sevColor[s](sev.padEnd(sevW))}  ${msg}  ${c.dim(rule)}`);
  }
  return out.join('\n') + '\n';
}

/** The closing summary ("✖ 3 problems (…)"), or nothing when there are none. */
export function stylishSummary(t: RunTotals, opts: { color: boolean; fixHint?: boolean }): string {
  const { c } = severityColors(opts.color);
  const problems = t.errors + t.warnings + t.infos + t.hints;
  if (problems === 0) return '';
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos) parts.push(plural(t.infos, 'info'));
  if (t.hints) parts.push(plural(t.hints, 'hint'));
  const line = `\u2716 ${plural(problems, 'problem')} (${parts.join(', ')})`;
  const out = [t.errors ? c.red(c.bold(line)) : c.yellow(c.bold(line))];
  if (t.fixable && opts.fixHint !== false) out.push(c.dim(`  ${t.fixable} of them can be fixed with --fix.`));
  return out.join('\n') + '\n';
}

export function formatStylish(files: FileReport[], opts: { color: boolean; fixHint?: boolean }): string {
  return files.filter((f) => f.diagnostics.length).map((f) => stylishFile(f, opts) + '\n').join('') + stylishSummary(totals(files), opts);
}
