/** TOML front matter (extract/flatYaml.ts `readFlatToml`): strings, arrays, comments, read in one pass. */
import { strict as assert } from 'node:assert';
import { readFlatToml } from '../../core/extract/flatYaml';

describe('readFlatToml (TOML front matter, read in one pass)', () => {
  it('reads strings, arrays with escaped and single-quoted items, and drops a trailing comment', () => {
    const src = 'title = "A \\"quoted\\" name"  # note\nauthors = ["Ana \\"A\\"", \'Ben\', "Cy"]\t# who\ndate = 2026-03-02\n';
    const got = readFlatToml(src).map((p) => [p.key, p.value, src.slice(...p.valueRange)]);
    assert.deepEqual(got, [
      ['title', 'A "quoted" name', '"A \\"quoted\\" name"'],
      ['authors', ['Ana "A"', 'Ben', 'Cy'], '["Ana \\"A\\"", \'Ben\', "Cy"]'],
      ['date', '2026-03-02', '2026-03-02'],
    ]);
  });
  it('skips an unclosed string in an array and keeps reading the items after it', () => {
    assert.deepEqual(readFlatToml('tags = ["a\\"\\"\\", \'b\', \'c\']\n')[0].value, ['b', 'c']);
    assert.deepEqual(readFlatToml('tags = [\'x, "y"]\n')[0].value, ['y']);
    assert.deepEqual(readFlatToml('tags = ["p\\\\", "q"]\n')[0].value, ['p\\\\', 'q']);
  });
  it('keeps a "#" with no space before it, and reads a value with long runs of spaces', () => {
    assert.equal(readFlatToml('k = a#b\n')[0].value, 'a#b');
    const spaces = ' '.repeat(5000);
    assert.equal(readFlatToml(`k =${spaces}v${spaces}w${spaces}\n`)[0].value, `v${spaces}w`);
  });
});
