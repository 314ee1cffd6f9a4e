/**
 * Status shapes completeness, never blamelessness: while a postmortem is a draft only the rules about
 * what is not written yet (sections, metadata, ticket, type, due) show as hints, and say so; the blame
 * family keeps its severity in every status.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { analyze, type AnalyzeOptions, type Finding } from '../../core';
import { BLAME_RULES, COMPLETENESS_RULES } from '../../core/engine/finishAnalysis';

const OPTIONS: AnalyzeOptions = { today: '2026-04-01', status: { draftWarningsAsHints: true, finalWarningsAsErrors: true } };

function doc(status: string, person: string): string {
  return `---
title: Queue backlog on the export workers
date: 2026-03-02
severity: SEV-2
status: ${status}
---

# Queue backlog on the export workers

## Summary

Exports were delayed by 40 minutes. ${person} should have checked the queue depth before the deploy.

## Timeline

- 09:10 UTC Deploy of the export worker.
- 09:50 UTC Rolled back.

## Action items

- Alert when the export queue is older than 10 minutes (owner: @dana)
`;
}

const byRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

describe('status shaping', () => {
  it('keeps blame findings at their severity in a draft, and softens only what is not written yet', () => {
    fc.assert(
      fc.property(fc.constantFrom('Marta', 'We', 'The on-call engineer', 'The release manager'), (person) => {
        const { findings } = analyze(doc('draft', person), OPTIONS);
        const blame = byRule(findings, 'blame-language');
        assert.equal(blame.length, 1, JSON.stringify(findings.map((f) => f.rule)));
        assert.equal(blame[0].severity, 'warning');
        assert.equal(blame[0].shaped, undefined);
        const missing = byRule(findings, 'section-missing');
        assert.ok(missing.length > 0);
        for (const f of findings) {
          if (COMPLETENESS_RULES.has(f.rule)) {
            assert.equal(f.severity, 'hint', f.rule);
          } else if (f.shaped) assert.fail(`${f.rule} was shaped in a draft`);
        }
        assert.deepEqual(missing[0].shaped, { status: 'draft', from: 'warning' });
        assert.ok(byRule(findings, 'action-item-due-missing').every((f) => f.severity === 'hint' && f.shaped?.from === 'warning'));
      }),
      { numRuns: 8 },
    );
  });

  it('does not turn blame into an error once final, while other warnings become errors', () => {
    const { findings } = analyze(doc('final', 'Marta'), OPTIONS);
    for (const f of findings) if (BLAME_RULES.has(f.rule)) assert.equal(f.severity, 'warning', f.rule);
    const missing = byRule(findings, 'section-missing');
    assert.ok(missing.length && missing.every((f) => f.severity === 'error' && f.shaped?.status === 'final'));
  });

  it('leaves every severity alone when the options do not ask for shaping', () => {
    const { findings } = analyze(doc('draft', 'Marta'), { today: '2026-04-01' });
    assert.ok(findings.every((f) => !f.shaped));
    assert.equal(byRule(findings, 'section-missing')[0].severity, 'warning');
  });
});
