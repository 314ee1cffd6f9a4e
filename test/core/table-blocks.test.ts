/**
 * Long tables are parsed in blocks of rows (core/engine/parse.ts `tableChunks`; issue 19 item 3, issue 16
 * item 6): the tree is exactly the whole-document parse, for generated tables and the text around
 * them, and a keystroke in a row re-parses only that row's block.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyze, ParseCache } from '../../core';
import { parseBlocks, TABLE_ROWS_PER_BLOCK } from '../../core/engine/parse';
import { assertProperty } from '../helpers/property';

const whole = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const shape = (nodes: unknown) =>
  JSON.stringify(nodes, (k, v) => (k === 'position' ? [v.start.line, v.start.column, v.start.offset, v.end.line, v.end.column, v.end.offset] : v));

const cell = fc.constantFrom(
  '10:02',
  'Deploy started',
  '*bold* and `code`',
  'a \\| escaped pipe',
  '',
  '[link](http://x.invalid)',
  'Ana paged @kim',
  '  padded  ',
);
const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cs) => `| ${cs.join(' | ')} |`);
const table = fc
  .tuple(
    fc.array(row, { minLength: 2 * TABLE_ROWS_PER_BLOCK, maxLength: 5 * TABLE_ROWS_PER_BLOCK }),
    fc.constantFrom('| --- | --- |', '|:--|--:|---|', '| - |'),
  )
  .map(([rows, delim]) => `| Time | Event |\n${delim}\n${rows.join('\n')}`);
const around = fc.constantFrom(
  '',
  'Some prose after.',
  '```\n| not | a table |\n|---|---|\n| in | code |\n```',
  '- a list item',
  '> a quote',
  'Lazy line without a pipe',
);
const doc = fc
  .tuple(fc.array(fc.tuple(table, around), { minLength: 1, maxLength: 3 }))
  .map(([parts]) => `# Postmortem: tables\n\n## Timeline\n\n${parts.map(([t, a]) => `${t}\n${a}`).join('\n\n')}\n`);

describe('long tables parsed in blocks of rows', () => {
  it('gives exactly the whole-document tree (generated tables, code, lists, lazy lines)', function () {
    assertProperty(
      fc.property(doc, (text) => {
        const expected = shape((whole.parse(text) as { children: unknown }).children);
        assert.equal(shape(parseBlocks(text, new ParseCache()).tree.children), expected, 'warm cache');
        assert.equal(
          shape(parseBlocks(text.padEnd(20_000, '\n')).tree.children),
          shape((whole.parse(text.padEnd(20_000, '\n')) as { children: unknown }).children),
          'cold, cut',
        );
      }),
      { seed: 19_3, numRuns: 25, minRuns: 8, budgetMs: 10_000 },
    );
  });

  it('a keystroke in a 400-row table re-parses one block of rows, and the findings equal a cold analysis', () => {
    const rows = Array.from(
      { length: 400 },
      (_, i) => `| ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | The queue on shard ${i} grew | pager |`,
    );
    let text = `# Postmortem: queue\n\n## Timeline\n\n| Time | Event | Source |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
    const cache = new ParseCache();
    analyze(text, { today: '2026-11-23' }, cache);
    const at = text.indexOf('shard 200') + 5;
    text = text.slice(0, at) + 'x' + text.slice(at);
    const { blocks } = parseBlocks(text, cache);
    const reparsed = blocks.filter((b) => !b.reused).reduce((n, b) => n + (b.end - b.start), 0);
    assert.ok(reparsed < text.length / 4, `re-parsed ${reparsed} of ${text.length} characters`);
    const warm = analyze(text, { today: '2026-11-23' }, cache);
    const cold = analyze(text, { today: '2026-11-23' });
    assert.deepEqual(warm.findings, cold.findings);
    assert.equal(warm.model.timelines[0]?.entries.length, 400);
  });
});
