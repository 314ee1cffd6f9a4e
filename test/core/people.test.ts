/**
 * Who counts as a person for person-as-cause, and how configuration changes it: `people.notPeople`
 * names tools that look like people, `people.roster` names people (and their roles for rewrites), and
 * the roster wins over notPeople.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions } from '../../core';
import { peopleEvidence } from '../../core/language/people';
import type { Sentence } from '../../core/engine/prose';

function doc(rootCause: string, extra = ''): string {
  return ['# Postmortem: nightly export stalled', '', extra, '', '## Root causes', '', rootCause, ''].join('\n');
}

function causes(text: string, options: AnalyzeOptions = {}) {
  return analyze(text, options).findings.filter((f) => f.rule === 'person-as-cause');
}

describe('people in person-as-cause', () => {
  it('takes a first name from the name lexicon as a person when nothing else is known', () => {
    assert.equal(causes(doc('Otto removed the old key from DNS.')).length, 1);
  });

  it('does not take a name listed in people.notPeople as a person', () => {
    assert.equal(causes(doc('Otto removed the old key from DNS.'), { people: { notPeople: ['Otto'] } }).length, 0);
  });

  it('does not take a name the document calls a tool ("Otto, the certificate bot") as a person', () => {
    assert.equal(causes(doc('Otto removed the old key from DNS.', 'Otto, the certificate bot, rotates keys every month.')).length, 0);
  });

  it('lets the roster win over notPeople and over the document calling the name a tool', () => {
    const options = { people: { notPeople: ['Otto'], roster: [{ name: 'Otto' }] } };
    assert.equal(causes(doc('Otto removed the old key from DNS.', 'Otto, the certificate bot, rotates keys every month.'), options).length, 1);
  });

  it('takes an unknown name as a person when the roster lists it, and uses its role in the rewrite', () => {
    const text = doc('Zephyrine removed the old key from DNS.');
    assert.equal(causes(text).length, 0, 'an unknown capitalised word alone is no person');
    const [f] = causes(text, { people: { roster: [{ name: 'Zephyrine Okoro', role: 'on-call engineer' }] } });
    assert.ok(f, 'a roster first name is a person');
    assert.equal(f.fixes?.find((x) => x.preferred)?.edits[0].newText, 'The on-call engineer');
  });

  it('takes any @handle as a person', () => {
    assert.equal(causes(doc('The key was deleted by @qz-7.')).length, 1);
  });

  it('takes a name as a person when the document gives evidence ("Kwabena said")', () => {
    const text = doc('Kwabena removed the old key from DNS.', 'Kwabena said the rotation looked normal.');
    assert.equal(causes(text).length, 1);
    assert.equal(causes(doc('Kwabena removed the old key from DNS.')).length, 0);
  });

  it('keeps well-known tools with person-like names out (Jenkins, Hermes)', () => {
    assert.equal(causes(doc('Jenkins deployed the release without a canary.')).length, 0);
    assert.equal(causes(doc('Hermes dropped the queued messages.')).length, 0);
  });
});

describe('people evidence: one scan of all sentences', () => {
  it('finds the same "Name <verb>" evidence as scanning the sentences one by one', () => {
    const pieces = ['Kwabena', 'Ines', 'said', 'joined', 'took command', 'the', 'deploy', 'Said', '.', ',', '\n', 'x-Ray', 'Ana-maria', 'messaged'];
    const sentence = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.array(sentence, { maxLength: 6 }), (texts) => {
        const sentences = texts.map((text) => ({ text }) as Sentence);
        const one = sentences.flatMap((s) => peopleEvidence('', [s]).personVerbs);
        assert.deepEqual(peopleEvidence('', sentences).personVerbs, one);
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });
});
