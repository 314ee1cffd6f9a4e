/**
 * Fixes state only what is known (issue 16 item 8):
 * - the timeline-timezone fix never asserts a zone the document does not give: it inserts a
 *   placeholder the author must fill (placeholder-text reports it), or states the one zone the
 *   entries do give;
 * - a blame rewrite is offered only where the rewritten sentence still has a subject and a verb
 *   (no double negative, no bare "being" as subject); sentences already blameless are not garbled.
 */
import { strict as assert } from 'node:assert';
import { analyze, type Finding } from '../../core';
import { fixUntilStable } from '../../core/edits/applyFixes';
import { clauseShape } from '../../core/language/nlp';
import { applyFix } from '../helpers/edits';

const TODAY = { today: '2026-11-23' };
const lint = (t: string) => analyze(t, TODAY).findings;
const only = (rule: string) => (t: string) => lint(t).filter((f) => f.rule === rule);
const apply = (text: string, f: Finding, n = 0) => applyFix(text, f.fixes![n], 'raw');

describe('fixes state only what is known', () => {
  const list = '# Postmortem: cache\n\n## Timeline\n\n- 10:02 Deploy started\n- 10:15 Errors rose\n- 10:40 Rolled back\n';
  const table = '# Postmortem: cache\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:02 | Deploy started |\n| 10:15 | Errors rose |\n';

  for (const [name, doc] of [
    ['list', list],
    ['table', table],
  ] as const) {
    it(`timeline-timezone (${name}): a placeholder, never "UTC", when the zone is unknown`, () => {
      const fixed = fixUntilStable(doc, only('timeline-timezone')).output;
      assert.ok(!/UTC/.test(fixed), fixed);
      assert.ok(fixed.includes('[TIME ZONE]'), fixed);
      assert.equal(fixed.split('[TIME ZONE]').length, 2, 'inserted once');
      assert.deepEqual(only('timeline-timezone')(fixed), [], 'the placeholder stands for the statement');
      assert.ok(
        lint(fixed).some((f) => f.rule === 'placeholder-text' && fixed.slice(f.start, f.end) === '[TIME ZONE]'),
        'placeholder-text reports it',
      );
    });
  }

  it('timeline-timezone: states the one zone the entries give', () => {
    const doc = list.replace('10:15 Errors', '10:15 CET Errors');
    const f = only('timeline-timezone')(doc)[0];
    assert.ok(f?.fixes?.length);
    assert.match(apply(doc, f), /All times CET\./);
  });

  const blameless = [
    'No one should have to remember this flag.',
    'Engineers should not have to be careful here.',
    'Being careless was not the cause.',
    'Careless is the wrong word here.',
    'Nobody failed to follow the runbook.',
  ];
  for (const sentence of blameless) {
    it(`no garbling rewrite of "${sentence}"`, () => {
      const doc = `# Postmortem: cache\n\n## Summary\n\n${sentence}\n`;
      for (const f of only('blame-language')(doc)) {
        for (const [n, fix] of (f.fixes ?? []).entries()) {
          if (fix.snippet) continue;
          const line = apply(doc, f, n).split('\n')[4];
          const shape = clauseShape(line)!;
          assert.ok((shape.subject || /^\w+ing\b/.test(line)) && shape.verb, `"${line}" reads as a sentence`);
          assert.ok(!/\b\w+ing\s+(?:remember|be)\b|\btoing\b/.test(line), line);
          assert.ok(!/^(?:Nobody|No one)\b.*\bnot\b/.test(line), `no double negative: ${line}`);
          assert.ok(!/^Being was\b|^Is\b/.test(line), line);
        }
      }
    });
  }

  it('still rewrites blame that reads as a sentence after the rewrite', () => {
    const doc = '# Postmortem: cache\n\n## Summary\n\nBob should have checked the lock before the migration ran.\n\nThe engineer failed to notice the alert.\n';
    const fixed = fixUntilStable(doc, only('blame-language')).output;
    assert.match(fixed, /Nothing in the process required checking the lock before the migration ran\./);
    assert.match(fixed, /The engineer did not notice the alert\./);
  });

  // The check reads the clause the rewrite is in, so what comes before a coordination (an emoji, a
  // possessive name, a time) neither blocks the rewrite nor lends it a subject.
  const leads = [
    'Zoë’s 🚨 pager fired at 09:20',
    'The queue filled; at 09:20 the pager fired',
    'Traffic doubled at noon (✅ expected)',
    'Ngozi Adebayo’s alert went off',
  ];
  for (const lead of leads) {
    it(`rewrites a counterfactual after "${lead}, and …"`, () => {
      const sep = lead.includes(';') ? ', and ' : ', and ';
      const doc = `# Postmortem: cache\n\n## Summary\n\n${lead}${sep}the on-call engineer should have checked the queue dashboard.\n`;
      const f = only('blame-language')(doc).find((x) => /should have/.test(doc.slice(x.start, x.end)));
      assert.ok(f?.fixes?.length, 'a rewrite is offered');
      const line = apply(doc, f!, 0).split('\n')[4];
      assert.equal(line, `${lead}${sep}nothing in the process required checking the queue dashboard.`);
    });
  }
  it('offers no rewrite whose own clause would lose its subject', () => {
    const doc = '# Postmortem: cache\n\n## Summary\n\nThe pager fired, and should have been silenced sooner.\n';
    for (const f of only('blame-language')(doc))
      for (const fix of f.fixes ?? []) {
        if (fix.snippet) continue;
        const line = apply(doc, { ...f, fixes: [fix] } as Finding, 0).split('\n')[4];
        const clause = line.slice(line.lastIndexOf(', and ') + 6);
        const shape = clauseShape(clause);
        assert.ok(shape && (shape.subject || /^\w+ing\b/.test(clause)) && shape.verb, `"${clause}" reads as a clause`);
      }
  });
});
