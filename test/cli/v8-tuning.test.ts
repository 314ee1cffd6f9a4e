/**
 * The bin shim sets V8's interrupt budget for a short run (bin/v8-tuning.js): fewer functions are handed
 * to the optimising compiler, on the main thread and on the workers. Node's own --interrupt-budget and
 * POSTMORTEM_LINT_V8_TUNING=off keep V8's default; the output never depends on it.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { postmortem } from '../../bench/corpus';
import { BIN, ensureBuilt, tempTree } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tuning = require('../../bin/v8-tuning.js') as {
  TUNING: string[];
  flagsFor(execArgv: string[], env?: Record<string, string | undefined>): string[];
  tune(execArgv: string[], env: Record<string, string | undefined>, set: (flag: string) => void): string[];
};

describe('postmortem-lint start-up: V8 tuning (bin/v8-tuning.js)', function () {
  this.timeout(120_000);

  it('sets the interrupt budget unless Node was given one, or the environment turns it off', () => {
    assert.deepEqual(tuning.flagsFor([], {}), tuning.TUNING);
    assert.match(tuning.TUNING.join(' '), /^--interrupt-budget=\d+$/);
    assert.deepEqual(tuning.flagsFor(['--interrupt-budget=5000'], {}), []);
    assert.deepEqual(tuning.flagsFor(['--interrupt_budget=5000'], {}), []);
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

  it('hands fewer functions to the optimising compiler, with the same output', function () {
    ensureBuilt();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`postmortems/pm-${i}.md`] = postmortem(i);
    const t = tempTree(files);
    try {
      const run = (nodeArgs: string[], env: Record<string, string> = {}) => {
        const r = spawnSync(process.execPath, [...nodeArgs, BIN, '--format', 'json', '--today', '2026-06-01', 'postmortems'], {
          cwd: t.dir,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          env: { ...process.env, NO_COLOR: '1', POSTMORTEM_LINT_WORKERS: '0', ...env },
        });
        assert.equal(r.status, 1, r.stderr);
        return r.stdout;
      };
      // --trace-opt prints a line per function marked for optimisation, on stdout (mixed with the output).
      const marked = (nodeArgs: string[], env: Record<string, string> = {}) =>
        run(['--trace-opt', ...nodeArgs], env)
          .split('\n')
          .filter((l) => l.startsWith('[marking ')).length;
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
    } finally {
      t.cleanup();
    }
  });
});
