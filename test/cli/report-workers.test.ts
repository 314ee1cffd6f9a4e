/**
 * `postmortem-lint report` on worker threads (cli/workers.ts, the pool lint uses): with workers forced
 * on, the bundled CLI writes the same report, the same stderr lines in the same order and the same
 * exit code as the report run in-process on the main thread alone. A preload script counts the jobs
 * the main thread posts, so the test fails if the workers are not used.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInProcess } from './inProcess';
import { postmortem } from '../../bench/corpus';
import { CLI, ensureBuilt, runCli, tempTree } from './helpers';

const TODAY = '2026-12-06';

/** Counts, by kind, the jobs the main thread posts to worker threads; written to COUNT_FILE at exit. */
const COUNTER = `const wt = require('node:worker_threads');
if (wt.isMainThread) {
  const counts = {};
  const post = wt.Worker.prototype.postMessage;
  wt.Worker.prototype.postMessage = function (m, ...rest) {
    if (m && typeof m.kind === 'string') counts[m.kind] = (counts[m.kind] || 0) + 1;
    return post.call(this, m, ...rest);
  };
  process.on('exit', () => require('node:fs').writeFileSync(process.env.COUNT_FILE, JSON.stringify(counts)));
}
`;

const inProcess = (args: string[], cwd: string) => runInProcess(args, { cwd, today: TODAY });

describe('CLI report on worker threads', () => {
  it('writes the same report and stderr with workers as on the main thread, and gives every file to a worker', async function () {
    this.timeout(180_000);
    ensureBuilt();
    // Invented postmortems (bench/corpus.ts), dated over a year, some under a folder whose configuration
    // has a problem; beside them an index page, a note that is no postmortem and a file too large to analyse and one too large to read.
    const files: Record<string, string> = {
      '.git': '',
      'pm/README.md': '# Postmortems\n\nThe index of our postmortems.\n',
      'pm/notes.md': '# Desk notes\n\nWhere the spare keyboards are.\n',
      'pm/huge.md': 'x'.repeat(2_100_000),
      'pm/giant.md': 'x'.repeat(8_000_001),
      'pm/sub/.postmortemrc.yaml': 'rules:\n  blame-language: loud\n',
    };
    for (let i = 0; i < 36; i++) {
      const day = new Date(Date.UTC(2026, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
      files[`pm/${i % 4 === 0 ? 'sub/' : ''}${day}-incident-${i}.md`] = postmortem(900 + i);
    }
    const t = tempTree(files);
    try {
      const counter = join(t.dir, 'count-jobs.js');
      writeFileSync(counter, COUNTER);
      for (const format of ['markdown', 'json']) {
        const args = ['report', 'pm', '--format', format, '--today', TODAY];
        const plain = await inProcess(args, t.dir);
        assert.equal(plain.code, 0, plain.stderr);
        assert.match(plain.stderr, /left out 2 Markdown files/);
        assert.match(plain.stderr, /pm\/huge\.md: skipped\. /);
        assert.match(plain.stderr, /pm\/giant\.md: skipped: /);
        assert.match(plain.stderr, /configuration: /);
        const countFile = join(t.dir, `count-${format}.json`);
        const r = spawnSync(process.execPath, ['--require', counter, CLI, ...args], {
          cwd: t.dir,
          encoding: 'utf8',
          env: { ...process.env, POSTMORTEM_LINT_WORKERS: '2', COUNT_FILE: countFile },
        });
        assert.equal(r.status, plain.code, r.stderr);
        assert.equal(r.stdout, plain.stdout);
        assert.equal(r.stderr, plain.stderr);
        // Every file found (36 postmortems, the index, the note and the two large files) went to a worker.
        assert.deepEqual(JSON.parse(readFileSync(countFile, 'utf8')), { report: 40 });
        // Workers too small to analyse anything (2 MB of heap) fail: the main thread analyses their files.
        const starved = runCli(args, { cwd: t.dir, env: { POSTMORTEM_LINT_WORKERS: '2', POSTMORTEM_LINT_WORKER_HEAP_MB: '2' } });
        assert.equal(starved.code, plain.code, starved.stderr);
        assert.equal(starved.stdout, plain.stdout);
        assert.equal(starved.stderr, plain.stderr);
      }
    } finally {
      t.cleanup();
    }
  });
});
