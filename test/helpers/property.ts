/**
 * Property tests sized for a loaded 2-core machine (issue 21): a test states how many runs it wants,
 * a time budget, and the fewest runs that still make it a test. On a quiet machine every run happens;
 * on a loaded one the run stops when the budget is spent, and fails unless `minRuns` ran. A
 * counterexample fails exactly as `fc.assert` does; the assertion inside is never loosened.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';

export interface Budget {
  seed: number;
  /** Runs on a machine with time to spare. */
  numRuns: number;
  /** Runs below which the test has not tested enough, whatever the load. */
  minRuns: number;
  /** Wall-clock budget for the runs, in ms (a mocha test has 20 s by default). */
  budgetMs: number;
}

export function assertProperty<Ts>(property: fc.IProperty<Ts>, b: Budget): number {
  const out = fc.check(property, { seed: b.seed, numRuns: b.numRuns, interruptAfterTimeLimit: b.budgetMs, markInterruptAsFailure: false });
  if (out.failed) throw new Error(fc.defaultReportMessage(out) ?? 'property failed');
  assert.ok(out.numRuns >= b.minRuns, `only ${out.numRuns} of ${b.numRuns} runs within ${b.budgetMs} ms (at least ${b.minRuns} needed)`);
  return out.numRuns;
}

/**
 * The `k` of `variants` that case `i` checks, turning through them case by case, so every variant is
 * checked on about `k / variants.length` of the cases instead of every case checking all of them.
 */
export function rotating<T>(variants: readonly T[], i: number, k: number): T[] {
  return Array.from({ length: Math.min(k, variants.length) }, (_, j) => variants[(i * k + j) % variants.length]);
}
