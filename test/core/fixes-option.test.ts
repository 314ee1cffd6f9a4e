/**
 * `analyze(text, { fixes: false })`: the same findings without their fixes, and none of the work of
 * building them (the blame rewrites read back with compromise are not even built). The CLI asks for
 * it when its output prints no fix (json, github).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type Finding } from '../../core';
import { compromiseUses } from '../../core/language/nlp';
import { CAREFUL, WITH_ERROR, WITH_WARNING } from '../cli/samples';

const TODAY = '2026-11-23';
const withoutFixes = (fs: Finding[]) => fs.map(({ fixes: _f, ...rest }) => rest);

/** A short postmortem whose root cause blames someone with a counterfactual (a rewrite compromise reads back). */
function blameDoc(who: string, verb: string, thing: string): string {
  return [
    '---',
    'title: Queue backlog',
    'date: 2026-10-02',
    'severity: SEV-2',
    'status: in review',
    '---',
    '',
    '# Postmortem: queue backlog',
    '',
    '## Summary',
    '',
    'Orders waited up to an hour in the queue.',
    '',
    '## Root causes',
    '',
    `${who} should have ${verb} the ${thing} before the release.`,
    '',
    '<!-- postmortem-disable-next-line timeline-order -- the rows were checked by hand -->',
    'Nothing else to add here.',
    '',
  ].join('\n');
}

describe('analyze({ fixes: false })', () => {
  const docs = [CAREFUL, WITH_WARNING, WITH_ERROR, blameDoc('The on-call engineer', 'checked', 'consumer lag dashboard')];

  it('reports the same findings, in the same order, with no fixes on any of them', () => {
    let fixable = 0;
    for (const doc of docs) {
      const full = analyze(doc, { today: TODAY });
      const bare = analyze(doc, { today: TODAY, fixes: false });
      fixable += full.findings.filter((f) => f.fixes?.length).length;
      assert.deepEqual(bare.findings, withoutFixes(full.findings));
      assert.ok(
        bare.findings.every((f) => !('fixes' in f)),
        'a finding still carries fixes',
      );
      assert.deepEqual(withoutFixes(bare.suppressed ?? []), withoutFixes(full.suppressed ?? []));
      assert.ok((bare.suppressed ?? []).every((f) => !('fixes' in f)));
    }
    // The comparison means something only if the full analysis did build fixes.
    assert.ok(fixable > 3, `${fixable} findings with fixes`);
  });

  it('an unused suppression (a finding made after the rules) carries no fix either', () => {
    const doc = blameDoc('The on-call engineer', 'checked', 'lag graph');
    const full = analyze(doc, { today: TODAY }).findings.filter((f) => f.rule === 'suppression-unused');
    assert.ok(full.length && full.every((f) => f.fixes?.length), 'the full analysis offers to remove the unused comment');
    assert.ok(analyze(doc, { today: TODAY, fixes: false }).findings.every((f) => !f.fixes));
  });

  it("'preferred': each finding keeps exactly the full analysis's preferred fix, and nothing else", () => {
    let preferred = 0;
    let others = 0;
    for (const doc of docs) {
      const full = analyze(doc, { today: TODAY });
      const pref = analyze(doc, { today: TODAY, fixes: 'preferred' });
      assert.deepEqual(withoutFixes(pref.findings), withoutFixes(full.findings));
      full.findings.forEach((f, i) => {
        const want = (f.fixes ?? []).filter((x) => x.preferred);
        preferred += want.length;
        others += (f.fixes?.length ?? 0) - want.length;
        assert.deepEqual(pref.findings[i].fixes ?? [], want, `${f.rule} at ${f.start}`);
      });
    }
    assert.ok(preferred > 3 && others > 0, `${preferred} preferred and ${others} other fixes: the comparison must see both`);
  });

  it("'preferred': a blame rewrite after the first that reads is not read back", () => {
    const doc = blameDoc('The on-call engineer', 'checked', `${Date.now().toString(36)}q panel`);
    const before = compromiseUses();
    const pref = analyze(doc, { today: TODAY, fixes: 'preferred' }).findings.find((f) => f.rule === 'blame-language');
    const prefUses = compromiseUses() - before;
    const full = analyze(doc, { today: TODAY }).findings.find((f) => f.rule === 'blame-language');
    const fullUses = compromiseUses() - before - prefUses;
    assert.ok(full?.fixes && full.fixes.length > 1, 'the full analysis offers several rewrites');
    assert.deepEqual(pref?.fixes, [full.fixes.find((x) => x.preferred)]);
    // The full analysis asks again only for the rewrites the preferred mode skipped (the rest is cached).
    assert.ok(prefUses > 0 && fullUses > 0, `preferred asked ${prefUses} times, the full analysis ${fullUses} more`);
  });

  it('never asks compromise to read a rewrite, which the full analysis does', () => {
    // The rewrite read back drops the subject ("Nothing in the process required inspecting the …"), and
    // fast-check repeats short strings, so each run's object gets letters of its own (a run counter).
    let run = 0;
    const own = () => [...String(run++)].map((d) => 'abcdefghij'[+d]).join('');
    fc.assert(
      fc.property(
        fc.constantFrom('The on-call engineer', 'The reviewer', 'Our release manager', 'The database administrator'),
        fc.constantFrom('checked', 'verified', 'inspected', 'tested'),
        // A fresh object each run: compromise's answers are cached per sentence, so a repeated one would not ask again.
        fc.stringMatching(/^[a-z]{6,10}$/),
        (who, verb, noun) => {
          const doc = blameDoc(who, verb, `${noun}x${own()} metrics`);
          const before = compromiseUses();
          const bare = analyze(doc, { today: TODAY, fixes: false });
          assert.equal(compromiseUses(), before, 'compromise was asked with fixes: false');
          assert.ok(bare.findings.some((f) => f.rule === 'blame-language'));
          const full = analyze(doc, { today: TODAY });
          assert.ok(compromiseUses() > before, 'the full analysis reads its rewrite with compromise');
          assert.deepEqual(bare.findings, withoutFixes(full.findings));
        },
      ),
      { numRuns: 15 },
    );
  });
});
