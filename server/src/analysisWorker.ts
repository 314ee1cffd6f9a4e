/**
 * Large documents are analysed off the server's main thread, so that a big postmortem (opened, or
 * only found by the workspace index) never blocks the other documents' edits, and cannot take the
 * server down: the worker has its own heap limit, and a worker that runs out of memory (or crashes)
 * costs one notice for that document, never the server.
 *
 * - One worker thread, started on first use, running this same file (the bundle's entry calls
 *   `runAnalysisWorkerIfAsked()` first).
 * - Jobs are keyed: a new job for a key (a document URI) replaces the one still waiting for that
 *   key, so only the latest version of a document is analysed (changes coalesce, stale work is
 *   dropped before it starts). The job running is finished; its result reaches a caller who asked
 *   for exactly that text.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, failedResult, ParseCache, type AnalysisResult, type AnalyzeOptions } from '../../core';

/** Documents of at least this many characters are analysed in the worker. */
export const WORKER_THRESHOLD = 100_000;

/**
 * Open documents whose parse the worker keeps between versions (the most recently analysed ones), so
 * a keystroke in a large open postmortem re-parses only the block it changed, as on the main thread.
 * Without it every version was parsed from scratch: a 1 MB document took its full analysis (~2.5 s)
 * per keystroke. Indexed files are analysed once and keep nothing.
 */
const KEPT_PARSES = 4;

const ROLE = 'postmortem-analysis-worker';

interface Job {
  key: string;
  text: string;
  options: AnalyzeOptions;
  /** Keep this document's parse in the worker for its next version (an open document). */
  keep: boolean;
  /** Undefined: superseded by a newer job for the same key before it started. */
  resolve: (r: AnalysisResult | undefined) => void;
}

type ToWorker = { id: number; key: string; keep: boolean; text: string; options: AnalyzeOptions } | { forget: string };

/** In the worker thread: answers jobs until the thread ends. Returns false in the main thread. */
export function runAnalysisWorkerIfAsked(): boolean {
  if (isMainThread || (workerData as { role?: string } | undefined)?.role !== ROLE) return false;
  const caches = new Map<string, ParseCache>();
  parentPort!.on('message', (m: ToWorker) => {
    if ('forget' in m) {
      caches.delete(m.forget);
      return;
    }
    let cache: ParseCache | undefined;
    if (m.keep) {
      cache = caches.get(m.key) ?? new ParseCache();
      // Most recent last; the oldest kept parse goes when there are too many.
      caches.delete(m.key);
      caches.set(m.key, cache);
      if (caches.size > KEPT_PARSES) caches.delete(caches.keys().next().value!);
    }
    const hitsBefore = cache?.hits ?? 0;
    let result: AnalysisResult;
    try {
      result = analyze(m.text, m.options, cache);
    } catch (err) {
      caches.delete(m.key);
      result = failedResult(err);
    }
    parentPort!.postMessage({ id: m.id, result, reusedBlocks: (cache?.hits ?? 0) - hitsBefore });
  });
  return true;
}

export class AnalysisWorker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<string, Job>();
  private running: (Job & { id: number }) | undefined;
  private nextId = 1;
  /** Jobs run (for tests and logs). */
  runs = 0;
  /** Blocks the last job took from the parse the worker kept (for tests and logs). */
  lastReusedBlocks = 0;

  /**
   * @param script the file the worker runs (the bundle, or under tsx the TypeScript entry).
   * @param memoryMb the worker's old-space limit.
   */
  constructor(
    private readonly script: string,
    private readonly memoryMb: number,
    private readonly log?: (message: string) => void,
  ) {}

  /** Analyses `text` in the worker; a later call with the same key replaces this one if it has not started. */
  analyze(key: string, text: string, options: AnalyzeOptions, keep = false): Promise<AnalysisResult | undefined> {
    return new Promise((resolve) => {
      // Superseded before it started: resolved with nothing; the newer job answers the newer version.
      this.waiting.get(key)?.resolve(undefined);
      this.waiting.set(key, { key, text, options, keep, resolve });
      this.pump();
    });
  }

  /** Drops the parse kept for this document (it was closed). */
  forget(key: string): void {
    this.worker?.postMessage({ forget: key } satisfies ToWorker);
  }

  /** Whether a job for this key is waiting or running. */
  busyWith(key: string): boolean {
    return this.waiting.has(key) || this.running?.key === key;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    const w = new Worker(this.script, {
      workerData: { role: ROLE },
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: false,
      stderr: false,
    });
    w.on('message', (m: { id: number; result: AnalysisResult; reusedBlocks: number }) => {
      const job = this.running;
      if (!job || job.id !== m.id) return;
      this.running = undefined;
      this.lastReusedBlocks = m.reusedBlocks;
      job.resolve(m.result);
      this.pump();
    });
    const fail = (err: unknown) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      const code = (err as { code?: string })?.code;
      const why =
        code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `Checking this file needed more than the ${this.memoryMb.toLocaleString('en-US')} MB of memory the postmortem checks may use; it was not analysed. Raise postmortem.server.maxMemory to check it.`
          : undefined;
      this.log?.(`The analysis worker stopped${job ? ` while checking ${job.key}` : ''}: ${err instanceof Error ? err.message : String(err)}`);
      job?.resolve(why ? { ...failedResult(err), skipped: why } : failedResult(err));
      this.pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    w.unref();
    return w;
  }

  private pump(): void {
    if (this.running) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const job = next.value;
    this.waiting.delete(job.key);
    this.worker ??= this.start();
    this.running = { ...job, id: this.nextId++ };
    this.runs++;
    this.worker.postMessage({ id: this.running.id, key: job.key, keep: job.keep, text: job.text, options: job.options } satisfies ToWorker);
  }
}
