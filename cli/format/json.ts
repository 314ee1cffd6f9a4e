/**
 * `--format json`. The shape is fixed (version 1); fields are only ever added in a new version:
 * {"version":1,"files":[{"path":"...","diagnostics":[{"rule","severity","message","line","column","endLine","endColumn"}]}]}
 * Lines and columns are 1-based; columns count UTF-16 code units; endColumn is exclusive.
 */
import type { ShownReport } from '../results';

/** One file's entry, as it stands in `files` (the CLI streams these one at a time). */
export function jsonFile(f: ShownReport): string {
  return JSON.stringify({
    path: f.path,
    diagnostics: f.diagnostics.map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
    })),
  });
}

export function formatJson(files: ShownReport[]): string {
  return `{"version":1,"files":[${files.map(jsonFile).join(',')}]}\n`;
}
