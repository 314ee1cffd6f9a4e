/** "pm-" offers the postmortem snippets (client/src/snippetItems.ts), read from the shipped snippet file. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { snippetCompletions, typedPrefix, type SnippetEntry } from '../../client/src/snippetItems';

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<string, SnippetEntry>;
const pmPrefixes = Object.values(snippets)
  .flatMap((s) => [s.prefix].flat())
  .filter((p) => p.startsWith('pm-'));

describe('snippet completion after "pm-"', () => {
  it('offers every pm- snippet right after "pm-", wherever the word starts', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '- ', '  ', '> ', '| 10:02 | '), (lead) => {
        const items = snippetCompletions(`${lead}pm-`, snippets);
        assert.deepEqual(items.map((i) => i.label).sort(), [...pmPrefixes].sort());
        for (const i of items) assert.equal(i.start, lead.length);
      }),
    );
  });

  it('narrows as the prefix grows, and offers nothing elsewhere', () => {
    assert.deepEqual(
      snippetCompletions('pm-time', snippets)
        .map((i) => i.label)
        .sort(),
      ['pm-timeline', 'pm-timeline-row'],
    );
    assert.deepEqual(snippetCompletions('rpm-', snippets), []);
    assert.deepEqual(snippetCompletions('- item', snippets), []);
    assert.equal(typedPrefix('a b'), undefined);
    const five = snippetCompletions('pm-5', snippets)[0];
    assert.match(five.body, /Why 5/);
  });
});
