/**
 * The fix applier (core/edits/applyFixes.ts) that --fix uses: preferred fixes only, never snippets,
 * overlaps left for the next pass, and applying to fixed text changes nothing.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, type Finding, type Fix } from '../../core';
import { applyFixes, fixUntilStable, preferredFix } from '../../core/edits/applyFixes';
import { applyEdits } from '../helpers/edits';

function finding(start: number, end: number, fixes: Fix[]): Finding {
  return { rule: 'blame-language', severity: 'warning', message: 'm', start, end, fixes };
}
const edit = (start: number, end: number, newText: string, extra: Partial<Fix> = {}): Fix => ({
  title: 't',
  edits: [{ start, end, newText }],
  preferred: true,
  ...extra,
});

describe('fix applier', () => {
  const text = 'The deploy failed to finish and the operator forgot to page.';

  it('applies the preferred fix of each finding', () => {
    const a = text.indexOf('failed to');
    const b = text.indexOf('forgot to');
    const r = applyFixes(text, [
      finding(a, a + 9, [{ title: 'other', edits: [{ start: a, end: a + 9, newText: 'X' }] }, edit(a, a + 9, 'did not')]),
      finding(b, b + 9, [edit(b, b + 9, 'did not')]),
    ]);
    assert.equal(r.output, 'The deploy did not finish and the operator did not page.');
    assert.equal(r.applied.length, 2);
  });

  it('never applies a snippet fix or a fix that is not preferred', () => {
    const r = applyFixes(text, [finding(0, 3, [edit(0, 3, '${1:The}', { snippet: true })]), finding(4, 10, [edit(4, 10, 'x', { preferred: false })])]);
    assert.equal(r.output, text);
    assert.equal(r.applied.length, 0);
  });

  it('applies a fix with several edits whole, and leaves an overlapping fix for the next pass', () => {
    const multi: Fix = {
      title: 'two edits',
      preferred: true,
      edits: [
        { start: 0, end: 3, newText: 'A' },
        { start: 11, end: 17, newText: 'B' },
      ],
    };
    const r = applyFixes(text, [finding(0, 3, [multi]), finding(15, 20, [edit(15, 20, 'C')])]);
    assert.equal(r.output, 'A deploy B to finish and the operator forgot to page.');
    assert.equal(r.deferred.length, 1);
  });

  it('makes an edit offered by two findings once', () => {
    const r = applyFixes(text, [finding(0, 3, [edit(0, 3, 'A')]), finding(0, 3, [edit(0, 3, 'A')])]);
    assert.equal(r.output, text.replace('The', 'A'));
  });

  it('skips edits outside the text or reversed', () => {
    const r = applyFixes(text, [finding(0, 1, [edit(5, 2, 'x')]), finding(0, 1, [edit(0, text.length + 5, 'x')])]);
    assert.equal(r.output, text);
    assert.equal(r.deferred.length, 2);
  });

  it('equals applying the same non-overlapping edits one by one from the end', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 4 })), { maxLength: 6 }),
        (s, raw) => {
          // Non-overlapping, non-touching edits.
          const edits = raw
            .map(([a, len, t]) => ({ start: a % (s.length + 1), len, t }))
            .sort((x, y) => x.start - y.start)
            .reduce<Array<{ start: number; end: number; newText: string }>>((acc, e) => {
              const start = e.start;
              const end = Math.min(s.length, start + e.len);
              if (acc.length && start <= acc[acc.length - 1].end) return acc;
              return [...acc, { start, end, newText: e.t }];
            }, []);
          const expected = applyEdits(s, edits);
          const r = applyFixes(
            s,
            edits.map((e) => finding(e.start, e.end, [edit(e.start, e.end, e.newText)])),
          );
          assert.equal(r.output, expected);
        },
      ),
    );
  });

  describe('on real postmortems', () => {
    const root = join(__dirname, '..', '..');
    const files = [
      ...readdirSync(join(root, 'examples'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(root, 'examples', f)),
      ...readdirSync(join(root, 'test', 'fixtures', 'rules')).map((d) => join(root, 'test', 'fixtures', 'rules', d, 'flagged.md')),
    ];
    const lint = (t: string) => analyze(t, { today: '2026-11-23' }).findings;
    it('has fixable findings to work on', () => {
      assert.ok(files.some((f) => lint(readFileSync(f, 'utf8')).some((x) => preferredFix(x))));
    });
    for (const f of files) {
      it(`${f.slice(root.length + 1)}: fixing leaves nothing fixable, and fixing again changes nothing`, () => {
        const once = fixUntilStable(readFileSync(f, 'utf8'), lint);
        const left = lint(once.output).filter((x) => preferredFix(x));
        assert.deepEqual(
          left.map((x) => `${x.rule}: ${x.message}`),
          [],
        );
        assert.equal(fixUntilStable(once.output, lint).output, once.output);
      });
    }
  });
});
