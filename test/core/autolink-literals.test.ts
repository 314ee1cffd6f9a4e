/**
 * GFM literal autolinks (`www.example.org`, `https://…`, `ops@example.org`, `mailto:`, `xmpp:`) are
 * found by mdast-util-gfm-autolink-literal's transform, which walks the whole tree four times. The
 * core runs that same transform only on the text nodes it could change (core/engine/parse.ts
 * `linkLiterals`); these tests check that the tree is exactly what remark-gfm gives, on generated
 * documents full of near-misses, and that a document with nothing link-like skips the walk.
 *
 * micromark's own literal-autolink reading tries an email address at every word of a paragraph; the
 * core leaves that construct out where no "@" follows an address character (`constructReadings`), and
 * the trees must stay the same there too.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ParseCache } from '../../core';
import { constructReadings, literalAutolinkRuns, parseBlocks } from '../../core/engine/parse';
import { assertProperty } from '../helpers/property';

const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
const shape = (nodes: unknown) => JSON.stringify(nodes);

/** Pieces of inline text: link-like words, their near-misses and what decodes to them. */
const inline = fc.constantFrom(
  'the deploy',
  'www.status.invalid',
  'WWW.Status.Invalid/path?q=1',
  'www.',
  'www.x',
  'wwwa.b.c',
  'https://ops.invalid/runbook.',
  'http://a.b/c_(d)',
  'HTTPS://A.B/C).',
  'http://',
  'ftp://files.invalid',
  'sre-team@ops.invalid',
  'on-call+pager@mail.ops.invalid.',
  'a@b',
  'x@y.z_',
  '@kim',
  'mailto:help@ops.invalid',
  'xmpp:bot@chat.invalid/room.1',
  'mailto:',
  '&#64;',
  'kim&#64;ops.invalid',
  '&#x3A;//',
  'https&#x3A;//ops.invalid',
  '`https://in.code/x`',
  '[runbook](https://ops.invalid/rb)',
  '[www.inside.link](x)',
  '<https://angle.invalid>',
  '<sre@ops.invalid>',
  '*www.em.invalid*',
  '**https://strong.invalid/**',
  '~~www.struck.invalid~~',
  '(see https://paren.invalid/x)',
  '"ops@quote.invalid"',
  '[^1]',
  '[ref]',
  '![img](https://img.invalid/a.png)',
  '\\@escaped',
  'a.b@c.d/e',
  'é@ü.invalid',
  '(@kim)',
  '| @kim |',
  'cc: @sre-team, @ops.lead',
  'price @ 5.00',
  '`a@b.c`',
  'a`@`b.c',
  '**@bold**.invalid',
  'x_@y.invalid',
  '+@z.invalid',
);
/** An address character ([A-Za-z0-9+-._]) right before an "@": the only way micromark can read an email literal. */
const EMAIL_START = /[A-Za-z0-9+\-._]@/;
const sentence = fc.array(inline, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const blocks = [
  sentence,
  sentence.map((s) => `## ${s}`),
  sentence.map((s) => `- ${s}\n- [ ] ${s}`),
  sentence.map((s) => `> ${s}`),
  fc.tuple(sentence, sentence).map(([a, b]) => `| When | What |\n| --- | --- |\n| ${a} | ${b} |`),
  sentence.map((s) => '```\n' + s + '\n```'),
  sentence.map((s) => `<div>${s}</div>`),
];
const definitions = [sentence.map((s) => `[^1]: ${s}`), sentence.map((s) => `[ref]: https://ref.invalid "${s.replace(/"/g, '')}"`)];
const document = (block: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 6 }))
    .map(([fm, bs]) => (fm ? '---\nticket: https://t.invalid/1\nowner: ops@o.invalid\n---\n\n' : '') + bs.join('\n\n') + '\n');
const doc = document(fc.oneof(...blocks, ...definitions));
/** Documents micromark can read no email literal in (front matter without an address, too). */
const docWithoutAddress = doc.map((t) => t.replace('owner: ops@o.invalid', 'owner: @ops')).filter((t) => !EMAIL_START.test(t));
/** Without definitions, which apply only within their own block once a document is cut (core/engine/parse.ts). */
const docWithoutDefinitions = document(fc.oneof(...blocks));

describe('GFM literal autolinks', () => {
  it('give exactly the tree remark-gfm gives (generated link-like text, near-misses, entities, code, tables)', function () {
    assertProperty(
      fc.property(doc, (text) => {
        assert.equal(shape(parseBlocks(text).tree.children), shape(stock.parse(text).children));
      }),
      { seed: 1907, numRuns: 600, minRuns: 150, budgetMs: 12_000 },
    );
  });

  it('give the same tree where no "@" follows an address character (micromark reads no email there)', function () {
    const before = constructReadings().emailAutolink;
    let light = 0;
    assertProperty(
      fc.property(docWithoutAddress, (text) => {
        const full = constructReadings().emailAutolink.read;
        assert.equal(shape(parseBlocks(text).tree.children), shape(stock.parse(text).children));
        if (constructReadings().emailAutolink.read === full) light++;
      }),
      { seed: 1909, numRuns: 600, minRuns: 150, budgetMs: 12_000 },
    );
    assert.ok(light > 100, `the construct was left out for ${light} documents`);
    assert.ok(constructReadings().emailAutolink.left > before.left);
  });

  it('read email literals where an "@" follows an address character', () => {
    const before = constructReadings().emailAutolink;
    for (const text of ['Mail sre@ops.invalid now.\n', '| who |\n| --- |\n| a.b+c@d.invalid |\n', '- x_y@q.invalid\n']) {
      const tree = parseBlocks(text).tree;
      assert.match(JSON.stringify(tree), /"url":"mailto:/, text);
      assert.equal(shape(tree.children), shape(stock.parse(text).children));
    }
    assert.equal(constructReadings().emailAutolink.read, before.read + 3);
    assert.equal(constructReadings().emailAutolink.left, before.left);
  });

  it('give the same tree when the document is cut into blocks and cached', function () {
    assertProperty(
      fc.property(docWithoutDefinitions, (text) => {
        const long = text + '\n' + '## More\n\nPlain words.\n\n'.repeat(1200);
        assert.equal(shape(parseBlocks(long).tree.children), shape(stock.parse(long).children), 'cold, cut');
        assert.equal(shape(parseBlocks(text, new ParseCache()).tree.children), shape(stock.parse(text).children), 'warm cache');
      }),
      { seed: 1908, numRuns: 40, minRuns: 10, budgetMs: 12_000 },
    );
  });

  it('are looked for only in text that could hold one', () => {
    const before = literalAutolinkRuns();
    parseBlocks('# Incident\n\nThe deploy paused at 10:02; Kim rolled it back.\n\n| When | What |\n| --- | --- |\n| 10:02 | paged |\n');
    assert.equal(literalAutolinkRuns(), before, 'nothing link-like: the transform never runs');
    // micromark links most literals while it reads the text; the transform links the rest, such as an
    // address whose "@" is a character reference.
    const text = '# Incident\n\nAsk kim&#64;ops.invalid about it.\n\nNothing here.\n';
    const tree = parseBlocks(text).tree;
    assert.equal(literalAutolinkRuns(), before + 1, 'one text node could hold a link');
    assert.match(JSON.stringify(tree), /"url":"mailto:kim@ops\.invalid"/);
    assert.equal(shape(tree.children), shape(stock.parse(text).children));
  });
});
