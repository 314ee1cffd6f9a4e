/**
 * The incremental path must be invisible: after any sequence of edits, analyze() with the warm
 * per-document ParseCache returns exactly what analyze() from scratch returns — model, findings,
 * fixes, errors — and its pieces (prose by blocks, sections by sweep) equal what they replace.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { postmortem } from '../../bench/corpus';
import { analyze, ParseCache, type AnalyzeOptions } from '../../core';
import { sectionAt, sectionsAt } from '../../core/extract/sections';
import { peopleByBlocks, proseByBlocks } from '../../core/engine/incremental';
import { buildPeopleIndex } from '../../core/language/people';
import { LineIndex } from '../../core/engine/lineIndex';
import { buildModel } from '../../core/engine/model';
import { parseBlocks, splitBlocks, WHOLE_PARSE_MAX } from '../../core/engine/parse';
import { buildProse } from '../../core/engine/prose';
import type { Section } from '../../core/types';

const OPTIONS: AnalyzeOptions = { today: '2024-12-01' };

/** Text an editor could type: words that move findings, markup that moves blocks and sections. */
const SNIPPETS = [
  'x',
  ' ',
  '\n',
  '\n\n',
  'Lars failed to check the config. ',
  'Obviously the on-call engineer should have noticed it sooner. ',
  'The root cause was human error. ',
  'Desmond said he would look. ',
  'Mabel, the experiment scheduler, retried. ',
  '@ovarga ',
  'Remy merged the change that caused it. ',
  '\n## What went well\n\n',
  '\n## Root causes\n\n',
  '\n### Day 9\n\n',
  '\n# Postmortem: another title\n\n',
  '```\n',
  '~~~\n',
  '<!--',
  '-->',
  '\n---\n',
  '| 10:00 | The deploy started | log |\n',
  '> quoted: they were careless\n',
  '"careless" ',
  '<!-- postmortem-disable blame-language -->\n',
  '- [ ] Add an alert | @lholm | 2024-05-01\n',
  'Quillon ignored the warning and pushed anyway. ',
  'Quillon said he would look. ',
  'Lars, the deploy scheduler, retried. ',
  '[INCIDENT TITLE] ',
  'TODO: fill in ',
  'XXX ',
  '\nTBD\n\n',
  'at HH:MM on YYYY-MM-DD ',
  '`[code]` ',
  '<service name> ',
  'N% of users ',
  // What makes cutting small documents unsafe: definitions and HTML blocks.
  '[runbook]: https://runbooks.example.invalid/checkout\n',
  'See the [runbook] and the note.[^1] ',
  '\n[^1]: Written after the review.\n',
  '\n<div>\n',
  '\n<pre>\n',
  '</pre>\n',
  '<details><summary>Logs</summary>\n',
  // Timeline state that flows from one block into the next: dates, day markers, zones, table headers.
  '\n### 15 March\n\n',
  '\n### 2024-06-16\n\n',
  '- 2024-06-17\n',
  '\nNext day\n\n',
  '\nAll times are CEST.\n\n',
  '\n| Time (PDT) | Event | Source |\n| --- | --- | --- |\n',
  '- 09:14 Alerts fired\n',
  '\n## Timeline (UTC)\n\n',
  '> Times below in EST\n',
  'around 10:30 ',
];

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; len: number } | { kind: 'retitle'; which: number; text: string };

const edit: fc.Arbitrary<Edit> = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...SNIPPETS) })
        .map((e) => ({ ...e, at: e.at })),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.integer({ min: 1, max: 40 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('retitle' as const),
        which: fc.nat(),
        text: fc.constantFrom('What went well', 'Root causes', 'Timeline', 'Notes', 'Action items', 'Five whys', 'Where we got lucky'),
      }),
    },
  )
  .map((e) => e as Edit);

function apply(text: string, e: Edit): string {
  if (e.kind === 'retitle') {
    // Mostly level-2 headings: retitling one changes the kinds of every subsection under it.
    const heads = [...text.matchAll(e.which % 3 ? /^(##) (.*)$/gm : /^(###) (.*)$/gm)];
    if (!heads.length) return text;
    const h = heads[e.which % heads.length];
    const start = h.index! + h[1].length + 1;
    return text.slice(0, start) + e.text + text.slice(start + h[2].length);
  }
  const at = Math.floor((e.at as number) * text.length);
  if (e.kind === 'insert') return text.slice(0, at) + e.text + text.slice(at);
  return text.slice(0, at) + text.slice(Math.min(text.length, at + e.len));
}

function sameResult(text: string, cache: ParseCache): void {
  const warm = analyze(text, OPTIONS, cache);
  const cold = analyze(text, OPTIONS);
  assert.deepStrictEqual(warm.findings, cold.findings);
  assert.deepStrictEqual(warm.model, cold.model);
  assert.deepStrictEqual(warm.internalErrors, cold.internalErrors);
  assert.equal(warm.skipped, cold.skipped);
}

describe('incremental analysis', () => {
  it('the generated documents are cut into blocks and have findings of sentence-scoped rules', () => {
    const text = postmortem(3, 24_000);
    assert.ok(text.length > WHOLE_PARSE_MAX);
    assert.ok(parseBlocks(text).blocks.length > 10);
    const rules = new Set(analyze(text, OPTIONS).findings.map((f) => f.rule));
    for (const r of ['blame-language', 'hindsight-bias', 'person-as-cause']) assert.ok(rules.has(r), r);
    const withPlaceholders = text.replace('## Impact\n\n', '## Impact\n\n[INCIDENT TITLE] affected N% of users. TODO: more.\n\n');
    assert.ok(analyze(withPlaceholders, OPTIONS).findings.some((f) => f.rule === 'placeholder-text'));
  });

  it('analyze with a warm cache equals analyze from scratch after random edits (findings and model)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (seed, edits) => {
        let text = postmortem(seed, 20_000);
        const cache = new ParseCache();
        analyze(text, OPTIONS, cache);
        for (const e of edits) {
          text = apply(text, e);
          sameResult(text, cache);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('small documents (one block) stay equal too', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
        let text = postmortem(seed);
        const cache = new ParseCache();
        analyze(text, OPTIONS, cache);
        for (const e of edits) {
          text = apply(text, e);
          sameResult(text, cache);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('cuts a small document for the cache only where the tree cannot change', () => {
    const base = postmortem(21);
    assert.ok(base.length < WHOLE_PARSE_MAX);
    assert.ok(parseBlocks(base, new ParseCache()).blocks.length > 5, 'a small document is cut for the cache');
    assert.equal(parseBlocks(base).blocks.length, 1, 'and parsed whole without one');
    const unsafe = [
      // A definition in one section, used in another.
      base
        .replace('## Summary\n\n', '## Summary\n\nSee the [runbook].\n\n')
        .replace('## Lessons learned\n', '[runbook]: https://runbooks.example.invalid/x\n\n## Lessons learned\n'),
      // A heading line inside an HTML block is HTML.
      base.replace('## Impact\n', '<pre>\n## Impact\n</pre>\n'),
      base.replace('## Impact\n', '<div>\n## Impact\n'),
    ];
    for (const text of unsafe) {
      assert.equal(parseBlocks(text, new ParseCache()).blocks.length, 1);
      const cache = new ParseCache();
      analyze(base, OPTIONS, cache);
      sameResult(text, cache);
    }
  });

  it('re-parses only the edited block and reuses the rest', () => {
    const text = postmortem(11, 60_000);
    const cache = new ParseCache();
    analyze(text, OPTIONS, cache);
    const blocks = parseBlocks(text).blocks.length;
    const at = text.indexOf(' ', text.indexOf('### Finding 2') + 30);
    cache.hits = 0;
    cache.misses = 0;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    analyze(edited, OPTIONS, cache);
    assert.equal(cache.misses, 1);
    assert.equal(cache.hits, blocks - 1);
    sameResult(edited, cache);
  });

  // Each dependency of a sentence-scoped rule on something outside its block, changed on purpose.
  const scenarios: Array<[string, (text: string) => string]> = [
    ['an ancestor heading changes kind', (t) => t.replace('## What went poorly', '## What went well')],
    ['a heading above is removed', (t) => t.replace('\n## What went poorly\n', '\n')],
    ['a name becomes a person by evidence elsewhere', (t) => t.replace('## Lessons learned\n\n', '## Lessons learned\n\nQuillon said he would look into it. ')],
    [
      'a name becomes a service by an appositive elsewhere',
      (t) => t.replace('## Lessons learned\n\n', '## Lessons learned\n\nTomasz, the deploy scheduler, retried the job. '),
    ],
    ['the metadata changes', (t) => t.replace(/^severity: .*$/m, 'severity: SEV-4')],
  ];
  // Each input a reused timeline node depends on, changed in another block.
  const timelineScenarios: Array<[string, (text: string) => string]> = [
    ['the date line in the parent timeline section changes', (t) => t.replace('\n16 June\n', '\n17 June\n')],
    ['the date line in the parent timeline section goes', (t) => t.replace('\n16 June\n', '\n')],
    ['the incident date (the year of dates written without one) changes', (t) => t.replace(/^date: 2024-/m, 'date: 2023-')],
    ['the timeline heading names a zone', (t) => t.replace('## Timeline\n', '## Timeline (CET)\n').replace('All times UTC.\n', '')],
    ['the timeline section is renamed', (t) => t.replace('## Timeline\n', '## Chronology of notes\n')],
  ];
  for (const [name, change] of timelineScenarios) {
    it(`reuses no stale timeline entry when ${name}`, () => {
      // "16 June" in the parent section dates the entries of "### Day 1" (a block of its own) below it.
      const base = postmortem(5, 30_000).replace('All times UTC.\n', 'All times UTC.\n\n16 June\n');
      const changed = change(base);
      assert.notEqual(changed, base);
      const entries = (t: string) =>
        JSON.stringify(
          analyze(t, OPTIONS).model.timelines.map((x) => [x.zone, x.entries.filter((e) => e.span.start > t.indexOf('### Day 1')).map((e) => [e.date, e.day])]),
        );
      assert.notEqual(entries(changed), entries(base), `the scenario "${name}" changes no entry after the edit`);
      const cache = new ParseCache();
      analyze(base, OPTIONS, cache);
      sameResult(changed, cache);
    });
  }
  for (const [name, change] of scenarios) {
    it(`reuses nothing stale when ${name}`, () => {
      // "Quillon" is nobody's name until the document says so ("pushed" is no predicate only people have,
      // unlike "ignored", which would make it a person at once); "Tomasz" is a person until it says otherwise.
      const base = postmortem(5, 30_000).replace(
        /(### Finding 2\n\n)/,
        '$1Quillon pushed the change anyway. Tomasz ignored the alert and pushed anyway. Odile ignored the warning and pushed anyway. ',
      );
      const changed = change(base);
      assert.notEqual(changed, base);
      const before = analyze(base, OPTIONS).findings;
      const after = analyze(changed, OPTIONS).findings;
      const key = (fs: typeof before) =>
        fs
          .filter((f) => f.start > base.indexOf('### Finding 2'))
          .map((f) => `${f.rule}:${f.message}`)
          .join('\n');
      const cache = new ParseCache();
      analyze(base, OPTIONS, cache);
      sameResult(changed, cache);
      // The scenario matters: a rule's findings outside the edited block differ.
      if (!name.startsWith('the metadata')) assert.notEqual(key(after), key(before), `the scenario "${name}" changes no finding`);
    });
  }

  it('a change of options reuses nothing from the other options', () => {
    const text = postmortem(8, 30_000);
    const cache = new ParseCache();
    analyze(text, OPTIONS, cache);
    const other: AnalyzeOptions = { ...OPTIONS, people: { notPeople: ['Lars', 'Odile', 'Priya', 'Mei', 'Tomasz', 'Ines', 'Kwame', 'Rafael'] } };
    assert.deepStrictEqual(analyze(text, other, cache).findings, analyze(text, other).findings);
    assert.notDeepEqual(analyze(text, other).findings, analyze(text, OPTIONS).findings);
  });

  it('cuts CRLF and CR documents where it cuts the LF one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { maxLength: 4 }), fc.constantFrom('\r\n', '\r'), (seed, edits, eol) => {
        let text = postmortem(seed, 20_000);
        for (const e of edits) text = apply(text, e);
        const other = text.replace(/\n/g, eol);
        const cut = (t: string) => splitBlocks(t).map((b) => ({ line: b.line, head: t.slice(b.start, b.end).split(/\r\n?|\n/)[0] }));
        assert.deepStrictEqual(cut(other), cut(text));
        assert.deepStrictEqual(
          analyze(other, OPTIONS, new ParseCache()).model.sections.map((x) => x.title.replace(/\r\n?/g, '\n')),
          analyze(text, OPTIONS).model.sections.map((x) => x.title),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('LineIndex finds the same line starts as a plain scan (LF, CRLF, CR)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é', '\u2028'), { maxLength: 60 }), (xs) => {
        const text = xs.join('');
        const starts = [0];
        for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
        assert.deepStrictEqual(new LineIndex(text).lineStarts, starts);
      }),
      { numRuns: 1000 },
    );
  });

  /** A generated 20 KB postmortem after a few random edits, parsed in blocks, with its model. */
  const editedDocument = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.array(edit, { maxLength: 5 })).map(([seed, edits]) => {
    let text = postmortem(seed, 20_000);
    for (const e of edits) text = apply(text, e);
    const { tree, blocks } = parseBlocks(text);
    return { text, tree, blocks, model: buildModel(text, tree, new LineIndex(text)) };
  });

  it('prose assembled block by block equals buildProse over the whole tree', () => {
    fc.assert(
      fc.property(editedDocument, ({ text, tree, blocks, model }) => {
        const whole = buildProse(text, tree, model).sentences;
        const byBlocks = proseByBlocks(text, blocks, model).sentences;
        const plain = (ss: typeof whole) => ss.map((s) => ({ ...s, offsetAt: Array.from({ length: s.text.length + 1 }, (_, i) => s.offsetAt(i)) }));
        assert.deepStrictEqual(plain(byBlocks), plain(whole));
      }),
      { numRuns: 10 },
    );
  });

  it('the people index read block by block equals the one read from the whole text', () => {
    fc.assert(
      fc.property(editedDocument, ({ text, blocks, model }) => {
        const prose = proseByBlocks(text, blocks, model);
        const whole = buildPeopleIndex(text, model, prose, OPTIONS);
        const parts = buildPeopleIndex(text, model, prose, OPTIONS, peopleByBlocks(text, blocks, prose));
        const sorted = (x: Set<string>) => [...x].sort();
        assert.deepStrictEqual(sorted(parts.roster), sorted(whole.roster));
        assert.deepStrictEqual(sorted(parts.notPeople), sorted(whole.notPeople));
        const words = [...new Set(text.match(/@?\p{Lu}[\p{L}-]+/gu) ?? [])];
        assert.deepStrictEqual(
          words.filter((w) => parts.isPerson(w)),
          words.filter((w) => whole.isPerson(w)),
        );
      }),
      { numRuns: 10 },
    );
  });

  it('sectionsAt answers what sectionAt answers, offset by offset', () => {
    const section = fc.record({ a: fc.nat(200), len: fc.nat(80), body: fc.nat(300), parent: fc.integer({ min: -1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 12 }), fc.array(fc.nat(400), { maxLength: 40 }), fc.boolean(), (raw, offsets, sorted) => {
        const sections = raw
          .sort((x, y) => x.a - y.a)
          .map(
            (r, i) =>
              ({
                title: `s${i}`,
                depth: 2,
                heading: { start: r.a, end: r.a + r.len },
                body: { start: r.a + r.len, end: r.a + r.len + r.body },
                hasContent: true,
                parent: Math.min(r.parent, i - 1),
              }) as Section,
          );
        const os = sorted ? [...offsets].sort((x, y) => x - y) : offsets;
        assert.deepStrictEqual(
          sectionsAt(sections, os),
          os.map((o) => sectionAt(sections, o)),
        );
      }),
      { numRuns: 500 },
    );
  });
});
