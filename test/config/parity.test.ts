/**
 * One verdict: the bundled CLI gives exactly the findings that `analyze(text, loadConfigFor(file).options)`
 * gives — the call the language server makes with the same shared loader — for a postmortem under a
 * configuration that changes severities, the template, and status shaping.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFor } from '../../config';
import { analyze, LineIndex } from '../../core';
import { ensureBuilt, runCli, tempTree, type JsonReport } from '../cli/helpers';
import { WITH_ERROR } from '../cli/samples';

describe('same findings in the CLI and through the shared loader', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it('for a final postmortem under a team configuration with suppressions', () => {
    const text = WITH_ERROR.replace('status: in review', 'status: final')
      .replace(
        'The rollback runbook was current.',
        'The on-call engineer should have checked the hit rate.\n\n<!-- postmortem-disable-next-line blame-language -- quoted from the handover -->\nThe release manager failed to wait.',
      )
      .replace('## What went poorly', '## Things that hurt');
    const t = tempTree({
      '.git/HEAD': '',
      '.postmortemrc.yaml': 'rules:\n  blame-language: info\n  action-item-ticket-missing: off\n',
      'team/.postmortemrc.json': JSON.stringify({
        template: { sections: ['summary', 'impact', 'timeline', 'what-went-poorly'] },
        rules: { 'section-missing': 'warning' },
      }),
      'team/incidents/pm.md': text,
    });
    try {
      const r = runCli(['team/incidents/pm.md', '--format', 'json', '--today', '2026-10-10'], { cwd: t.dir });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const cli = (JSON.parse(r.stdout) as JsonReport).files[0].diagnostics;

      const file = join(t.dir, 'team/incidents/pm.md');
      const loaded = loadConfigFor(file);
      assert.deepEqual(loaded.problems, []);
      const src = readFileSync(file, 'utf8');
      const lines = new LineIndex(src);
      const direct = analyze(src, { ...loaded.options, today: '2026-10-10' }).findings.map((f) => {
        const s = lines.position(f.start);
        const e = lines.position(f.end);
        return {
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          line: s.line + 1,
          column: s.character + 1,
          endLine: e.line + 1,
          endColumn: e.character + 1,
        };
      });
      assert.deepEqual(cli, direct);
      // The configuration really shaped the result: the nearer file's template, the farther file's severity, final -> errors.
      assert.ok(cli.some((d) => d.rule === 'section-missing' && d.severity === 'error' && /What went poorly/.test(d.message)));
      assert.ok(cli.some((d) => d.rule === 'blame-language' && d.severity === 'info'));
      assert.ok(!cli.some((d) => d.rule === 'action-item-ticket-missing'));
    } finally {
      t.cleanup();
    }
  });
});
