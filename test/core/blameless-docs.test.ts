/**
 * The docs pages of the blamelessness rules show a poor and a better example; both are checked here so
 * the pages cannot drift from the rules: the poor example is flagged, the better one is not.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core';

const RULES = ['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias'];

/** The first fenced block under `## <heading>`. */
function example(page: string, heading: string): string {
  const at = page.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  assert.ok(at >= 0, `has a ${heading} section`);
  const m = /```markdown[^\n]*\n([\s\S]*?)\n```/.exec(page.slice(at));
  assert.ok(m, `${heading} has a fenced markdown example`);
  return m[1];
}

describe('blamelessness docs examples', () => {
  for (const rule of RULES) {
    const page = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule}.md`), 'utf8');
    const doc = (body: string) => `# Postmortem: ${rule} example\n\n${body}\n`;
    it(`${rule}: the poor example is flagged`, () => {
      assert.ok(analyze(doc(example(page, 'Poor'))).findings.some((f) => f.rule === rule));
    });
    it(`${rule}: the better example is not`, () => {
      const found = analyze(doc(example(page, 'Better'))).findings.filter((f) => f.rule === rule);
      assert.deepEqual(
        found.map((f) => f.message),
        [],
      );
    });
  }
});
