/**
 * Any input: generated postmortem-shaped Markdown with hostile parts. The core never throws, every
 * range lies inside the document, and findings are deterministic. Fixed seed, bounded runs.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze } from '../../core';
import { document } from '../helpers/hostileMarkdown';
import { assertProperty } from '../helpers/property';

const SEED = 20261123;

describe('robustness: any input', () => {
  it('never throws, keeps every range and fix inside the document, and is deterministic', () => {
    // Lexicons and lazily loaded parts are loaded here, not on the budget's time.
    analyze('# Postmortem\n\n## Summary\n\nBob should have known at 10:00 on 2026-11-02.\n', { today: '2026-11-23' });
    assertProperty(
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
      { seed: SEED, numRuns: 150, minRuns: 30, budgetMs: 12_000 },
    );
  });

  it('skips binary and oversized input with a notice', () => {
    const bin = analyze('PK\u0003\u0004\u0000\u0000binary');
    assert.ok(bin.skipped && /binary/.test(bin.skipped));
    assert.equal(bin.findings.length, 0);
    const big = analyze('# T\n' + 'word '.repeat(100), { maxSize: 50 });
    assert.ok(big.skipped && /not analysed/.test(big.skipped));
  });

  it('survives a billion-laughs alias bomb, deep nesting and long bracket runs, with ranges inside', () => {
    const bomb = ['---', 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(',')}]`,
      );
    bomb.push('title: Alias bomb', 'severity: SEV-2', '---', '# Alias bomb', '', '## Summary', '', 'The on-call should have checked.');
    const cases = [
      bomb.join('\n'),
      '# Deep\n\n' + '> '.repeat(400) + 'the operator should have known\n',
      '# Deep list\n\n' + Array.from({ length: 60 }, (_, i) => '  '.repeat(i) + `- item ${i} should have`).join('\n'),
      '# Brackets\n\n' + '['.repeat(3000) + ']'.repeat(3000) + '\n' + '*'.repeat(5000) + 'a',
      '| Time | Event |\n|---|---|\n' + '| 10:00 | a | b | c |\n|\n'.repeat(300),
    ];
    for (const text of cases) {
      const r = analyze(text, { today: '2026-11-23' });
      assert.deepEqual(r.internalErrors, []);
      for (const f of r.findings) assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `${f.rule} range inside the text`);
    }
  });

  it('handles the empty document', () => {
    const r = analyze('');
    assert.deepEqual(r.internalErrors, []);
    assert.ok(r.findings.every((f) => f.start === 0 && f.end === 0));
  });
});
