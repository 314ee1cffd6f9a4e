/** The timeline extractor: times, dates, zones, hedges and relative times in tables, lists and lines. */
import { strict as assert } from 'node:assert';
import { analyze, type TimelineEntry } from '../../core';
import { matchRelative, matchTime } from '../../core/extract/timeline';
import { compareKeys, orderKeys } from '../../core/rules/timeline-order';
import { applyEdits } from '../helpers/edits';

function entries(text: string): TimelineEntry[] {
  return analyze(text).model.timelines.flatMap((t) => t.entries);
}

const hm = (e: TimelineEntry) => (e.time ? `${String(e.time.hour).padStart(2, '0')}:${String(e.time.minute).padStart(2, '0')}` : '-');

describe('timeline extractor', () => {
  describe('matchTime', () => {
    const cases: Array<[string, Partial<{ hm: string; date: string; zone: string; vague: string; monthDay: string }>]> = [
      ['14:02 Deploy starts', { hm: '14:02' }],
      ['2:05 pm deploy', { hm: '14:05' }],
      ['12 AM cron fires', { hm: '00:00' }],
      ['2026-03-15 14:02 UTC — x', { hm: '14:02', date: '2026-03-15', zone: 'UTC' }],
      ['2026-03-15T14:02Z x', { hm: '14:02', date: '2026-03-15', zone: 'UTC' }],
      ['18 Feb 06:55 — x', { hm: '06:55', date: '2025-02-18' }],
      ['Tue, March 3 09:10 x', { hm: '09:10', date: '2025-03-03' }],
      ['**00:03 UTC (Oct 30)** - rolled back', { hm: '00:03', date: '2025-10-30', zone: 'UTC' }],
      ['10:05 UTC+2 analyst notices', { hm: '10:05', zone: 'UTC+2' }],
      ['10:40 CEST form restored', { hm: '10:40', zone: 'CEST' }],
      ['~10:30 — x', { hm: '10:30', vague: '~' }],
      ['around 3 PM alerts start', { hm: '15:00', vague: 'around' }],
      ['14:00-ish the team', { hm: '14:00', vague: '-ish' }],
      ['14:00 (approx.) x', { hm: '14:00', vague: '(approx.)' }],
      ['14:31–14:40 UTC workers scaled back', { hm: '14:31', zone: 'UTC' }],
      ['[14:20 UTC] queue age alert', { hm: '14:20', zone: 'UTC' }],
      ['**Mar 3, 14:05:33 UTC** workers at 0', { hm: '14:05', date: '2025-03-03', zone: 'UTC' }],
    ];
    for (const [s, want] of cases) {
      it(s, () => {
        const m = matchTime(s, 2025);
        assert.ok(m?.time, 'a time');
        const got = {
          hm: `${String(m.time.hour).padStart(2, '0')}:${String(m.time.minute).padStart(2, '0')}`,
          date: m.date,
          zone: m.zone,
          vague: m.vague,
        };
        for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof typeof got], v, k);
      });
    }
    it('reads a date alone, and a month and day without a known year', () => {
      assert.deepEqual([matchTime('2026-07-22 Grant removed')?.date, matchTime('2026-07-22')?.time], ['2026-07-22', undefined]);
      assert.equal(matchTime('3 March 10:00 x')?.monthDay, '03-03');
    });
    it('does not take numbers, versions or durations for times', () => {
      for (const s of ['3.5 hours later', '25:10 is not a time', '13 PM', 'v2.4.1 rolled out', '1,200 users', 'Et cetera 10:00']) {
        assert.equal(matchTime(s)?.time, undefined, s);
      }
    });
  });

  describe('matchRelative', () => {
    for (const s of [
      'about 20 minutes later',
      'an hour or so later — x',
      'later that day',
      'later that evening the cap',
      'the next morning',
      'a few minutes later',
      '~lunchtime',
      'shortly after',
      'Later, the team',
    ]) {
      it(`reads "${s}"`, () => assert.ok(matchRelative(s)?.relative));
    }
    for (const s of ['Latency rose', 'Later releases fixed it in 2024', 'In the last 30 minutes', 'Afternoon traffic was normal', 'Between 10:00 and 10:20']) {
      it(`leaves "${s}" alone`, () => assert.equal(matchRelative(s), undefined));
    }
  });

  describe('entries', () => {
    it('reads a table by its time column, with the event and source columns', () => {
      const es = entries(
        '## Timeline\n\n| Source | When | What happened |\n|---|---|---|\n| deploy log | 09:00 | Rollout. |\n| later that day | 10:00 | Not a time column. |\n',
      );
      assert.deepEqual(
        es.map((e) => [hm(e), e.text, e.source]),
        [
          ['09:00', 'Rollout.', 'deploy log'],
          ['10:00', 'Not a time column.', 'later that day'],
        ],
      );
    });
    it('reads relative times in a table time column as entries without a time', () => {
      const es = entries('## Timeline\n\n| Time | Event |\n|---|---|\n| 09:00 | A |\n| about 20 minutes later | B |\n| 09:40 | C |\n');
      assert.deepEqual(
        es.map((e) => [hm(e), e.relative ?? '', e.text]),
        [
          ['09:00', '', 'A'],
          ['-', 'about 20 minutes later', 'B'],
          ['09:40', '', 'C'],
        ],
      );
    });
    it('reads list items and nested items, with dates from standalone date items and date headings', () => {
      const es = entries('## Timeline\n\n### 14 March 2026\n\n- 23:50 A\n\n### 15 March 2026\n\n- 00:10 B\n- 2026-03-16\n  - 08:00 C\n');
      assert.deepEqual(
        es.map((e) => [hm(e), e.date, e.text]),
        [
          ['23:50', '2026-03-14', 'A'],
          ['00:10', '2026-03-15', 'B'],
          ['08:00', '2026-03-16', 'C'],
        ],
      );
    });
    it('reads lines of a paragraph that start with a time, and numbers days from "Day 2" markers', () => {
      const es = entries('## Timeline\n\n**Day 1**\n\n**22:00** A\n**23:10** B\n\nDay 2\n\n**01:00** C\n');
      assert.deepEqual(
        es.map((e) => [hm(e), e.day]),
        [
          ['22:00', 0],
          ['23:10', 0],
          ['01:00', 1],
        ],
      );
    });
    it('takes the year of the incident date for dates without one', () => {
      const es = entries('---\ndate: 2026-02-18\n---\n\n## Timeline\n\n- 18 Feb 06:55 — A\n');
      assert.equal(es[0].date, '2026-02-18');
    });
    it('prefers a time column over a date column and dates each row from the date column', () => {
      const es = entries('## Timeline\n\n| Date | Time (UTC) | Event |\n|---|---|---|\n| 2026-03-01 | 23:50 | A |\n| 2026-03-02 | 00:10 | B |\n');
      assert.deepEqual(
        es.map((e) => [hm(e), e.date, e.text]),
        [
          ['23:50', '2026-03-01', 'A'],
          ['00:10', '2026-03-02', 'B'],
        ],
      );
    });
    it('ignores lists and tables outside timeline sections', () => {
      assert.deepEqual(entries('## Impact\n\n- 10:00 to 11:00: checkout down\n'), []);
    });
  });

  describe('zones', () => {
    const zone = (text: string) => analyze(text).model.timelines[0]?.zone;
    it('reads the zone of the heading, the time column header and an "All times" line', () => {
      assert.equal(zone('## Timeline (UTC)\n\n- 10:00 A\n'), 'UTC');
      assert.equal(zone('## Timeline\n\n| Time (CET) | Event |\n|---|---|\n| 10:00 | A |\n'), 'CET');
      assert.equal(zone('## Timeline\n\nAll times are Pacific time.\n\n- 10:00 A\n'), 'Pacific time');
      assert.equal(zone('## Timeline\n\n> Times in Europe/Berlin.\n\n- 10:00 A\n'), 'Europe/Berlin');
    });
    it('does not take ordinary words for zones', () => {
      assert.equal(zone('## Timeline\n\nThe times below come from the pager; et cetera.\n\n- 10:00 A\n'), undefined);
    });
    it('keeps the table form when a zone line comes before the table', () => {
      const t = analyze('## Timeline\n\nAll times in UTC.\n\n| Time | Event |\n|---|---|\n| 10:00 | A |\n').model.timelines[0];
      assert.equal(t.form, 'table');
      assert.ok(t.timeHeader);
    });
  });

  describe('order keys', () => {
    it('carries dates down to entries without one and compares dates before times', () => {
      const es = entries('## Timeline\n\n- 2026-04-09 23:48 A\n- 23:59 B\n- 2026-04-10 00:02 C\n- 00:01 D\n');
      const keys = orderKeys(es);
      assert.deepEqual(
        keys.map((k) => k?.date),
        ['2026-04-09', '2026-04-09', '2026-04-10', '2026-04-10'],
      );
      assert.ok(compareKeys(keys[1]!, keys[2]!) < 0);
      assert.ok(compareKeys(keys[2]!, keys[3]!) > 0, '00:01 after 00:02 on the same day is out of order');
    });
    it('reads "1:05" after "12:40" as afternoon when the timeline never writes AM or PM', () => {
      const keys = orderKeys(entries('## Timeline\n\n- 12:40 A\n- 1:05 B\n- 2:30 C\n'));
      assert.deepEqual(
        keys.map((k) => k?.minutes),
        [760, 785, 870],
      );
      const am = orderKeys(entries('## Timeline\n\n- 12:40 PM A\n- 1:05 AM B\n'));
      assert.deepEqual(
        am.map((k) => k?.minutes),
        [760, 65],
        'written AM stays morning',
      );
    });
    it('gives relative entries no key', () => {
      const es = entries('## Timeline\n\n- 10:00 A\n- an hour later B\n');
      assert.equal(orderKeys(es)[1], undefined);
    });
  });
});

describe('timeline-order sort fix', () => {
  const rows = ['09:05', '09:20', '10:00', '10:00', '11:45'];
  function permutations<T>(xs: T[]): T[][] {
    if (xs.length <= 1) return [xs];
    return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  }
  const apply = applyEdits;

  for (const form of ['table', 'list', 'ordered'] as const) {
    it(`sorts every order of a ${form} timeline and keeps each row's text`, () => {
      let checked = 0;
      for (const p of permutations(rows.map((t, i) => ({ t, label: `event ${i}` })))) {
        const lines = p.map((r) => (form === 'table' ? `| ${r.t} | ${r.label} |` : form === 'list' ? `- ${r.t} ${r.label}` : `1. ${r.t} ${r.label}`));
        const text = `## Timeline (UTC)\n\n${form === 'table' ? '| Time | Event |\n|---|---|\n' : ''}${lines.join('\n')}\n`;
        const found = analyze(text).findings.filter((f) => f.rule === 'timeline-order');
        const sorted = [...p].sort((a, b) => a.t.localeCompare(b.t));
        if (p.every((r, i) => r.t === sorted[i].t)) {
          assert.deepEqual(found, [], 'no finding when already in order');
          continue;
        }
        assert.ok(found.length > 0);
        const fixed = apply(text, found[0].fixes![0].edits);
        assert.deepEqual(
          analyze(fixed).findings.filter((f) => f.rule === 'timeline-order'),
          [],
          fixed,
        );
        // Same rows, now in time order; equal times keep their relative order.
        const out = fixed.split('\n').filter((l) => /event \d/.test(l));
        assert.deepEqual(
          out.map((l) => /\d\d:\d\d/.exec(l)![0]),
          rows,
        );
        assert.deepEqual([...out].sort(), [...lines].map((l) => (form === 'ordered' ? l.replace(/^1\./, '1.') : l)).sort());
        const tens = out.filter((l) => l.includes('10:00')).map((l) => /event \d/.exec(l)![0]);
        assert.deepEqual(
          tens,
          p.filter((r) => r.t === '10:00').map((r) => r.label),
        );
        checked++;
      }
      assert.ok(checked > 100);
    });
  }

  it('reports every entry of a reversed timeline, with the sort fix on the first ten only', () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `- ${String(10 + Math.floor((29 - i) / 6)).padStart(2, '0')}:${String(((29 - i) % 6) * 10).padStart(2, '0')} step ${i}`,
    );
    const found = analyze(`## Timeline (UTC)\n\n${rows.join('\n')}\n`).findings.filter((f) => f.rule === 'timeline-order');
    assert.equal(found.length, 29);
    assert.deepEqual(
      found.map((f) => (f.fixes ? 1 : 0)),
      [...Array(10).fill(1), ...Array(19).fill(0)],
    );
  });

  it('keeps a dateless next-day entry out of the preferred fix', () => {
    const text = '## Timeline (UTC)\n\n- 13:15 A\n- 16:00 B\n- 09:20 C\n';
    const [f] = analyze(text).findings.filter((x) => x.rule === 'timeline-order');
    assert.match(f.message, /add its date/);
    assert.ok(f.fixes?.length && !f.fixes[0].preferred);
  });
});
