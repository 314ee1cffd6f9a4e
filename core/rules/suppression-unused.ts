import type { LineIndex } from '../engine/lineIndex';
import type { UnusedSuppression } from '../engine/suppress';
import type { Finding, Fix, Severity } from '../types';
import { defineRule } from './defineRule';

/**
 * Which suppressions silenced nothing is only known once every other rule has run, so this rule's
 * findings are made by analyze()'s last step (core/engine/finishAnalysis.ts) through `unusedSuppressionFindings`;
 * its check does nothing. It is registered like any rule so its id, severity, docs and config work.
 */
export const suppressionUnused = defineRule({
  id: 'suppression-unused',
  defaultSeverity: 'hint',
  summary: 'A postmortem-disable comment (or a rule id in it) silences nothing, or names no known rule.',
  fixable: true,
  check() {
    // See unusedSuppressionFindings.
  },
});

/** Removes the whole comment, and its line when the comment stands alone on it. */
function removeComment(text: string, lines: LineIndex, span: { start: number; end: number }): Fix {
  const line = lines.lineOf(span.start);
  const ls = lines.lineStarts[line];
  const le = lines.lineEnd(line);
  const alone = lines.lineOf(span.end) === line && text.slice(ls, span.start).trim() === '' && text.slice(span.end, le).trim() === '';
  const end = alone ? (line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : le) : span.end;
  const start = alone ? ls : span.start;
  return { title: 'Remove the unused suppression comment', edits: [{ start, end, newText: '' }], preferred: true };
}

/** Removes one id from a comment that names several, with the comma or space that joins it. */
function removeId(text: string, span: { start: number; end: number }): Fix {
  let start = span.start;
  let end = span.end;
  const after = /^\s*,\s*/.exec(text.slice(end, end + 20));
  if (after) end += after[0].length;
  else {
    const before = /(?<!\s)(?:\s*,\s*$|\s+$)/.exec(text.slice(Math.max(0, start - 20), start));
    if (before) start -= before[0].length;
  }
  return { title: `Remove "${text.slice(span.start, span.end)}" from the suppression comment`, edits: [{ start, end, newText: '' }], preferred: true };
}

export function unusedSuppressionFindings(text: string, lines: LineIndex, unused: UnusedSuppression[], severity: Severity): Finding[] {
  // Removing every id would leave a comment that silences every rule: remove the comment instead.
  const idleIds = new Map<object, number>();
  for (const u of unused) idleIds.set(u.directive, (idleIds.get(u.directive) ?? 0) + 1);
  return unused.map((u) => {
    const d = u.directive;
    const whole = u.span.start === d.span.start && u.span.end === d.span.end;
    let message: string;
    if (d.kind === 'enable') message = 'This postmortem-enable comment ends no earlier postmortem-disable; remove it.';
    else if (u.unknown) message = `"${u.rule}" is not a rule id, so this comment silences nothing for it; check the spelling (see the rules list).`;
    else if (!u.rule) message = 'This suppression comment silences no finding; remove it.';
    else message = `No ${u.rule} finding here for this comment to silence; remove ${whole ? 'the comment' : `"${u.rule}" from it`}.`;
    const fix = whole || (idleIds.get(d) ?? 0) >= d.rules.length ? removeComment(text, lines, d.span) : removeId(text, u.span);
    return { rule: 'suppression-unused', severity, message, start: u.span.start, end: u.span.end, fixes: [fix] };
  });
}
