/** Show Report's links as the Markdown preview accepts them (client/src/commands/reportLinks.ts). */
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { previewLinks } from '../../client/src/commands/reportLinks';

describe('report links in the preview', () => {
  it('turns file: links, which the preview shows as raw text, into absolute paths with their line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('postmortems', 'post mortems', 'incidents/2026 Q1', 'ops/pm#1'),
        fc.constantFrom('a.md', 'Ünïcode name.md', 'x>y.md'),
        fc.option(fc.integer({ min: 1, max: 900 })),
        (dir, file, line) => {
          const abs = `/work/ws/${dir}/${file}`;
          const target = pathToFileURL(abs).href + (line ? `#L${line}` : '');
          const out = previewLinks(`| [Title](<${target.replace(/>/g, '%3E')}>) |`);
          assert.ok(!out.includes('file:'), out);
          assert.equal(out, `| [Title](<${abs.replace(/>/g, '%3E')}${line ? `#L${line}` : ''}>) |`);
        },
      ),
    );
  });

  it('leaves other links alone', () => {
    const md = 'See [the runbook](https://example.org/runbook) and [x](<relative/path.md>).';
    assert.equal(previewLinks(md), md);
  });
});
