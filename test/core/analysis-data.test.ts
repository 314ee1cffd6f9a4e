/**
 * The phrase lists of placeholder-text and contributing-factor-vague are reviewed data: well formed,
 * free of duplicates, and every example in them runs as a test against the rule.
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../core';
import { BRACKET_TAGS, FILLER_PHRASES, HTML_TAGS, PLACEHOLDER_NOUNS, PLACEHOLDER_VERBS, PLACEHOLDERS } from '../../core/data/placeholders';
import { VAGUE_FACTORS } from '../../core/data/vagueFactors';

function duplicates(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
}

function findings(text: string, rule: string) {
  const res = analyze(text);
  assert.deepEqual(res.internalErrors, []);
  return res.findings.filter((f) => f.rule === rule);
}

describe('placeholder data', () => {
  it('has unique ids and examples of both kinds for every entry', () => {
    assert.deepEqual(duplicates(PLACEHOLDERS.map((e) => e.id)), []);
    for (const e of PLACEHOLDERS) {
      assert.ok(e.examples.flag.length > 0 && e.examples.clean.length > 0, e.id);
      assert.ok(e.what && e.instead, e.id);
    }
  });

  it('keeps its word lists lower case and free of duplicates and contradictions', () => {
    for (const [name, list] of Object.entries({ BRACKET_TAGS, PLACEHOLDER_NOUNS, PLACEHOLDER_VERBS, FILLER_PHRASES, HTML_TAGS })) {
      assert.deepEqual(duplicates(list), [], `${name} has duplicates`);
      assert.deepEqual(
        list.filter((w) => w !== w.toLowerCase()),
        [],
        `${name} is lower case`,
      );
    }
    // A word cannot be both a harmless tag and a placeholder.
    assert.deepEqual(
      BRACKET_TAGS.filter((t) => PLACEHOLDER_NOUNS.includes(t)),
      [],
    );
  });

  for (const e of PLACEHOLDERS) {
    describe(e.id, () => {
      for (const ex of e.examples.flag) {
        it(`flags: ${ex}`, () => {
          const fs = findings(ex + '\n', 'placeholder-text');
          assert.equal(fs.length, 1, fs.map((f) => f.message).join('\n'));
          assert.ok(fs.every((f) => f.message.length > 20));
        });
      }
      for (const ex of e.examples.clean) {
        it(`leaves alone: ${ex}`, () => {
          assert.deepEqual(
            findings(ex + '\n', 'placeholder-text').map((f) => f.message),
            [],
          );
        });
      }
    });
  }
});

describe('vague contributing-factor data', () => {
  it('has unique ids, lower-case phrases and no phrase in two entries', () => {
    assert.deepEqual(duplicates(VAGUE_FACTORS.map((e) => e.id)), []);
    const all = VAGUE_FACTORS.flatMap((e) => e.phrases);
    assert.deepEqual(duplicates(all), []);
    assert.deepEqual(
      all.filter((p) => p !== p.toLowerCase() || p.trim() !== p || /\s{2}/.test(p)),
      [],
    );
    for (const e of VAGUE_FACTORS) assert.ok(e.examples.flag.length > 0 && e.examples.clean.length > 0, e.id);
  });

  for (const e of VAGUE_FACTORS) {
    describe(e.id, () => {
      const doc = (ex: string) => `# Incident\n\n## Contributing factors\n\n- ${ex}\n`;
      for (const ex of e.examples.flag) {
        it(`flags: ${ex}`, () => {
          const fs = findings(doc(ex), 'contributing-factor-vague');
          assert.equal(fs.length, 1);
          assert.ok(fs[0].message.includes(e.instead), 'the message says what to write for this kind of factor');
        });
      }
      for (const ex of e.examples.clean) {
        it(`leaves alone: ${ex}`, () => {
          assert.deepEqual(
            findings(doc(ex), 'contributing-factor-vague').map((f) => f.message),
            [],
          );
        });
      }
      it('reads contributing factors only', () => {
        assert.deepEqual(findings(`# Incident\n\n## Lessons learned\n\n- ${e.examples.flag[0]}\n`, 'contributing-factor-vague'), []);
      });
    });
  }
});
