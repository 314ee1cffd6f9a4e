/**
 * The bin shim loads dist/cli.js with V8's code cache (bin/compile-cache.js): the output never depends
 * on the cache (none, a fresh one, a corrupt one), a corrupt cache is replaced, and a cache folder
 * that others can write is not used.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ensureBuilt, tempTree } from './helpers';

const DOC = [
  '---',
  'type: postmortem',
  'date: 2026-05-04',
  '---',
  '',
  '# Queue stalled',
  '',
  '## Summary',
  '',
  'The operator should have noticed the queue depth sooner.',
  '',
].join('\n');

describe('postmortem-lint start-up: the code cache', function () {
  this.timeout(120_000);
  // Node 22 uses its own module.enableCompileCache (its folder is Node's); these check Node 20's path.
  const ownCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

  it('gives the same output without a cache, with a fresh one and with a corrupt one, and replaces a corrupt one', function () {
    ensureBuilt();
    const t = tempTree({ 'postmortems/queue.md': DOC, 'tmp/.keep': '' });
    try {
      const env = { ...process.env, TMPDIR: join(t.dir, 'tmp'), NO_COLOR: '1' };
      const run = () =>
        spawnSync(process.execPath, [BIN, '--format', 'json', '--today', '2026-06-01', 'postmortems/queue.md'], { cwd: t.dir, encoding: 'utf8', env });
      const first = run();
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /blame-language/);
      const folder = readdirSync(join(t.dir, 'tmp')).find((n) => n.startsWith('postmortem-lint-compile-cache'));
      if (!ownCache) return this.skip();
      assert.ok(folder, 'a cache folder was made');
      const [file] = readdirSync(join(t.dir, 'tmp', folder));
      const cache = join(t.dir, 'tmp', folder, file);
      const size = readFileSync(cache).length;
      assert.ok(size > 1000);
      assert.deepEqual(run().stdout, first.stdout);
      writeFileSync(cache, Buffer.alloc(4096, 7));
      const afterCorrupt = run();
      assert.equal(afterCorrupt.stdout, first.stdout);
      assert.equal(afterCorrupt.stderr, first.stderr);
      assert.ok(readFileSync(cache).length > 4096, 'the corrupt cache was replaced');
    } finally {
      t.cleanup();
    }
  });

  it('does not use a cache folder that others can write', function () {
    if (!ownCache || typeof process.getuid !== 'function') return this.skip();
    ensureBuilt();
    const t = tempTree({ 'postmortems/queue.md': DOC });
    try {
      const tmp = join(t.dir, 'tmp');
      const folder = join(tmp, `postmortem-lint-compile-cache-${process.getuid()}`);
      mkdirSync(folder, { recursive: true });
      chmodSync(folder, 0o777);
      const r = spawnSync(process.execPath, [BIN, '--format', 'json', '--today', '2026-06-01', 'postmortems/queue.md'], {
        cwd: t.dir,
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(readdirSync(folder), [], 'nothing written to it');
      assert.ok(existsSync(folder));
    } finally {
      t.cleanup();
    }
  });
});
