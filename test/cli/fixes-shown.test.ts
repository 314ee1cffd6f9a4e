/**
 * The CLI builds fixes only when its output uses them: json and github print none, so the core is
 * asked for no fixes (and compromise never reads a rewrite); stylish counts the fixable findings in
 * its summary, SARIF carries the preferred fix and --fix applies them, so those still get them.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess } from './inProcess';
import { compromiseUses } from '../../core/language/nlp';

const TODAY = '2026-11-23';
let serial = 0;

/** A postmortem whose root cause blames the reviewer with a counterfactual; `tag` makes its sentence new to compromise's caches. */
function doc(tag: string): string {
  return `---\ntitle: Disk alarms\ndate: 2026-10-02\nseverity: SEV-3\nstatus: in review\n---\n\n# Postmortem: disk alarms\n\n## Summary\n\nDisks filled on two hosts.\n\n## Root causes\n\nThe reviewer should have checked the ${tag} retention setting before the release.\n`;
}

const cli = (args: string[], cwd: string) => runInProcess(args, { cwd, today: TODAY });

describe('CLI: fixes only when the output uses them', () => {
  let dir: string;
  /** A fresh file (a sentence compromise has not read yet in this process); returns its path. */
  const fresh = () => {
    const tag = `zq${++serial}${Date.now().toString(36)}`;
    const name = `pm/${tag}.md`;
    writeFileSync(join(dir, name), doc(tag));
    return name;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-fixes-shown-'));
    writeFileSync(join(dir, '.git'), '');
    mkdirSync(join(dir, 'pm'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'github']) {
    it(`--format ${format}: the same findings, and no rewrite is built`, async () => {
      const file = fresh();
      const before = compromiseUses();
      const r = await cli([file, '--format', format, '--today', TODAY], dir);
      assert.equal(compromiseUses(), before, 'compromise read a rewrite nobody prints');
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /blame-language/);
    });
  }

  it('stylish still counts the fixable findings (and reads the rewrite to know)', async () => {
    const file = fresh();
    const before = compromiseUses();
    const r = await cli([file, '--today', TODAY, '--no-color'], dir);
    assert.ok(compromiseUses() > before, 'stylish must check the rewrite to count it');
    assert.match(r.stdout, /\d+ of them can be fixed with --fix\./);
  });

  it('sarif carries the rewrite, and --fix applies it', async () => {
    const file = fresh();
    const sarif = JSON.parse((await cli([file, '--format', 'sarif', '--today', TODAY], dir)).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; fixes?: unknown[] }> }>;
    };
    assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'blame-language' && x.fixes?.length));
    const before = readFileSync(join(dir, file), 'utf8');
    await cli([file, '--fix', '--format', 'json', '--today', TODAY], dir);
    const after = readFileSync(join(dir, file), 'utf8');
    assert.notEqual(after, before);
    assert.doesNotMatch(after, /should have checked/);
  });
});
