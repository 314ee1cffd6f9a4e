import { analyze } from './server/src/core';
const doc = (body: string) => `# Postmortem: nesting\n\n## Summary\n\n${body}\n`;
for (const n of [1500, 6000]) { const t = doc('*'.repeat(n) + 'x' + '*'.repeat(n)); analyze(t); const t0 = performance.now(); analyze(t); console.log(n, Math.round(performance.now() - t0)); }
