/**
 * `--format stylish` (the default): findings grouped by file, one aligned line each, and a summary.
 * Colour only when asked for or when stdout is a terminal (the caller decides).
 */
import { createColors } from 'picocolors';
import type { Severity } from '../../core';
import { totals, type RunTotals, type ShownReport } from '../results';
import { printable } from './printable';

/** Findings of one rule in one file beyond which they are grouped, and how many are shown first. */
export const GROUP_OVER = 20;
export const GROUP_SHOWN = 5;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function severityColors(color: boolean): { c: ReturnType<typeof createColors>; sev: Record<Severity, (s: string) => string> } {
  const c = createColors(color);
  return { c, sev: { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim } };
}

/** One file's block: its path and one aligned line per finding (the CLI streams these one at a time). */
export function stylishFile(f: ShownReport, opts: { color: boolean }): string {
  const { c, sev: sevColor } = severityColors(opts.color);
  const out: string[] = [c.underline(printable(f.path))];
  // A rule with more than GROUP_OVER findings in one file shows its first GROUP_SHOWN and one line
  // for the rest, so one repeated finding does not bury the others.
  const perRule = new Map<string, number>();
  for (const d of f.diagnostics) perRule.set(d.rule, (perRule.get(d.rule) ?? 0) + 1);
  const shown = new Map<string, number>();
  const rest = new Map<string, number[]>();
  const rows: Array<readonly [string, string, string, string, Severity]> = [];
  for (const d of f.diagnostics) {
    if ((perRule.get(d.rule) ?? 0) > GROUP_OVER) {
      const n = shown.get(d.rule) ?? 0;
      if (n >= GROUP_SHOWN) {
        const lines = rest.get(d.rule) ?? [];
        lines.push(d.line);
        rest.set(d.rule, lines);
        if (lines.length === 1) rows.push(['', '', '', d.rule, d.severity]);
        continue;
      }
      shown.set(d.rule, n + 1);
    }
    rows.push([`${d.line}:${d.column}`, d.severity, printable(d.message), d.rule, d.severity]);
  }
  const posW = Math.max(...rows.map((r) => r[0].length));
  const sevW = Math.max(...rows.map((r) => r[1].length));
  for (const [pos, sev, msg, rule, sv] of rows) {
    if (!pos) {
      const lines = rest.get(rule)!;
      out.push(
        `  ${' '.repeat(posW)}  ${' '.repeat(sevW)}  ${c.dim(`… ${plural(lines.length, 'more finding')} of this rule, lines ${lines[0]}–${lines[lines.length - 1]}`)}  ${c.dim(rule)}`,
      );
      continue;
    }
    out.push(`  ${c.dim(pos.padEnd(posW))}  ${sevColor[sv](sev.padEnd(sevW))}  ${msg}  ${c.dim(rule)}`);
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
  // Which rules the problems come from, most first: a file the detection admits only weakly shows
  // what it got (section-missing × 9) without hiding the rest.
  const ranked = [...t.byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  out.push(c.dim(`  by rule: ${ranked.map(([r, n]) => `${r} ${n}`).join(', ')}`));
  if (t.fixable && opts.fixHint !== false) out.push(c.dim(`  ${t.fixable} of them can be fixed with --fix.`));
  return out.join('\n') + '\n';
}

export function formatStylish(files: ShownReport[], opts: { color: boolean; fixHint?: boolean }): string {
  return (
    files
      .filter((f) => f.diagnostics.length)
      .map((f) => stylishFile(f, opts) + '\n')
      .join('') + stylishSummary(totals(files), opts)
  );
}
