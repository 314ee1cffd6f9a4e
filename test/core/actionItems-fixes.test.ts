/**
 * Action-item quick-fixes as data: applying a fix (with its snippet placeholders as an editor first
 * shows them) changes only the item's own range (its bullet, or its table for a new column), keeps
 * tables valid and aligned, and is right or still flagged: as first shown, a placeholder the fix wrote
 * keeps the line flagged; once the placeholder is replaced by a real value, the finding is gone.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, LineIndex, type Finding, type Fix, type PostmortemModel } from '../../core';
import { resolveSnippet } from '../../core/rules/actionItemCommon';
import { WRITTEN_PLACEHOLDERS } from '../../core/data/placeholders';
import { applyFix } from '../helpers/edits';

const TODAY = '2026-11-23';
const fixturesRoot = join(__dirname, '..', 'fixtures', 'rules');

/** What an author types over the placeholders the fixes write. */
function filledIn(s: string): string {
  return resolveSnippet(s)
    .replace(WRITTEN_PLACEHOLDERS.owner, '@kim')
    .replace(WRITTEN_PLACEHOLDERS.due, '2026-12-01')
    .replace(WRITTEN_PLACEHOLDERS.ticket, 'OPS-4');
}

function apply(text: string, fix: Fix, resolve: (s: string) => string = resolveSnippet): string {
  return applyFix(text, fix, resolve);
}

/** Pipe columns of each line of a table (escaped pipes and pipes in code spans left out). */
function pipeColumns(line: string): string {
  const cols: number[] = [];
  let code = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '`') code = !code;
    else if (line[i] === '\\') i++;
    else if (line[i] === '|' && !code) cols.push(i);
  }
  return cols.join(',');
}

function tableLines(text: string, model: PostmortemModel, index: number): string[] {
  const t = model.actionItemTables[index];
  return text.slice(t.span.start, t.span.end).split(/\r?\n/);
}

function isAligned(lines: string[]): boolean {
  return lines.every((l) => pipeColumns(l) === pipeColumns(lines[0]));
}

/** The range a finding's fix may touch: the bullet, or the whole table of a row. */
function allowedRange(model: PostmortemModel, f: Finding): { start: number; end: number } {
  const item = model.actionItems.find((i) => i.span.start === f.start)!;
  if (item.form === 'table') return model.actionItemTables[item.table!].span;
  return { start: item.span.start, end: item.contentEnd ?? item.span.end };
}

describe('action-item fixes', () => {
  describe('every fix of every fixture finding', () => {
    const dirs = readdirSync(fixturesRoot).filter((d) => d.startsWith('action-item-'));
    for (const dir of dirs) {
      for (const file of readdirSync(join(fixturesRoot, dir)).filter((f) => f.endsWith('.md'))) {
        const path = join(fixturesRoot, dir, file);
        it(`${dir}/${file}`, () => {
          const text = readFileSync(path, 'utf8');
          const before = analyze(text, { today: TODAY });
          const lines = new LineIndex(text);
          let checked = 0;
          for (const f of before.findings.filter((x) => x.rule.startsWith('action-item-') && x.fixes?.length)) {
            const item = before.model.actionItems.find((i) => i.span.start === f.start);
            assert.ok(item, `${f.rule} sits on an item's row or bullet`);
            const range = allowedRange(before.model, f);
            for (const fix of f.fixes!) {
              for (const e of fix.edits) {
                assert.ok(e.start >= range.start && e.end <= range.end, `${f.rule}: "${fix.title}" edits only its item or table`);
                assert.ok(!/\n/.test(e.newText), 'no line breaks inserted');
              }
              const line = lines.position(f.start).line;
              const onLine = (t: string, rule: string) =>
                analyze(t, { today: TODAY }).findings.filter((x) => x.rule === rule && new LineIndex(t).position(x.start).line === line);
              // As the editor first shows it: a placeholder the fix wrote is still flagged.
              const shown = apply(text, fix);
              const wrote = Object.values(WRITTEN_PLACEHOLDERS).filter((p) => fix.edits.some((e) => e.newText.includes(p)));
              if (wrote.length) {
                assert.ok(
                  onLine(shown, f.rule).length + onLine(shown, 'placeholder-text').length > 0,
                  `after "${fix.title}" on line ${line + 1}, the placeholder ${wrote.join(', ')} is still flagged`,
                );
              }
              // Filled in: the finding is gone.
              const fixed = apply(text, fix, filledIn);
              const after = analyze(fixed, { today: TODAY });
              assert.deepEqual(
                onLine(fixed, f.rule).map((x) => x.message),
                [],
                `after "${fix.title}" filled in on line ${line + 1}, ${f.rule} is gone`,
              );
              // The item is still one item (the table keeps its rows; the bullet stays a bullet).
              assert.equal(after.model.actionItems.length, before.model.actionItems.length, 'same number of items');
              if (item!.form === 'table') {
                const ti = item!.table!;
                const beforeLines = tableLines(text, before.model, ti);
                const afterLines = tableLines(fixed, after.model, ti);
                assert.equal(afterLines.length, beforeLines.length, 'the table keeps its lines');
                if (isAligned(beforeLines)) assert.ok(isAligned(afterLines), `aligned table stays aligned:\n${afterLines.join('\n')}`);
                const cells = (l: string) => pipeColumns(l).split(',').length;
                assert.ok(
                  afterLines.every((l) => cells(l) === cells(afterLines[0])),
                  `every line has the same cells:\n${afterLines.join('\n')}`,
                );
              }
              checked++;
            }
          }
          if (/flagged/.test(file) && !/due-window|overdue/.test(dir)) assert.ok(checked > 0, 'the fixture has fixable findings');
        });
      }
    }
  });

  describe('before and after', () => {
    function fixOf(doc: string, rule: string, line: number, options = {}): string {
      const res = analyze(doc, { today: TODAY, ...options });
      const lines = new LineIndex(doc);
      const f = res.findings.find((x) => x.rule === rule && lines.position(x.start).line + 1 === line);
      assert.ok(f?.fixes?.length, `${rule} on line ${line} has a fix`);
      return apply(doc, f!.fixes![0]);
    }
    const head = '---\ndate: 2026-03-02\nseverity: SEV-2\n---\n# Cache outage\n## Action items\n';

    it('adds a column to an aligned table, padded in every line', () => {
      const doc =
        head + '| Action          | Due        |\n|-----------------|------------|\n| Pin the driver  | 2026-03-09 |\n| Cap the pool    | 2026-03-12 |\n';
      const out = fixOf(doc, 'action-item-owner-missing', 9);
      assert.equal(
        out.slice(head.length),
        '| Action          | Due        | Owner  |\n|-----------------|------------|--------|\n| Pin the driver  | 2026-03-09 | @owner |\n| Cap the pool    | 2026-03-12 | @owner |\n',
      );
    });

    it('adds a column to a table written without outer pipes', () => {
      const doc = head + 'Action | Owner\n--- | ---\nPin the driver | @kim\n';
      const out = fixOf(doc, 'action-item-due-missing', 9);
      assert.equal(out.slice(head.length), 'Action | Owner | Due |\n--- | --- | --- |\nPin the driver | @kim | YYYY-MM-DD |\n');
    });

    it('fills an empty cell inside its padding', () => {
      const doc = head + '| Action         | Owner  | Ticket     |\n| -------------- | ------ | ---------- |\n| Pin the driver | @kim   |            |\n';
      const out = fixOf(doc, 'action-item-ticket-missing', 9);
      assert.equal(out.slice(head.length).split('\n')[2], '| Pin the driver | @kim   | [ticket]   |');
    });

    it('widens the column in every line when the placeholder does not fit', () => {
      const doc = head + '| Action         | Type |\n| -------------- | ---- |\n| Pin the driver |      |\n| Cap the pool   | prevent |\n';
      // Not aligned (the last row is wider): the cell is filled without padding.
      assert.equal(fixOf(doc, 'action-item-type-missing', 9).slice(head.length).split('\n')[2], '| Pin the driver | prevent |');
      const aligned = head + '| Action         | Type |\n| -------------- | ---- |\n| Pin the driver |      |\n';
      assert.equal(
        fixOf(aligned, 'action-item-type-missing', 9).slice(head.length),
        '| Action         | Type    |\n| -------------- | ------- |\n| Pin the driver | prevent |\n',
      );
    });

    it('appends to a bullet in its own style', () => {
      const cases: Array<[string, string, string]> = [
        [
          '- Pin the driver (owner: @kim, OPS-1, type: prevent)',
          'action-item-due-missing',
          '- Pin the driver (owner: @kim, OPS-1, type: prevent, due: YYYY-MM-DD)',
        ],
        ['- Pin the driver — @kim — OPS-1 — prevent', 'action-item-due-missing', '- Pin the driver — @kim — OPS-1 — prevent — due: YYYY-MM-DD'],
        ['- Pin the driver. Owner: @kim. Due: 2026-03-09.', 'action-item-ticket-missing', '- Pin the driver. Owner: @kim. Due: 2026-03-09. Ticket: [ticket].'],
        ['- Pin the driver <!-- keep -->', 'action-item-owner-missing', '- Pin the driver (owner: @owner) <!-- keep -->'],
        ['- Pin the driver. Owner: Due: 2026-03-09.', 'action-item-owner-missing', '- Pin the driver. Owner: @owner Due: 2026-03-09.'],
        ['- Pin the driver (owner: @kim, due soon)', 'action-item-due-missing', '- Pin the driver (owner: @kim, due YYYY-MM-DD)'],
      ];
      for (const [bullet, rule, expected] of cases) assert.equal(fixOf(head + bullet + '\n', rule, 7).slice(head.length), expected + '\n', bullet);
    });

    it('offers the catalogue types as a snippet choice', () => {
      const doc = head + '- Pin the driver (owner: @kim, due 2026-03-09, OPS-1)\n';
      const f = analyze(doc, { today: TODAY }).findings.find((x) => x.rule === 'action-item-type-missing')!;
      assert.equal(f.fixes![0].snippet, true);
      assert.match(f.fixes![0].edits[0].newText, /\$\{1\|prevent,detect,mitigate,process,document\|\}/);
    });

    it('rewrites a vague item as a SMART template that keeps its words', () => {
      const out = fixOf(head + '| Action | Owner |\n|---|---|\n| Improve cache monitoring | @kim |\n', 'action-item-vague', 9);
      assert.match(out, /\| Improve cache monitoring: the concrete change, done when a measurable check passes \| @kim \|/);
      const ex = fixOf(head + '- Be more careful with cache flushes\n', 'action-item-vague', 7);
      assert.match(ex, /replacing "Be more careful with cache flushes"/);
    });

    it('writes a date placeholder when there is no date to start from, and never a past date', () => {
      const doc = '# Cache outage\n## Action items\n- Pin the driver (owner: @kim, OPS-1, type: prevent)\n';
      const f = analyze(doc, {}).findings.find((x) => x.rule === 'action-item-due-missing');
      assert.equal(f!.fixes![0].edits[0].newText, ', due: ${1:YYYY-MM-DD}');
      assert.equal(f!.fixes![0].title, 'Add a due date');
      // The window's end is offered as a choice only while it is ahead.
      const dated = head + '- Pin the driver (owner: @kim, OPS-1, type: prevent)\n';
      const early = analyze(dated, { today: '2026-03-10' }).findings.find((x) => x.rule === 'action-item-due-missing')!;
      assert.match(early.fixes![0].edits[0].newText, /\$\{1\|YYYY-MM-DD,2026-03-30\|\}/);
      const late = analyze(dated, { today: TODAY }).findings.find((x) => x.rule === 'action-item-due-missing')!;
      assert.doesNotMatch(late.fixes![0].edits[0].newText, /\d{4}-\d{2}-\d{2}/);
    });

    it('offers the owners the roster and the document name, after the placeholder, and titles its fixes in English', () => {
      const doc =
        head + '- Pin the driver (due: 2026-03-20, OPS-1, type: prevent)\n- Cap the pool (owner: Priya Raman, due: 2026-03-20, OPS-2, type: prevent)\n';
      const f = analyze(doc, { today: TODAY, people: { roster: [{ name: 'Kim Lee' }] } }).findings.find((x) => x.rule === 'action-item-owner-missing')!;
      assert.equal(f.fixes![0].title, 'Add an owner');
      assert.match(f.fixes![0].edits[0].newText, /\$\{1\|@owner,Kim Lee,Priya Raman\|\}/);
      const none = analyze(head + '- Pin the driver (due: 2026-03-20, OPS-1, type: prevent)\n', { today: TODAY }).findings.find(
        (x) => x.rule === 'action-item-owner-missing',
      )!;
      assert.match(none.fixes![0].edits[0].newText, /\$\{1:@owner\}/);
    });
  });
});
