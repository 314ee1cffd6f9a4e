import { defineRule } from './defineRule';

export const MIN_WHYS = 3;

export const fiveWhysShallow = defineRule({
  id: 'five-whys-shallow',
  defaultSeverity: 'info',
  summary: 'A 5 Whys chain that stops after fewer than three whys.',
  fixable: false,
  check(ctx) {
    for (const chain of ctx.model.fiveWhys) {
      const n = chain.steps.length;
      if (n >= MIN_WHYS) continue;
      const at = chain.heading?.span ?? { start: chain.span.start, end: ctx.lines.lineEnd(ctx.lines.lineOf(chain.span.start)) };
      const last = chain.rootCause?.text ?? chain.steps[n - 1]?.answer?.text;
      ctx.report(
        at,
        `This 5 Whys chain stops after ${n === 1 ? 'one why' : `${n} whys`}; keep asking why${last ? ` about its last answer` : ''} until the answer is a condition the team can change (at least ${MIN_WHYS} steps).`,
      );
    }
  },
});
