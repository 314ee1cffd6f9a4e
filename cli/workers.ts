/**
 * Linting on every core: with many files, `postmortem-lint` hands files to worker threads (the same
 * bundle, started in worker mode by ../cli.ts) and writes their results in file order as they come.
 * Each worker reads its file and runs the one analysis core; the main thread keeps only what is in
 * flight, so memory stays flat in the number of files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../core';
import type { FileReport } from './results';

/** Below this many files the threads' start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

/** How many workers for `files` files: none for a few files or one core, else one per core (at most 8); POSTMORTEM_LINT_WORKERS sets it. */
export function workerCount(files: number, cores = availableParallelism(), env: Record<string, string | undefined> = {}): number {
  const forced = env.POSTMORTEM_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(+forced, 16);
  if (files < MIN_FILES_FOR_WORKERS || cores < 2) return 0;
  // The main thread only reads and writes results, so every core gets a worker.
  return Math.min(cores, 8);
}

export interface LintJob {
  path: string;
  absPath: string;
  options: AnalyzeOptions;
}

export type LintAnswer = { id: number; report: FileReport } | { id: number; error: string };

/**
 * Each worker's heap: a young generation of 96 MB (V8's default for a worker is 48 MB: one
 * postmortem's parse trees outlived it, were promoted and collected again by the costlier collector)
 * and an old generation of WORKER_HEAP_MB (POSTMORTEM_LINT_WORKER_HEAP_MB sets it). One analysis keeps
 * about 40 MB alive, but without a limit V8 let each worker's old generation grow with the run.
 * Measured on two workers, load 2.3-4, CPU = user + system:
 * - 10,000 generated postmortems, JSON: no cap 604 MB peak, 80 s CPU; 256 MB 455 MB, 80 s. With a
 *   48 MB young generation: 359 MB, 88 s; and a 128 MB cap, 375 MB, 108 s.
 * - 1,000, the default format (bench cli-peer, one run each, load 2.4-3.1, noisy by about 15%): no
 *   cap 504 MB, 15.4 s CPU; 256 MB 327 MB, 17.4 s; a 48 MB young generation and a 128 MB cap
 *   326 MB, 18.7 s. Staying under 400 MB at 10,000 files (the 48 MB young generation) is not worth
 *   that much CPU on every run; 256 MB keeps most of the saving.
 * A file a worker cannot afford (it runs out of heap) is linted again by the main thread, whose heap
 * is V8's default, so the limit never changes a result (cli/run.ts).
 */
export const WORKER_YOUNG_GENERATION_MB = 96;
export const WORKER_HEAP_MB = 256;

/** The old-generation limit for workers: POSTMORTEM_LINT_WORKER_HEAP_MB, else WORKER_HEAP_MB. */
export function workerHeapMb(env: Record<string, string | undefined> = {}): number {
  const n = Number(env.POSTMORTEM_LINT_WORKER_HEAP_MB);
  return Number.isInteger(n) && n > 0 ? n : WORKER_HEAP_MB;
}

/** The marker in workerData that starts ../cli.ts as a worker. */
export const WORKER_FLAG = 'postmortemLintWorker';

/**
 * Jobs a worker holds at once: the one it lints and the next, so it never waits for a round trip to
 * the main thread. The rest wait in the pool's queue and go to whichever worker answers first, so a
 * worker that is slower (a long file, or a core shared with other work) is not handed a fixed share.
 */
export const JOBS_PER_WORKER = 2;

export class LintPool {
  private readonly workers: Array<{ thread: Worker; jobs: number; failed: boolean }> = [];
  private readonly waiting = new Map<number, { resolve: (r: FileReport) => void; reject: (e: Error) => void }>();
  private readonly queue: Array<{ id: number; job: LintJob }> = [];
  private nextId = 0;
  /** How many jobs each worker was given, in start order (for tests and profiling). */
  readonly given: number[] = [];

  constructor(size: number, script: string, heapMb = WORKER_HEAP_MB) {
    for (let i = 0; i < size; i++) {
      const thread = new Worker(script, {
        workerData: { [WORKER_FLAG]: true },
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: heapMb },
      });
      const w = { thread, jobs: 0, failed: false };
      thread.on('message', (m: LintAnswer) => {
        w.jobs--;
        const p = this.waiting.get(m.id);
        if (p) {
          this.waiting.delete(m.id);
          if ('error' in m) p.reject(new Error(m.error));
          else p.resolve(m.report);
        }
        this.dispatch();
      });
      thread.on('error', (e) => {
        w.failed = true;
        this.queue.length = 0;
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      this.workers.push(w);
      this.given.push(0);
    }
  }

  /** The job's report; rejects when its worker fails (out of heap, say), or when every worker has failed. */
  lint(job: LintJob): Promise<FileReport> {
    const id = this.nextId++;
    if (this.workers.every((w) => w.failed)) return Promise.reject(new Error('no worker left'));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.queue.push({ id, job });
      this.dispatch();
    });
  }

  /** Hands queued jobs, in order, to the workers with room (the least busy first). */
  private dispatch(): void {
    while (this.queue.length) {
      let best = -1;
      this.workers.forEach((w, i) => {
        if (!w.failed && w.jobs < JOBS_PER_WORKER && (best < 0 || w.jobs < this.workers[best].jobs)) best = i;
      });
      if (best < 0) return;
      const w = this.workers[best];
      w.jobs++;
      this.given[best]++;
      w.thread.postMessage(this.queue.shift());
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.thread.terminate()));
  }
}
