/** Due dates: what resolves, against which reference, and the severity windows. */
import { strict as assert } from 'node:assert';
import { analyze } from '../../core';
import { addDays, daysBetween, quarterEnd, resolveDue, windowEnd } from '../../core/language/dates';

function dateOf(text: string, ref?: string): string | undefined {
  const r = resolveDue(text, ref);
  return r.kind === 'date' ? r.date : undefined;
}

describe('action-item due dates', () => {
  const ref = '2026-11-03'; // a Tuesday
  const cases: Array<[string, string]> = [
    ['2026-03-15', '2026-03-15'],
    ['by March 15', '2027-03-15'], // forward from the incident: the next 15 March
    ['15 Mar', '2027-03-15'],
    ['Nov 20', '2026-11-20'],
    ['next Friday', '2026-11-13'],
    ['Friday', '2026-11-06'],
    ['end of Q2', '2027-06-30'],
    ['Q4', '2026-12-31'],
    ['Q1 2027', '2027-03-31'],
    ['end of March', '2027-03-31'],
    ['December', '2026-12-31'], // a month alone is its last day
    ['mid-December', '2026-12-15'],
    ['EOM', '2026-11-30'],
    ['EOQ', '2026-12-31'],
    ['EOW', '2026-11-06'],
    ['in two weeks', '2026-11-17'],
    ['2026/11/14', '2026-11-14'],
    ['**2026-12-01**', '2026-12-01'],
    ['2027-01', '2027-01-31'],
    ['H1 2027', '2027-06-30'],
    ['15/12/2026', '2026-12-15'],
    ['Due: 2026-12-02.', '2026-12-02'],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" after ${ref} is ${expected}`, () => assert.equal(dateOf(text, ref), expected));
  }

  for (const word of ['', 'ASAP', 'soon', 'later', 'TBD', '?', '-', 'n/a']) {
    it(`"${word}" names no date`, () => assert.equal(resolveDue(word, ref).kind, 'none'));
  }
  for (const text of ['after the freeze', 'next sprint', 'when the vendor replies', '2026-02-30', 'now']) {
    it(`"${text}" cannot be read as a date`, () => assert.deepEqual(resolveDue(text, ref).kind, 'unresolved'));
  }

  it('without an incident date, only dates with a year resolve', () => {
    assert.equal(dateOf('2026-03-15'), '2026-03-15');
    assert.equal(dateOf('Mar 15, 2027'), '2027-03-15');
    for (const t of ['next Friday', '15 Mar', 'end of Q2', 'EOM']) {
      const r = resolveDue(t);
      assert.equal(r.kind, 'unresolved', t);
      assert.equal(r.kind === 'unresolved' && r.needsReference, true, t);
    }
  });

  it('does not depend on the machine time zone', () => {
    const saved = process.env.TZ;
    try {
      const results = ['Pacific/Kiritimati', 'America/Adak', 'UTC'].map((tz) => {
        process.env.TZ = tz;
        return cases.map(([t]) => dateOf(t, ref));
      });
      assert.deepEqual(results[0], results[2]);
      assert.deepEqual(results[1], results[2]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('calendar helpers', () => {
    assert.equal(addDays('2026-12-25', 14), '2027-01-08');
    assert.equal(daysBetween('2026-02-20', '2026-03-02'), 10);
    assert.equal(quarterEnd('2026-08-18'), '2026-09-30');
    assert.equal(quarterEnd('2026-02-01'), '2026-03-31');
  });

  describe('severity windows', () => {
    it('defaults: SEV-1 14 days, SEV-2 28 days, SEV-3 quarter end, SEV-4 none', () => {
      assert.equal(windowEnd('2026-07-28', 'SEV-1')?.end, '2026-08-11');
      assert.equal(windowEnd('2026-07-28', 'SEV-2')?.end, '2026-08-25');
      assert.equal(windowEnd('2026-07-28', 'SEV-3')?.end, '2026-09-30');
      assert.equal(windowEnd('2026-07-28', 'SEV-4'), undefined);
      assert.equal(windowEnd('not a date', 'SEV-1'), undefined);
    });
    it('options override single severities', () => {
      const options = { actionItemWindows: { 'SEV-2': 'quarter' as const, 'SEV-4': 90 } };
      assert.equal(windowEnd('2026-07-28', 'SEV-2', options)?.end, '2026-09-30');
      assert.equal(windowEnd('2026-07-28', 'SEV-4', options)?.end, '2026-10-26');
      assert.equal(windowEnd('2026-07-28', 'SEV-1', options)?.end, '2026-08-11');
    });
    it('the rule follows the options', () => {
      const doc = [
        '---',
        'date: 2026-07-28',
        'severity: SEV-2',
        '---',
        '# Queue stalled',
        '## Action items',
        '- Alert on queue age over 10 minutes (owner: @kim, due 2026-09-20, OPS-1, type: detect)',
        '',
      ].join('\n');
      const rule = (o: object) => analyze(doc, o).findings.filter((f) => f.rule === 'action-item-due-window').length;
      assert.equal(rule({}), 1);
      assert.equal(rule({ actionItemWindows: { 'SEV-2': 'quarter' } }), 0);
      assert.equal(rule({ actionItemWindows: { 'SEV-2': 60 } }), 0);
    });
  });

  describe('overdue', () => {
    const doc = [
      '**Date:** 2026-03-02',
      '',
      '# Disk full on the build cache',
      '',
      '## Action items',
      '',
      '- [ ] Alert at 85% disk (owner: @kim, due 2026-03-10, OPS-1, type: detect)',
      '- [x] Expire cache entries after 14 days (owner: @lee, due 2026-03-09, OPS-2, type: prevent)',
      '- Add the cache to capacity reviews (owner: @kim, due 2026-03-11, OPS-3, type: process)',
      '- Move the cache to its own volume (owner: @lee, due 2026-03-12, OPS-4, type: prevent). Status: In progress',
      '',
    ].join('\n');
    const overdue = (today?: string) => analyze(doc, { today }).findings.filter((f) => f.rule === 'action-item-overdue');
    it('needs today from the options, and reports nothing without it', () => assert.equal(overdue(undefined).length, 0));
    it('reports only items explicitly not done whose date has passed', () => {
      assert.equal(overdue('2026-03-10').length, 0); // due today is not overdue
      assert.equal(overdue('2026-03-11').length, 1);
      assert.equal(overdue('2026-04-01').length, 2); // the unchecked box and "In progress"; not done, not unknown
    });
  });
});
