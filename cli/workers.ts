/**
 * Work on every core: with many files, `postmortem-lint` and `postmortem-lint report` hand files to
 * worker threads (the same bundle, started in worker mode by ./main.ts) and take the answers back in
 * file order as they come. One pool does both kinds of job (JobKinds): a lint job answers with the
 * file's report, a report job with the file's facts (never the whole analysis). Each worker reads its
 * file and runs the one analysis core; the main thread keeps only what is in flight.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../core';
import type { PostmortemFacts } from '../review';
import type { ShownReport } from './results';

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

/** `postmortem-lint report`: one file to read, analyse and reduce to its facts (cli/reportCommand.ts). */
export interface ReportJob {
  /** As found or given (the left-out and skipped lines name it so). */
  path: string;
  absPath: string;
  /** Named on the command line (never left out). */
  explicit: boolean;
  options: AnalyzeOptions;
}

/**
 * What the report needs from one file, never the whole analysis: too large to read, left out (does not
 * read as a postmortem), or its facts with what stderr says about it.
 */
export type ReportFileAnswer =
  | { tooLarge: number }
  | { leftOut: string }
  | { path: string; skipped?: string; internalErrors: Array<{ rule: string; message: string }>; facts: PostmortemFacts };

/** The jobs a worker does, by kind: what is sent and what comes back. */
export interface JobKinds {
  lint: { job: LintJob; answer: ShownReport };
  report: { job: ReportJob; answer: ReportFileAnswer };
}
export type JobKind = keyof JobKinds;
export type Job<K extends JobKind> = JobKinds[K]['job'];
export type Answer<K extends JobKind> = JobKinds[K]['answer'];
export type JobMessage = { [K in JobKind]: { id: number; kind: K; job: Job<K> } }[JobKind];
export type AnswerMessage = { id: number; answer: unknown } | { id: number; error: string };
/** How a worker does each kind of job (cli/main.ts passes the CLI's). */
export type JobHandlers = { [K in JobKind]: (job: Job<K>) => Answer<K> };

/** A worker's answer to one message: the handler's result, or the message of what it threw. */
export function answerJob(m: JobMessage, handlers: JobHandlers): AnswerMessage {
  try {
    return { id: m.id, answer: (handlers[m.kind] as (job: unknown) => unknown)(m.job) };
  } catch (e) {
    return { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Each worker's heap: a young generation of 48 MB (two 16 MB semi-spaces) and an old generation of
 * WORKER_HEAP_MB; POSTMORTEM_LINT_WORKER_YOUNG_MB and POSTMORTEM_LINT_WORKER_HEAP_MB set them. Without
 * a limit V8 let each worker's old generation grow with the run (10,000 files: 604 MB peak against
 * 455 MB with 256). A file a worker cannot afford (it runs out of heap) is linted again by the main
 * thread, whose heap is V8's default, so the limits never change a result (cli/run.ts).
 *
 * The young generation was 96 MB until V8's allocation-site pretenuring was turned off
 * (bin/v8-tuning.js). With pretenuring, a 48 MB young generation cost 15% more time on 1,000 files
 * (default format): V8 saw one analysis's trees outlive a collection, allocated them in the old
 * generation from then on, and one worker promoted 259 MB instead of 80 and ran 15 full collections
 * instead of 5. Without it (2 workers, alternating, CPU = user + system; bench/README.md):
 * - 1,000 files, default format, load 2.9-3.5: 96 MB 6.17 s / 11.7 s / 402 MB; 48 MB 6.15 s /
 *   11.8 s / 305 MB; 24 MB 6.42 s / 12.1 s / 262 MB.
 * - 5,000 files, JSON, load 2.7-3.0: 96 MB 23.0 s / 44.1 s / 455 MB; 48 MB 24.3 s / 46.2 s / 354 MB
 *   (the workers' collectors take 9% of their time instead of 6%).
 * 48 MB keeps 10,000 files well under 400 MB for a few per cent at that scale and nothing at 1,000;
 * 24 MB would cost more than it saves.
 */
export const WORKER_YOUNG_GENERATION_MB = 48;
export const WORKER_HEAP_MB = 256;

/** A size in MB from the environment variable `name` when it is a positive integer, else `fallback`. */
function mbFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const n = Number(env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The young-generation size for workers: POSTMORTEM_LINT_WORKER_YOUNG_MB, else WORKER_YOUNG_GENERATION_MB. */
export function workerYoungMb(env: Record<string, string | undefined> = {}): number {
  return mbFromEnv(env, 'POSTMORTEM_LINT_WORKER_YOUNG_MB', WORKER_YOUNG_GENERATION_MB);
}

/** The old-generation limit for workers: POSTMORTEM_LINT_WORKER_HEAP_MB, else WORKER_HEAP_MB. */
export function workerHeapMb(env: Record<string, string | undefined> = {}): number {
  return mbFromEnv(env, 'POSTMORTEM_LINT_WORKER_HEAP_MB', WORKER_HEAP_MB);
}

/** The marker in workerData that starts ../cli.ts as a worker. */
export const WORKER_FLAG = 'postmortemLintWorker';

/**
 * Jobs a worker holds at once: the one it lints and the next, so it never waits for a round trip to
 * the main thread. The rest wait in the pool's queue and go to whichever worker answers first, so a
 * worker that is slower (a long file, or a core shared with other work) is not handed a fixed share.
 */
export const JOBS_PER_WORKER = 2;

/** Worker threads that do jobs of every kind (JobKinds), queued in order, each handed to the least busy worker. */
export class WorkerPool {
  private readonly workers: Array<{ thread: Worker; jobs: number; failed: boolean }> = [];
  private readonly waiting = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly queue: JobMessage[] = [];
  private nextId = 0;
  /** How many jobs each worker was given, in start order (for tests and profiling). */
  readonly given: number[] = [];

  constructor(size: number, script: string, heapMb = WORKER_HEAP_MB, youngMb = WORKER_YOUNG_GENERATION_MB) {
    for (let i = 0; i < size; i++) {
      const thread = new Worker(script, {
        workerData: { [WORKER_FLAG]: true },
        resourceLimits: { maxYoungGenerationSizeMb: youngMb, maxOldGenerationSizeMb: heapMb },
      });
      const w = { thread, jobs: 0, failed: false };
      thread.on('message', (m: AnswerMessage) => {
        w.jobs--;
        const p = this.waiting.get(m.id);
        if (p) {
          this.waiting.delete(m.id);
          if ('error' in m) p.reject(new Error(m.error));
          else p.resolve(m.answer);
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

  /** The job's answer; rejects when its worker fails (out of heap, say), or when every worker has failed. */
  run<K extends JobKind>(kind: K, job: Job<K>): Promise<Answer<K>> {
    const id = this.nextId++;
    if (this.workers.every((w) => w.failed)) return Promise.reject(new Error('no worker left'));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.queue.push({ id, kind, job } as JobMessage);
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

/**
 * A pool for a run of `files` files, or undefined when it should run on the main thread alone: few
 * files, one core (workerCount), or the CLI run from source rather than from the bundle (dist/cli.js,
 * which starts in worker mode). Workers start from the bin shim when it loaded the bundle (it loads it
 * with the code cache).
 */
export function poolFor(files: number, env: Record<string, string | undefined>): WorkerPool | undefined {
  const threads = workerCount(files, undefined, env);
  const shim = globalThis as { __postmortemLintEntry?: string; __postmortemLintTunePool?: () => void };
  if (threads === 0 || typeof __filename !== 'string' || !__filename.endsWith('.js')) return undefined;
  // V8's settings for a run on every core (bin/v8-tuning.js), before the workers' isolates are made.
  shim.__postmortemLintTunePool?.();
  return new WorkerPool(threads, shim.__postmortemLintEntry ?? __filename, workerHeapMb(env), workerYoungMb(env));
}

/**
 * Jobs 0 … count-1 of one kind, handed to the pool ahead of need (a few per worker) and taken back in
 * order, so results are written in file order while only what is in flight is kept.
 */
export class InOrder<K extends JobKind> {
  private readonly pending: Array<Promise<Answer<K>> | undefined> = [];
  private submitted = 0;
  private readonly window: number;

  constructor(
    private readonly pool: WorkerPool,
    private readonly kind: K,
    private readonly count: number,
    private readonly jobAt: (i: number) => Job<K>,
  ) {
    this.window = Math.max(1, pool.given.length * 8);
  }

  /** Job i's answer (take them in order); when its worker failed, what `fallback` returns on this thread. */
  async take(i: number, fallback: () => Answer<K>): Promise<Answer<K>> {
    while (this.submitted < this.count && this.submitted < i + this.window) {
      const p = this.pool.run(this.kind, this.jobAt(this.submitted));
      p.catch(() => undefined); // awaited in order
      this.pending[this.submitted++] = p;
    }
    try {
      return await this.pending[i]!;
    } catch {
      return fallback();
    } finally {
      this.pending[i] = undefined;
    }
  }
}
