/**
 * Prints the README's rules table from the registry, or with --write replaces it in README.md
 * between <!-- rules:start --> and <!-- rules:end -->. test/docs.test.ts keeps the two in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsPath, RULES } from '../core';

export function rulesTable(): string {
  const rows = RULES.map(
    (r) => `| [\`${r.id}\`](${docsPath(r.id)}) | ${r.defaultSeverity} | ${r.fixable ? 'yes' : ''} | ${r.summary.replace(/[|<]/g, '\\$&')} |`,
  );
  return ['| rule | default | fix | what it flags |', '|---|---|---|---|', ...rows].join('\n');
}

export function replaceTable(readme: string, table: string): string {
  return readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
}

if (require.main === module) {
  const file = join(__dirname, '..', 'README.md');
  if (process.argv.includes('--write')) writeFileSync(file, replaceTable(readFileSync(file, 'utf8'), rulesTable()));
  else process.stdout.write(rulesTable() + '\n');
}
