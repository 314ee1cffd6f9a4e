/**
 * Line-shaped patterns rewritten to run in linear time (issue #16): each rewrite must give what the
 * old pattern gave, in the parts its caller uses. The old patterns are kept here only, as the
 * reference; fast-check compares old and new on lines built from each pattern's own pieces (its
 * words and markers, spaces, tabs, line breaks, astral letters, and the shape recheck used to attack
 * it, at small sizes).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { allMatches } from '../../core/language/regexp';
import { labelledFields } from '../../core/extract/actionItems';
import { boldLine } from '../../core/extract/metadata';
import { plainLabel } from '../../core/extract/sections';
import { ZONE_STATEMENT } from '../../core/extract/timeline';
import { DELIMITER_ROW, directiveMatches, withoutDirectives } from '../../core/engine/suppress';
import { labelLineLabel, lineShape } from '../../core/rules/metadata-missing';
import { explicitCategory, splitLabel } from '../../review/factors';

const RUNS = { numRuns: 3000 };

/** Lines joined from `pieces` (up to `max` of them). */
function lineOf(pieces: string[], max = 14): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((a) => a.join(''));
}

/** A recheck-style attack: a prefix, a piece repeated n times, a suffix, for small n. */
function attackOf(pieces: string[]): fc.Arbitrary<string> {
  return fc.tuple(lineOf(pieces, 5), fc.constantFrom(...pieces), fc.integer({ min: 1, max: 40 }), lineOf(pieces, 4)).map(([a, b, n, c]) => a + b.repeat(n) + c);
}

/** Lines in the pattern's shape: one choice from each slot, in order (most slots offer '' too). */
function shaped(...slots: string[][]): fc.Arbitrary<string> {
  return fc.tuple(...slots.map((choices) => fc.constantFrom(...choices))).map((a) => a.join(''));
}

/** Old and new agree on random lines, attack shapes, and lines in the pattern's shape (`shapes`). */
function same<T>(pieces: string[], oldOf: (s: string) => T, newOf: (s: string) => T, ...shapes: Array<fc.Arbitrary<string>>): void {
  fc.assert(
    fc.property(fc.oneof(lineOf(pieces), attackOf(pieces), ...shapes), (s) => {
      assert.deepEqual(newOf(s), oldOf(s), JSON.stringify(s));
    }),
    RUNS,
  );
}

const SPACES = [' ', '  ', '\t', ' \t', '\u00a0', '\n', '\r', '\u2028'];

describe('line patterns rewritten linearly give what the old patterns gave', () => {
  it('bold metadata line (metadata.ts): label and value', () => {
    const OLD = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)([^*_\n]{1,40}?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*(.*?)[ \t]*$/;
    const pieces = [...SPACES, '-', '*', '+', '**', '__', '_', ':', 'Date', 'a', 'x y', '2026-03-15', '\x00', 'é', '𝐀'];
    same(
      pieces,
      (s) => {
        const b = OLD.exec(s);
        return b ? { label: b[1], value: b[2] } : undefined;
      },
      boldLine,
      shaped(
        ['', ' ', '\t', '  '],
        ['', '- ', '* ', '+\t', '-'],
        ['**', '__', '*'],
        ['Date', 'a', 'x y', 'Date:', ' ', 'Sev*', 'é𝐀', 'L'.repeat(41)],
        [':**', '**:', ': **', '** :', ':__', '__:', ':', '**'],
        ['', ' ', '\t\t', '  '],
        ['', 'v', '2026-03-15', 'a  b', '\x00', '\u2028', '**x**'],
        ['', ' ', '\t', ' \t ', '\r'],
      ),
    );
    assert.deepEqual(boldLine('- **Date:**  2026-03-15 \t'), { label: 'Date', value: '2026-03-15' });
    assert.deepEqual(boldLine('**Severity**:'), { label: 'Severity', value: '' });
  });

  it('plain section label (sections.ts): the text through the colon and the label', () => {
    const OLD = /^([\p{L}][\p{L}\p{N} '’/&?-]{1,48}?)\s*:(?=\s|$)/u;
    const pieces = [...SPACES, 'A', 'b', 'Root cause', 'What went well?', ':', '’', '/', '&', '-', '1', '𝐀', '.', 'x'];
    same(
      pieces,
      (s) => {
        const m = OLD.exec(s);
        return m ? { text: m[0], label: m[1] } : undefined;
      },
      plainLabel,
      shaped(
        ['A', 'Root cause', '𝐀', '1', 'é', ''],
        ['', 'b', ' ', '  ', '?', '’s', '/x', '-', 'x'.repeat(48), '\t'],
        ['', ' ', '\t', '\u00a0', '  '],
        [':', '', '::'],
        ['', ' ', 'x', '\n', '\t'],
      ),
    );
    assert.deepEqual(plainLabel('Root cause : the cache'), { text: 'Root cause :', label: 'Root cause' });
    assert.deepEqual(plainLabel('A  : b'), { text: 'A  :', label: 'A ' });
  });

  it('zone statement (timeline.ts): same yes/no', () => {
    const OLD =
      /\b(?:(?:all\s+)?(?:times?|timestamps?|clock times?)(?:\s+(?:below|above|here|shown|listed|given|used|quoted|in this (?:document|report|postmortem|timeline|section)))?(?:\s*(?:are|is))?(?:\s+(?:shown|given|listed|expressed|written))?(?:\s+(?:in|as))?|time[\s-]?zone(?:\s+(?:is|used))?)\s*[:=—–-]?\s*(?:the\s+)?$/i;
    const pieces = [
      ...SPACES,
      'All ',
      'time',
      'times',
      'TIME',
      'timestamps',
      'clock times',
      'zone',
      'time zone',
      'time-zone',
      'are',
      'is',
      'shown',
      'in',
      'as',
    ];
    const more = [...pieces, 'below', 'in this report', ':', '=', '—', '-', 'the', 'N', 'UTC', 'x'];
    same(
      more,
      (s) => OLD.test(s),
      (s) => ZONE_STATEMENT.test(s),
    );
    assert.ok(ZONE_STATEMENT.test('All times are shown in '));
    assert.ok(ZONE_STATEMENT.test('Time zone: '));
  });

  it('suppression directives (suppress.ts): every match, its kind and body; the text without them', () => {
    const OLD = /<!--[ \t]*postmortem-(disable-next-line|disable-file|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;
    const directive = shaped(
      ['', 'x', '<!--', '<!-- ', '\n'],
      ['<!--'],
      ['', ' ', '\t', '\n', ' \t'],
      ['postmortem-', 'postmortem'],
      ['disable', 'disable-next-line', 'disable-file', 'enable', 'enabled', 'disable-'],
      ['', ' ', ',', '-->', '\n'],
      ['', 'rule-a', ' -- why', '<!-- postmortem-enable'],
      ['-->', '', '--', '- ->'],
      ['', 'x', ' <!-- postmortem-enable -->', '-->'],
    );
    const pieces = [
      ...SPACES,
      '<!--',
      '-->',
      '--',
      '<',
      '!',
      '-',
      'postmortem-',
      'disable',
      'disable-next-line',
      'disable-file',
      'enable',
      ',',
      'rule-a',
      ' -- why',
      'x',
    ];
    same(
      pieces,
      (s) => allMatches(OLD, s).map((m) => ({ index: m.index, text: m[0], kind: m[1], body: m[2] })),
      directiveMatches,
      directive,
      directive.chain((a) => directive.map((b) => a + b)),
    );
    same(
      pieces,
      (s) => s.replace(OLD, ''),
      withoutDirectives,
      directive,
      directive.chain((a) => directive.map((b) => a + b)),
    );
  });

  it('table delimiter row (suppress.ts): same yes/no on the untrimmed line', () => {
    const OLD = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$/;
    const pieces = [...SPACES, '|', '-', '---', ':', ':-:', 'a'];
    same(
      pieces,
      (s) => OLD.test(s),
      (s) => DELIMITER_ROW.test(s.trim()),
      shaped(
        ['', ' ', '\t'],
        ['', '|'],
        ['', ' '],
        ['', ':'],
        ['-', '---', ''],
        ['', ':'],
        ['', ' ', '\u00a0'],
        ['', '|', '|-', '| --- ', '|:-:|---', '||'],
        ['', ' '],
        ['', '|'],
        ['', ' ', '\t', 'a', '\n'],
      ),
    );
  });

  it('metadata label line (metadata-missing.ts): the label', () => {
    const OLD = /^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /-]{0,30}?)(?:\*\*|__)?[ \t]*(?::|(?:\*\*|__)[ \t]*:)/;
    const pieces = [...SPACES, '#', '##', '#######', '-', '*', '+', '**', '__', '_', 'A', 'Date', 'b', '/', ':', '\x00', 'é'];
    same(
      pieces,
      (s) => OLD.exec(s)?.[1],
      labelLineLabel,
      shaped(
        ['', ' ', '\t'],
        ['', '# ', '## ', '####### ', '#'],
        ['', '- ', '* ', '+ ', '-'],
        ['', '**', '__', '*'],
        ['Date', 'A', 'Incident date', 'a/b-c', 'é', 'A'.repeat(31), 'A'.repeat(32), ''],
        ['', ' ', '  ', '\t', ' x', ' '.repeat(31)],
        ['', '**', '__'],
        ['', ' ', '\t'],
        [':', '**:', '** :', '', '_:'],
      ),
    );
    assert.equal(labelLineLabel('## **Incident date** : x'), 'Incident date');
    assert.equal(labelLineLabel('A' + ' '.repeat(40) + ':'), 'A');
    assert.equal(labelLineLabel('- Owner of the incident review process: x'), undefined);
  });

  it('metadata line shape (metadata-missing.ts): groups 1 to 9, which its fix copies', () => {
    const OLD = /^([ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?)((?:\*\*|__)?)([^*_:\n]+)(:?)((?:\*\*|__)?)(:?)([ \t]*)(.*?)((?:[ \t]{2,}|\\)?)$/;
    const pieces = [...SPACES, '#', '##', '-', '*', '+', '**', '__', '_', 'Date', ':', 'value', '\\', 'x'];
    same(
      pieces,
      (s) => OLD.exec(s)?.slice(1),
      (s) => lineShape(s)?.slice(1),
      shaped(
        ['', ' ', '\t'],
        ['', '# ', '## ', '#'],
        ['', '- ', '* ', '-'],
        ['', '**', '__'],
        ['Date', ' ', 'a b ', '', '\r', '#x'],
        ['', ':'],
        ['', '**', '__'],
        ['', ':'],
        ['', ' ', '\t\t'],
        ['', 'value', 'v*a_l:ue', '\\', '\u2028'],
        ['', ' ', '  ', '\t \t', '\\', ' \\'],
      ),
    );
  });

  it('factor label (review/factors.ts): label and text', () => {
    const OLD = /^\s*(?:\*\*|__)?\s*(?:category\s*:\s*)?([\p{L}][\p{L}&/ -]{1,30}?)\s*(?:\*\*|__)?\s*(?::|\s[—–]\s)(?:\s*(?:\*\*|__))?\s+(\S.*)$/su;
    const oldSplit = (text: string): { label?: string; rest: string } => {
      const m = OLD.exec(text);
      if (!m) return { rest: text };
      const label = m[1].trim();
      if (label.split(/\s+/).length > 3 || /^(?:we|the|our|it|this|that|there|note|root cause|because|why|problem)\b/i.test(label)) return { rest: text };
      return { label, rest: m[2] };
    };
    const pieces = [...SPACES, '**', '__', '*', 'category', 'Category', ':', 'Testing', 'AB', 'x', ' — ', '—', '–', '-', '&', '/', 'we ', 'é', '𝐀', 'text'];
    same(
      pieces,
      oldSplit,
      splitLabel,
      shaped(
        ['', ' ', '\n'],
        ['', '**', '__', '*'],
        ['', ' ', '\t'],
        ['', 'category', 'category :', 'category: ', 'Category:'],
        ['Testing', 'AB', 'x', 'We noticed', 'é𝐀', 'a & b/c-d', 'A'.repeat(31), ''],
        ['', ' ', '  '],
        ['', '**', '__'],
        ['', ' ', '\t'],
        [':', ' — ', '—', ' – ', ' - ', ''],
        ['', '**', ' **'],
        ['', ' ', '  ', '\n'],
        ['', 'the text', '*x', ' ', '\n'],
      ),
    );
    assert.deepEqual(splitLabel('**Testing** —  staging differs'), { label: 'Testing', rest: 'staging differs' });
  });

  it('written category (review/factors.ts): the category, leading or in brackets', () => {
    const LEADING = /^\s*(?:\*\*|__)?\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*(?:\*\*|__)?\s*(?:[:—–]|\s-\s|$)/iu;
    const BRACKETED = /[([]\s*category\s*:\s*([\p{L}][\p{L}&/ -]{0,30}?)\s*[)\]]/iu;
    const pieces = [
      ...SPACES,
      '**',
      '__',
      '*',
      'category',
      'CATEGORY',
      ':',
      'hiring',
      'o&gr',
      'a',
      ' - ',
      '-',
      '—',
      '–',
      '(',
      '[',
      ')',
      ']',
      '/',
      'é',
      '𝐀',
      'x',
    ];
    same(
      pieces,
      (s) => (LEADING.exec(s) ?? BRACKETED.exec(s))?.[1].trim() || undefined,
      explicitCategory,
      shaped(
        ['', ' '],
        ['', '**', '__'],
        ['', ' '],
        ['category', 'Category', 'CATEGORY', 'x'],
        ['', ' '],
        [':', ''],
        ['', ' ', '  '],
        ['hiring', 'o&gr', 'a', 'é', 'A'.repeat(31), 'A'.repeat(32), ''],
        ['', ' ', '  '],
        ['', '**', '__'],
        ['', ' ', '\t'],
        ['', ':', '—', '–', ' - ', '-', 'x'],
        ['', ' ', ' x'],
      ),
      shaped(
        ['', 'x ', '(x'],
        ['(', '['],
        ['', ' '],
        ['category', 'Category'],
        ['', ' '],
        [':'],
        ['', ' '],
        ['capacity', 'o&gr &o', 'a', ''],
        ['', ' ', '  '],
        [')', ']', '', 'x)'],
      ),
    );
    assert.equal(explicitCategory('the queue filled (category: capacity  ) overnight'), 'capacity');
  });

  it('labelled action-item fields (actionItems.ts): every match, its label and value', () => {
    const NAMES =
      'owners?|assignee|assigned to|dri|due(?: date| by| on)?|deadline|target(?: date)?|eta|tickets?|tracking|issue|jira|type|kind|category|priority|prio|status|state';
    const OLD = new RegExp(
      `(?<![\\p{L}])(${NAMES})(?:\\s*[:=]\\s*|\\s+(?=\\d{4}-\\d{2}-\\d{2}))([^,;()\\n|—–]{0,300}?)(?=\\s*(?:[,;)\\n|—–]|\\.\\s|\\.$|$)|\\s*(?<=[\\s:])(?:${NAMES})\\s*:)`,
      'giu',
    );
    const labels = [
      'owner',
      'Owners',
      'assigned to',
      'due',
      'due date',
      'Due by',
      'eta',
      'target date',
      'ticket',
      'type',
      'ſtatus',
      'prio',
      'priority',
      'state',
    ];
    const pieces = [...SPACES, ...labels, ':', '=', ' ', '2026-03-02', '@kim', '.', ',', ';', '(', ')', '|', '—', '–', 'x', 'é', '𝐀', 'fix the cache'];
    const field = shaped(
      ['', 'Fix it ', 'beta', '(', 'x:'],
      labels,
      ['', ' ', '  ', '\n', '\t'],
      [':', '=', '', ': ', ' : '],
      ['', ' ', '\n '],
      ['', '@kim', '2026-03-02', 'a b', 'x.', '𝐀', 'v'.repeat(299), 'v'.repeat(301)],
      ['', ' ', '  '],
      ['', ',', '.', '. ', ';', ')', '(', '—', ' owner:', ' type :', ' due 2026-01-01', 'x'],
    );
    same(
      pieces,
      (s) => allMatches(OLD, s).map((m) => ({ index: m.index, text: m[0], label: m[1], value: m[2] })),
      labelledFields,
      field,
      field.chain((a) => field.map((b) => a + b)),
      fc
        .tuple(fc.constantFrom(...labels), fc.constantFrom('=:', ': ', ':\t', '= '), fc.integer({ min: 1, max: 80 }), fc.constantFrom('(', '', '.', ' x'))
        .map(([l, sep, n, end]) => 's' + `${l}${sep}`.repeat(n) + end),
    );
    assert.deepEqual(labelledFields('Fix the cache (owner: @kim, due 2026-03-02)'), [
      { index: 15, text: 'owner: @kim', label: 'owner', value: '@kim' },
      { index: 28, text: 'due 2026-03-02', label: 'due', value: '2026-03-02' },
    ]);
  });
});
