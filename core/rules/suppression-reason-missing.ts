import { WRITTEN_PLACEHOLDERS } from '../data/placeholders';
import { parseDirectives } from '../engine/suppress';
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
      if (d.kind === 'enable') continue;
      if (d.reason) {
        // The quick-fix's placeholder is not a reason the author wrote.
        const at = d.reason === WRITTEN_PLACEHOLDERS.suppressionReason ? ctx.text.indexOf(d.reason, d.span.start) : -1;
        if (at >= 0 && at < d.span.end) {
          ctx.report({ start: at, end: at + d.reason.length }, `"${d.reason}" is the placeholder; write why the finding does not apply here.`, [
            { title: 'Write the reason', edits: [{ start: at, end: at + d.reason.length, newText: '${1:' + d.reason + '}' }], snippet: true },
          ]);
        }
        continue;
      }
      const close = d.span.end - 3;
      // Keep the space before "-->" when there is one: insert before it.
      const at = ctx.text.charAt(close - 1) === ' ' ? close - 1 : close;
      ctx.report(
        d.span,
        `This comment silences ${describeTargets(d.rules.map((r) => r.id))} without a reason; add one after " -- " so readers know why the finding does not apply.`,
        [
          {
            title: 'Add a reason to the suppression comment',
            edits: [{ start: at, end: at, newText: ` -- \${1:${WRITTEN_PLACEHOLDERS.suppressionReason}}` }],
            snippet: true,
          },
        ],
      );
    }
  },
});
