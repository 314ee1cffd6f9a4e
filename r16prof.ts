import { analyze } from './server/src/core';
const n = Number(process.argv[3] ?? 8000);
const a = 'x' + '\n'.repeat(n) + 'x';
const parts = [`---\ntitle: x\nseverity: SEV-2\nauthors: [Ana]\n---`, `# Postmortem: ${a}`, `**Date:** ${a}`, `## Summary ${a}`, `Bob should have ${a} before the deploy ${a}.`, `${a}`, `## Timeline`, `| Time | Event |\n|---|---|\n| 10:00 ${a} | ${a} |\n| 10:05 | started ${a} |`, `- 10:10 ${a}`, `## Root causes`, `**Root cause:** ${a}`, `Why 1: ${a}?\nBecause ${a}`, `## Contributing factors`, `- ${a}`, `## Impact`, `${a} users`, `## Action items`, `| Action | Owner | Due | Ticket |\n|---|---|---|---|\n| ${a} | @ana ${a} | 2026-12-01 ${a} | ${a} |`, `- [ ] ${a} (owner: ${a}, due: ${a})`, `<!-- postmortem-disable-next-line blame-language ${a}`];
const t = parts.join('\n\n') + '\n';
const t0 = performance.now(); analyze(t, { today: '2026-11-23' }); console.error(n, performance.now() - t0);
