/**
 * Every rule has fixtures: test/fixtures/rules/<id>/flagged.md (with expectations) and clean.md
 * (the rule reports nothing), plus any other *.md there with expectations. Files under
 * test/fixtures/postmortems/ are checked for every rule they state expectations for.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, LineIndex, RULES } from '../../core';
import { actualExpectations, readExpectations } from '../helpers/fixtures';

const root = join(__dirname, '..', 'fixtures');
const TODAY = '2026-11-23';

function check(file: string, rules: Set<string>) {
  const text = readFileSync(file, 'utf8');
  const res = analyze(text, { today: TODAY });
  assert.deepEqual(res.internalErrors, [], 'no rule may throw');
  const lines = new LineIndex(text);
  const actual = actualExpectations(
    res.findings.map((f) => ({ rule: f.rule, line: lines.position(f.start).line + 1 })),
    rules,
  );
  const expected = readExpectations(text).filter((e) => rules.has(e.rule));
  const fmt = (xs: typeof expected) => xs.map((e) => `line ${e.line}: ${e.rule}${e.count > 1 ? ` x${e.count}` : ''}`).join('\n');
  const details = res.findings
    .filter((f) => rules.has(f.rule))
    .map((f) => `  ${lines.position(f.start).line + 1}: ${f.rule}: ${f.message}`)
    .join('\n');
  assert.equal(fmt(actual), fmt(expected), `findings differ from expectations in ${file}\n${details}`);
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      const dir = join(root, 'rules', rule.id);
      it('has flagged and clean fixtures', () => {
        assert.ok(existsSync(join(dir, 'flagged.md')), `${dir}/flagged.md`);
        assert.ok(existsSync(join(dir, 'clean.md')), `${dir}/clean.md`);
        assert.ok(
          readExpectations(readFileSync(join(dir, 'flagged.md'), 'utf8')).some((e) => e.rule === rule.id),
          'flagged.md expects at least one finding',
        );
        assert.equal(readExpectations(readFileSync(join(dir, 'clean.md'), 'utf8')).filter((e) => e.rule === rule.id).length, 0, 'clean.md expects nothing');
      });
      if (!existsSync(dir)) return;
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
        it(f, () => check(join(dir, f), new Set([rule.id])));
      }
    });
  }
  const pmDir = join(root, 'postmortems');
  if (existsSync(pmDir)) {
    describe('whole postmortems', () => {
      for (const f of readdirSync(pmDir).filter((f) => f.endsWith('.md'))) {
        it(f, () => {
          const text = readFileSync(join(pmDir, f), 'utf8');
          const rules = new Set(readExpectations(text).map((e) => e.rule));
          // A careful postmortem states no expectations: then every rule must stay silent.
          check(join(pmDir, f), rules.size ? rules : new Set(RULES.map((r) => r.id)));
        });
      }
    });
  }
});
