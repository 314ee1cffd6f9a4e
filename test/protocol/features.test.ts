/**
 * The writing features of the bundled server, spoken to over stdio as VS Code would: hovers (rule
 * explanations from the docs pages, time since the first timeline entry), code lenses and their
 * setting, and the custom requests postmortem/quality, postmortem/askWhyAgain and
 * postmortem/insertSection. Every wait is for a message from the server.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../core';
import { shortExample, shortText } from '../../server/src/lsp/hover';
import { ruleDocSummary } from '../../server/src/lsp/ruleDocs';
import {
  AskWhyAgainRequest,
  FiveWhysRequest,
  InsertSectionRequest,
  NewPostmortemTextRequest,
  QualityRequest,
  SectionsRequest,
  type DocumentEditResult,
} from '../../common/protocol';
import { postmortemTemplate } from '../../features/newPostmortem';
import { ensureBundle, ROOT, SERVER_JS, TestClient } from './lspClient';
import { applyTextEdits } from '../helpers/edits';

const WORKSPACE = path.join(os.tmpdir(), 'postmortem-features-ws');
const wsUri = (rel: string) => pathToFileURL(path.join(WORKSPACE, rel)).href;

/** Rebuilds when a docs page is newer than the bundle (the pages are bundled for hovers). */
function ensureDocsBundled(): void {
  const docs = path.join(ROOT, 'docs', 'rules');
  const newest = Math.max(...readdirSync(docs).map((f) => statSync(path.join(docs, f)).mtimeMs));
  if (statSync(SERVER_JS).mtimeMs < newest) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

const POSTMORTEM = `---
title: Invoice emails sent twice
date: 2026-02-03
severity: SEV-3
status: in review
authors: [Ines Duarte]
---

# Invoice emails sent twice

## Summary

For 50 minutes, about 3,100 customers received their invoice email twice after a scheduler change.

## Impact

3,100 customers received a duplicate invoice email; 41 support tickets were opened.

## Timeline

- 14:05 Scheduler change deployed to the mailer.
- 14:17 Support noticed duplicate invoice emails in the queue.
- 14:38 Rolled back the scheduler change.
- 14:55 Resolved: no more duplicates sent.

## Root causes

### Five whys

Why 1: Why were invoices sent twice?
Because two scheduler instances picked up the same batch.
Why 2: Why did two instances pick up the same batch?
Because the deploy started the new instance before the old one released its lock.

## Contributing factors

The mailer had no idempotency key per invoice.

## What went well

The rollback took four minutes.

## What went poorly

Nothing paged; support noticed first.

## Action items

| Action | Type | Owner | Due | Status |
|---|---|---|---|---|
| Add an idempotency key per invoice email in the mailer | prevent | @ines | 2020-03-01 | open |
| Page when the mailer sends the same invoice twice within an hour | detect | TBD | 2099-03-01 | open |
`;

function pos(text: string, offset: number): Position {
  return new LineIndex(text).position(offset);
}

function at(text: string, needle: string, delta = 0): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `test text lacks ${JSON.stringify(needle)}`);
  return pos(text, i + delta);
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('writing features over stdio (bundled dist/server.js)', function () {
  let client: TestClient;
  let lensRefreshes = 0;
  let version = 0;
  /** The diagnostics last published per document. */
  const latest = new Map<string, Diagnostic[]>();

  async function open(rel: string, text: string): Promise<string> {
    const uri = wsUri(rel);
    latest.set(uri, (await client.openAndWait(uri, text, ++version)).diagnostics);
    return uri;
  }

  /** Replaces the whole document and waits for its diagnostics. */
  async function change(uri: string, text: string): Promise<number> {
    const v = ++version;
    const published = client.diagnosticsOf(uri, v);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    latest.set(uri, (await published).diagnostics);
    return v;
  }

  const hover = (uri: string, position: Position) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }) as Promise<Hover | null>;
  const lenses = (uri: string) => client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }) as Promise<CodeLens[]>;

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    ensureDocsBundled();
    client = new TestClient();
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      lensRefreshes++;
      return null;
    });
    const init = (await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(WORKSPACE).href,
      workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    })) as { capabilities: { hoverProvider?: unknown; codeLensProvider?: unknown } };
    assert.ok(init.capabilities.hoverProvider, 'announces hovers');
    assert.ok(init.capabilities.codeLensProvider, 'announces code lenses');
    await client.connection.sendNotification('initialized', {});
  });

  after(function () {
    client?.kill();
  });

  it('explains a finding on hover with the "Why" and "Better" parts of its docs page', async function () {
    const uri = await open('postmortems/hover-finding.md', POSTMORTEM);
    // The unstated time zone is reported on the first timed entry.
    const diagnostics = latest.get(uri)!;
    const zone = diagnostics.find((d) => d.code === 'timeline-timezone');
    assert.ok(zone, 'the timeline has no zone: ' + JSON.stringify(diagnostics.map((d) => d.code)));
    const text = hoverText(await hover(uri, zone.range.start));
    const page = ruleDocSummary(readFileSync(path.join(ROOT, 'docs', 'rules', 'timeline-timezone.md'), 'utf8'));
    assert.ok(page.why && page.better, 'the page has both parts');
    assert.ok(text.includes(shortText(page.why)), 'the first paragraph of the Why part');
    assert.ok(text.includes(shortExample(page.better)), 'the start of the Better part');
    assert.ok(text.length < 900, `a short hover (${text.length} characters)`);
    assert.match(text, /\*\*timeline-timezone\*\* · \[full page\]\(file:.*\/docs\/rules\/timeline-timezone\.md\)/);
  });

  it('keeps a hover over many stacked findings short, with "Better" once', async function () {
    // A draft with no sections at all: every missing section and metadata finding stands at 1:1.
    const uri = await open('postmortems/hover-stacked.md', '---\ntitle: Stacked\nstatus: draft\n---\n\n# Stacked\n\nSome text.\n');
    const stacked = latest.get(uri)!.filter((d) => d.range.start.line === 0);
    assert.ok(new Set(stacked.map((d) => d.code)).size >= 2, JSON.stringify(stacked.map((d) => d.code)));
    const text = hoverText(await hover(uri, { line: 0, character: 0 }));
    assert.equal(text.match(/\*\*Better\*\*/g)?.length, 1, text);
    assert.ok(text.length < 1500, `${text.length} characters`);
    // Softened by the draft status, and the hover says so.
    assert.match(text, /\*\*section-missing\*\*[^]*while the status is draft/);
  });

  it('shows the time since the first entry over a timeline time', async function () {
    const uri = wsUri('postmortems/hover-finding.md');
    const text = hoverText(await hover(uri, at(POSTMORTEM, '14:38', 2)));
    assert.match(text, /\*\*14:38\*\* — \+33 min after the first entry \(14:05\)/);
    const h = await hover(uri, at(POSTMORTEM, '14:38', 2));
    assert.deepEqual(h?.range?.start, at(POSTMORTEM, '14:38'), 'the hover covers the time');
  });

  it('has no hover on plain text, nor in a file that is not a postmortem', async function () {
    const uri = wsUri('postmortems/hover-finding.md');
    assert.equal(await hover(uri, at(POSTMORTEM, 'The rollback took', 4)), null);
    const readme = await open('README.md', '# Mailer\n\n- 14:05 Started the mailer.\n');
    assert.equal(await hover(readme, { line: 2, character: 3 }), null);
    assert.deepEqual(await lenses(readme), []);
  });

  it('puts lenses above the timeline and the action items', async function () {
    const uri = wsUri('postmortems/hover-finding.md');
    const got = await lenses(uri);
    const titles = got.map((l) => [l.range.start.line, l.command?.title]);
    assert.deepEqual(titles, [
      [at(POSTMORTEM, '- 14:05').line, 'detected after 12 min · mitigated after 33 min · resolved after 50 min'],
      [at(POSTMORTEM, '| Action |').line, '2 items · 1 owned · 1 overdue · 1 prevent'],
    ]);
  });

  it('turns the lenses off with postmortem.codeLens.enabled and asks the editor to refresh them', async function () {
    const uri = wsUri('postmortems/hover-finding.md');
    const before = lensRefreshes;
    client.settings = { codeLens: { enabled: false } };
    const republished = client.diagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    latest.set(uri, (await republished).diagnostics);
    assert.deepEqual(await lenses(uri), []);
    assert.ok(lensRefreshes > before, 'a workspace/codeLens/refresh was sent');
    client.settings = {};
    const again = client.diagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    latest.set(uri, (await again).diagnostics);
    assert.equal((await lenses(uri)).length, 2);
  });

  it('answers postmortem/quality with five graded dimensions', async function () {
    const uri = wsUri('postmortems/hover-finding.md');
    const q = await client.connection.sendRequest(QualityRequest, { uri });
    assert.ok(q?.isPostmortem);
    assert.deepEqual(
      q.dimensions.map((d) => d.id),
      ['timeline', 'root-cause', 'action-items', 'blamelessness', 'follow-through'],
    );
    const byId = Object.fromEntries(q.dimensions.map((d) => [d.id, d]));
    assert.equal(byId['follow-through'].summary.includes('1 overdue'), true, byId['follow-through'].summary);
    assert.notEqual(byId['action-items'].grade, 'good', 'an item has no owner');
    assert.equal(q.good, q.dimensions.filter((d) => d.grade === 'good').length);
    assert.equal(q.findings, latest.get(uri)!.length);

    const blamed = await open(
      'postmortems/blamed.md',
      POSTMORTEM.replace('The rollback took four minutes.', 'Ines should have waited for the lock before deploying; her mistake caused the duplicates.'),
    );
    const qb = await client.connection.sendRequest(QualityRequest, { uri: blamed });
    const bl = qb!.dimensions.find((d) => d.id === 'blamelessness')!;
    assert.ok(bl.findings > 0 && bl.grade !== 'good', JSON.stringify(bl));

    const readme = await client.connection.sendRequest(QualityRequest, { uri: wsUri('README.md') });
    assert.deepEqual([readme?.isPostmortem, readme?.dimensions], [false, []]);
    assert.equal(await client.connection.sendRequest(QualityRequest, { uri: wsUri('postmortems/never-opened.md') }), null);
  });

  it('asks why again: the next "Why N" below the last answer, for the version the view showed', async function () {
    const uri = await open('postmortems/why-again.md', POSTMORTEM);
    const chains = await client.connection.sendRequest(FiveWhysRequest, { uri });
    assert.equal(chains?.chains.length, 1);
    const steps = chains!.chains[0].steps.length;

    assert.equal(await client.connection.sendRequest(AskWhyAgainRequest, { uri, chain: 0, version: chains!.version - 1 }), null, 'stale version');
    assert.equal(await client.connection.sendRequest(AskWhyAgainRequest, { uri, chain: 5, version: chains!.version }), null, 'no such chain');
    const res = (await client.connection.sendRequest(AskWhyAgainRequest, { uri, chain: 0, version: chains!.version })) as DocumentEditResult;
    assert.equal(res.version, chains!.version);
    const edited = applyTextEdits(POSTMORTEM, res.edits);
    assert.ok(edited.includes('released its lock.\nWhy 3: Why was that possible?\nBecause \n'), edited);
    const lines = edited.split('\n');
    assert.equal(lines[res.cursor.line].slice(0, res.cursor.character), 'Because ', 'cursor after the answer marker');

    await change(uri, edited);
    const after = await client.connection.sendRequest(FiveWhysRequest, { uri });
    assert.equal(after?.chains[0].steps.length, steps + 1);
  });

  it('inserts a missing section with the section-missing fix, and nothing for a present one', async function () {
    const text = POSTMORTEM.replace(/## Impact\n\n[^\n]*\n\n/, '');
    const uri = await open('postmortems/insert-section.md', text);
    assert.ok(latest.get(uri)!.some((d) => d.code === 'section-missing' && d.message.includes('"Impact"')));
    const before = await client.connection.sendRequest(SectionsRequest, { uri });
    assert.equal(before?.template.find((t) => t.kind === 'impact')?.status, 'missing');

    assert.equal(await client.connection.sendRequest(InsertSectionRequest, { uri, kind: 'summary' }), null, 'already there');
    assert.equal(await client.connection.sendRequest(InsertSectionRequest, { uri, kind: 'no-such-kind' }), null);
    const res = (await client.connection.sendRequest(InsertSectionRequest, { uri, kind: 'impact' })) as DocumentEditResult;
    const edited = applyTextEdits(text, res.edits);
    assert.ok(/## Summary\n[\s\S]*\n## Impact\n\n<!-- [^\n]+ -->\n\n## Timeline/.test(edited), edited);
    assert.equal(res.cursor.line, at(edited, '## Impact').line + 3, 'cursor below the prompt');

    await change(uri, edited);
    const after = await client.connection.sendRequest(SectionsRequest, { uri });
    assert.equal(after?.template.find((t) => t.kind === 'impact')?.status, 'empty');
    const diags = latest.get(uri)!;
    const missing = diags.filter((d) => d.code === 'section-missing').map((d) => d.message);
    assert.ok(missing.length > 0 && !missing.some((m) => m.includes('"Impact"')), 'Impact no longer missing (Lessons learned still is)');
  });

  it('postmortem/newPostmortemText: the text of a new postmortem, which the checks find nothing structural to fault', async () => {
    const params = { title: 'Queue stalled: retries', severity: 'SEV-2' as const, date: '2026-03-14', authors: ['Kim Lee'], eol: '\r\n' };
    const res = await client.connection.sendRequest(NewPostmortemTextRequest, params);
    assert.deepEqual(res, postmortemTemplate(params));
    assert.ok(res.text.startsWith('---\r\ntitle: "Queue stalled: retries"\r\n'), res.text.slice(0, 60));
    const uri = await open('postmortems/new-from-server.md', res.text.replace(/\r\n/g, '\n'));
    const codes = new Set(latest.get(uri)!.map((d) => d.code));
    for (const structural of ['section-missing', 'metadata-missing', 'metadata-invalid'])
      assert.ok(!codes.has(structural), `${structural} on a new postmortem`);
    // Any LSP client may send it: malformed parameters get the untitled template, not an error.
    const odd = await client.connection.sendRequest(NewPostmortemTextRequest, { title: 42, severity: 'SEV-9' } as never);
    assert.ok(odd.text.includes('# Untitled incident') && odd.text.includes('severity: SEV-3'), odd.text.slice(0, 120));
  });
});
