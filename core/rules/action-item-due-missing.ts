import { datePlaceholder, dueOf, fieldFix, quoteItem, statusOf, suggestedDue } from './actionItemCommon';
import { defineRule } from './defineRule';

export const actionItemDueMissing = defineRule({
  id: 'action-item-due-missing',
  defaultSeverity: 'warning',
  summary: 'An open action item has no due date, or one that is not a date ("soon", "ASAP", "later", "TBD", text that cannot be resolved).',
  fixable: true,
  check(ctx) {
    const suggestion = suggestedDue(ctx);
    // Never suggest a date that has passed.
    const today = ctx.options.today;
    const example = suggestion && (!today || suggestion >= today) ? suggestion : 'YYYY-MM-DD';
    for (const item of ctx.model.actionItems) {
      const due = dueOf(ctx, item);
      // A finished item needs no deadline any more.
      if (due.kind === 'date' || statusOf(item) === 'done') continue;
      let message: string;
      if (due.kind === 'none') {
        message = due.word
          ? `${quoteItem(item)} is due "${due.word}", which is not a date; write a calendar date such as ${example}.`
          : `${quoteItem(item)} has no due date; add a calendar date such as ${example}.`;
      } else if (due.needsReference) {
        message = `The due date "${due.text}" cannot be resolved without an incident date in the metadata; write a calendar date such as ${example}, or add the incident date.`;
      } else {
        message = `The due date "${due.text}" cannot be read as a date; write a calendar date such as ${example}.`;
      }
      // A placeholder to type over (still flagged until replaced), or the window's end when it is still ahead.
      const fix = fieldFix(ctx, item, 'due', datePlaceholder(suggestion, today));
      ctx.report(item.span, message, fix ? [fix] : undefined);
    }
  },
});
