/**
 * GFM's table construct is tried at the start of every paragraph line (micromark-extension-gfm-table
 * registers it on every flow start and reads the line as a possible header row). A table needs a
 * delimiter row with a "|" or with a colon next to a hyphen (":-", "-:"; `a\n:-` is a one-column
 * table), so the core leaves the construct out of text without any of those (core/engine/parse.ts).
 * These tests check the tree is still exactly remark-gfm's, on text without them and on near-misses
 * with them, and that the construct is really left out.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { constructReadings, parseBlocks } from '../../core/engine/parse';
import { assertProperty } from '../helpers/property';

const stock = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();
const shape = (nodes: unknown) => JSON.stringify(nodes);
/** What a table's delimiter row needs somewhere in the text. */
const TABLE_SIGN = /\||:-|-:/;

/** Lines that look like parts of a table, a heading underline, a rule or a list, or prose with hyphens and colons. */
const line = fc.constantFrom(
  'The queue backed up at 10:30 and drained by 11:05.',
  'Impact: - none for EU customers',
  'a - b - c',
  '---',
  '- - -',
  '***',
  '===',
  '--',
  '-',
  ':',
  ': -',
  '- :',
  'Root cause: the cache',
  '- item one',
  '  - nested item',
  '1. first',
  '> quoted line',
  '> ---',
  '    indented code - : -',
  '`a | b`',
  'a | b',
  '| When | What |',
  '| --- | --- |',
  '|---|',
  'x | y',
  '-- | --',
  ':-',
  '-:',
  ':-:',
  '  :--  ',
  'smile :-)',
  'range 5-:7',
  '\\| escaped pipe',
  '&#124; entity pipe',
  '',
);
const block = fc.array(line, { minLength: 1, maxLength: 5 }).map((ls) => ls.join('\n'));
const doc = fc
  .tuple(fc.boolean(), fc.array(block, { minLength: 1, maxLength: 6 }))
  .map(([fm, bs]) => (fm ? '---\nstatus: draft\n---\n\n' : '') + bs.join('\n\n') + '\n');
const docWithoutSign = doc.filter((t) => !TABLE_SIGN.test(t));

describe('GFM tables: the table construct left out where no table can be', () => {
  it('gives exactly the tree remark-gfm gives on text with no "|", ":-" or "-:" (and the construct is left out)', () => {
    const before = constructReadings().table.left;
    assertProperty(
      fc.property(docWithoutSign, (text) => {
        assert.equal(shape(parseBlocks(text).tree.children), shape(stock.parse(text).children));
      }),
      { seed: 2207, numRuns: 500, minRuns: 120, budgetMs: 10_000 },
    );
    assert.ok(constructReadings().table.left - before >= 120);
  });

  it('gives exactly the tree remark-gfm gives on text with them (tables, near-misses)', () => {
    let tables = 0;
    assertProperty(
      fc.property(doc, (text) => {
        const tree = parseBlocks(text).tree;
        if (tree.children.some((n) => n.type === 'table')) tables++;
        assert.equal(shape(tree.children), shape(stock.parse(text).children));
      }),
      { seed: 2208, numRuns: 500, minRuns: 120, budgetMs: 10_000 },
    );
    assert.ok(tables > 10, `${tables} documents held a table`);
  });

  it('reads a table without a pipe, and leaves the construct out of plain prose', () => {
    const before = constructReadings().table;
    for (const text of ['Owner\n:-\nKim\n', 'Step\n-:\n1\n', '> Owner\n> :--\n> Kim\n']) {
      const tree = parseBlocks(text).tree;
      assert.match(JSON.stringify(tree), /"type":"table"/, text);
      assert.equal(shape(tree.children), shape(stock.parse(text).children));
    }
    parseBlocks('# Incident\n\nThe deploy paused at 10:02 - then resumed.\n\nTitle\n---\n');
    const after = constructReadings().table;
    assert.equal(after.read, before.read + 3);
    assert.equal(after.left, before.left + 1);
  });
});
