import { windowEnd } from '../language/dates';
import { dueOf, incidentDate, severityOf, statusOf } from './actionItemCommon';
import { defineRule } from './defineRule';

export const actionItemDueWindow = defineRule({
  id: 'action-item-due-window',
  defaultSeverity: 'info',
  summary: "An action item is due later than its severity allows (SEV-1 14 days, SEV-2 28 days, SEV-3 the end of the incident's quarter).",
  fixable: false,
  check(ctx) {
    const date = incidentDate(ctx.model);
    const severity = severityOf(ctx.model);
    if (!date || !severity) return;
    const w = windowEnd(date, severity, ctx.options);
    if (!w) return;
    const window = w.window === 'quarter' ? `the end of the incident's quarter, ${w.end}` : `${w.window} days after the incident, ${w.end}`;
    for (const item of ctx.model.actionItems) {
      const due = dueOf(ctx, item);
      // A finished item's date is history, not a plan to bring forward.
      if (due.kind !== 'date' || due.date <= w.end || statusOf(item) === 'done') continue;
      ctx.report(item.span, `Due ${due.date} is past the ${severity} window (${window}); bring the date forward, or split out the part that can land by then.`);
    }
  },
});
