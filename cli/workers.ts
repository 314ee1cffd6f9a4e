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
 *
 * Measured again with the V8 interrupt budget (bin/v8-tuning.js), 2 workers, load 2.7-3.5: V8 sizes a
 * semi-space in powers of two, so 64 MB is the same as 96 (10,000 files: 441 against 451 MB), and the
 * next step down is 48. The old generation's cap changes what 48 costs, because with a small young
 * generation more is promoted. 10,000 files, JSON (wall / CPU / peak):
 * - 96 MB young, 256 MB cap: 38.1 s / 73.5 s / 448 MB.
 * - 48 MB young: with a 256 MB cap 22% more CPU at 1,000; with 512, 41.5 s / 80.3 s / 355 MB; with
 *   1,024, 42.9 s / 82.7 s / 369 MB.
 * At 1,000 files (default format), 48 MB with 512 or 1,024 cost 13-16% more wall time than 96 with
 * 256. The default keeps the CPU. POSTMORTEM_LINT_WORKER_YOUNG_MB=48 with
 * POSTMORTEM_LINT_WORKER_HEAP_MB=512 keeps 10,000 files under 400 MB, for about a tenth more CPU.
 */
export const WORKER_YOUNG_GENERATION_MB = 96;
export const WORKER_HEAP_MB = 256;

/** The young-generation size for workers: POSTMORTEM_LINT_WORKER_YOUNG_MB, else WORKER_YOUNG_GENERATION_MB. */
export function workerYoungMb(env: Record<string, string | undefined> = {}): number {
  const n = Number(env.POSTMORTEM_LINT_WORKER_YOUNG_MB);
  return Number.isInteger(n) && n > 0 ? n : WORKER_YOUNG_GENERATION_MB;
}

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
  const entry = (globalThis as { __postmortemLintEntry?: string }).__postmortemLintEntry ?? __filename;
  return threads > 0 && typeof __filename === 'string' && __filename.endsWith('.js')
    ? new WorkerPool(threads, entry, workerHeapMb(env), workerYoungMb(env))
    : undefined;
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
