import { analyze } from './server/src/core';
const kinds: Record<string, (n: number) => string> = {
  quotes: (n) => '>'.repeat(n) + ' x\n',
  quotesSpaced: (n) => '> '.repeat(n) + 'x\n',
  lists: (n) => '- '.repeat(n) + 'x\n',
  ordered: (n) => '1. '.repeat(n) + 'x\n',
  emph: (n) => '*a '.repeat(n) + 'x\n',
  emph2: (n) => '*'.repeat(n) + 'x' + '*'.repeat(n) + '\n',
  brackets: (n) => '['.repeat(n) + 'x' + ']'.repeat(n) + '\n',
  links: (n) => '[a]('.repeat(n) + 'x' + ')'.repeat(n) + '\n',
  underscores: (n) => '_a '.repeat(n) + 'x\n',
};
for (const [k, f] of Object.entries(kinds)) {
  const out: string[] = [];
  for (const n of [2500, 10000]) {
    const t = `# Postmortem: x\n\n## Summary\n\n${f(n)}`;
    const t0 = performance.now(); const r = analyze(t); out.push(`${n}: ${(performance.now() - t0).toFixed(0)}ms ${r.skipped ?? ''}`);
  }
  console.log(k, out.join(' | '));
}
