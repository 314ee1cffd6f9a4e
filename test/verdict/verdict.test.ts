/**
 * ONE VERDICT. The bundled language server (over stdio, as an editor starts it) and the bundled CLI
 * (`node dist/cli.js --format json`) check the same files under the same configuration files, and
 * must report the same findings, one to one: rule (the diagnostic's code), severity, message and range.
 *
 * The workspace exercises what configuration can change: rule severities and `off`, the template and
 * its aliases, `people.notPeople`, `phrases`, status shaping (draft and final), `ignore` globs, a
 * nested `root: true` file that cuts the search, and suppression comments (used, without a reason,
 * unused). Documents an `ignore` glob matches get no diagnostics in the editor and are left out by
 * the CLI when it expands folders.
 *
 * Today's date: the server takes it from the clock unless `initializationOptions.today` fixes it
 * (server/src/server.ts); this test fixes it there and passes the same date to the CLI as --today,
 * so overdue checks agree whatever day the test runs.
 */
import { presentFindings } from '../../server/src/lsp/present';
import { emptyModel, LineIndex, type Finding } from '../../core';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ensureBuilt, runCli, type JsonReport } from '../cli/helpers';
import { startClient, stopClient, tempWorkspace, type TempWorkspace } from '../protocol/configWorkspace';
import { ensureBundle, type TestClient } from '../protocol/lspClient';

const TODAY = '2026-05-11';

const TOP_CONFIG = `# Every postmortem in the repository
rules:
  blame-language: error
  summary-too-long: off
  action-item-type-missing: hint
people:
  notPeople: [Marvin]
phrases:
  blame:
    add: ["went sideways"]
  vague:
    add: ["tighten up"]
    remove: ["look into"]
ignore:
  - "postmortems/drafts/**"
  - "**/README.md"
status:
  finalWarningsAsErrors: false
`;

const PAYMENTS_CONFIG = JSON.stringify(
  {
    template: { sections: ['summary', 'impact', 'timeline', 'root-causes', 'action-items'], aliases: { impact: ['Fallout'], 'root-causes': ['Why it broke'] } },
    rules: { 'section-missing': 'error', 'metadata-missing': 'off' },
    status: { draftWarningsAsHints: false },
  },
  null,
  2,
);

const SEARCH_CONFIG = `root: true
rules:
  blame-language: info
  timeline-timezone: off
`;

const CHECKOUT = `---
title: Checkout webhooks delayed
date: 2026-03-14
severity: SEV-2
status: final
authors: [Ines Varga]
---

# Checkout webhooks delayed

## Summary

Payment confirmations reached merchants up to 50 minutes late. Marvin failed to retry the webhook batch, and the rollout went sideways after the second region.

## Impact

About 4,800 merchant webhooks were late; 37 merchants opened tickets.

## Timeline

All times UTC.

- 10:02 The webhook dispatcher release began.
- 10:15 Retry queue depth alert fired.
- 10:51 Rollback finished and the backlog drained.

## Root causes

The dispatcher release dropped the retry header on batched sends.

## Contributing factors

The staging merchants received single sends only. The on-call engineer failed to page the payments team.

<!-- postmortem-disable-next-line blame-language -- quoted from the paging log as written -->
The release manager should have paused the rollout.

<!-- postmortem-disable-next-line blame-language -->
The second reviewer failed to open the diff.

<!-- postmortem-disable-next-line hindsight-bias -- nothing to silence here -->
The dashboards showed the queue depth.

## What went well

Rollback took four minutes.

## What went poorly

Nobody owned the retry header contract.

## Action items

- Look into the retry header contract (owner: @ines, due: 2026-03-28, ticket: PAY-311)
- Tighten up the dispatcher alerts (owner: @ines, due: 2026-03-28, ticket: PAY-312)
- Add a contract test for the retry header on batched sends (owner: @ines, due: 2026-03-20, ticket: PAY-313)

## Lessons learned

Batching changes the contract even when single sends look fine.
`;

const CARD_DECLINES = `---
title: Card declines after the fraud model update
date: 2026-02-03
severity: SEV-3
status: draft
---

# Card declines after the fraud model update

## Summary

Legitimate card payments were declined for 25 minutes after a fraud model update.

## Fallout

Roughly 1,200 payments were declined; most customers retried.

## Timeline

- 14:05 Model update deployed.
- 14:30 Rollback finished.

## Why it broke

The new model scored a common merchant category as high risk. The analyst should have compared the score distributions first.

## Action items

| Action | Owner | Due |
| --- | --- | --- |
| Compare score distributions before every model rollout | TBD | 2026-02-10 |
`;

const REINDEX = `---
title: Search reindex stalled
date: 2026-01-19
severity: SEV-3
status: draft
---

# Search reindex stalled

## Summary

Search results were stale for three hours because the nightly reindex stalled. Marvin failed to restart the shard worker, and the rollout went sideways.

## Timeline

- 02:00 Reindex started.
- 05:10 Stale results reported by support.

## Action items

- Look into shard worker restarts (owner: @kai, due: 2026-02-15)
`;

const DRAFT = `# Postmortem: payment retries (draft)

## Summary

The on-call engineer should have paused the retries. TODO
`;

const README = `# Postmortems

The on-call engineer should have linked every postmortem here.
`;

const FILES: Record<string, string> = {
  '.postmortemrc.yaml': TOP_CONFIG,
  'postmortems/2026-03-checkout-webhooks.md': CHECKOUT,
  'postmortems/drafts/payment-retries.md': DRAFT,
  'postmortems/README.md': README,
  'teams/payments/.postmortemrc.json': PAYMENTS_CONFIG,
  'teams/payments/incidents/2026-02-card-declines.md': CARD_DECLINES,
  'teams/search/.postmortemrc.yml': SEARCH_CONFIG,
  'teams/search/incidents/2026-01-reindex.md': REINDEX,
};

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** A server diagnostic in the CLI's JSON shape (1-based lines and columns, end column exclusive). */
function asCli(d: Diagnostic) {
  return {
    rule: String(d.code),
    severity: SEVERITY[d.severity ?? 0],
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

/** The CLI's findings as the editor presents them (lsp/present.ts): merged per action item, short messages. */
function presentedCli(text: string, ds: ReturnType<typeof asCli>[]): ReturnType<typeof asCli>[] {
  const lines = new LineIndex(text);
  const findings: Finding[] = ds.map((d) => ({
    rule: d.rule,
    severity: d.severity as Finding['severity'],
    message: d.message,
    start: lines.offset(d.line - 1, d.column - 1),
    end: lines.offset(d.endLine - 1, d.endColumn - 1),
  }));
  const shown = presentFindings({ model: emptyModel(), findings, internalErrors: [] }, text).findings;
  return shown.map((f) => {
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
}

function markdownFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    if (name === '.git') continue;
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(path.join(dir, r)).isDirectory()) out.push(...markdownFiles(dir, r));
    else if (name.endsWith('.md')) out.push(r);
  }
  return out;
}

describe('one verdict: the language server and postmortem-lint agree', function () {
  this.timeout(120_000);
  let ws: TempWorkspace;
  let client: TestClient;
  let cli: JsonReport;
  const server = new Map<string, ReturnType<typeof asCli>[]>();

  before(async function () {
    ensureBundle();
    ensureBuilt();
    ws = tempWorkspace(FILES);

    const r = runCli(['postmortems', 'teams', '--format', 'json', '--today', TODAY], { cwd: ws.dir });
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    cli = JSON.parse(r.stdout) as JsonReport;

    ({ client } = await startClient(ws.dir, { today: TODAY }));
    for (const rel of markdownFiles(ws.dir)) {
      const published = await client.openAndWait(ws.uri(rel), FILES[rel]);
      for (const d of published.diagnostics) assert.equal(d.source, 'postmortem');
      server.set(rel, published.diagnostics.map(asCli));
    }
  });

  after(async () => {
    await stopClient(client);
    ws?.cleanup();
  });

  const cliFor = (rel: string) => cli.files.find((f) => f.path.split(path.sep).join('/') === rel)?.diagnostics;

  it('checks the same files: the ignored ones get no diagnostics in the editor and are left out by the CLI', () => {
    assert.deepEqual(cli.files.map((f) => f.path.split(path.sep).join('/')).sort(), [
      'postmortems/2026-03-checkout-webhooks.md',
      'teams/payments/incidents/2026-02-card-declines.md',
      'teams/search/incidents/2026-01-reindex.md',
    ]);
    assert.deepEqual(server.get('postmortems/drafts/payment-retries.md'), []);
    assert.deepEqual(server.get('postmortems/README.md'), []);
  });

  for (const rel of [
    'postmortems/2026-03-checkout-webhooks.md',
    'teams/payments/incidents/2026-02-card-declines.md',
    'teams/search/incidents/2026-01-reindex.md',
  ]) {
    it(`reports the same findings for ${rel}`, () => {
      const fromCli = cliFor(rel);
      assert.ok(fromCli, `the CLI checked ${rel}`);
      assert.ok(fromCli.length > 0);
      // The editor shows the same findings, one per thing with short messages (lsp/present.ts).
      assert.deepEqual(server.get(rel), presentedCli(FILES[rel], fromCli));
    });
  }

  // The configuration really shaped what both reported (otherwise agreeing would prove little).
  it('applied each configuration file where it belongs', () => {
    const checkout = cliFor('postmortems/2026-03-checkout-webhooks.md')!;
    const payments = cliFor('teams/payments/incidents/2026-02-card-declines.md')!;
    const search = cliFor('teams/search/incidents/2026-01-reindex.md')!;
    const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const rules = (ds: typeof checkout, line?: number) => ds.filter((d) => line === undefined || d.line === line).map((d) => `${d.rule}:${d.severity}`);

    // Top config: blame-language is an error, "went sideways" is blame, Marvin (our deploy bot) is a tool, vague phrases changed,
    // final status keeps warnings as warnings, summary-too-long off.
    const summaryLine = lineOf(CHECKOUT, 'Marvin failed');
    assert.deepEqual(rules(checkout, summaryLine), ['blame-language:error']);
    assert.ok(!rules(checkout).includes('summary-too-long:warning'));
    assert.deepEqual(rules(checkout, lineOf(CHECKOUT, 'The on-call engineer failed')), ['blame-language:error']);
    const vague = (line: number) => rules(checkout, line).filter((r) => r.startsWith('action-item-vague'));
    assert.deepEqual(vague(lineOf(CHECKOUT, 'Look into the retry')), []);
    assert.deepEqual(vague(lineOf(CHECKOUT, 'Tighten up')), ['action-item-vague:warning']);
    assert.ok(rules(checkout).includes('action-item-type-missing:hint'));
    // Suppressions: the used one silences, the one without a reason and the unused one are reported.
    assert.deepEqual(rules(checkout, lineOf(CHECKOUT, 'The release manager should have')), []);
    assert.ok(rules(checkout, lineOf(CHECKOUT, '<!-- postmortem-disable-next-line blame-language -->')).includes('suppression-reason-missing:hint'));
    assert.ok(rules(checkout, lineOf(CHECKOUT, '<!-- postmortem-disable-next-line hindsight-bias')).includes('suppression-unused:hint'));

    // Payments: its template and aliases (Fallout, Why it broke), section-missing as error, draft warnings stay warnings.
    assert.deepEqual(
      payments.filter((d) => d.rule === 'section-missing'),
      [],
    );
    assert.ok(rules(payments).includes('blame-language:error'), 'the top config still applies below payments');
    assert.ok(rules(payments).some((r) => r.endsWith(':warning')));
    assert.ok(!rules(payments).some((r) => r.startsWith('metadata-missing')));

    // Search: root: true cuts the top config (Marvin is a name again, "went sideways" is no phrase), blame is info,
    // and the draft shows only what is not written yet as hints: blame and vague items keep their severity.
    const searchSummary = lineOf(REINDEX, 'Marvin failed');
    assert.deepEqual(
      rules(search, searchSummary).filter((r) => r.startsWith('blame-language')),
      ['blame-language:info'],
    );
    assert.ok(rules(search, searchSummary).includes('person-as-cause:warning'));
    assert.ok(rules(search, lineOf(REINDEX, 'Look into shard')).includes('action-item-vague:warning'));
    assert.ok(rules(search).some((r) => r.startsWith('section-missing:hint')));
    assert.ok(!rules(search).some((r) => r.startsWith('section-missing:warning')));
  });
});
