import { defineRule } from './defineRule';

export const timelineVagueTime = defineRule({
  id: 'timeline-vague-time',
  defaultSeverity: 'info',
  summary: 'A timeline entry with an approximate or relative time ("around 3 PM", "~10:30", "later that day").',
  fixable: false,
  check(ctx) {
    for (const t of ctx.model.timelines) {
      for (const e of t.entries) {
        const written = e.timeText.replace(/\s+/g, ' ').trim();
        if (e.relative) {
          ctx.report(e.timeSpan, `"${written}" gives no clock time; look the moment up in logs, alerts or chat history and write the time (e.g. "16:20").`);
        } else if (e.vague) {
          ctx.report(e.timeSpan, `"${written}" is an approximate time; look it up in logs, alerts or chat history and write the exact time (e.g. "14:57").`);
        }
      }
    }
  },
});
