/**
 * Any input: generated postmortem-shaped Markdown with hostile parts. The core never throws, every
 * range lies inside the document, and findings are deterministic. Fixed seed, bounded runs.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../server/src/core';

const SEED = 20261123;

const frontMatter = fc.oneof(
  fc.constant('---\ntitle: Cache stampede\ndate: 2026-03-01\nseverity: SEV-2\nstatus: draft\nauthors: [Ana Ruiz]\n---\n'),
  fc.constant('---\ntitle: [unclosed\n---\n'),
  fc.constant('---\nseverity: SEV-1\nseverity: SEV-2\n---\n'),
  fc.constant('---\n\tdate: 2026-01-01\n---\n'),
  fc.constant('---\nbase: &b {x: 1}\nother: *b\nlist: &l [1, 2]\nmore: [*l, *l]\n---\n'),
  fc.constant('---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n'),
  fc.constant('---\n' + 'k: v\n'.repeat(300) + '---\n'),
  fc.constant('---\n'),
  fc.constant(''),
);

const oddText = fc.oneof(
  fc.constant('Ünïcödé — “quotes” and ‘single’ ones'),
  fc.constant('emoji 🔥🚒 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢'),
  fc.constant('combining e\u0301 a\u0308 and ZWJ 👩\u200d💻'),
  fc.constant('right-to-left עברית العربية mixed'),
  fc.constant('NUL \u0000 inside'),
  fc.constant('x'.repeat(10_000)),
  fc.constant('lone surrogate \ud83d here'),
  fc.string({ maxLength: 40 }),
  fc.constant('The on-call engineer should have failed to check; careless!!'),
  fc.constant('Marco failed to tell anyone. Human error. Obviously.'),
);

const block = fc.oneof(
  fc.tuple(fc.constantFrom('# ', '## ', '### ', '#### '), fc.constantFrom('Summary', 'Impact', 'Timeline (UTC)', 'Root causes', '5 Whys', 'Action items', 'What went poorly', 'Lessons', 'Notes')).map(([h, t]) => h + t),
  oddText,
  oddText.map((t) => `- ${t}`),
  oddText.map((t) => `1. Why? Because ${t}`),
  fc.constant('| Time | Event |\n|---|---|\n| 10:00 | start |\n| 09:00 | earlier | extra | cells |\n| broken'),
  fc.constant('| Action | Owner | Due |\n|---|---|---|\n| Improve monitoring | | TBD |\n| Add a lock | @ravi |'),
  fc.constant('```\n# not a heading\nunclosed fence'),
  fc.constant('<!-- postmortem-disable-next-line blame-language -- quoted\n'),
  fc.constant('> > > > > > deep quote should have'),
  fc.constant('- a\n  - b\n    - c\n      - d\n        - e\n          - f should have'),
  fc.constant('- [ ] Look into it — ? — TBD'),
  fc.constant('**Date:** 31/02/2026\n**Severity:** Sev 9'),
  fc.constant('<div>\n# html\n</div>'),
  fc.constant('[ref]: http://example.invalid\n[ref]'),
);

const eol = fc.constantFrom('\n', '\r\n', '\r');

const document = fc
  .tuple(fc.boolean(), frontMatter, fc.array(block, { maxLength: 14 }), eol)
  .map(([bom, fm, blocks, nl]) => ((bom ? '\uFEFF' : '') + fm + blocks.join('\n\n')).replace(/\r\n|\r|\n/g, nl));

describe('robustness: any input', () => {
  it('never throws, keeps every range and fix inside the document, and is deterministic', () => {
    fc.assert(
      fc.property(document, (text) => {
        const a = analyze(text, { today: '2026-11-23' });
        assert.deepEqual(a.internalErrors, [], 'no rule threw');
        for (const f of a.findings) {
          assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} range inside the text`);
          assert.ok(f.message.length > 0);
          for (const fix of f.fixes ?? []) {
            for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.rule} fix inside the text`);
          }
        }
        const b = analyze(text, { today: '2026-11-23' });
        assert.deepEqual(b.findings, a.findings, 'deterministic');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('skips binary and oversized input with a notice', () => {
    const bin = analyze('PK\u0003\u0004\u0000\u0000binary');
    assert.ok(bin.skipped && /binary/.test(bin.skipped));
    assert.equal(bin.findings.length, 0);
    const big = analyze('# T\n' + 'word '.repeat(100), { maxSize: 50 });
    assert.ok(big.skipped && /not analysed/.test(big.skipped));
  });

  it('handles the empty document', () => {
    const r = analyze('');
    assert.deepEqual(r.internalErrors, []);
    assert.ok(r.findings.every((f) => f.start === 0 && f.end === 0));
  });
});
