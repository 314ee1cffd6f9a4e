/** The property-test budget fails on a counterexample and on too few runs, and passes otherwise. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { assertProperty, rotating } from './property';

describe('property budget (test/helpers/property.ts)', () => {
  it('runs every run when there is time, and returns how many ran', () => {
    assert.equal(
      assertProperty(
        fc.property(fc.integer(), (n) => Number.isInteger(n)),
        { seed: 1, numRuns: 50, minRuns: 50, budgetMs: 10_000 },
      ),
      50,
    );
  });
  it('fails on a counterexample as fc.assert does', () => {
    assert.throws(
      () =>
        assertProperty(
          fc.property(fc.integer({ min: 0, max: 100 }), (n) => n < 90),
          { seed: 1, numRuns: 500, minRuns: 1, budgetMs: 10_000 },
        ),
      /Counterexample/,
    );
  });
  it('fails when the budget ends before the fewest runs that make it a test', () => {
    const slow = fc.property(fc.integer(), () => {
      const t = Date.now();
      while (Date.now() - t < 20);
    });
    assert.throws(() => assertProperty(slow, { seed: 1, numRuns: 1000, minRuns: 500, budgetMs: 100 }), /runs within 100 ms/);
  });
  it('turns through the variants case by case', () => {
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => rotating(['a', 'b', 'c', 'd', 'e'], i, 2).join('')),
      ['ab', 'cd', 'ea', 'bc'],
    );
  });
});
