import { isIsoDate } from '../language/dates';
import { dueOf, quoteItem, statusOf } from './actionItemCommon';
import { defineRule } from './defineRule';

export const actionItemOverdue = defineRule({
  id: 'action-item-overdue',
  defaultSeverity: 'warning',
  summary: 'An action item is past its due date and explicitly not done (an unchecked box, or status Open / In progress / To do).',
  fixable: false,
  check(ctx) {
    const today = ctx.options.today;
    if (!today || !isIsoDate(today)) return;
    for (const item of ctx.model.actionItems) {
      // Only an explicit "not done" counts: an item with no status may well be finished.
      if (statusOf(item) !== 'open') continue;
      const due = dueOf(ctx, item);
      if (due.kind !== 'date' || due.date >= today) continue;
      const status = item.fields.status?.value.trim();
      const state = status ? `is still "${status}"` : 'is still unchecked';
      ctx.report(item.span, `${quoteItem(item)} was due ${due.date} and ${state}; close it if it is done, or set a new date and note why it moved.`);
    }
  },
});
