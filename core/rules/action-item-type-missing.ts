import { actionTypeOf } from '../extract/actionItems';
import { fieldFix, quoteItem, statusOf, typePlaceholder } from './actionItemCommon';
import { defineRule } from './defineRule';

export const actionItemTypeMissing = defineRule({
  id: 'action-item-type-missing',
  defaultSeverity: 'info',
  summary: 'An action item has no type among prevent, detect, mitigate, process and document.',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      // A finished item (checked, or status Done / Closed / Fixed) needs no owner, type or ticket any more.
      if (statusOf(item) === 'done') continue;
      const v = item.fields.type?.value.replace(/[*_`]/g, '').trim();
      if (v && actionTypeOf(v)) continue;
      const message = v
        ? `The type "${v}" is not one of prevent, detect, mitigate, process or document; pick the one this item does.`
        : `${quoteItem(item)} has no type; add one of prevent, detect, mitigate, process or document.`;
      const fix = fieldFix(ctx, item, 'type', typePlaceholder());
      ctx.report(item.span, message, fix ? [fix] : undefined);
    }
  },
});
