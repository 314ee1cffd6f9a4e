/**
 * Quick-fixes of the blamelessness rules (blame-language, person-as-cause, human-error-root-cause,
 * hindsight-bias):
 * - as data: for a set of sentences, the line after applying the rule's preferred fix;
 * - as properties (fast-check), over postmortems generated from the phrase examples: every fix edits
 *   only the finding's own line, the result still parses into the same structure, and re-analysis no
 *   longer reports that rule where the fix wrote (non-snippet fixes); applying all preferred fixes
 *   until nothing is left gives a text that a second run leaves unchanged.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, LineIndex, type Finding, type Fix } from '../../core';
import { AGENCY_EXAMPLES } from '../../core/data/agency';
import { BLAME_PHRASES } from '../../core/data/blame';
import { HINDSIGHT, HUMAN_ACTIONS, HUMAN_ERROR, TIMELINE_EXAMPLES } from '../../core/data/causes';
import { applyFixes, fixUntilStable } from '../../core/edits/applyFixes';
import { postmortemWith, type Place } from './phrases.test';
import { applyFix } from '../helpers/edits';

const RULES = ['blame-language', 'person-as-cause', 'human-error-root-cause', 'hindsight-bias'];
const TODAY = '2026-11-23';

const apply = (text: string, fix: Fix): string => applyFix(text, fix);

function lint(text: string): Finding[] {
  const res = analyze(text, { today: TODAY });
  assert.deepEqual(res.internalErrors, []);
  return res.findings.filter((f) => RULES.includes(f.rule));
}

/** [place, line, rule, the line after the rule's preferred fix] */
const CASES: Array<[Place, string, string, string]> = [
  ['what-went-poorly', 'The author failed to mention the rename.', 'blame-language', 'The author did not mention the rename.'],
  ['what-went-poorly', 'Support fails to tag duplicate tickets.', 'blame-language', 'Support does not tag duplicate tickets.'],
  ['what-went-poorly', 'The release manager neglected to read the plan.', 'blame-language', 'The release manager did not read the plan.'],
  ['what-went-poorly', 'Tomas should have checked the replica lag.', 'blame-language', 'Nothing in the process required checking the replica lag.'],
  ['what-went-poorly', "They shouldn't have merged on a Friday.", 'blame-language', 'Nothing in the process prevented merging on a Friday.'],
  ['what-went-poorly', 'Nobody should have missed those alerts.', 'blame-language', 'Nothing in the process prevented missing those alerts.'],
  [
    'what-went-poorly',
    'The reviewer should have immediately rolled back the release.',
    'blame-language',
    'Nothing in the process required rolling back the release.',
  ],
  ['what-went-poorly', 'In hindsight we could have paged the vendor.', 'blame-language', 'In hindsight nothing in the process required paging the vendor.'],
  ['what-went-poorly', 'It was a careless change to a shared config.', 'blame-language', 'It was a change to a shared config.'],
  ['what-went-poorly', 'The handover was an incompetent mess.', 'blame-language', 'The handover was a mess.'],
  ['what-went-poorly', 'Reviewers carelessly approved the rename.', 'blame-language', 'Reviewers approved the rename.'],
  ['what-went-poorly', 'Sloppy reviews let the bug through.', 'blame-language', 'Reviews let the bug through.'],
  ['what-went-poorly', "Why didn't anyone catch this?", 'blame-language', 'What would have caught this earlier?'],
  ['what-went-poorly', "Why didn't anyone notice the disk filling up?", 'blame-language', 'What would have helped us notice the disk filling up earlier?'],
  ['what-went-poorly', 'Why did nobody page the vendor sooner?', 'blame-language', 'What would have helped us page the vendor earlier?'],
  ['what-went-poorly', 'Nobody ran the migration in staging!!', 'blame-language', 'Nobody ran the migration in staging.'],
  ['what-went-poorly', 'Nobody ran the migration in staging?!', 'blame-language', 'Nobody ran the migration in staging?'],
  ['what-went-poorly', 'The review took four days, which is ridiculous.', 'blame-language', 'The review took four days.'],
  ['what-went-poorly', "The team didn't even open the dashboard.", 'blame-language', 'The team did not open the dashboard.'],
  ['what-went-poorly', "The on-call didn't bother to read the alert.", 'blame-language', 'The on-call did not read the alert.'],
  [
    'what-went-poorly',
    'Engineers need to be more careful when editing DNS records.',
    'blame-language',
    'Name the safeguard that makes this safe without extra care: a check, a confirmation step or an alert.',
  ],
  ['root-causes', 'Ana deployed the change without a canary.', 'person-as-cause', 'An engineer deployed the change without a canary.'],
  ['root-causes', 'Tomas ran the cleanup job twice.', 'person-as-cause', 'The incident commander ran the cleanup job twice.'],
  ['root-causes', 'The outage was caused by @kwame.', 'person-as-cause', 'The outage was caused by a responder.'],
  ['root-causes', "Tomas's migration dropped the index.", 'person-as-cause', 'The migration dropped the index.'],
  ['what-went-poorly', 'The retry loop was obviously going to overload the queue.', 'hindsight-bias', 'The retry loop was going to overload the queue.'],
  ['what-went-poorly', 'Clearly the migration needed a window.', 'hindsight-bias', 'The migration needed a window.'],
  ['what-went-poorly', 'Evidently, the notes went unread.', 'hindsight-bias', 'The notes went unread.'],
  ['what-went-poorly', 'The operator just had to restart the pod.', 'hindsight-bias', 'The operator had to restart the pod.'],
  ['what-went-poorly', 'The pins, of course, changed with the chain.', 'hindsight-bias', 'The pins changed with the chain.'],
  ['what-went-poorly', 'The fix merely required a reload.', 'hindsight-bias', 'The fix required a reload.'],
  [
    'root-causes',
    'Human error.',
    'human-error-root-cause',
    // The cause as written stays, and the fix asks why again: the author answers the question.
    'Human error. Why was that possible? What made this action possible or likely? (a missing check, a missing confirmation, access that should not exist)',
  ],
];

describe('blamelessness quick-fixes', () => {
  describe('rewrite these sentences', () => {
    for (const [place, line, rule, after] of CASES) {
      it(`${rule}: ${line}`, () => {
        const { text, start } = postmortemWith(place, line);
        const f = lint(text).find((x) => x.rule === rule && x.start >= start && x.start < start + line.length);
        assert.ok(f, `${rule} reports: ${line}`);
        const fix = f.fixes?.find((x) => x.preferred);
        assert.ok(fix, `${rule} offers a preferred fix for: ${line}`);
        const out = apply(text, fix);
        const lineNo = new LineIndex(text).position(start).line;
        const got = out.split('\n')[lineNo].replace(/^(?:- (?:10:05 )?)/, '');
        assert.equal(got, after);
      });
    }

    it('offers more than one rewrite for "should have", the best one preferred', () => {
      const { text, start } = postmortemWith('what-went-poorly', 'The reviewer should have checked the plan before approving the migration.');
      const f = lint(text).find((x) => x.rule === 'blame-language' && x.start >= start)!;
      const titles = f.fixes!.map((x) => x.title);
      assert.ok(titles.length >= 3, titles.join('\n'));
      assert.equal(f.fixes!.filter((x) => x.preferred).length, 1);
      const texts = f.fixes!.map((x) => apply(text, x).split('\n')[new LineIndex(text).position(start).line]);
      assert.ok(texts.includes('- The process did not ask anyone to check the plan before approving the migration.'), texts.join('\n'));
      assert.ok(texts.includes('- Checking the plan was not required before approving the migration.'), texts.join('\n'));
    });

    it("asks why again below a human-error last answer of a 5 Whys chain, in the chain's style, keeping the answer", () => {
      const chain = [
        '### Why chain',
        '',
        'Q1: Why did the job run twice?',
        'A1: Two schedulers were active.',
        'Q2: Why were two active?',
        'A2: The engineer made a mistake during the failover.',
      ].join('\n');
      const { text, start } = postmortemWith('root-causes', chain);
      const f = lint(text).find((x) => x.rule === 'human-error-root-cause' && x.start >= start)!;
      assert.ok(f, 'reported');
      const ask = f.fixes!.find((x) => x.preferred);
      assert.equal(ask?.title, 'Ask why again (adds a step to the chain)');
      assert.ok(ask?.snippet, 'a snippet fix to ask why again');
      const out = apply(text, ask);
      assert.match(out, /A2: The engineer made a mistake during the failover\.\nQ3: Why was that possible\?\nA3: What made this action possible or likely\?/);
      // The new step is the chain's last answer now, so the human-error answer is no longer the conclusion;
      // the placeholder answer is flagged until the author writes the condition.
      assert.deepEqual(
        lint(out).filter((x) => x.rule === 'human-error-root-cause'),
        [],
      );
      const a3 = out.split('\n').findIndex((l) => l.startsWith('A3:'));
      assert.ok(
        analyze(out, { today: TODAY }).findings.some((x) => x.rule === 'placeholder-text' && new LineIndex(out).position(x.start).line === a3),
        'the placeholder answer is flagged',
      );
    });
  });

  describe('properties over generated postmortems', () => {
    const poorly = [
      ...new Set([
        ...BLAME_PHRASES.flatMap((e) => [...e.examples.flag, ...e.examples.clean]),
        ...HINDSIGHT.flatMap((e) => [...e.examples.flag, ...e.examples.clean]),
      ]),
    ];
    const root = [
      ...HUMAN_ERROR.examples.flag,
      ...HUMAN_ERROR.examples.clean,
      ...HUMAN_ACTIONS.examples.flag,
      ...HUMAN_ACTIONS.examples.clean,
      ...AGENCY_EXAMPLES.flag,
      ...AGENCY_EXAMPLES.clean,
    ];
    const timeline = [...TIMELINE_EXAMPLES.flag, ...TIMELINE_EXAMPLES.clean];
    const docs = fc
      .record({
        poorly: fc.array(fc.constantFrom(...poorly), { minLength: 1, maxLength: 5 }),
        root: fc.array(fc.constantFrom(...root), { maxLength: 4 }),
        timeline: fc.array(fc.constantFrom(...timeline), { maxLength: 3 }),
        paragraphs: fc.boolean(),
      })
      .map(({ poorly, root, timeline, paragraphs }) => {
        // Examples in the sections they belong to; root causes as bullets or as paragraphs.
        const rootText = root.length ? (paragraphs ? root.join('\n\n') : root.map((r) => `- ${r}`).join('\n')) : 'The pool size file has no schema.';
        let text = postmortemWith('root-causes', rootText).text;
        text = text.replace(
          '- The first page went to an old rotation.',
          ['- The first page went to an old rotation.', ...poorly.map((p) => `- ${p}`)].join('\n'),
        );
        text = text.replace(
          '- 10:04 Error rate alert fires.',
          ['- 10:04 Error rate alert fires.', ...timeline.map((t, i) => `- 10:${String(10 + i).padStart(2, '0')} ${t}`)].join('\n'),
        );
        return text;
      });

    const shape = (text: string) => {
      const { model } = analyze(text, { today: TODAY });
      return {
        sections: model.sections.map((s) => s.title),
        entries: model.timelines.reduce((n, t) => n + t.entries.length, 0),
        items: model.actionItems.length,
        title: model.title?.text,
      };
    };

    it('every fix edits only its own line, keeps the structure, and its finding is gone where it wrote', () => {
      let checked = 0;
      fc.assert(
        fc.property(docs, (text) => {
          const lines = new LineIndex(text);
          const before = shape(text);
          for (const f of lint(text)) {
            for (const fix of f.fixes ?? []) {
              const out = apply(text, fix);
              const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
              if (!fix.snippet) {
                // Inside the finding's line(s), and the text before and after the edits is untouched.
                const first = lines.lineStarts[lines.position(f.start).line];
                const last = lines.lineEnd(lines.position(f.end).line);
                for (const e of sorted) assert.ok(e.start >= first && e.end <= last, `${f.rule}: "${fix.title}" edits outside its line`);
                assert.equal(out.slice(0, sorted[0].start), text.slice(0, sorted[0].start));
                const tail = text.length - sorted[sorted.length - 1].end;
                assert.equal(out.slice(out.length - tail), text.slice(text.length - tail));
              }
              // Still a postmortem with the same sections, timeline entries and action items.
              const after = shape(out);
              assert.deepEqual(after.sections, before.sections, `${f.rule}: "${fix.title}" changed the sections`);
              assert.equal(after.items, before.items);
              if (!fix.snippet) assert.equal(after.entries, before.entries);
              if (!fix.snippet && sorted.length === 1) {
                const e = sorted[0];
                const from = e.start;
                const to = e.start + e.newText.length;
                const again = lint(out).filter((x) => x.rule === f.rule && x.start <= to && x.end >= from && !(x.end === from && x.start < from));
                assert.deepEqual(
                  again.map((x) => `${out.slice(x.start, x.end)}: ${x.message}`),
                  [],
                  `${f.rule}: after "${fix.title}" on "${text.slice(f.start, f.end)}"`,
                );
              }
              checked++;
            }
          }
        }),
        { numRuns: 60 },
      );
      assert.ok(checked > 50, `only ${checked} fixes were exercised`);
    });

    it('applying all preferred fixes until nothing is left is stable: a second run changes nothing', () => {
      fc.assert(
        fc.property(docs, (text) => {
          const once = fixUntilStable(text, lint);
          const twice = fixUntilStable(once.output, lint);
          assert.equal(twice.output, once.output);
          assert.equal(twice.fixed, 0);
          // Nothing preferred and applicable is left in the fixed text.
          assert.equal(applyFixes(once.output, lint(once.output)).applied.length, 0);
        }),
        { numRuns: 40 },
      );
    });
  });
});
