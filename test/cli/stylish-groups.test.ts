/** `--format stylish`: findings counted by rule in the summary, and a rule repeated more than 20 times in one file grouped. */
import { strict as assert } from 'node:assert';
import { formatStylish, GROUP_OVER, GROUP_SHOWN } from '../../cli/format/stylish';
import type { CliDiagnostic, FileReport } from '../../cli/results';

function diag(rule: string, line: number): CliDiagnostic {
  return {
    rule,
    severity: 'warning',
    message: `${rule} at ${line}`,
    line,
    column: 1,
    endLine: line,
    endColumn: 2,
    fixable: false,
    finding: { rule, severity: 'warning', message: '', start: 0, end: 1 } as unknown as CliDiagnostic['finding'],
  };
}

function file(path: string, diags: CliDiagnostic[]): FileReport {
  return { path, text: '', diagnostics: diags, suppressed: [], internalErrors: [] };
}

describe('stylish output', () => {
  it('counts findings by rule in the summary, most first', () => {
    const out = formatStylish(
      [file('a.md', [diag('section-missing', 1), diag('section-missing', 1), diag('metadata-missing', 1)]), file('b.md', [diag('section-missing', 1)])],
      { color: false },
    );
    assert.match(out, /by rule: section-missing 3, metadata-missing 1/);
  });

  it(`groups one rule's findings in a file past ${GROUP_OVER}, showing the first ${GROUP_SHOWN}`, () => {
    for (const n of [GROUP_OVER, GROUP_OVER + 1, 47]) {
      const diags = Array.from({ length: n }, (_, i) => diag('action-item-owner-missing', 10 + i));
      const out = formatStylish([file('a.md', [...diags, diag('timeline-order', 99)])], { color: false });
      const shown = out.split('\n').filter((l) => /action-item-owner-missing at \d+/.test(l)).length;
      if (n <= GROUP_OVER) {
        assert.equal(shown, n);
        assert.doesNotMatch(out, /more finding/);
      } else {
        assert.equal(shown, GROUP_SHOWN);
        assert.match(out, new RegExp(`… ${n - GROUP_SHOWN} more findings of this rule, lines ${10 + GROUP_SHOWN}–${10 + n - 1}`));
      }
      // Other rules stay listed, and the summary still counts every finding.
      assert.match(out, /timeline-order at 99/);
      assert.match(out, new RegExp(`${n + 1} problems`));
    }
  });
});
