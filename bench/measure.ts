/** Timing helpers: warm-up, then the median of repeated runs, within a time budget. */

export interface Timing {
  /** Median milliseconds. */
  median: number;
  p95: number;
  min: number;
  runs: number;
}

// No forced garbage collection between runs: a full GC also drops V8's compiled code and inline
// caches, which made every timed run a cold start (about 7x slower at 3.5 KB, and unlike any server or
// CLI, where the code stays warm). Collection happens as it would in production.

export function summarize(xs: number[]): Timing {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median, p95: at(0.95), min: s[0], runs: s.length };
}

/**
 * Runs `fn` `warmup` times untimed, then at least `minRuns` and at most `maxRuns` timed runs, stopping
 * early once `budgetMs` of timed work has been spent (after `minRuns`).
 */
export function time(fn: () => unknown, o: { warmup?: number; minRuns?: number; maxRuns?: number; budgetMs?: number } = {}): Timing {
  const { warmup = 1, minRuns = 3, maxRuns = 30, budgetMs = 3000 } = o;
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  let spent = 0;
  while (xs.length < maxRuns && (xs.length < minRuns || spent < budgetMs)) {
    const t0 = performance.now();
    fn();
    const dt = performance.now() - t0;
    xs.push(dt);
    spent += dt;
  }
  return summarize(xs);
}

/** Like `time`, for a function that starts a fresh step each run (setup is not timed). */
export function timeSteps<S>(setup: (i: number) => S, fn: (s: S) => unknown, runs: number): Timing {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = setup(i);
    const t0 = performance.now();
    fn(s);
    xs.push(performance.now() - t0);
  }
  return summarize(xs);
}

export function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '-';
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
