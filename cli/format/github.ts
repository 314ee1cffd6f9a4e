/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which the runner shows as
 * annotations on the pull request: `::error file=...,line=..,col=..,endLine=..,endColumn=..,title=rule::message`.
 */
import type { Severity } from '../../core';
import type { ShownReport } from '../results';
import { printable } from './printable';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: ShownReport[]): string {
  const out: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const props = [
        `file=${escapeProperty(f.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`postmortem-lint: ${d.rule}`)}`,
      ].join(',');
      out.push(`::${COMMAND[d.severity]} ${props}::${escapeData(d.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}
