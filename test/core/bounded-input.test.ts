/**
 * Bounded input before the parser (core/engine/bound.ts) and iterative walks (issue 16 item 4): nesting,
 * emphasis and bracket runs on one line never make the analysis throw or grow super-linearly
 * (n and 4n within 6x, ratios of times); the text past the limits is read as plain text at the same
 * offsets; an analysis that throws anyway is one notice (`failed`), never an exception.
 */
import { strict as assert } from 'node:assert';
import { analyze, ParseCache } from '../../core';
import { boundInput, MASK, MAX_DELIMITERS, MAX_NESTING } from '../../core/engine/bound';
import { growth } from '../helpers/growth';

const doc = (body: string) => `# Postmortem: nesting\n\n## Summary\n\n${body}\n`;

const ATTACKS: Record<string, (n: number) => string> = {
  'nested quotes': (n) => '>'.repeat(n) + ' the cache should have been warmed',
  'nested bullets': (n) => '- '.repeat(n) + 'x',
  'nested ordered items': (n) => '1. '.repeat(n) + 'x',
  'emphasis openers': (n) => '*a '.repeat(n),
  'strong runs': (n) => '*'.repeat(n) + 'x' + '*'.repeat(n),
  'brackets': (n) => '['.repeat(n) + 'x' + ']'.repeat(n),
  'nested links': (n) => '[a]('.repeat(n) + 'x' + ')'.repeat(n),
};

describe('bounded input before the parser', () => {
  for (const [name, make] of Object.entries(ATTACKS)) {
    it(`${name}: 50,000 deep never throws; n and 4n within 6x`, function () {
      this.timeout(120_000);
      const deep = analyze(doc(make(50_000)));
      assert.equal(deep.skipped, undefined, deep.skipped);
      assert.deepEqual(deep.internalErrors, []);
      const ratio = growth((n) => doc(make(n)), (t) => analyze(t), 1500, { rounds: 5 });
      assert.ok(ratio < 6, `ratio ${ratio.toFixed(2)}`);
    });
  }

  it('keeps every offset: only characters past a limit change, into MASK', () => {
    const text = doc(`${'> '.repeat(MAX_NESTING + 5)}x\n\n${'*'.repeat(MAX_DELIMITERS + 10)}`);
    const b = boundInput(text);
    assert.equal(b.text.length, text.length);
    let changed = 0;
    for (let i = 0; i < text.length; i++) {
      if (b.text[i] !== text[i]) {
        assert.equal(b.text[i], MASK);
        changed++;
      }
    }
    assert.equal(changed, 5 + 10);
    assert.ok(b.limited.length >= 2);
    const ordinary = doc('> quoted\n> > twice\n\n- **bold** and _em_ [link](x)');
    assert.equal(boundInput(ordinary).text, ordinary, 'ordinary Markdown is untouched');
  });

  it('an analysis that throws is one notice, and the cache is cleared', () => {
    const cache = new ParseCache();
    cache.take = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const r = analyze(doc('Some text.'), {}, cache);
    assert.equal(r.failed, true);
    assert.match(r.skipped ?? '', /Checking this file failed \(RangeError: Maximum call stack size exceeded\)/);
    assert.deepEqual(r.findings, []);
  });
});
