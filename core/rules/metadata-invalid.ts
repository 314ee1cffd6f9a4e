import { defineRule } from './defineRule';

export const metadataInvalid = defineRule({
  id: 'metadata-invalid',
  defaultSeverity: 'error',
  summary: 'The front matter is not valid YAML, or a metadata value is malformed (date, severity, status, ...).',
  fixable: false,
  check(ctx) {
    for (const p of ctx.model.metadata.problems) ctx.report(p, p.message);
  },
});
