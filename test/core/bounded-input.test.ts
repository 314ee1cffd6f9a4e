/**
 * Bounded input before the parser (core/engine/bound.ts) and iterative walks (issue 16 item 4): nesting,
 * emphasis and bracket runs on one line never make the analysis throw or grow super-linearly
 * (n and 4n within 6x, ratios of times); the text past the limits is read as plain text at the same
 * offsets; an analysis that throws anyway is one notice (`failed`), never an exception.
 */
import { strict as assert } from 'node:assert';
import { analyze, ParseCache } from '../../core';
import { boundInput, MASK, MAX_DELIMITERS, MAX_INDENT, MAX_LINE, MAX_LABEL, MAX_NESTING, MAX_UNCLOSED } from '../../core/engine/bound';
import { growth } from '../helpers/growth';

const doc = (body: string) => `# Postmortem: nesting\n\n## Summary\n\n${body}\n`;

const ATTACKS: Record<string, (n: number) => string> = {
  'nested quotes': (n) => '>'.repeat(n) + ' the cache should have been warmed',
  'nested bullets': (n) => '- '.repeat(n) + 'x',
  'nested ordered items': (n) => '1. '.repeat(n) + 'x',
  'emphasis openers': (n) => '*a '.repeat(n),
  'strong runs': (n) => '*'.repeat(n) + 'x' + '*'.repeat(n),
  brackets: (n) => '['.repeat(n) + 'x' + ']'.repeat(n),
  'nested links': (n) => '[a]('.repeat(n) + 'x' + ')'.repeat(n),
  // Inline HTML that micromark reads up to its closer, through the rest of the paragraph when there is none.
  'unclosed comments': (n) => 'The cache ' + '<!--'.repeat(n),
  'unclosed declarations': (n) => 'The cache ' + '<!A'.repeat(n),
  'unclosed processing instructions': (n) => 'The cache ' + '<?'.repeat(n),
  'unclosed CDATA': (n) => 'The cache ' + '<![CDATA['.repeat(n),
  // One bracket left open before a long paragraph: GFM's autolink check walks back to it from every word.
  'an unclosed bracket, then prose': (n) => 'The [cache ' + 'was cold and '.repeat(n),
  'a bracket closed far away': (n) => 'The ![cache ' + 'was cold and '.repeat(n) + 'then] it warmed.',
};

describe('bounded input before the parser', () => {
  for (const [name, make] of Object.entries(ATTACKS)) {
    it(`${name}: 50,000 deep never throws; n and 4n within 6x`, function () {
      this.timeout(120_000);
      const deep = analyze(doc(make(50_000)));
      assert.equal(deep.skipped, undefined, deep.skipped);
      assert.deepEqual(deep.internalErrors, []);
      const ratio = growth(
        (n) => doc(make(n)),
        (t) => analyze(t),
        1500,
        { rounds: 5 },
      );
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

  it('reads unclosed HTML openers past MAX_UNCLOSED in a paragraph as plain text, and leaves closed ones alone', () => {
    const unclosed = (k: number, opener: string) => doc(`The cache ${`${opener} x `.repeat(k)}was cold.`);
    // Masks where the text had `<` (the brackets of `<![CDATA[` have no closer either: they are plain text too).
    const maskedAngles = (text: string) => [...boundInput(text).text].filter((c, i) => c === MASK && text[i] === '<').length;
    for (const opener of ['<!--', '<!A', '<?', '<![CDATA[']) {
      const over = unclosed(MAX_UNCLOSED + 7, opener);
      assert.equal(maskedAngles(over), 7, opener);
      assert.ok(
        boundInput(over).notices.some((n) => /unclosed/.test(n.message)),
        opener,
      );
      assert.equal(maskedAngles(unclosed(MAX_UNCLOSED, opener)), 0, `${opener}: ${MAX_UNCLOSED} unclosed are read as written`);
    }
    // Closed comments and declarations, however many, and unclosed ones in other paragraphs.
    const closed = doc(`The cache ${'<!-- a --> <!B> <?c?> '.repeat(3 * MAX_UNCLOSED)}was cold.`);
    assert.equal(boundInput(closed).text, closed);
    const spread = doc(Array.from({ length: 3 }, () => `The cache ${'<!-- x '.repeat(MAX_UNCLOSED)}was cold.`).join('\n\n'));
    assert.equal(boundInput(spread).text, spread, 'the count is per paragraph');
    // A closer later in the same paragraph, on another line, closes them.
    const later = doc(`The cache ${'<!-- x '.repeat(2 * MAX_UNCLOSED)}\nwas cold -->.`);
    assert.equal(boundInput(later).text, later);
    // The sentence around them is still read.
    const flagged = doc(`Bob should have warmed the cache ${'<!-- x '.repeat(MAX_UNCLOSED + 3)}before the deploy.`);
    assert.ok(analyze(flagged).findings.some((f) => f.rule === 'blame-language'));
  });

  it('reads a bracket with no closer within MAX_LABEL characters of its paragraph as plain text', () => {
    const open = doc(`The [cache ${'was cold and '.repeat(200)}`);
    const b = boundInput(open);
    assert.equal([...b.text].filter((c) => c === MASK).length, 1);
    assert.equal(b.text.indexOf(MASK), open.indexOf('['));
    assert.match(b.notices[0].message, /bracket/);
    // Links, nested labels, escaped and short asides are read as written; the count is per paragraph.
    const ordinary = doc(
      `See [the runbook](https://example.com/r) and ![graph][g], [a [nested] label], \\[not a label, [short aside] and ${'word '.repeat(150)}[x](y).\n\n[g]: https://example.com/g.png`,
    );
    assert.equal(boundInput(ordinary).text, ordinary);
    const near = doc(`The [cache ${'was cold and '.repeat(Math.floor(MAX_LABEL / 13) - 2)}] done.`);
    assert.equal(boundInput(near).text, near);
    const far = doc(`The [cache ${'was cold and '.repeat(Math.floor(MAX_LABEL / 13) + 2)}] done.`);
    assert.equal(boundInput(far).text.indexOf(MASK), far.indexOf('['));
    // Code is not inline-parsed: brackets and `<!` there are never read as plain text.
    const code = doc(`Before:\n\n\`\`\`ts\nconst a = [1, [2\n${'<!-- x\n'.repeat(MAX_UNCLOSED + 3)}\`\`\`\n\n    stack[0] = x; a[\n\nAfter [the fix](x).`);
    assert.equal(boundInput(code).text, code);
    const yaml = `---\ntitle: [unclosed\ntags: [a, b\n---\n\n# T\n`;
    assert.equal(boundInput(yaml).text, yaml, 'front matter is YAML: its brackets are not read');
    const split = doc(`The [cache was cold.\n\n${'was cold and '.repeat(200)}]`);
    assert.equal(boundInput(split).text.indexOf(MASK), split.indexOf('['), 'a closer in the next paragraph does not count');
  });

  it('reads a line past MAX_LINE characters without inline Markdown, at the same offsets, with one notice', () => {
    const marks = 'The *cache* was [cold] and `x` <b> | a & b! \\x ~y~ _z_.';
    const line = marks + ' the pool was small and'.repeat(Math.ceil(MAX_LINE / 23)) + marks.repeat(3);
    const text = doc(line);
    const b = boundInput(text);
    const start = text.indexOf(line);
    assert.equal(b.text.length, text.length);
    assert.ok(b.text.slice(0, start + MAX_LINE) === text.slice(0, start + MAX_LINE), 'the first MAX_LINE characters are kept');
    let masked = 0;
    for (let i = start + MAX_LINE; i < start + line.length; i++) {
      const want = /[*_~[\]<>`\\|!&]/.test(text[i]) ? MASK : text[i];
      if (b.text[i] !== want) assert.fail(`at ${i}: ${JSON.stringify(b.text[i])} for ${JSON.stringify(text[i])}`);
      if (want === MASK) masked++;
    }
    assert.equal(masked, 3 * 16);
    assert.equal(b.notices.length, 1);
    assert.ok(b.notices[0].start >= start + MAX_LINE && b.notices[0].end <= start + line.length);
    assert.match(b.notices[0].message, /a line longer than 10,000 characters/);
    // Through analyze: one notice, its offsets in the document as given (with a BOM: one later).
    const r = analyze('\ufeff' + text);
    assert.equal(r.notices?.length, 1);
    assert.equal(r.notices![0].start, b.notices[0].start + 1);
  });

  it('reads a list or quote marker indented past MAX_INDENT columns as plain text (nesting across lines)', () => {
    const lines = Array.from({ length: 60 }, (_, i) => '  '.repeat(i) + '- x');
    const b = boundInput(doc(lines.join('\n')));
    const masked = lines.filter((l) => l.length - 3 > MAX_INDENT).length;
    assert.equal([...b.text].filter((c) => c === MASK).length, masked);
    assert.equal(b.notices.length, 1, 'consecutive lines make one stretch');
    assert.match(b.notices[0].message, /nested deeper than 16 levels/);
    assert.equal(boundInput(doc('\t'.repeat(16) + '- x')).notices.length, 0, 'sixteen tabs are 64 columns: within the limit');
    assert.equal(boundInput(doc('\t'.repeat(16) + ' - x')).notices.length, 1);
  });

  it('gives ordinary Markdown no notice', () => {
    const r = analyze(doc('> quoted\n> > twice\n\n- **bold** and _em_ [link](x)\n  - nested\n    - again'));
    assert.equal(r.notices, undefined);
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

describe('a stretch read as plain text in the editor', () => {
  it('is one Information diagnostic on its range, with no rule code, like the skipped notice', async () => {
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { toDiagnostics } = await import('../../server/src/lsp/diagnostics');
    const text = doc(`${'> '.repeat(MAX_NESTING + 3)}x`);
    const result = analyze(text);
    const diags = toDiagnostics(TextDocument.create('file:///pm.md', 'markdown', 1, text), result, 'https://docs.example.invalid/');
    const notices = diags.filter((d) => /read as plain text/.test(d.message));
    assert.equal(notices.length, 1);
    assert.equal(notices[0].severity, 3);
    assert.equal(notices[0].code, undefined);
    assert.deepEqual(notices[0].range.start, { line: 4, character: 2 * MAX_NESTING });
  });
});
