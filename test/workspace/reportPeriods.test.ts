/** The periods "Postmortem: Show Report" offers (client/src/commands/reportPeriods.ts). */
import { strict as assert } from 'node:assert';
import { periods } from '../../client/src/commands/reportPeriods';

describe('Show Report periods', () => {
  it('offers all postmortems, this quarter, the previous one and the last 12 months', () => {
    const p = periods(new Date(2026, 4, 15, 12));
    assert.deepEqual(
      p.map((x) => [x.label, x.description, x.params]),
      [
        ['All postmortems', undefined, {}],
        ['This quarter', 'Q2 2026', { since: '2026-04-01', until: '2026-06-30' }],
        ['Previous quarter', 'Q1 2026', { since: '2026-01-01', until: '2026-03-31' }],
        ['Last 12 months', '2025-05-16 to 2026-05-15', { since: '2025-05-16', until: '2026-05-15' }],
      ],
    );
  });

  it('takes the previous quarter from the year before in January', () => {
    const prev = periods(new Date(2026, 0, 3, 12))[2];
    assert.deepEqual([prev.description, prev.params], ['Q4 2025', { since: '2025-10-01', until: '2025-12-31' }]);
  });
});
