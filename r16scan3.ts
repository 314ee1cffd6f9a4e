import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
function files(d: string): string[] { return readdirSync(d).flatMap((f) => { const p = join(d, f); return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []; }); }
const pats: string[] = [];
for (const f of files('server/src')) {
  const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => { if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) pats.push(n.getText(src)); ts.forEachChild(n, visit); };
  visit(src);
}
(async () => {
const t00 = performance.now();
let bad = 0; const times: number[] = [];
for (const lit of pats) { const i = lit.lastIndexOf('/'); const t0 = performance.now(); const r = await check(lit.slice(1, i), lit.slice(i + 1), { timeout: 3000, checker: process.env.CK as any }); times.push(performance.now() - t0); if (r.status !== 'safe') bad++; }
times.sort((a, b) => a - b);
console.log(bad, performance.now() - t00, times[Math.floor(times.length/2)], times.slice(-5));
process.exit(0);
})();
