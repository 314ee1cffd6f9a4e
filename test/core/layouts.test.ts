/**
 * Layouts teams write postmortems in: timelines with dates and zones wherever they put them, sections
 * written as bold labels, metadata in the title, and the done / hedged action items. Property tests vary
 * the column order, the date form, the zone and the section names; fixtures under
 * test/fixtures/rules/<rule>/ hold whole documents.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type TimelineEntry } from '../../core';
import { EXTRA_ZONES } from '../../core/data/extraZones';
import { INTL_ZONES } from '../../core/data/zones';
import { findFullDate, readDateLine } from '../../core/language/dates';
import { kindsAt, sectionAt } from '../../core/extract/sections';
import { matchTime, ZONES } from '../../core/extract/timeline';
import { spansDays } from '../../core/rules/timeline-order';
import { elapsedMinutes } from '../../features/modelSummaries';
import { LOCALES } from '../../scripts/gen-zones';
import { applyEdits } from '../helpers/edits';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ord = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
const pad = (n: number) => String(n).padStart(2, '0');

/** The ways a date is written in a timeline's Date column or on a line of its own. */
const DATE_FORMS: Array<(y: number, m: number, d: number) => string> = [
  (y, m, d) => `${y}-${pad(m)}-${pad(d)}`,
  (_y, m, d) => `${d} ${MONTHS[m - 1]}`,
  (_y, m, d) => `${MONTHS[m - 1]} ${ord(d)}`,
  (y, m, d) => `${MONTHS[m - 1].slice(0, 3)} ${d}, ${y}`,
  (y, m, d) => `${m}/${d}/${String(y).slice(2)}`,
  (_y, m, d) => `${ord(d)} ${MONTHS[m - 1]}`,
];

function entries(text: string): TimelineEntry[] {
  return analyze(text, { today: '2026-12-01' }).model.timelines.flatMap((t) => t.entries);
}

function rules(text: string, id: string): number {
  return analyze(text, { today: '2026-12-01' }).findings.filter((f) => f.rule === id).length;
}

describe('layouts', () => {
  describe('zones', () => {
    it('every generated abbreviation is one Intl prints for its zone', () => {
      for (const [abbr, tz] of INTL_ZONES) {
        const names = new Set<string>();
        for (const loc of LOCALES) {
          for (const d of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
            const n = new Intl.DateTimeFormat(loc, { timeZone: tz, timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
            if (n) names.add(n);
          }
        }
        assert.ok(names.has(abbr), `${abbr} for ${tz}: Intl prints ${[...names].join(', ')}`);
      }
    });

    it('the extra zones are valid IANA zones', () => {
      for (const [, tz] of EXTRA_ZONES) assert.doesNotThrow(() => new Intl.DateTimeFormat('en', { timeZone: tz }), tz);
    });

    it('a time followed by any known zone keeps the zone', () => {
      fc.assert(
        fc.property(fc.constantFrom(...ZONES.filter((z) => z !== 'Z')), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (zone, h, m) => {
          const r = matchTime(`${pad(h)}:${pad(m)} ${zone} the deploy starts`);
          assert.equal(r?.zone, zone);
          assert.deepEqual(r?.time, { hour: h, minute: m });
        }),
      );
    });

    it('reads offsets and Z', () => {
      assert.equal(matchTime('09:15 UTC+4 x')?.zone, 'UTC+4');
      assert.equal(matchTime('09:15 GMT-3 x')?.zone, 'GMT-3');
      assert.equal(matchTime('2026-03-05T09:15Z x')?.zone, 'UTC');
      assert.equal(matchTime('7:09 AM Eastern: x')?.zone, 'Eastern');
      // A lower-case word after a time is text, not a zone.
      assert.equal(matchTime('7:09 central database restarts')?.zone, undefined);
    });
  });

  describe('dates', () => {
    it('readDateLine takes a line that is only a date, in the year nearest the incident', () => {
      assert.deepEqual(readDateLine('**14th March:**', '2026-03-14'), { date: '2026-03-14' });
      assert.deepEqual(readDateLine('_3/16/26_'), { date: '2026-03-16' });
      assert.deepEqual(readDateLine('December 30th', '2027-01-02'), { date: '2026-12-30' });
      assert.equal(readDateLine('The deploy on March 3'), undefined);
      assert.equal(readDateLine('Day 2'), undefined);
    });

    it('findFullDate finds a date with its year anywhere in a title', () => {
      assert.equal(findFullDate('Checkout outage — 14 March 2026')?.date, '2026-03-14');
      assert.equal(findFullDate('2026-03-14: API errors')?.date, '2026-03-14');
      assert.equal(findFullDate('Go 1.21 release notes'), undefined);
    });

    it('a month-day before the time and a weekday date after it are read', () => {
      assert.equal(matchTime('[08-10 21:30] x', 2026)?.date, '2026-08-10');
      assert.equal(matchTime('21:40 CET, Tuesday March 5th: x', 2026)?.date, '2026-03-05');
      assert.equal(matchTime('*2026-04-02/10:05*: x')?.date, '2026-04-02');
      assert.equal(matchTime('00:10 (+1 day) x')?.plusDays, 1);
    });
  });

  describe('timelines: property tests', () => {
    const COLUMNS = ['Time', 'Date', 'Event'] as const;
    const arb = fc.record({
      order: fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
      form: fc.integer({ min: 0, max: DATE_FORMS.length - 1 }),
      zone: fc.option(fc.constantFrom('UTC', 'CEST', 'IST', 'UTC+4', 'AEST', 'BRT'), { nil: undefined }),
      colon: fc.boolean(),
      day: fc.integer({ min: 3, max: 26 }),
      month: fc.integer({ min: 1, max: 12 }),
      times: fc.uniqueArray(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 3, maxLength: 6 }),
    });

    /** A table timeline with its columns in `order`, sorted entries on one day crossing to the next. */
    type Table = { order: number[]; form: number; zone?: string; colon: boolean; day: number; month: number; times: number[] };
    function table(x: Table, swap = false): string {
      const sorted = [...x.times].sort((a, b) => a - b);
      if (swap) [sorted[1], sorted[2]] = [sorted[2], sorted[1]];
      const header = x.order.map((i) => (COLUMNS[i] === 'Time' && x.zone ? `Time (${x.zone})` : COLUMNS[i]));
      const rows = sorted.map((t, k) => {
        const cells = [
          `${pad(Math.floor(t / 60))}${x.colon ? ':' : ''}${pad(t % 60)}`,
          DATE_FORMS[x.form](2026, x.month, x.day),
          `Step ${k + 1} of the rollout`,
        ];
        return `| ${x.order.map((i) => cells[i]).join(' | ')} |`;
      });
      return [
        '# Rollout stalled',
        '',
        '**Date:** ' + `2026-${pad(x.month)}-${pad(x.day)}`,
        '',
        '## Timeline',
        '',
        `| ${header.join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows,
        '',
      ].join('\n');
    }

    it('any column order and date form: every row is an entry with its date and time', () => {
      fc.assert(
        fc.property(arb, (x) => {
          const es = entries(table(x));
          assert.equal(es.length, x.times.length);
          for (const e of es) {
            assert.equal(e.date, `2026-${pad(x.month)}-${pad(x.day)}`, e.timeText);
            assert.ok(e.time);
          }
        }),
        { numRuns: 60 },
      );
    });

    it('sorted rows are in order; two swapped rows are reported once', () => {
      fc.assert(
        fc.property(arb, (x) => {
          assert.equal(rules(table(x), 'timeline-order'), 0);
          assert.equal(rules(table(x, true), 'timeline-order'), 1);
        }),
        { numRuns: 40 },
      );
    });

    it('a zone in the time column header counts for every row; without one the timeline is reported once', () => {
      fc.assert(
        fc.property(arb, (x) => {
          assert.equal(rules(table(x), 'timeline-timezone'), x.zone ? 0 : 1);
        }),
        { numRuns: 40 },
      );
    });

    it('a date line above the entries, in any form, dates them; the next date line crosses midnight', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: DATE_FORMS.length - 1 }),
          fc.constantFrom(
            (s: string) => `**${s}:**`,
            (s: string) => `_${s}_`,
            (s: string) => `### ${s}`,
            (s: string) => s,
          ),
          fc.option(fc.constantFrom('UTC', 'CET', 'JST', 'GMT-3'), { nil: undefined }),
          (form, wrap, zone) => {
            const d1 = DATE_FORMS[form](2026, 5, 14);
            const d2 = DATE_FORMS[form](2026, 5, 15);
            const z = zone ? ` ${zone}` : '';
            const text = [
              '# Cache rebuild ran overnight',
              '',
              '**Date:** 2026-05-14',
              '',
              '## Timeline',
              '',
              wrap(d1),
              '',
              `- 22:10${z} Rebuild starts.`,
              `- 23:45${z} Latency alert fires.`,
              '',
              wrap(d2),
              '',
              `- 00:20${z} Old index swapped back.`,
              `- 01:05${z} Latency normal.`,
              '',
            ].join('\n');
            const es = entries(text);
            assert.deepEqual(
              es.map((e) => e.date),
              ['2026-05-14', '2026-05-14', '2026-05-15', '2026-05-15'],
              text,
            );
            assert.equal(rules(text, 'timeline-order'), 0, text);
            assert.equal(rules(text, 'timeline-timezone'), zone ? 0 : 1, text);
          },
        ),
        { numRuns: 40 },
      );
    });

    it('a zone stated once — heading, line above, first entry — counts for every entry', () => {
      fc.assert(
        fc.property(fc.constantFrom('UTC', 'CEST', 'UTC+4', 'PDT', 'NZST'), fc.constantFrom('heading', 'line', 'first', 'bare'), (zone, where) => {
          const lines = ['# Queue backlog', '', `## Timeline${where === 'heading' ? ` (${zone})` : ''}`, ''];
          if (where === 'line') lines.push(`All times ${zone}.`, '');
          if (where === 'bare') lines.push(`_(${zone})_`, '');
          lines.push(`- 10:02${where === 'first' ? ` ${zone}` : ''} Backlog alert fires.`, '- 10:15 Consumers scaled out.', '- 10:40 Backlog drained.', '');
          assert.equal(rules(lines.join('\n'), 'timeline-timezone'), 0, lines.join('\n'));
        }),
      );
    });

    it('times wrapping past midnight are in order when the metadata spans two dates, reported otherwise', () => {
      const doc = (end: string) =>
        [
          '# Nightly job stalled',
          '',
          '**Date:** 2026-02-11',
          `**Start:** 2026-02-11T22:30Z`,
          `**End:** ${end}`,
          '',
          '## Timeline (UTC)',
          '',
          '- 22:30 Job starts.',
          '- 23:50 Job waits on a lock.',
          '- 00:20 Lock released.',
          '- 01:10 Job done.',
          '',
        ].join('\n');
      assert.equal(rules(doc('2026-02-12T01:10Z'), 'timeline-order'), 0);
      assert.equal(rules(doc('2026-02-11T23:59Z'), 'timeline-order'), 1);
    });

    it('the hover elapsed times agree with timeline-order: a flagged entry is the one that goes back', () => {
      fc.assert(
        fc.property(
          fc.array(fc.integer({ min: 0, max: 23 * 60 + 59 }), { minLength: 2, maxLength: 7 }),
          fc.option(fc.boolean(), { nil: undefined }),
          (times, spans) => {
            const meta = spans === undefined ? '' : `**Start:** 2026-02-11T00:00Z\n**End:** 2026-02-${spans ? '12' : '11'}T23:59Z\n`;
            const text = `# Job stalled\n\n**Date:** 2026-02-11\n${meta}\n## Timeline (UTC)\n\n${times.map((t) => `- ${pad(Math.floor(t / 60))}:${pad(t % 60)} step`).join('\n')}\n`;
            const r = analyze(text);
            const flagged = new Set(r.findings.filter((f) => f.rule === 'timeline-order').map((f) => f.start));
            const elapsed = elapsedMinutes(r.model.timelines[0], spansDays(r.model.metadata));
            r.model.timelines[0].entries.forEach((e, i) => {
              if (i === 0) return;
              assert.equal(flagged.has(e.span.start), elapsed[i]! < elapsed[i - 1]!, `${text}\nentry ${i}: ${elapsed.join(',')}`);
            });
          },
        ),
        { numRuns: 80 },
      );
    });

    it('"Next morning" and "+1 day" lines on their own start the next day', () => {
      for (const marker of ['**Next morning**', '_The following morning:_', '(+1 day)', '### Day 2']) {
        const es = entries(`# T\n\n## Timeline (UTC)\n\n- 14:00 Job starts.\n\n${marker}\n\n- 13:00 Job checked.\n`);
        assert.deepEqual(
          es.map((e) => e.day),
          [undefined, 1],
          marker,
        );
      }
    });

    it('month-days without a year cross a new year in order; a night on one written date is reported', () => {
      const doc = (rows: string[]) => ['# Runner outage', '', '## Timeline', '', 'All times UTC.', '', ...rows.map((r) => `- [${r}] step`), ''].join('\n');
      assert.equal(rules(doc(['12-05 16:21', '03-20 16:46', '03-26 17:40']), 'timeline-order'), 0);
      assert.equal(rules(doc(['03-26 17:40', '03-26 23:04', '03-26 02:50']), 'timeline-order'), 1);
    });
  });

  describe('sections written as bold labels', () => {
    const NAMES: Array<[string, string]> = [
      ['Impact', 'impact'],
      ['Root cause', 'root-causes'],
      ['Contributing factors', 'contributing-factors'],
      ['Summary', 'summary'],
      ['Next steps', 'action-items'],
      ['Lessons learned', 'lessons-learned'],
    ];
    it('a bold or plain label starting a paragraph is a section of its kind, inside the heading section', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...NAMES),
          fc.constantFrom(
            (l: string) => `**${l}:**`,
            (l: string) => `**${l}**:`,
            (l: string) => `__${l}:__`,
            (l: string) => `${l}:`,
          ),
          fc.constantFrom('Overview', 'Details', 'Incident report'),
          ([label, kind], form, heading) => {
            const text = `# Disk filled on the build host\n\n## ${heading}\n\n${form(label)} the log rotation job had stopped two weeks earlier.\n`;
            const r = analyze(text);
            const at = text.indexOf('the log rotation');
            const i = sectionAt(r.model.sections, at);
            assert.ok(i >= 0);
            const s = r.model.sections[i];
            assert.equal(s.label, true);
            assert.equal(s.kind, kind);
            assert.deepEqual(kindsAt(r.model.sections, i).slice(0, 1), [kind]);
            assert.equal(r.model.sections[s.parent].title, heading);
          },
        ),
      );
    });

    it('words that open notes are not labels; a bold phrase that names no section is not one', () => {
      for (const p of ['TODO: check the numbers', 'Note: the host was old', '**Owner:** @kim', '**Fix:** restart it']) {
        const r = analyze(`# T\n\n## Details\n\n${p}\n`);
        assert.equal(r.model.sections.filter((s) => s.label).length, 0, p);
      }
    });

    it('a title at the level of the sections is the title, not an empty section', () => {
      const r = analyze('## Billing webhook retries\n\n## Summary\n\nRetries had no delay.\n');
      assert.equal(r.model.title?.text, 'Billing webhook retries');
      assert.equal(r.findings.filter((f) => f.rule === 'section-empty').length, 0);
    });
  });

  describe('metadata where it is', () => {
    it('a date in the title counts as the date', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: DATE_FORMS.length - 1 }).filter((f) => f !== 1 && f !== 2 && f !== 5),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          (form, m, d) => {
            const title = `# Checkout outage — ${DATE_FORMS[form](2025, m, d)}`;
            const r = analyze(`${title}\n\n**Severity:** SEV-2\n**Status:** Final\n**Authors:** Ana\n\n## Summary\n\nIt failed.\n`);
            assert.equal(r.model.metadata.derived?.date?.value, `2025-${pad(m)}-${pad(d)}`, title);
            assert.equal(r.findings.filter((f) => f.rule === 'metadata-missing').length, 0, title);
          },
        ),
      );
    });

    it('a missing date is suggested from the timeline, never from a fixed example', () => {
      const r = analyze(
        '# Partner API errors\n\n**Severity:** SEV-3\n**Status:** Draft\n**Authors:** Rui\n\n## Timeline (UTC)\n\n- 2024-08-19 10:02 Change deployed.\n',
      );
      const f = r.findings.find((x) => x.rule === 'metadata-missing');
      assert.ok(f?.message.includes('2024-08-19'), f?.message);
      const none = analyze('# Partner API errors\n\n## Summary\n\nIt failed.\n').findings.find(
        (x) => x.rule === 'metadata-missing' && /no date/.test(x.message),
      );
      assert.ok(none && !/\d{4}-\d{2}-\d{2}/.test(none.message), none?.message);
    });
  });

  describe('TOML front matter', () => {
    it('is read as metadata, and the fix adds a TOML line that is then read', () => {
      const text = '+++\ntitle = "Index outage on 2026-03-02"\nauthors = ["Pia Albers"]\n\n[extra]\nteam = "infra"\n+++\n\nText.\n\n## Summary\n\nIt broke.\n';
      const r = analyze(text);
      assert.deepEqual(r.model.metadata.fields.authors?.value, ['Pia Albers']);
      assert.equal(r.model.metadata.derived?.date?.value, '2026-03-02');
      const missing = r.findings.filter((f) => f.rule === 'metadata-missing');
      assert.deepEqual(
        missing.map((f) => /has no (\w+)/.exec(f.message)![1]),
        ['severity', 'status'],
      );
      const e = missing[0].fixes![0].edits[0];
      const fixed = applyEdits(text, [{ ...e, newText: e.newText.replace(/\$\{\d+:([^}]*)\}/g, 'SEV-2') }]);
      const again = analyze(fixed);
      assert.equal(again.model.metadata.fields.severity?.value, 'SEV-2', fixed);
      // The front matter is not prose: no sentence rule reads "authors = [...]" as text.
      assert.ok(
        !again.findings.some((f) => !/^(?:metadata|section)-missing$/.test(f.rule) && f.start < fixed.indexOf('+++', 3)),
        JSON.stringify(again.findings.map((f) => f.rule)),
      );
    });
  });

  describe('action items', () => {
    it('a checklist item with sub-points is one item; done items get no owner, type or ticket finding', () => {
      const text = [
        '# Labels dropped',
        '',
        '## Action items',
        '',
        '- [ ] Alert when the label queue is older than 10 minutes',
        '  - include the warehouse name',
        '  - link the runbook',
        '- [x] Pin the printer driver version',
        '',
        '| Action | Owner | Status |',
        '|---|---|---|',
        '| Split the printer queues | | Closed |',
        '',
      ].join('\n');
      const r = analyze(text);
      assert.equal(r.model.actionItems.length, 3);
      const about = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => text.slice(f.start, f.end).split('\n')[0]);
      for (const rule of ['action-item-owner-missing', 'action-item-type-missing', 'action-item-ticket-missing']) {
        assert.deepEqual(about(rule), ['- [ ] Alert when the label queue is older than 10 minutes'], rule);
      }
    });
  });
});
