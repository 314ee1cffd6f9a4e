/**
 * `postmortem-lint` entry point (bundled to dist/cli.js; bin/postmortem-lint.js requires it).
 * The work is in cli/run.ts; this file only connects it to the real process.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { CliIO } from './io';
import { localToday } from '../common/dates';
import { lintJob, run } from './run';
import { reportJob } from './reportCommand';
import { answerJob, WORKER_FLAG, type JobMessage } from './workers';
import { reportCompiled } from './compiled';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/**
 * The reader of stdout went away (`postmortem-lint … | head`): stop at once, quietly, as a Unix tool
 * killed by SIGPIPE would, with its exit status 141 (128 + SIGPIPE), so `set -o pipefail` still sees
 * that the run did not finish. Without this, Node reports an unhandled 'error' event with a stack.
 */
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(141);
  throw err;
});

const io: CliIO = {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  readStdin,
  today: () => localToday(),
  env: process.env,
};

// Started by cli/workers.ts as a worker thread: do the jobs the main thread sends (lint a file, or read its facts for the report).
if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  parentPort!.on('message', (m: JobMessage) => parentPort!.postMessage(answerJob(m, { lint: lintJob, report: reportJob })));
} else
  run(process.argv.slice(2), io)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        process.stderr.write(`postmortem-lint: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
        process.exitCode = 2;
      },
    )
    // For the code cache the bin shim writes at exit (bin/compile-cache.js).
    .finally(reportCompiled);
