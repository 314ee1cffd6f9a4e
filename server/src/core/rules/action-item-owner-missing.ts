import type { ActionItem, Fix } from '../types';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Owner values that name nobody. */
export const NO_OWNER = /^(?:|-+|—|\?+|tbd|tbc|n\/?a|none|nobody|unassigned|someone|somebody|anyone|owner|\[owner\]|<owner>|@)$/i;

export function ownerFix(ctx: RuleContext, item: ActionItem): Fix | undefined {
  const f = item.fields.owner;
  if (f && f.span.end > f.span.start) {
    return { title: 'Replace with an owner placeholder', edits: [{ ...f.span, newText: '@${1:owner}' }], snippet: true, preferred: true };
  }
  if (item.form === 'bullet') {
    const end = item.textSpan.end;
    const lineEnd = ctx.lines.lineEnd(ctx.lines.lineOf(item.span.start));
    const at = Math.max(end, lineEnd);
    return { title: 'Add an owner', edits: [{ start: at, end: at, newText: ' (owner: @${1:owner})' }], snippet: true, preferred: true };
  }
  if (f) return { title: 'Add an owner', edits: [{ ...f.span, newText: '@${1:owner}' }], snippet: true, preferred: true };
  return undefined;
}

export const actionItemOwnerMissing = defineRule({
  id: 'action-item-owner-missing',
  defaultSeverity: 'error',
  summary: 'An action item has no owner (empty, TBD, "?", "someone").',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      const owner = item.fields.owner?.value.replace(/[*_`]/g, '').trim();
      if (owner !== undefined && !NO_OWNER.test(owner)) continue;
      const what = owner === undefined ? 'has no owner' : owner === '' ? 'has an empty owner' : `has "${owner}" as its owner`;
      const fix = ownerFix(ctx, item);
      ctx.report(item.span, `This action item ${what}; name one person who will drive it to done (e.g. "@kim").`, fix ? [fix] : undefined);
    }
  },
});
