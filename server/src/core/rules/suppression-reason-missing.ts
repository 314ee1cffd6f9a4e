import { parseDirectives } from '../suppress';
import { defineRule } from './defineRule';

/** Names the rules a directive silences, for messages. */
export function describeTargets(ids: string[]): string {
  if (!ids.length) return 'every rule';
  return ids.length === 1 ? ids[0] : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

export const suppressionReasonMissing = defineRule({
  id: 'suppression-reason-missing',
  defaultSeverity: 'hint',
  summary: 'A postmortem-disable comment does not say why the finding does not apply ("-- reason").',
  fixable: true,
  check(ctx) {
    if (ctx.options.inlineSuppressions === false) return;
    for (const d of parseDirectives(ctx.text, ctx.tree)) {
      if (d.kind === 'enable' || d.reason) continue;
      const close = d.span.end - 3;
      // Keep the space before "-->" when there is one: insert before it.
      const at = ctx.text.charAt(close - 1) === ' ' ? close - 1 : close;
      ctx.report(d.span, `This comment silences ${describeTargets(d.rules.map((r) => r.id))} without a reason; add one after " -- " so readers know why the finding does not apply.`, [
        { title: 'Add a reason to the suppression comment', edits: [{ start: at, end: at, newText: ' -- ${1:why this does not apply}' }], snippet: true },
      ]);
    }
  },
});
