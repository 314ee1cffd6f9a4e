/** `npm run bench -- --write` replaces only the figures block of bench/README.md. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { BENCH_README, separateTables, withFigures } from '../../bench/writeReadme';

describe('bench --write', () => {
  const page = ['# Benchmark', '', 'Intro.', '', '<!-- bench:start -->', 'old figures', '<!-- bench:end -->', '', '## How', '', 'Text.', ''].join('\n');

  it('replaces what stands between the markers and keeps the rest of the page', () => {
    const out = withFigures(page, '| a | b |\n|---|---|\n| 1 | 2 |\n', '2026-12-07');
    assert.ok(out.startsWith('# Benchmark\n\nIntro.\n\n<!-- bench:start -->\n'));
    assert.ok(out.endsWith('<!-- bench:end -->\n\n## How\n\nText.\n'));
    assert.ok(!out.includes('old figures'));
    assert.match(out, /on 2026-12-07\./);
    assert.ok(out.includes('| a | b |\n|---|---|\n| 1 | 2 |\n'));
  });

  it('writing twice gives the page of the second run only', () => {
    const once = withFigures(page, 'run 1', '2026-12-07');
    assert.equal(withFigures(once, 'run 2', '2026-12-08'), withFigures(page, 'run 2', '2026-12-08'));
  });

  it('puts a blank line between a table and the note the bench prints under it, and only there', () => {
    const printed = ['| a | b |', '| --- | --- |', '| 1 | 2 |', 'ratio: 1.1', '', '| c |', '| --- |', '| 3 |', '', 'text'].join('\n');
    assert.equal(
      separateTables(printed),
      ['| a | b |', '| --- | --- |', '| 1 | 2 |', '', 'ratio: 1.1', '', '| c |', '| --- |', '| 3 |', '', 'text'].join('\n'),
    );
    assert.equal(separateTables(separateTables(printed)), separateTables(printed));
  });

  it('fails on a page without the markers instead of writing nothing', () => {
    assert.throws(() => withFigures('# Benchmark\n', 'x', '2026-12-07'), /no <!-- bench:start -->/);
  });

  it('bench/README.md has the markers', () => {
    const text = readFileSync(BENCH_README, 'utf8');
    assert.doesNotThrow(() => withFigures(text, 'x', '2026-12-07'));
  });
});
