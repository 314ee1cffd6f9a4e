/**
 * `--format stylish` (the default): findings grouped by file, one aligned line each, and a summary.
 * Colour only when asked for or when stdout is a terminal (the caller decides).
 */
import { createColors } from 'picocolors';
import type { Severity } from '../../core';
import { totals, type FileReport } from '../report';
import { printable } from './printable';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatStylish(files: FileReport[], opts: { color: boolean; fixHint?: boolean }): string {
  const c = createColors(opts.color);
  const sevColor: Record<Severity, (s: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
    hint: c.dim,
  };
  const out: string[] = [];
  for (const f of files) {
    if (!f.diagnostics.length) continue;
    out.push(c.underline(printable(f.path)));
    const rows = f.diagnostics.map((d) => [`${d.line}:${d.column}`, d.severity, printable(d.message), d.rule, d.severity] as const);
    const posW = Math.max(...rows.map((r) => r[0].length));
    const sevW = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, msg, rule, s] of rows) {
      out.push(`  ${c.dim(pos.padEnd(posW))}  ${sevColor[s](sev.padEnd(sevW))}  ${msg}  ${c.dim(rule)}`);
    }
    out.push('');
  }
  const t = totals(files);
  const problems = t.errors + t.warnings + t.infos + t.hints;
  if (problems === 0) return out.join('\n');
  const parts = [plural(t.errors, 'error'), plural(t.warnings, 'warning')];
  if (t.infos) parts.push(plural(t.infos, 'info'));
  if (t.hints) parts.push(plural(t.hints, 'hint'));
  const line = `\u2716 ${plural(problems, 'problem')} (${parts.join(', ')})`;
  out.push(t.errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
  if (t.fixable && opts.fixHint !== false) out.push(c.dim(`  ${t.fixable} of them can be fixed with --fix.`));
  return out.join('\n') + '\n';
}
