/**
 * The bin shim loads dist/cli.js with V8's code cache (bin/compile-cache.js): the output never depends
 * on the cache (none, a fresh one, a corrupt one), a corrupt cache is replaced, a cache folder that
 * others can write is not used, a cache made by a run that analysed nothing is made again by one that
 * does, and the folder keeps only the most recently used caches.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ensureBuilt, tempTree } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KEEP } = require('../../bin/compile-cache.js') as { KEEP: number };

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

/** The CLI on `args` in `cwd`, with the temporary folder (where the cache folder is) at `tmp`. */
function lintWithTmp(cwd: string, tmp: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' } });
}

/**
 * `fn` in a tree holding DOC, with this user's cache folder (Node 20's path) made beforehand with
 * `mode`; `lint()` lints DOC with that temporary folder and expects a clean exit.
 */
function withCacheFolder(mode: number, fn: (folder: string, lint: () => void) => void): void {
  ensureBuilt();
  const t = tempTree({ 'postmortems/queue.md': DOC });
  try {
    const tmp = join(t.dir, 'tmp');
    const folder = join(tmp, `postmortem-lint-compile-cache-${process.getuid!()}`);
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, mode);
    fn(folder, () => {
      const r = lintWithTmp(t.dir, tmp, ['--format', 'json', '--today', '2026-06-01', 'postmortems/queue.md']);
      assert.equal(r.status, 0, r.stderr);
    });
  } finally {
    t.cleanup();
  }
}

describe('postmortem-lint start-up: the code cache', function () {
  this.timeout(120_000);
  // Node 22 uses its own module.enableCompileCache (its folder is Node's); these check Node 20's path.
  const ownCache = typeof (require('node:module') as { enableCompileCache?: unknown }).enableCompileCache !== 'function';

  it('gives the same output without a cache, with a fresh one and with a corrupt one, and replaces a corrupt one', function () {
    ensureBuilt();
    const t = tempTree({ 'postmortems/queue.md': DOC, 'tmp/.keep': '' });
    try {
      const run = () => lintWithTmp(t.dir, join(t.dir, 'tmp'), ['--format', 'json', '--today', '2026-06-01', 'postmortems/queue.md']);
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
    withCacheFolder(0o777, (folder, lint) => {
      lint();
      assert.deepEqual(readdirSync(folder), [], 'nothing written to it');
      assert.ok(existsSync(folder));
    });
  });

  it('writes the cache again when a run analysed what the cached run did not, and only then', function () {
    if (!ownCache) return this.skip();
    ensureBuilt();
    const t = tempTree({
      'postmortems/queue.md': DOC,
      'postmortems/plain.md': DOC.replace('The operator should have noticed', 'Nobody noticed'),
      'tmp/.keep': '',
    });
    try {
      const run = (...args: string[]) => {
        const r = lintWithTmp(t.dir, join(t.dir, 'tmp'), args);
        // 0, or 1 for a finding at error level: either way the run finished.
        assert.ok(r.status === 0 || r.status === 1, `${args.join(' ')}: ${r.status} ${r.stderr}`);
        return r;
      };
      const cacheFile = () => {
        const folder = readdirSync(join(t.dir, 'tmp')).find((n) => n.startsWith('postmortem-lint-compile-cache'));
        assert.ok(folder, 'a cache folder was made');
        const files = readdirSync(join(t.dir, 'tmp', folder)).filter((n) => n.endsWith('.bin'));
        assert.equal(files.length, 1, files.join(', '));
        return join(t.dir, 'tmp', folder, files[0]);
      };
      // The header: "PMLC", the format, then what the run that made it used (1 analysed, 2 compromise).
      const header = () => {
        const b = readFileSync(cacheFile());
        return { magic: b.toString('latin1', 0, 4), level: b[5], size: b.length, mtimeMs: statSync(cacheFile()).mtimeMs };
      };
      run('--version');
      const afterVersion = header();
      assert.deepEqual([afterVersion.magic, afterVersion.level], ['PMLC', 0]);
      // No blame rewrite to read back: analysed, compromise not loaded.
      run('--format', 'json', '--today', '2026-06-01', 'postmortems/plain.md');
      const afterPlain = header();
      assert.equal(afterPlain.level, 1);
      assert.ok(afterPlain.size > afterVersion.size, `${afterPlain.size} > ${afterVersion.size}: the analysis is in it`);
      // The default format counts fixable findings, so the rewrite is read back with compromise.
      assert.match(run('--today', '2026-06-01', 'postmortems/queue.md').stdout, /can be fixed/);
      const afterBlame = header();
      assert.equal(afterBlame.level, 3);
      assert.ok(afterBlame.size > afterPlain.size, `${afterBlame.size} > ${afterPlain.size}: compromise is in it`);
      // Runs that use nothing new leave it as it is.
      for (const args of [['--version'], ['--format', 'json', '--today', '2026-06-01', 'postmortems/plain.md']]) {
        run(...args);
        const again = header();
        assert.deepEqual([again.level, again.size, again.mtimeMs], [afterBlame.level, afterBlame.size, afterBlame.mtimeMs], args.join(' '));
      }
    } finally {
      t.cleanup();
    }
  });

  it(`keeps the ${KEEP} most recently used caches of the folder and deletes temporary files left over`, function () {
    if (!ownCache || typeof process.getuid !== 'function') return this.skip();
    withCacheFolder(0o700, (folder, lint) => {
      // Caches of other installed copies, oldest first: a day apart, the newest a day old.
      const now = Date.now() / 1000;
      const others = Array.from({ length: KEEP + 4 }, (_, i) => `cli.js-${String(i).padStart(16, '0')}.bin`);
      others.forEach((name, i) => {
        writeFileSync(join(folder, name), 'PMLC');
        const at = now - 86_400 * (others.length - i);
        utimesSync(join(folder, name), at, at);
      });
      writeFileSync(join(folder, 'cli.js-left.bin.123.tmp'), 'x');
      utimesSync(join(folder, 'cli.js-left.bin.123.tmp'), now - 7200, now - 7200);
      writeFileSync(join(folder, 'cli.js-writing.bin.456.tmp'), 'x');
      lint();
      const left = readdirSync(folder).sort();
      const bins = left.filter((n) => n.endsWith('.bin'));
      assert.equal(bins.length, KEEP, left.join(', '));
      const ours = bins.filter((n) => !others.includes(n));
      assert.equal(ours.length, 1, 'the new cache is kept');
      assert.deepEqual(
        bins.filter((n) => others.includes(n)),
        others.slice(-(KEEP - 1)),
        'the most recently used of the others are kept',
      );
      assert.ok(!left.includes('cli.js-left.bin.123.tmp'), 'an hour-old temporary file is deleted');
      assert.ok(left.includes('cli.js-writing.bin.456.tmp'), "another run's write in progress is left alone");
    });
  });
});
