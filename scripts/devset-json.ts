/**
 * Development helper: prints the CLI's JSON report shape for the given files using the core directly
 * (so rules can be scored with ../shared/devset/score.mjs before or without a build):
 *   npx tsx scripts/devset-json.ts ../shared/devset/docs/*.md | node ../shared/devset/score.mjs
 */
import { readFileSync } from 'node:fs';
import { toDiagnostic } from '../cli/results';
import { analyze, LineIndex } from '../core';

const today = '2026-11-23';
const files = process.argv.slice(2).map((path) => {
  const text = readFileSync(path, 'utf8');
  const lines = new LineIndex(text);
  const { findings } = analyze(text, { today });
  // The CLI's own conversion, without the finding it carries for its formatters.
  return { path, diagnostics: findings.map((f) => toDiagnostic(lines, f)).map(({ finding: _, ...d }) => d) };
});

process.stdout.write(JSON.stringify({ version: 1, files }) + '\n');
