/**
 * End-to-end growth under attack (issue 16 items 3 and 6): every kind of input recheck found to make
 * some pattern of server/src super-linear (runs of spaces and tabs, of punctuation, of openers with
 * no closer, repeated tokens), and the ordinary-text cases the red team found (runs of "." and "!",
 * a long sentence without a full stop, many action items), is placed in every place of a postmortem
 * where text is read (title, headings, prose, lists, table cells, action items, timeline entries,
 * metadata lines, 5 Whys, contributing factors), and the whole analysis at n and 4n must stay under
 * 6x (ratios of times, medians of interleaved runs; linear is ~4x, quadratic 16x).
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../core';
import { fixUntilStable } from '../../core/edits/applyFixes';
import { growth } from '../helpers/growth';

const TODAY = { today: '2026-11-23' };

/** Attack kinds: a run of `unit` about n characters long, and what follows it. */
export const ATTACKS: Record<string, (n: number) => string> = {
  'tabs then a character': (n) => '\t'.repeat(n) + 'x\t',
  'spaces then a character': (n) => ' '.repeat(n) + 'x ',
  'spaces and tabs': (n) => ' \t'.repeat(n / 2) + 'x',
  commas: (n) => ','.repeat(n) + 'x,',
  'full stops': (n) => '.'.repeat(n) + 'x.',
  'exclamation marks': (n) => '!'.repeat(n) + 'x',
  'question marks': (n) => 'why?' + '?'.repeat(n) + 'x',
  apostrophes: (n) => "'".repeat(n) + 'x',
  'at signs': (n) => '0' + '@'.repeat(n) + '0',
  slashes: (n) => '/'.repeat(n) + 'x/',
  'opening parentheses': (n) => '('.repeat(n),
  'comment openers': (n) => '<!--'.repeat(n / 4),
  'snippet openers': (n) => '${0:'.repeat(n / 4) + '${0|' + '{'.repeat(n / 2),
  'link closers': (n) => '](]'.repeat(n / 3),
  'curly quotes': (n) => '\u201c'.repeat(n) + '"',
  'a/ pairs': (n) => 'a/'.repeat(n / 2) + 'j',
  '-A pairs': (n) => 'A' + '-A'.repeat(n / 2),
  'NO words': (n) => 'NO '.repeat(n / 3),
  digits: (n) => '00'.repeat(n / 2),
  'label colons': (n) => 's' + 'eta=:'.repeat(n / 5) + '(',
  negations: (n) => 'not a\th\t'.repeat(n / 8),
  'rejection frames': (n) => "TREATING x WASN'".repeat(n / 16),
  'hindsight words': (n) => 'ewere\tobvious'.repeat(n / 13),
  'name, then spaces': (n) => 'Au,\ta\t' + '\t'.repeat(n),
  'sentence without a full stop': (n) => 'the cache was cold and '.repeat(n / 23),
  hashes: (n) => '#'.repeat(n) + 'x',
  'tildes and backticks': (n) => '~~~' + '~'.repeat(n) + '`'.repeat(n),
  'opening brackets': (n) => ']' + '['.repeat(n),
  'capital X runs': (n) => 'X'.repeat(n) + 'xx',
  'angle then word': (n) => '<' + 'A0'.repeat(n / 2),
  'digits and commas': (n) => '0'.repeat(n / 2) + ',' + '0a'.repeat(n / 4),
  'words and tabs': (n) => 'END\tOF\tTHIS\t'.repeat(n / 12) + 'ALL\t' + 'TIME\t'.repeat(n / 5),
  'dashes and spaces': (n) => '(S\tE\tN\t' + '- '.repeat(n / 2) + 'G',
  'hyphenated words': (n) => 'econsider-'.repeat(n / 10),
  'letter pairs': (n) => 'asia/j' + 'uy'.repeat(n / 2) + '/',
  'hash then tabs': (n) => '#\t' + '\t'.repeat(n) + '#\tx',
};

/** The attack in every place of a postmortem where text is read. */
function postmortem(a: string): string {
  return (
    [
      `---\ntitle: x\nseverity: SEV-2\nauthors: [Ana]\n---`,
      `# Postmortem: ${a}`,
      `**Date:** ${a}`,
      `## Summary ${a}`,
      `Bob should have ${a} before the deploy ${a}.`,
      `${a}`,
      `## Timeline`,
      `| Time ${a} | Event ${a} |\n|---|---|\n| 10:00 ${a} | ${a} |\n| 10:05 | started ${a} |`,
      `- 10:10 ${a}`,
      `## Root causes`,
      `**Root cause:** ${a}`,
      `Why 1: ${a}?\nBecause ${a}`,
      `## Contributing factors`,
      `- ${a}`,
      `## Impact`,
      `${a} users`,
      `## Action items`,
      `| Action ${a} | Owner ${a} | Due | Ticket |\n|---|---|---|---|\n| ${a} | @ana ${a} | 2026-12-01 ${a} | ${a} |`,
      `- [ ] ${a} (owner: ${a}, due: ${a})`,
      `<!-- postmortem-disable-next-line blame-language ${a}`,
    ].join('\n\n') + '\n'
  );
}

describe('end-to-end growth under attack (n and 4n within 6x)', () => {
  for (const [name, make] of Object.entries(ATTACKS)) {
    it(name, function () {
      this.timeout(300_000);
      const ratio = growth(
        (n) => postmortem(make(n)),
        (t) => analyze(t, TODAY),
        1200,
        { rounds: 5, minMs: 30 },
      );
      assert.ok(ratio < 6, `analysis grows ${ratio.toFixed(1)}x from n to 4n`);
    });
  }

  it('lists nested by indentation across many lines (each line one level deeper)', function () {
    this.timeout(600_000);
    // About n characters: sqrt(n) lines, each indented one level more than the one before. Before
    // the indentation bound (core/bound.ts MAX_INDENT) this grew 6.6x at n = 90,000 (the parser's
    // work grows with the square of the depth); a nested quote cannot grow so, each of its lines
    // writes every level's marker and the same-line bound caps them.
    const nested = (n: number) =>
      `# Postmortem: nesting\n\n## Summary\n\n${Array.from({ length: Math.floor(Math.sqrt(n)) }, (_, i) => `${'  '.repeat(i)}- the cache was cold`).join('\n')}\n`;
    const ratio = growth(nested, (t) => analyze(t, TODAY), 90_000, { rounds: 3, minMs: 30 });
    assert.ok(ratio < 6, `analysis grows ${ratio.toFixed(1)}x from n to 4n`);
  });

  it('action items and their fixes are linear in the number of items', function () {
    this.timeout(300_000);
    const doc = (n: number) =>
      `# Postmortem: items\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n` +
      Array.from({ length: n }, (_, i) => `| Add an alert on queue depth ${i} | | TBD |`).join('\n') +
      `\n\n${Array.from({ length: n }, (_, i) => `- [ ] Improve monitoring ${i} (TICKET-XXX)`).join('\n')}\n`;
    const ratio = growth(doc, (t) => analyze(t, TODAY), 100, { rounds: 5 });
    assert.ok(ratio < 6, `analysis grows ${ratio.toFixed(1)}x`);
    const fixRatio = growth(doc, (t) => fixUntilStable(t, (x) => analyze(x, TODAY).findings), 50, { rounds: 3 });
    assert.ok(fixRatio < 6, `fixing grows ${fixRatio.toFixed(1)}x`);
  });
});
