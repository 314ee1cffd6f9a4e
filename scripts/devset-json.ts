/**
 * Development helper: prints the CLI's JSON report shape for the given files using the core directly
 * (so rules can be scored with ../shared/devset/score.mjs before or without a build):
 *   npx tsx scripts/devset-json.ts ../shared/devset/docs/*.md | node ../shared/devset/score.mjs
 */
import { readFileSync } from 'node:fs';
import { analyze, LineIndex } from '../core';

const today = '2026-11-23';
const files = process.argv.slice(2).map((path) => {
  const text = readFileSync(path, 'utf8');
  const lines = new LineIndex(text);
  const { findings } = analyze(text, { today });
  return {
    path,
    diagnostics: findings.map((f) => {
      const s = lines.position(f.start);
      const e = lines.position(f.end);
      return {
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: s.line + 1,
        column: s.character + 1,
        endLine: e.line + 1,
        endColumn: e.character + 1,
      };
    }),
  };
});
process.stdout.write(JSON.stringify({ version: 1, files }) + '\n');
