/**
 * person-as-cause tries its name-first patterns only where a name can start ("@" or a capital letter)
 * instead of scanning every position; the matches must be exactly those of a scan.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CAUSE_POSSESSIONS, CAUSE_VERBS, RESPONSE_VERBS } from '../../core/data/agency';
import { fromNameStarts, NAME_FIRST_PATTERNS, PREFIX_THEN_NAME, PREFIXED } from '../../core/rules/person-as-cause';

const pieces = [
  'Maja', 'Tomás Ruiz', '@ops-bot', '@j.doe', 'Élodie', 'Ng', 'DNS', 'The', 'Because Ravi', 'and', 'then', 'accidentally',
  'had', ', the release captain,', "'s", '’s', 'the', 'config', ...CAUSE_VERBS.slice(0, 12), ...RESPONSE_VERBS.slice(0, 6),
  ...CAUSE_POSSESSIONS.slice(0, 6), 'x-Ray', 'O’Neil', '42', '(', ')', '.', ',', ';', '—', '\u00a0',
  '\u{1D400}bc', '\ud835', '\udc00', 'caused by', 'due to', 'if', 'IF', 'because of', 'a mistake by', 'The fault of', 'BY', 'standby', 'motif',
];
const sentence = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).chain((words) =>
  fc.array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
);

describe('person-as-cause: name-first patterns tried only at name starts', () => {
  it('gives the same matches as scanning every position', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        for (const [global, sticky] of NAME_FIRST_PATTERNS) {
          const scan = [...text.matchAll(global)].map((m) => [m.index, ...m]);
          const starts = [...fromNameStarts(text, sticky)].map((m) => [m.index, ...m]);
          assert.deepEqual(starts, scan, text);
        }
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it('tries the prefixed pattern only where its cheap precheck finds a prefix before a name', () => {
    let matched = 0;
    fc.assert(
      fc.property(sentence, (text) => {
        if (PREFIXED.test(text)) {
          matched++;
          assert.ok(PREFIX_THEN_NAME.test(text), text);
        }
        PREFIXED.lastIndex = 0;
      }),
      { numRuns: 2000, seed: 20261123 },
    );
    assert.ok(matched > 40, `the prefixed pattern matched only ${matched} sentences`);
  });

  it('finds matches the generator is built to produce', () => {
    const text = 'Because Maja accidentally deployed the config, and Tomás Ruiz’s change broke DNS.';
    assert.ok([...fromNameStarts(text, NAME_FIRST_PATTERNS[0][1])].length >= 1);
    assert.ok([...fromNameStarts(text, NAME_FIRST_PATTERNS[1][1])].length >= 1);
  });
});
