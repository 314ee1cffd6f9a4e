/** Every rule has its docs page, its fixtures and its README row; the README table matches the registry. */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docsPath, RULES } from '../core';
import { replaceTable, rulesTable } from '../scripts/rules-table';

const root = join(__dirname, '..');

describe('docs', () => {
  for (const r of RULES) {
    it(`${r.id} has a docs page with the required parts`, () => {
      const file = join(root, docsPath(r.id));
      assert.ok(existsSync(file), `${docsPath(r.id)} exists`);
      const text = readFileSync(file, 'utf8');
      assert.match(text, new RegExp(`^# ${r.id}\\b`), 'starts with the rule id as its title');
      for (const part of [/poor|bad/i, /better|good/i, /how to fix/i, /why/i]) assert.match(text, part, `mentions ${part}`);
    });
  }
  it('the README rules table is the registry (refresh: npx tsx scripts/rules-table.ts --write)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes('<!-- rules:start -->'), 'README has the rules table markers');
    assert.equal(replaceTable(readme, rulesTable()), readme);
  });
  it('README opens with the demo and the test command', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const firstBlock = /```(?:sh|bash)?\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.match(firstBlock, /npm ci && npm run demo/);
    assert.match(firstBlock, /npm ci && npm test/);
  });
  it('.ci/run runs the README test command', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci/);
    assert.match(ci, /npm test/);
  });
});
