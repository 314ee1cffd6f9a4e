/** The postmortem model on varied layouts: metadata, sections, timelines, action items, 5 Whys. */
import { strict as assert } from 'node:assert';
import { analyze, type PostmortemModel } from '../../core';
import { splitBlocks } from '../../core/engine/parse';

function model(text: string): PostmortemModel {
  const r = analyze(text, { today: '2026-11-23' });
  assert.deepEqual(r.internalErrors, []);
  return r.model;
}

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('model: metadata', () => {
  it('reads front matter with normalised values and key ranges', () => {
    const text = `---\ntitle: Disk full on the build cache\ndate: 2026-01-12\nseverity: sev1\nstatus: In-Review\nauthors:\n  - Ada Obi\n  - Lu Chen\nincident_commander: Ada Obi\n---\n\n# Disk full\n`;
    const m = model(text).metadata;
    assert.equal(m.source, 'front-matter');
    assert.equal(m.fields.severity?.value, 'SEV-1');
    assert.equal(m.fields.status?.value, 'in review');
    assert.deepEqual(m.fields.authors?.value, ['Ada Obi', 'Lu Chen']);
    assert.equal(m.fields.commander?.value, 'Ada Obi');
    assert.equal(slice(text, m.fields.date!.keySpan), 'date');
    assert.equal(slice(text, m.fields.date!.valueSpan), '2026-01-12');
    assert.deepEqual(m.problems, []);
  });

  it('reads bold metadata lines when there is no front matter', () => {
    const text = `# Login loop\n\n**Date:** 2026-02-03\n**Severity**: SEV-3\n- **Authors:** Kai Moana, Rue Patel\n**Incident channel:** #inc-login\n\n## Summary\n\nText.\n`;
    const m = model(text).metadata;
    assert.equal(m.source, 'bold');
    assert.equal(m.fields.date?.value, '2026-02-03');
    assert.equal(m.fields.severity?.value, 'SEV-3');
    assert.deepEqual(m.fields.authors?.value, ['Kai Moana', 'Rue Patel']);
    assert.equal(m.extra['Incident channel'], '#inc-login');
    assert.equal(slice(text, m.fields.severity!.valueSpan), 'SEV-3');
  });

  it('reports bad values on the value and YAML errors on their line', () => {
    const text = `---\ndate: 2026-02-30\nseverity: high\n---\n`;
    const m = model(text).metadata;
    assert.equal(m.problems.length, 2);
    assert.equal(slice(text, m.problems[0]), '2026-02-30');
    assert.equal(slice(text, m.problems[1]), 'high');
    const broken = `---\ntitle: [unclosed\n---\n`;
    assert.equal(model(broken).metadata.problems.length, 1);
  });

  it('survives an alias bomb in the front matter', () => {
    const bomb = `---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n# T\n`;
    const m = model(bomb).metadata;
    assert.ok(m.problems.length >= 1, 'the alias bomb is reported, not expanded');
  });
});

describe('model: sections', () => {
  it('maps headings to kinds through aliases, ignoring case, numbering and parentheses', () => {
    const text = [
      '# Incident report: queue stall',
      '## 1. TL;DR',
      '## Customer Impact',
      '## Timeline (UTC)',
      '## Root Cause Analysis',
      '### 5 Whys',
      '## What went wrong',
      '## Corrective and Preventative Measures',
      '## Key takeaways',
      '## Appendix',
      '## Random notes',
    ].join('\n\nx\n\n');
    const m = model(text);
    assert.equal(m.title?.text, 'Incident report: queue stall');
    assert.deepEqual(
      m.sections.map((s) => s.kind ?? null),
      ['summary', 'impact', 'timeline', 'root-causes', 'five-whys', 'what-went-poorly', 'action-items', 'lessons-learned', 'supporting-information', null],
    );
    const whys = m.sections[4];
    assert.equal(m.sections[whys.parent].kind, 'root-causes');
  });

  it('knows empty sections from sections with only a table or a subsection', () => {
    const text = `# T\n\n## Summary\n\n## Impact\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Root causes\n\n### Why 1\n\nBecause.\n\n## Lessons\n\n<!-- to do -->\n`;
    const m = model(text);
    assert.deepEqual(
      m.sections.map((s) => [s.title, s.hasContent]),
      [
        ['Summary', false],
        ['Impact', true],
        ['Root causes', true],
        ['Why 1', true],
        ['Lessons', false],
      ],
    );
  });
});

describe('model: timeline', () => {
  it('reads a table timeline with a zone in the header', () => {
    const text = `# T\n\n## Timeline\n\n| Time (UTC) | Event | Source |\n|---|---|---|\n| 09:02 | Deploy starts | CI |\n| 2026-03-01 09:10 | Errors rise | Grafana |\n`;
    const [t] = model(text).timelines;
    assert.equal(t.form, 'table');
    assert.equal(t.zone, 'UTC');
    assert.deepEqual(
      t.entries.map((e) => [e.timeText, e.time?.hour, e.time?.minute, e.date ?? null, e.text, e.source]),
      [
        ['09:02', 9, 2, null, 'Deploy starts', 'CI'],
        ['2026-03-01 09:10', 9, 10, '2026-03-01', 'Errors rise', 'Grafana'],
      ],
    );
  });

  it('reads list timelines with dates, zones, am/pm and separators', () => {
    const text = `---\ndate: 2026-04-02\n---\n# T\n\n## Timeline\n\n- 2 Apr 23:50 CEST — Job starts\n- **00:10** Job fails\n- 3:15 pm - Rollback\n- ~16:00 Recovered\n`;
    const [t] = model(text).timelines;
    assert.deepEqual(
      t.entries.map((e) => [e.timeText, e.time?.hour, e.time?.minute, e.date ?? null, e.zone ?? null, e.text]),
      [
        ['2 Apr 23:50 CEST', 23, 50, '2026-04-02', 'CEST', 'Job starts'],
        ['00:10', 0, 10, null, null, 'Job fails'],
        ['3:15 pm', 15, 15, null, null, 'Rollback'],
        ['~16:00', 16, 0, null, null, 'Recovered'],
      ],
    );
  });

  it('ignores times that are not at the start of an entry', () => {
    const text = `# T\n\n## Timeline\n\n- The deploy at 10:00 was paused\n- 10:05 Paused\n`;
    const [t] = model(text).timelines;
    assert.equal(t.entries.length, 1);
  });
});

describe('model: action items', () => {
  it('reads a table with aliased columns', () => {
    const text = `# T\n\n## Follow-ups\n\n| # | What | Kind | Assignee | Deadline | Tracking | State |\n|---|---|---|---|---|---|---|\n| 1 | Add a lock to the cron job | prevent | @ravi | 2026-06-16 | SHOP-44 | Open |\n| 2 | Alert on queue age |  |  | TBD |  | Done |\n`;
    const m = model(text);
    assert.equal(m.actionItems.length, 2);
    const [a, b] = m.actionItems;
    assert.equal(a.form, 'table');
    assert.equal(a.text, 'Add a lock to the cron job');
    assert.deepEqual(Object.fromEntries(Object.entries(a.fields).map(([k, v]) => [k, v!.value])), {
      type: 'prevent',
      owner: '@ravi',
      due: '2026-06-16',
      ticket: 'SHOP-44',
      status: 'Open',
    });
    assert.equal(b.fields.owner?.value, '');
    assert.equal(b.fields.due?.value, 'TBD');
    assert.equal(m.actionItemTables[0].columns.map((c) => c.field ?? '-').join(','), '-,action,type,owner,due,ticket,status');
  });

  it('reads bullets with inline fields in several styles', () => {
    const text = [
      '# T',
      '',
      '## Action items',
      '',
      '- [ ] Pin the encoder preset (owner: @nina, due 2026-05-28, MEDIA-22, type: prevent)',
      '- [x] Alert when the oldest job is older than 30 minutes — @grace — 2026-06-12 — OBS-9 — detect',
      '- [detect] Page on red cluster state. Owner: @oli. Due: 2026-03-06. Status: Done. Ticket: SUP-31.',
      '- Improve monitoring',
      '',
    ].join('\n');
    const items = model(text).actionItems;
    const f = (i: number) => Object.fromEntries(Object.entries(items[i].fields).map(([k, v]) => [k, v!.value]));
    assert.equal(items.length, 4);
    assert.equal(items[0].text, 'Pin the encoder preset');
    assert.equal(items[0].checked, false);
    assert.deepEqual(f(0), { owner: '@nina', due: '2026-05-28', type: 'prevent', ticket: 'MEDIA-22' });
    assert.equal(items[1].text, 'Alert when the oldest job is older than 30 minutes');
    assert.equal(items[1].checked, true);
    assert.deepEqual(f(1), { owner: '@grace', due: '2026-06-12', ticket: 'OBS-9', type: 'detect' });
    assert.equal(items[2].text, 'Page on red cluster state.');
    assert.deepEqual(f(2), { owner: '@oli', due: '2026-03-06', status: 'Done', ticket: 'SUP-31', type: 'detect' });
    assert.equal(items[3].text, 'Improve monitoring');
    assert.deepEqual(f(3), {});
    for (const it of items) assert.equal(slice(text, it.textSpan).startsWith(it.text.slice(0, 10)), true);
  });
});

describe('model: 5 Whys', () => {
  const cases: Array<[string, string, number]> = [
    [
      'numbered questions and answers',
      '1. Why did X fail? Because the disk filled.\n2. Why did it fill? Because logs were not rotated.\n3. Why not rotated? Because rotation was never configured.',
      3,
    ],
    ['Why N / Because lines', 'Why 1: Why did X fail?\nBecause the disk filled.\n\nWhy 2: Why did it fill?\nBecause logs grew.', 2],
    ['Q/A pairs', '- Q1: Why did X fail?\n- A1: The disk filled.\n- Q2: Why?\n- A2: Logs grew.', 2],
    [
      'bold questions',
      '**1. Why did X fail?** The disk filled.\n\n**2. Why did it fill?** Logs grew.\n\n**3. Why did logs grow?** Debug logging stayed on.\n\n**4. Why?** No default.',
      4,
    ],
    ['answers only under a 5 Whys heading', '1. The disk filled.\n2. Logs were not rotated.\n3. Rotation was never configured.', 3],
  ];
  for (const [name, body, steps] of cases) {
    it(`reads ${name}`, () => {
      const text = `# T\n\n## Root causes\n\n### Five whys\n\nProblem: X failed.\n\n${body}\n`;
      const m = model(text);
      assert.equal(m.fiveWhys.length, 1, 'one chain');
      const c = m.fiveWhys[0];
      assert.equal(c.steps.length, steps);
      assert.equal(c.heading?.text, 'Five whys');
      assert.equal(c.problem?.text, 'X failed.');
      assert.ok(c.rootCause && c.rootCause.text.length > 0);
    });
  }

  it('keeps cause statements apart from chains', () => {
    const text = `# T\n\n## Root causes\n\nThe cron job had no lock, so runs overlapped.\n\n## Contributing factors\n\n- No alert on job duration.\n- Insufficient testing.\n`;
    const m = model(text);
    assert.deepEqual(
      m.rootCauses.map((s) => s.text),
      ['The cron job had no lock, so runs overlapped.'],
    );
    assert.deepEqual(
      m.contributingFactors.map((s) => s.text),
      ['No alert on job duration.', 'Insufficient testing.'],
    );
    assert.equal(m.fiveWhys.length, 0);
  });
});

describe('parse: blocks', () => {
  it('cuts at top-level headings, never inside fences, comments or front matter', () => {
    const text = '---\na: 1\n# not a heading\n---\n# T\n\n```\n# code\n```\n\n<!--\n# comment\n-->\n\n## S\n\ntext\n';
    const blocks = splitBlocks(text);
    assert.deepEqual(
      blocks.map((b) => text.slice(b.start, b.end).split('\n')[0]),
      ['---', '# T', '## S'],
    );
  });
});
