/**
 * The bin shim sets V8's interrupt budget for a short run (bin/v8-tuning.js): fewer functions are handed
 * to the optimising compiler, on the main thread and on the workers. It also turns allocation-site
 * pretenuring off, so one analysis's trees are not allocated straight into the old generation. Node's
 * own flags and POSTMORTEM_LINT_V8_TUNING=off keep V8's defaults; the output never depends on them.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { postmortem } from '../../bench/corpus';
import { BIN, ensureBuilt, tempTree } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tuning = require('../../bin/v8-tuning.js') as {
  TUNING: string[];
  POOL_TUNING: string[];
  flagsFor(execArgv: string[], env?: Record<string, string | undefined>, flags?: string[]): string[];
  tune(execArgv: string[], env: Record<string, string | undefined>, set: (flag: string) => void): string[];
  tunePool(execArgv: string[], env: Record<string, string | undefined>, set: (flag: string) => void): string[];
};

/** `fn` with a temporary folder holding `postmortems/` of `n` generated postmortems (seeds from `seed`). */
function withPostmortems(n: number, seed: number, fn: (dir: string) => void): void {
  ensureBuilt();
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`postmortems/pm-${i}.md`] = postmortem(seed + i);
  const t = tempTree(files);
  try {
    fn(t.dir);
  } finally {
    t.cleanup();
  }
}

/** stdout of `node <nodeArgs> postmortem-lint --format json postmortems` in `dir` (V8's traces print there too). */
function lintJson(dir: string, nodeArgs: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, '--format', 'json', '--today', '2026-06-01', 'postmortems'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  assert.equal(r.status, 1, r.stderr);
  // V8 prints "unrecognized flag" for a flag a newer Node no longer has: every user would see it.
  assert.doesNotMatch(r.stderr, /unrecognized flag|Try --help/, 'V8 knows every flag the bin sets');
  return r.stdout;
}

/** Functions --trace-opt marked for optimisation: a line each, on stdout. */
function markedForOptimisation(stdout: string): number {
  return stdout.split('\n').filter((l) => l.startsWith('[marking ')).length;
}

describe('postmortem-lint start-up: V8 tuning (bin/v8-tuning.js)', function () {
  this.timeout(120_000);

  it('sets the interrupt budget and turns pretenuring off, unless Node was given either, or the environment turns them off', () => {
    assert.deepEqual(tuning.flagsFor([], {}), tuning.TUNING);
    assert.deepEqual(tuning.TUNING, ['--interrupt-budget=200000', '--no-allocation-site-pretenuring']);
    const pretenuring = ['--no-allocation-site-pretenuring'];
    const budget = ['--interrupt-budget=200000'];
    assert.deepEqual(tuning.flagsFor(['--interrupt-budget=5000'], {}), pretenuring);
    assert.deepEqual(tuning.flagsFor(['--interrupt_budget=5000'], {}), pretenuring);
    // Node's own choice either way, in any of the spellings V8 reads, is kept.
    for (const own of ['--allocation-site-pretenuring', '--allocation_site_pretenuring', '--no-allocation-site-pretenuring', '--noallocation-site-pretenuring'])
      assert.deepEqual(tuning.flagsFor([own], {}), budget, own);
    assert.deepEqual(tuning.flagsFor(['--interrupt-budget=5000', '--allocation-site-pretenuring'], {}), []);
    assert.deepEqual(tuning.flagsFor(['--max-old-space-size=512', '--trace-opt'], {}), tuning.TUNING);
    for (const off of ['off', 'OFF', '0', 'false', 'no']) assert.deepEqual(tuning.flagsFor([], { POSTMORTEM_LINT_V8_TUNING: off }), [], off);
    assert.deepEqual(tuning.flagsFor([], { POSTMORTEM_LINT_V8_TUNING: 'on' }), tuning.TUNING);
    const set: string[] = [];
    assert.deepEqual(
      tuning.tune([], {}, (f) => set.push(f)),
      tuning.TUNING,
    );
    assert.deepEqual(set, tuning.TUNING);
  });

  it('sets a larger interrupt budget before workers start, unless Node was given one, or the environment turns tuning off', () => {
    assert.deepEqual(tuning.POOL_TUNING, ['--interrupt-budget=800000']);
    const set: string[] = [];
    assert.deepEqual(
      tuning.tunePool([], {}, (f) => set.push(f)),
      ['--interrupt-budget=800000'],
    );
    assert.deepEqual(set, ['--interrupt-budget=800000']);
    for (const own of ['--interrupt-budget=5000', '--interrupt_budget=5000'])
      assert.deepEqual(
        tuning.tunePool([own], {}, () => assert.fail('nothing is set')),
        [],
        own,
      );
    assert.deepEqual(
      tuning.tunePool([], { POSTMORTEM_LINT_V8_TUNING: 'off' }, () => assert.fail('nothing is set')),
      [],
    );
    assert.deepEqual(
      tuning.tunePool(['--allocation-site-pretenuring'], {}, () => undefined),
      ['--interrupt-budget=800000'],
    );
  });

  it("the workers' isolates get the pool's budget: fewer functions optimised than with the main thread's, the same output", function () {
    withPostmortems(80, 300, (dir) => {
      const run = (nodeArgs: string[]) => lintJson(dir, nodeArgs, { POSTMORTEM_LINT_WORKERS: '2' });
      // Given on the command line, the main thread's budget is Node's, and the pool keeps it too.
      const mainBudget = markedForOptimisation(run(['--trace-opt', '--interrupt-budget=200000']));
      const pool = markedForOptimisation(run(['--trace-opt']));
      assert.ok(mainBudget > 30, `V8's trace was read (${mainBudget} functions marked)`);
      assert.ok(pool < mainBudget * 0.8, `pool budget ${pool}, main thread's budget ${mainBudget}`);
      const output = run([]);
      assert.match(output, /blame-language/);
      assert.equal(run(['--interrupt-budget=200000']), output);
    });
  });

  it('hands fewer functions to the optimising compiler, with the same output', function () {
    withPostmortems(60, 0, (dir) => {
      const run = (nodeArgs: string[], env: Record<string, string> = {}) => lintJson(dir, nodeArgs, { POSTMORTEM_LINT_WORKERS: '0', ...env });
      const marked = (nodeArgs: string[], env: Record<string, string> = {}) => markedForOptimisation(run(['--trace-opt', ...nodeArgs], env));
      const tuned = marked([]);
      const v8Default = marked(['--interrupt-budget=67584']);
      const off = marked([], { POSTMORTEM_LINT_V8_TUNING: 'off' });
      assert.ok(v8Default > 30, `V8's trace was read (${v8Default} functions marked)`);
      assert.ok(tuned < v8Default * 0.75, `tuned ${tuned}, V8's default ${v8Default}`);
      assert.ok(off > tuned, `off ${off}, tuned ${tuned}`);
      const output = run([]);
      assert.match(output, /blame-language/);
      assert.equal(run(['--interrupt-budget=67584']), output);
      assert.equal(run([], { POSTMORTEM_LINT_V8_TUNING: 'off' }), output);
    });
  });

  it('leaves no allocation site pretenured, where V8 left to itself pretenures some', function () {
    withPostmortems(60, 100, (dir) => {
      // --trace-pretenuring-statistics prints V8's decision for each allocation site it watched ("… => tenure").
      const tenured = (nodeArgs: string[], env: Record<string, string> = {}) =>
        lintJson(dir, ['--trace-pretenuring-statistics', ...nodeArgs], { POSTMORTEM_LINT_WORKERS: '0', ...env })
          .split('\n')
          .filter((l) => /pretenuring: AllocationSite.*=> tenure$/.test(l)).length;
      const v8Default = tenured([], { POSTMORTEM_LINT_V8_TUNING: 'off' });
      assert.ok(v8Default > 0, `V8's trace was read (${v8Default} sites pretenured)`);
      assert.equal(tenured([]), 0);
      assert.ok(tenured(['--allocation-site-pretenuring']) > 0, "Node's own flag is kept");
    });
  });
});
