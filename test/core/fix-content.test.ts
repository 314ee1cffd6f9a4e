/**
 * Fixes state only what is known (issue 16 item 8):
 * - the timeline-timezone fix never asserts a zone the document does not give: it inserts a
 *   placeholder the author must fill (placeholder-text reports it), or states the one zone the
 *   entries do give;
 * - a blame rewrite is offered only where the rewritten sentence still has a subject and a verb
 *   (no double negative, no bare "being" as subject); sentences already blameless are not garbled.
 */
import { strict as assert } from 'node:assert';
import { analyze, type Finding } from '../../server/src/core';
import { fixUntilStable } from '../../server/src/core/fixes';
import { clauseShape } from '../../server/src/core/nlp';

const TODAY = { today: '2026-11-23' };
const lint = (t: string) => analyze(t, TODAY).findings;
const only = (rule: string) => (t: string) => lint(t).filter((f) => f.rule === rule);
const apply = (text: string, f: Finding, n = 0) => {
  let out = text;
  for (const e of [...f.fixes![n].edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
};

describe('fixes state only what is known', () => {
  const list = '# Postmortem: cache\n\n## Timeline\n\n- 10:02 Deploy started\n- 10:15 Errors rose\n- 10:40 Rolled back\n';
  const table = '# Postmortem: cache\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 10:02 | Deploy started |\n| 10:15 | Errors rose |\n';

  for (const [name, doc] of [['list', list], ['table', table]] as const) {
    it(`timeline-timezone (${name}): a placeholder, never "UTC", when the zone is unknown`, () => {
      const fixed = fixUntilStable(doc, only('timeline-timezone')).output;
      assert.ok(!/UTC/.test(fixed), fixed);
      assert.ok(fixed.includes('[TIME ZONE]'), fixed);
      assert.equal(fixed.split('[TIME ZONE]').length, 2, 'inserted once');
      assert.deepEqual(only('timeline-timezone')(fixed), [], 'the placeholder stands for the statement');
      assert.ok(lint(fixed).some((f) => f.rule === 'placeholder-text' && fixed.slice(f.start, f.end) === '[TIME ZONE]'), 'placeholder-text reports it');
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
});
