/**
 * What one run found, in the shape every formatter reads: per file, its findings with 1-based
 * line/column positions (columns in UTF-16 code units, end column exclusive), in a stable order.
 */
import { LineIndex, type Finding, type Severity } from '../core';

/** What the streamed formats (stylish, json, github) and the totals read of one finding. */
export interface ShownDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** It has a preferred fix --fix applies (not an editor snippet). */
  fixable: boolean;
}

export interface CliDiagnostic extends ShownDiagnostic {
  /** The finding itself (offsets, fixes), for SARIF fixes and --fix. */
  finding: Finding;
}

export interface SuppressedDiagnostic extends CliDiagnostic {
  /** Why it was silenced: the reason written in the suppression comment (may be empty). */
  justification: string;
  /** Where the suppression comment stands (1-based line). */
  commentLine: number;
}

/**
 * One file's result as the streamed formats and the totals read it: what a worker thread answers
 * (cli/workers.ts), without the findings' fixes and offsets, which only SARIF and --fix use and which
 * never run on workers.
 */
export interface ShownReport {
  /** As given on the command line or found by expansion; `<stdin>` or --stdin-filename for stdin. */
  path: string;
  diagnostics: ShownDiagnostic[];
  /** Set when the file was not analysed (binary, too large). */
  skipped?: string;
  /** Rules that threw on this file. */
  internalErrors: Array<{ rule: string; message: string }>;
  /** Stretches read as plain text because they exceed an input limit (1-based positions), one notice each. */
  notices?: Array<{ line: number; column: number; message: string }>;
}

/** One file's whole result, on the main thread: its text, and each finding with its fixes. */
export interface FileReport extends ShownReport {
  text: string;
  diagnostics: CliDiagnostic[];
  /** Findings silenced by suppression comments (SARIF reports them as suppressed results). */
  suppressed: SuppressedDiagnostic[];
}

/** The report a worker answers with: the streamed formats' part, so nothing else is copied across. */
export function shownReport(r: FileReport): ShownReport {
  const out: ShownReport = {
    path: r.path,
    diagnostics: r.diagnostics.map(({ finding: _finding, ...shown }) => shown),
    internalErrors: r.internalErrors,
  };
  if (r.skipped !== undefined) out.skipped = r.skipped;
  if (r.notices !== undefined) out.notices = r.notices;
  return out;
}

export interface RunTotals {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  fixable: number;
  /** Problems per rule id. */
  byRule: Map<string, number>;
}

export function toDiagnostic(lines: LineIndex, f: Finding): CliDiagnostic {
  const s = lines.position(f.start);
  const e = lines.position(f.end);
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    fixable: f.fixes?.some((x) => x.preferred && !x.snippet) ?? false,
    finding: f,
  };
}

export function emptyTotals(): RunTotals {
  return { errors: 0, warnings: 0, infos: 0, hints: 0, fixable: 0, byRule: new Map() };
}

/** Adds b's counts to a's. */
export function addTotals(a: RunTotals, b: RunTotals): void {
  a.errors += b.errors;
  a.warnings += b.warnings;
  a.infos += b.infos;
  a.hints += b.hints;
  a.fixable += b.fixable;
  for (const [rule, n] of b.byRule) a.byRule.set(rule, (a.byRule.get(rule) ?? 0) + n);
}

export function totals(files: ShownReport[]): RunTotals {
  const t = emptyTotals();
  for (const f of files) {
    for (const d of f.diagnostics) {
      t.byRule.set(d.rule, (t.byRule.get(d.rule) ?? 0) + 1);
      if (d.severity === 'error') t.errors++;
      else if (d.severity === 'warning') t.warnings++;
      else if (d.severity === 'info') t.infos++;
      else t.hints++;
      if (d.fixable) t.fixable++;
    }
  }
  return t;
}

/** --quiet: only errors are shown (the exit code and --max-warnings still count everything). */
export function onlyErrors<R extends ShownReport>(files: R[]): R[] {
  return files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') }));
}
