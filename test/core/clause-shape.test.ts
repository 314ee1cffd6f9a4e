/**
 * `clauseShape` (core/language/nlp.ts) reads a rewrite's subject and verb with compromise, asking for
 * the first sentence without its terms (the cheaper call). It must answer exactly what compromise's
 * full `sentences().json()` answers for the first sentence, on rewrites and on sentences of several
 * clauses, shapes and lengths.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { clauseShape } from '../../core/language/nlp';
import { assertProperty } from '../helpers/property';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nlp = require('compromise') as (t: string) => { sentences(): { json(): Array<{ sentence?: { subject?: string; verb?: string } }> } };

const opening = fc.constantFrom(
  'nothing in the process required',
  'no check stopped',
  'the process did not ask anyone to',
  'the on-call engineer',
  'Priya',
  'we',
  'the deploy pipeline',
  'Paging the database team',
  'nobody',
  'the runbook',
  '',
);
const verb = fc.constantFrom('paging', 'check', 'merged', 'rolled back', 'was not required', 'had been', 'restarting', 'asked', 'forgot to renew', 'is');
const rest = fc.constantFrom(
  'the replica lag',
  'the certificate before it expired',
  'the change without a second review',
  'before the failover',
  'at 10:42 UTC',
  'and the alert fired',
  ', so the queue grew',
  '; then the cache warmed',
  '',
);
const end = fc.constantFrom('.', '', '!', '?', '. The team rolled back at 11:02.', '. Errors fell');
const clause = fc.tuple(opening, verb, rest, rest, end).map((parts) =>
  parts
    .filter(Boolean)
    .join(' ')
    .replace(/ ([,;.!?])/g, '$1'),
);

describe('clauseShape', () => {
  it('answers what compromise’s full sentence JSON answers for the first sentence', function () {
    assertProperty(
      fc.property(clause, (text) => {
        const full = nlp(text).sentences().json()[0]?.sentence;
        assert.deepEqual(clauseShape(text), { subject: (full?.subject ?? '').trim(), verb: (full?.verb ?? '').trim() }, text);
      }),
      { seed: 2026, numRuns: 400, minRuns: 100, budgetMs: 15_000 },
    );
  });

  it('reads nothing past CLAUSE_SHAPE_MAX', () => {
    assert.equal(clauseShape('the process did not ask anyone to check '.repeat(30)), undefined);
  });
});
