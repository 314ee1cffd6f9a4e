/**
 * The core parts of the writing experience in the editor: the new-postmortem template, the timeline
 * and action-item summaries behind the code lenses and hovers, the quality summary behind the
 * language status item, and the "Ask why again" edit of the 5 Whys view.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, type AnalysisResult } from '../../core';
import { DEFAULT_TEMPLATE, SECTION_INFO } from '../../core/data/sections';
import { dimensionOf, grade, qualitySummary, type QualityDimensionId } from '../../features/quality';
import {
  actionItemSummary,
  describeActionItems,
  describeElapsed,
  describeMilestones,
  elapsedMinutes,
  entryMarks,
  MILESTONE_READING,
  type MilestoneKind,
  formatDuration,
  timelineMilestones,
} from '../../features/modelSummaries';
import { SEVERITIES } from '../../common/protocol';
import { postmortemTemplate, yamlString } from '../../features/newPostmortem';
import { NEXT_QUESTION, whyAgainEdit } from '../../core/edits/whyAgain';
import { expandSnippet } from '../snippets/snippetSyntax';
import { applyEdits } from '../helpers/edits';

const TODAY = '2026-04-20';

describe('new postmortem template (features/newPostmortem.ts)', () => {
  const filled = postmortemTemplate({ title: 'Ledger export stalled: retries # 2', severity: 'SEV-2', date: '2026-04-02', authors: ['Noor Haddad'] });

  it('has the template sections in order, under the titles the checks look for', () => {
    const r = analyze(filled.text, { today: TODAY });
    const kinds = r.model.sections.filter((s) => s.depth === 2).map((s) => s.kind);
    assert.deepEqual(kinds, DEFAULT_TEMPLATE);
    const titles = r.model.sections.filter((s) => s.depth === 2).map((s) => s.title);
    assert.deepEqual(
      titles,
      DEFAULT_TEMPLATE.map((k) => SECTION_INFO.get(k)!.title),
    );
  });

  it('reads back the title, date and severity it was given, and draws no structure or metadata findings', () => {
    const r = analyze(filled.text, { today: TODAY });
    const f = r.model.metadata.fields;
    assert.equal(r.model.metadata.source, 'front-matter');
    assert.equal(f.title?.value, 'Ledger export stalled: retries # 2');
    assert.equal(f.date?.value, '2026-04-02');
    assert.equal(f.severity?.value, 'SEV-2');
    assert.equal(r.model.title?.text, 'Ledger export stalled: retries # 2');
    const structural = r.findings.filter((x) => /^(?:section-missing|metadata-|placeholder-text)/.test(x.rule));
    assert.deepEqual(
      structural.map((x) => `${x.rule}: ${x.message}`),
      [],
    );
  });

  it('puts the cursor on an empty line of the Summary', () => {
    const r = analyze(filled.text, { today: TODAY });
    const summary = r.model.sections.find((s) => s.kind === 'summary')!;
    assert.ok(filled.cursor > summary.heading.end && filled.cursor < summary.body.end, 'cursor inside the Summary');
    const lineStart = filled.text.lastIndexOf('\n', filled.cursor - 1) + 1;
    assert.equal(lineStart, filled.cursor, 'at the start of a line');
    assert.equal(filled.text.slice(filled.cursor, filled.text.indexOf('\n', filled.cursor)), '', 'an empty line');
  });

  it('leaves authors out when none are given, so metadata-missing offers to add them', () => {
    const t = postmortemTemplate({ title: 'x', severity: 'SEV-4', date: '2026-04-02' });
    const rules = analyze(t.text, { today: TODAY }).findings.map((f) => f.rule);
    assert.ok(!rules.includes('metadata-invalid'));
    assert.ok(rules.includes('metadata-missing'));
  });

  it('writes every severity so the metadata reader accepts it, and keeps CRLF line breaks', () => {
    for (const severity of SEVERITIES) {
      const t = postmortemTemplate({ title: 'Queue drained slowly', severity, date: '2026-04-02', authors: ['Ana'], eol: '\r\n' });
      assert.ok(!/[^\r]\n/.test(t.text), 'only CRLF');
      assert.equal(analyze(t.text).model.metadata.fields.severity?.value, severity);
    }
  });

  it('has the same sections, in the same words, as the pm-full snippet', () => {
    const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'postmortem.code-snippets'), 'utf8'));
    const full = Object.values(snippets as Record<string, { prefix: string | string[]; body: string[] }>).find((x) => [x.prefix].flat().includes('pm-full'))!;
    const headings = (t: string) =>
      t
        .split(/\r?\n/)
        .filter((l) => /^#{1,6} /.test(l))
        .slice(1);
    assert.deepEqual(headings(filled.text), headings(expandSnippet(full.body)));
  });

  it('quotes YAML values only when they would not read back unchanged', () => {
    assert.equal(yamlString('Cache storm in eu-west'), 'Cache storm in eu-west');
    for (const s of ['a: b', 'yes', '12', '#tag', 'x #y', '"quoted"', '- dash', '[list]', 'trailing ']) {
      assert.notEqual(yamlString(s), s, s);
      assert.equal(JSON.parse(yamlString(s)), s);
    }
  });
});

const TIMELINE_DOC = `# Payments queue backed up

## Timeline

All times UTC.

- 2026-03-09 23:40 Deploy of the batching change to the payment workers.
- 2026-03-09 23:52 Queue depth alert fired and paged the on-call engineer.
- 2026-03-10 00:05 No rollback yet: the dashboard was still loading.
- 2026-03-10 00:31 Rolled back the batching change.
- 2026-03-10 01:10 Queue drained; all clear given in the incident channel.
`;

describe('timeline summaries (features/modelSummaries.ts)', () => {
  const model = analyze(TIMELINE_DOC).model;

  it('measures each entry from the first, across midnight by the dates', () => {
    assert.equal(model.timelines.length, 1);
    assert.deepEqual(elapsedMinutes(model.timelines[0]), [0, 12, 25, 51, 90]);
  });

  it('crosses midnight without dates when a late entry is followed by an early one', () => {
    const m = analyze('# T\n\n## Timeline (UTC)\n\n- 23:50 Error rate rose.\n- 00:20 Alert fired.\n- 01:05 Resolved.\n').model;
    assert.deepEqual(elapsedMinutes(m.timelines[0]), [0, 30, 75]);
  });

  it('counts "Day 2" markers', () => {
    const m = analyze('# T\n\n## Timeline (UTC)\n\n- 22:00 Error rate rose.\n\nDay 2\n\n- 09:00 Resolved.\n').model;
    assert.deepEqual(elapsedMinutes(m.timelines[0]), [0, 660]);
  });

  it('finds detection, mitigation and resolution, and ignores a denied milestone', () => {
    const m = timelineMilestones(model, 0);
    assert.equal(m.first, 0);
    assert.deepEqual([m.detected?.entry, m.detected?.minutes], [1, 12]);
    assert.deepEqual([m.mitigated?.entry, m.mitigated?.minutes], [3, 51], '"No rollback yet" is not the mitigation');
    assert.deepEqual([m.resolved?.entry, m.resolved?.minutes], [4, 90]);
    assert.equal(describeMilestones(m), 'detected after 12 min · mitigated after 51 min · resolved after 1 h 30 min');
  });

  it('names the milestones it cannot find', () => {
    const m = analyze('# T\n\n## Timeline (UTC)\n\n- 10:00 Error rate rose.\n- 10:20 Support reported failed logins.\n').model;
    assert.equal(describeMilestones(timelineMilestones(m, 0)), 'detected after 20 min · no mitigation entry · no resolution entry');
  });

  it('reads milestones from what the rows say: every reviewed example', () => {
    for (const [kind, r] of Object.entries(MILESTONE_READING) as Array<[MilestoneKind, (typeof MILESTONE_READING)[MilestoneKind]]>) {
      for (const t of r.examples.flag) assert.ok(entryMarks(kind, t), `${kind}: ${t}`);
      for (const t of r.examples.clean) assert.ok(!entryMarks(kind, t), `not ${kind}: ${t}`);
    }
  });

  it("takes the author's own marks, in any layout", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<MilestoneKind>('detected', 'mitigated', 'resolved'),
        fc.constantFrom('%s: ', '[%s] ', '**%s** — ', '(%s) '),
        fc.constantFrom('the queue age chart', 'step 4 of the runbook', 'Kim and Ana'),
        (kind, form, rest) => {
          const word = { detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' }[kind];
          assert.ok(entryMarks(kind, form.replace('%s', word) + rest), form.replace('%s', word) + rest);
        },
      ),
    );
  });

  it('gives the lens and the grade the milestones a good timeline states without the old keywords', () => {
    const text = `---\ntitle: Sessions dropped\ndate: 2026-03-10\nseverity: SEV-2\n---\n\n# Sessions dropped\n\n## Timeline\n\n- 09:00 UTC Cache cluster upgrade started.\n- 09:07 UTC Kim spotted the login error spike on the dashboard.\n- 09:20 UTC Traffic shifted to the standby cache.\n- 09:55 UTC Monitoring confirmed full recovery.\n`;
    const r = analyze(text, { today: TODAY });
    assert.equal(describeMilestones(timelineMilestones(r.model, 0)), 'detected after 7 min · mitigated after 20 min · resolved after 55 min');
    const grade = qualitySummary(r, TODAY).dimensions.find((d) => d.id === 'timeline')!;
    assert.doesNotMatch(grade.summary, /no (?:detection|mitigation|resolution)/);
  });

  it('recognises the milestone words as word starts', () => {
    assert.ok(entryMarks('detected', 'PagerDuty paged Kim'));
    assert.ok(entryMarks('detected', 'Customer support noticed failed checkouts'));
    assert.ok(!entryMarks('detected', 'Homepage load time rose'), 'page inside a word');
    assert.ok(!entryMarks('detected', 'No alert fired for the queue'));
    assert.ok(entryMarks('mitigated', 'Traffic failed over to us-east'));
    assert.ok(entryMarks('mitigated', 'Feature flag disabled'));
    assert.ok(entryMarks('resolved', 'Error rates back to normal'));
    assert.ok(!entryMarks('resolved', 'The pool was not recovered until later'));
  });

  it('formats durations and elapsed times', () => {
    assert.equal(formatDuration(0), '0 min');
    assert.equal(formatDuration(47), '47 min');
    assert.equal(formatDuration(60), '1 h');
    assert.equal(formatDuration(135), '2 h 15 min');
    assert.equal(formatDuration(3000), '2 d 2 h');
    assert.equal(describeElapsed(47), '+47 min after the first entry');
    assert.equal(describeElapsed(-12), '12 min before the first entry');
  });
});

const ACTIONS_DOC = `---
date: 2026-03-10
severity: SEV-2
---

# Payments queue backed up

## Action items

| Action | Type | Owner | Due | Status |
|---|---|---|---|---|
| Reject a zero batch size in the worker config schema | prevent | @kim | 2026-03-20 | open |
| Page when the payments queue is older than 5 minutes | detect | @ana | 2026-03-30 | done |
| Add a batching section to the deploy checklist | process | TBD | 2026-05-01 | open |
| Replay stuck payments automatically after a rollback | Prevent |  | 2026-04-01 | in progress |
`;

describe('action-item summary (features/modelSummaries.ts)', () => {
  const model = analyze(ACTIONS_DOC).model;

  it('counts items, owned, overdue, prevent and done', () => {
    const s = actionItemSummary(model, TODAY);
    assert.deepEqual(s, { items: 4, owned: 2, overdue: 2, prevent: 2, done: 1 });
    assert.equal(describeActionItems(s), '4 items · 2 owned · 2 overdue · 2 prevent');
  });

  it('counts only items owned by one person as owned: not a team, several people, nor the @owner placeholder', () => {
    fc.assert(
      fc.property(fc.constantFrom('SRE team', '@platform-team', 'everyone', 'Kim and Ana', '@owner'), (owner) => {
        const m = analyze(ACTIONS_DOC.replace('| @kim |', `| ${owner} |`)).model;
        assert.equal(actionItemSummary(m, TODAY).owned, 1, owner);
      }),
    );
  });

  it('counts nothing as overdue without today, or before the due dates', () => {
    assert.equal(actionItemSummary(model, undefined).overdue, 0);
    assert.equal(actionItemSummary(model, '2026-03-15').overdue, 0);
    assert.equal(actionItemSummary(model, '2026-03-25').overdue, 1);
  });
});

describe('quality summary (features/quality.ts)', () => {
  const dim = (r: AnalysisResult, id: QualityDimensionId, today = TODAY) => qualitySummary(r, today).dimensions.find((d) => d.id === id)!;

  it('maps rule families to dimensions, new rules by their prefix', () => {
    assert.equal(dimensionOf('blame-language'), 'blamelessness');
    assert.equal(dimensionOf('human-error-root-cause'), 'root-cause');
    assert.equal(dimensionOf('action-item-overdue'), 'follow-through');
    assert.equal(dimensionOf('action-item-owner-missing'), 'action-items');
    assert.equal(dimensionOf('action-item-something-new'), 'action-items');
    assert.equal(dimensionOf('timeline-something-new'), 'timeline');
    assert.equal(dimensionOf('section-missing'), undefined);
  });

  it('grades by the number of issues and errors', () => {
    assert.equal(grade(0, false), 'good');
    assert.equal(grade(2, false), 'fair');
    assert.equal(grade(3, false), 'poor');
    assert.equal(grade(1, true), 'poor');
  });

  it('marks dimensions with nothing written yet as absent', () => {
    const r = analyze('# Cache storm\n\n## Summary\n\nThe cache evicted every key at 10:02.\n');
    const q = qualitySummary(r, TODAY);
    assert.deepEqual(
      q.dimensions.map((d) => [d.id, d.grade]),
      [
        ['timeline', 'absent'],
        ['root-cause', 'absent'],
        ['action-items', 'absent'],
        ['blamelessness', 'good'],
        ['follow-through', 'absent'],
      ],
    );
    assert.equal(q.good, 1);
  });

  it('counts blame findings against blamelessness', () => {
    const blamed = analyze('# Cache storm\n\n## Summary\n\nDana should have checked the eviction graph before the deploy. Dana was careless.\n');
    const d = dim(blamed, 'blamelessness');
    assert.ok(
      blamed.findings.some((f) => dimensionOf(f.rule) === 'blamelessness'),
      'the text draws blame findings',
    );
    assert.equal(d.findings, blamed.findings.filter((f) => dimensionOf(f.rule) === 'blamelessness').length);
    assert.notEqual(d.grade, 'good');
    assert.match(d.summary, /finding/);
  });

  it('counts missing milestones against timeline completeness', () => {
    const full = dim(analyze(TIMELINE_DOC), 'timeline');
    assert.equal(full.summary.startsWith('5 entries'), true, full.summary);
    assert.ok(!/no .* entry/.test(full.summary), full.summary);
    const partial = dim(analyze('# T\n\n## Timeline (UTC)\n\n- 10:00 Error rate rose.\n- 10:20 Alert fired.\n'), 'timeline');
    assert.equal(partial.grade, 'fair');
    assert.match(partial.summary, /no mitigation, resolution entry/);
  });

  it('summarises follow-through from done and overdue items', () => {
    const d = dim(analyze(ACTIONS_DOC, { today: TODAY }), 'follow-through');
    assert.match(d.summary, /^1 of 4 done · 2 overdue/);
    assert.equal(d.grade, 'poor');
  });
});

describe('ask why again (core/edits/whyAgain.ts)', () => {
  const styles: Array<[string, string, RegExp]> = [
    [
      'Why N / Because lines',
      'Why 1: Why did the export fail?\nBecause the disk filled.\n\nWhy 2: Why did it fill?\nBecause logs grew without rotation.',
      /\n\nWhy 3: Why was that possible\?\nBecause $/,
    ],
    [
      'bold markers in nested bullets',
      '- **Why 1:** Why did it fail?\n  - **Because** the disk filled.\n- **Why 2:** Why did it fill?\n  - **Because** logs grew.',
      /\n- \*\*Why 3:\*\* Why was that possible\?\n {2}- \*\*Because\*\* $/,
    ],
    ['Q/A pairs', '- Q1: Why did it fail?\n- A1: The disk filled.\n- Q2: Why?\n- A2: Logs grew.', /\n- Q3: Why was that possible\?\n- A3: $/],
    [
      'numbered question-and-answer items',
      '1. Why did it fail? Because the disk filled.\n2. Why did it fill? Because logs grew.',
      /\n3\. Why was that possible\? $/,
    ],
    ['bold numbered questions', '**1. Why did it fail?** The disk filled.\n\n**2. Why did it fill?** Logs grew.', /\n\n\*\*3\. Why was that possible\?\*\* $/],
    ['answers only, numbered', '1. The disk filled.\n2. Logs were not rotated.', /\n3\. $/],
  ];
  for (const [name, chainText, expected] of styles) {
    it(`adds the next step in the chain's style: ${name}`, () => {
      const text = `# Export stalled\n\n## Five whys\n\n${chainText}\n\n## Action items\n\n- [ ] Rotate logs daily\n`;
      const before = analyze(text).model.fiveWhys;
      assert.equal(before.length, 1, 'one chain');
      const e = whyAgainEdit(text, before[0]);
      assert.ok(e, 'an edit');
      const after = applyEdits(text, [e.edit]);
      assert.match(after.slice(0, e.cursor), expected);
      const chains = analyze(after).model.fiveWhys;
      assert.equal(chains.length, 1);
      assert.equal(chains[0].steps.length, before[0].steps.length + 1, 'one step more');
      if (!/answers only/.test(name)) assert.match(chains[0].steps[chains[0].steps.length - 1].why?.text ?? '', new RegExp(NEXT_QUESTION.replace('?', '\\?')));
      assert.ok(after.endsWith('## Action items\n\n- [ ] Rotate logs daily\n'), 'the rest is untouched');
    });
  }

  it('inserts before an explicit root-cause line, below the last answer', () => {
    const text = '# T\n\n## Root causes\n\nWhy 1: Why did it fail?\nBecause an engineer made a typo.\nRoot cause: human error.\n';
    const chain = analyze(text).model.fiveWhys[0];
    const e = whyAgainEdit(text, chain)!;
    const after = applyEdits(text, [e.edit]);
    assert.ok(after.includes('made a typo.\nWhy 2: Why was that possible?\nBecause \nRoot cause: human error.'), after);
  });

  it('keeps CRLF line breaks', () => {
    const text = '# T\r\n\r\n## Five whys\r\n\r\nWhy 1: Why did it fail?\r\nBecause the disk filled.\r\n';
    const e = whyAgainEdit(text, analyze(text).model.fiveWhys[0])!;
    assert.equal(e.edit.newText, '\r\nWhy 2: Why was that possible?\r\nBecause ');
  });
});
