import { fieldFix, hasTicket, quoteItem, statusOf, ticketPlaceholder } from './actionItemCommon';
import { defineRule } from './defineRule';

export const actionItemTicketMissing = defineRule({
  id: 'action-item-ticket-missing',
  defaultSeverity: 'info',
  summary: 'An action item links no ticket (an id such as ABC-123 or #123, or a URL).',
  fixable: true,
  check(ctx) {
    for (const item of ctx.model.actionItems) {
      // A finished item (checked, or status Done / Closed / Fixed) needs no owner, type or ticket any more.
      if (statusOf(item) === 'done') continue;
      if (hasTicket(ctx, item)) continue;
      const v = item.fields.ticket?.value.replace(/[*_`]/g, '').trim();
      const message = !v
        ? `${quoteItem(item)} has no ticket; add its tracker id (e.g. OPS-123) or a link, so its progress can be followed.`
        : /^#[\p{L}]/u.test(v)
          ? `"${v}" is a channel, not a ticket; add the tracker id (e.g. OPS-123) or a link for this item.`
          : `"${v}" is not a ticket reference; write a tracker id (e.g. OPS-123) or a link.`;
      const fix = fieldFix(ctx, item, 'ticket', ticketPlaceholder());
      ctx.report(item.span, message, fix ? [fix] : undefined);
    }
  },
});
