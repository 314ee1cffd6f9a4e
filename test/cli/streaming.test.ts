/**
 * The CLI streams: each file's results are written as soon as it is checked (json, github, stylish),
 * so nothing but the totals is kept and memory stays flat in the number of files; the output is the
 * same as formatting every result at the end.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatGithub } from '../../cli/format/github';
import { formatJson } from '../../cli/format/json';
import { formatStylish } from '../../cli/format/stylish';
import { lintJob, lintText } from '../../cli/run';
import { runInProcess } from './inProcess';
import { CAREFUL, WITH_ERROR, WITH_WARNING } from './samples';
import { ensureBuilt, runCli, tempTree } from './helpers';
import { WorkerPool, MIN_FILES_FOR_WORKERS, WORKER_HEAP_MB, WORKER_YOUNG_GENERATION_MB, workerCount, workerHeapMb, workerYoungMb } from '../../cli/workers';

const TODAY = '2026-11-23';

const cli = (args: string[], cwd: string) => runInProcess(args, { cwd, today: TODAY });

describe('CLI streaming', () => {
  let dir: string;
  const files: Record<string, string> = {
    'a.md': WITH_WARNING,
    'b.md': WITH_ERROR,
    'c.md': CAREFUL,
    'd.md': WITH_WARNING.replace('status: in review', 'status: draft'),
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-stream-'));
    writeFileSync(join(dir, '.git'), '');
    mkdirSync(join(dir, 'pm'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'pm', name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expected = () =>
    Object.entries(files).map(([name, text]) =>
      lintText(`pm/${name}`, text, { today: TODAY, status: { draftWarningsAsHints: true, finalWarningsAsErrors: true } }),
    );

  for (const [format, render] of [
    ['json', (r: ReturnType<typeof expected>) => formatJson(r)],
    ['github', (r: ReturnType<typeof expected>) => formatGithub(r)],
    ['stylish', (r: ReturnType<typeof expected>) => formatStylish(r, { color: false, fixHint: true })],
  ] as const) {
    it(`writes ${format} output file by file, the same as formatting at the end`, async () => {
      const r = await cli(['pm', '--format', format, '--today', TODAY, '--no-color'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(r.chunks.length >= Object.keys(files).length, `${r.chunks.length} writes for ${Object.keys(files).length} files`);
      assert.equal(r.chunks.join(''), render(expected()));
    });
  }
});

describe('CLI worker threads', () => {
  it('uses workers only for many files on several cores, or when told', () => {
    assert.equal(workerCount(10, 8), 0);
    assert.equal(workerCount(MIN_FILES_FOR_WORKERS, 1), 0);
    assert.equal(workerCount(5000, 2), 2);
    assert.equal(workerCount(5000, 32), 8);
    assert.equal(workerCount(3, 1, { POSTMORTEM_LINT_WORKERS: '2' }), 2);
  });

  it('answers a lint job with what the streamed formats show, never the text or the fixes', () => {
    const t = tempTree({ 'pm.md': WITH_WARNING });
    try {
      const job = { path: 'pm.md', absPath: join(t.dir, 'pm.md'), options: { today: TODAY, fixes: 'preferred' as const } };
      const full = lintText('pm.md', WITH_WARNING, job.options);
      const shown = lintJob(job);
      // The same findings, one per diagnostic, with whether each can be fixed...
      assert.ok(shown.diagnostics.some((d) => d.fixable) && shown.diagnostics.some((d) => d.rule === 'blame-language'));
      assert.deepEqual(
        shown.diagnostics.map((d) => [d.rule, d.line, d.column, d.fixable]),
        full.diagnostics.map((d) => [d.rule, d.line, d.column, d.finding.fixes?.some((f) => f.preferred && !f.snippet) ?? false]),
      );
      // ...and nothing the main thread does not read: no finding objects, fixes, text or suppressed list.
      for (const d of shown.diagnostics)
        assert.deepEqual(Object.keys(d).sort(), ['column', 'endColumn', 'endLine', 'fixable', 'line', 'message', 'rule', 'severity']);
      assert.deepEqual(Object.keys(shown).sort(), ['diagnostics', 'internalErrors', 'path']);
    } finally {
      t.cleanup();
    }
  });

  for (const format of ['json', 'stylish', 'github']) {
    it(`gives the same ${format} output, in file order, with workers as without`, function () {
      this.timeout(120_000);
      ensureBuilt();
      const t = tempTree({
        '.git/HEAD': '',
        ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`pm/${String(i).padStart(2, '0')}.md`, [WITH_WARNING, WITH_ERROR, CAREFUL][i % 3]])),
      });
      try {
        const args = ['pm', '--format', format, '--today', TODAY, '--no-color'];
        const plain = runCli(args, { cwd: t.dir, env: { POSTMORTEM_LINT_WORKERS: '0' } });
        const threaded = runCli(args, { cwd: t.dir, env: { POSTMORTEM_LINT_WORKERS: '2' } });
        assert.equal(threaded.code, plain.code, threaded.stderr);
        assert.equal(threaded.stdout, plain.stdout);
        if (format === 'json') assert.equal(JSON.parse(threaded.stdout).files.length, 12);
        // Workers too small to lint anything (2 MB of heap) fail: the main thread lints their files.
        const starved = runCli(args, { cwd: t.dir, env: { POSTMORTEM_LINT_WORKERS: '2', POSTMORTEM_LINT_WORKER_HEAP_MB: '2' } });
        assert.equal(starved.code, plain.code, starved.stderr);
        assert.equal(starved.stdout, plain.stdout);
        // The summary's count of fixable findings comes through the workers too.
        if (format === 'stylish') assert.match(threaded.stdout, /\d+ of them can be fixed with --fix\./);
      } finally {
        t.cleanup();
      }
    });
  }

  it('hands queued files to whichever worker answers first, not in turns', async function () {
    this.timeout(30_000);
    // Two stand-in workers (consecutive thread ids, so one odd and one even): the odd one takes 40 ms a file.
    const dir = mkdtempSync(join(tmpdir(), 'pm-pool-'));
    const script = join(dir, 'uneven.js');
    writeFileSync(
      script,
      "const { parentPort, threadId } = require('node:worker_threads');\n" +
        'const slow = threadId % 2 === 1;\n' +
        "parentPort.on('message', (m) => {\n" +
        '  if (slow) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);\n' +
        "  parentPort.postMessage({ id: m.id, answer: { path: `${m.job.path} ${slow ? 'slow' : 'fast'}` } });\n" +
        '});\n',
    );
    const pool = new WorkerPool(2, script);
    try {
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => pool.run('lint', { path: `${i}.md`, absPath: `${i}.md`, options: {} })));
      // Every answer belongs to its own job, in order.
      assert.deepEqual(
        answers.map((r) => r.path.split(' ')[0]),
        Array.from({ length: 24 }, (_, i) => `${i}.md`),
      );
      const slow = answers.filter((r) => r.path.endsWith('slow')).length;
      assert.ok(slow > 0 && 24 - slow >= 2 * slow, `the slow worker linted ${slow} of 24 files`);
      assert.deepEqual(
        [...pool.given].sort((a, b) => a - b),
        [slow, 24 - slow],
      );
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`starts each worker with a ${WORKER_HEAP_MB} MB old generation and a ${WORKER_YOUNG_GENERATION_MB} MB young one, or what POSTMORTEM_LINT_WORKER_HEAP_MB and _YOUNG_MB say`, async () => {
    // A stand-in worker script that answers each job with the limits its thread was given.
    const dir = mkdtempSync(join(tmpdir(), 'pm-pool-'));
    const script = join(dir, 'echo.js');
    writeFileSync(
      script,
      "const { parentPort, resourceLimits } = require('node:worker_threads');\n" +
        "parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, answer: { path: resourceLimits.maxOldGenerationSizeMb + '/' + resourceLimits.maxYoungGenerationSizeMb } }));\n",
    );
    assert.equal(workerHeapMb({}), WORKER_HEAP_MB);
    assert.equal(workerHeapMb({ POSTMORTEM_LINT_WORKER_HEAP_MB: '300' }), 300);
    assert.equal(workerHeapMb({ POSTMORTEM_LINT_WORKER_HEAP_MB: 'lots' }), WORKER_HEAP_MB);
    assert.equal(workerYoungMb({}), WORKER_YOUNG_GENERATION_MB);
    assert.equal(workerYoungMb({ POSTMORTEM_LINT_WORKER_YOUNG_MB: '48' }), 48);
    for (const bad of ['0', '-16', '1.5', 'small']) assert.equal(workerYoungMb({ POSTMORTEM_LINT_WORKER_YOUNG_MB: bad }), WORKER_YOUNG_GENERATION_MB, bad);
    const env = { POSTMORTEM_LINT_WORKER_HEAP_MB: '200', POSTMORTEM_LINT_WORKER_YOUNG_MB: '48' };
    try {
      for (const [pool, want] of [
        [new WorkerPool(2, script, workerHeapMb(env), workerYoungMb(env)), '200/48'],
        [new WorkerPool(1, script), `${WORKER_HEAP_MB}/${WORKER_YOUNG_GENERATION_MB}`],
      ] as const) {
        try {
          const answers = await Promise.all([0, 1, 2].map((i) => pool.run('lint', { path: `${i}.md`, absPath: `${i}.md`, options: {} })));
          assert.deepEqual(
            answers.map((r) => r.path),
            [want, want, want],
          );
        } finally {
          await pool.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects the jobs of a worker that fails, and every later job once no worker is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-pool-'));
    const script = join(dir, 'fail.js');
    writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('out of heap'); });\n");
    const pool = new WorkerPool(1, script);
    try {
      await assert.rejects(pool.run('lint', { path: 'a.md', absPath: 'a.md', options: {} }), /out of heap/);
      await assert.rejects(pool.run('lint', { path: 'b.md', absPath: 'b.md', options: {} }), /no worker left/);
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
