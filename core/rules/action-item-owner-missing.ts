import type { ActionItem, Fix } from '../types';
import { fieldFix, ownerPlaceholder, quoteItem, statusOf } from './actionItemCommon';
import type { RuleContext } from './defineRule';
import { defineRule } from './defineRule';

/** Owner values that name nobody. */
export const NO_OWNER =
  /^(?:|-+|—|–|\?+|tbd|tbc|tba|n\/?a|none|nobody|no one|unassigned|unowned|someone|somebody|anyone|anybody|owner|@owner|\[owner\]|<owner>|@|todo)$/i;

/** The quick-fix for a missing owner: fill or add the Owner cell/column, or append `owner: @…` to a bullet. */
export function ownerFix(ctx: RuleContext, item: ActionItem): Fix | undefined {
  return fieldFix(ctx, item, 'owner', ownerPlaceholder(ctx));
}

export const actionItemOwnerMissing = defineRule({
  id: 'action-item-owner-missing',
  defaultSeverity: 'error',
  summary: 'An action item has no owner (empty, TBD, "?", "someone").',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      // A finished item (checked, or status Done / Closed / Fixed) needs no owner, type or ticket any more.
      if (statusOf(item) === 'done') continue;
      const owner = item.fields.owner?.value.replace(/[*_`]/g, '').trim();
      if (owner !== undefined && !NO_OWNER.test(owner)) continue;
      const what = owner === undefined ? 'has no owner' : owner === '' ? 'has an empty owner' : `has "${owner}" as its owner`;
      const fix = ownerFix(ctx, item);
      ctx.report(item.span, `${quoteItem(item)} ${what}; name one person who will drive it to done (e.g. "@kim").`, fix ? [fix] : undefined);
    }
  },
});
