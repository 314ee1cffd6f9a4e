/**
 * Edit storm over the protocol: the bundled server gets 2,000 incremental didChange edits to four
 * open postmortems (random inserts and deletes at random places, with multi-byte and astral-plane
 * characters; fixed seed), sent without waiting, mirrored locally with TextDocument.update. Then:
 * - each document's diagnostics for its final version equal a fresh `analyze()` of the final text
 *   with the options the server uses (no stale or mis-positioned diagnostic);
 * - a code action and a custom request issued mid-storm and cancelled with `$/cancelRequest` are
 *   either answered or rejected as cancelled, and break nothing;
 * - the server still answers a documentSymbol request.
 */
import { presentFindings } from '../../server/src/lsp/present';
import { rng as prng } from '../../bench/corpus';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, LineIndex } from '../../core';
import { configFromSettings, configToOptions, mergeConfigs } from '../../config/schema';
import { QualityRequest } from '../../common/protocol';
import { ensureBundle, TestClient } from './lspClient';

const TODAY = '2026-11-23';
const EDITS = 2_000;
const DOCS = 4;

const BASE = `---
title: Ledger export stalled
date: 2026-10-02
severity: SEV-2
status: draft
---

# Ledger export stalled

## Summary

The nightly ledger export stopped for 3 hours after a schema change. Priya should have checked the export job.

## Impact

About 420 merchants got their reports late.

## Timeline

- 01:10 Schema change deployed.
- 01:40 Export job failed its first batch.
- 04:05 Export resumed after a rollback.

## Root causes

Human error.

## Action items

| Action | Owner | Due |
|---|---|---|
| Improve monitoring |  | TBD |
| Validate the export schema in CI | @lena | 2026-11-01 |
`;

const PIECES = [
  'a',
  'e',
  ' ',
  '\n',
  '. ',
  'é',
  'ü',
  '—',
  '“',
  '🔥',
  '𝔘',
  '👩\u200d💻',
  'עב',
  'e\u0301',
  'should have ',
  'failed to ',
  'Human error',
  '- 09:00 ',
  '| x | y |',
  '## Impact\n',
  '`',
];

/** Moves an offset off the middle of a surrogate pair. */
function snap(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && c >= 0xdc00 && c <= 0xdfff ? offset - 1 : offset;
}

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

describe('edit storm over the protocol (bundled dist/server.js)', function () {
  this.timeout(120_000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    ensureBundle();
    dir = mkdtempSync(path.join(os.tmpdir(), 'postmortem-storm-'));
    mkdirSync(path.join(dir, 'postmortems'));
    client = new TestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'storm' }],
      initializationOptions: { today: TODAY },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(() => {
    client?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the diagnostics of a fresh analysis of each final text, honours or ignores cancellation, and still answers', async () => {
    const rand = prng(20261123);
    const docs = Array.from({ length: DOCS }, (_, i) =>
      TextDocument.create(pathToFileURL(path.join(dir, 'postmortems', `storm-${i}.md`)).href, 'markdown', 1, BASE),
    );
    const opened = docs.map((d) => client.diagnosticsOf(d.uri, 1));
    for (const d of docs) client.open(d.uri, d.getText(), 1);
    await Promise.all(opened);

    // The storm, generated first so the waits for each final version are in place before sending.
    const plan: Array<{ doc: number; version: number; change: Change }> = [];
    const local = docs.map((d) => TextDocument.create(d.uri, 'markdown', 1, d.getText()));
    for (let n = 0; n < EDITS; n++) {
      const i = Math.floor(rand() * DOCS);
      const doc = local[i];
      const text = doc.getText();
      const start = snap(text, Math.floor(rand() * (text.length + 1)));
      const deleting = rand() < 0.4 && text.length > 200;
      const end = deleting ? snap(text, Math.min(text.length, start + 1 + Math.floor(rand() * 8))) : start;
      const insert = deleting ? '' : PIECES[Math.floor(rand() * PIECES.length)];
      const change: Change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: insert };
      const version = doc.version + 1;
      local[i] = TextDocument.update(doc, [change], version);
      plan.push({ doc: i, version, change });
    }
    const finals = local.map((d) => client.diagnosticsOf(d.uri, d.version));
    assert.ok(
      local.every((d) => d.version > 100),
      'every document gets a share of the storm',
    );

    let cancelled: Array<Promise<unknown>> = [];
    for (const [n, step] of plan.entries()) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: docs[step.doc].uri, version: step.version },
        contentChanges: [step.change],
      });
      if (n === EDITS / 2) {
        // Requests issued mid-storm, then cancelled: answered or rejected as cancelled, nothing else.
        const a = new CancellationTokenSource();
        const b = new CancellationTokenSource();
        const uri = docs[0].uri;
        cancelled = [
          client.connection.sendRequest(
            'textDocument/codeAction',
            { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, context: { diagnostics: [] } },
            a.token,
          ),
          client.connection.sendRequest(QualityRequest, { uri }, b.token),
        ];
        a.cancel();
        b.cancel();
      }
    }

    const got: PublishDiagnosticsParams[] = await Promise.all(finals);
    for (const r of await Promise.allSettled(cancelled)) {
      if (r.status === 'rejected') {
        assert.ok(r.reason instanceof ResponseError && r.reason.code === LSPErrorCodes.RequestCancelled, `a cancelled request failed otherwise: ${r.reason}`);
      }
    }

    const options = { ...configToOptions(mergeConfigs([configFromSettings({}).config])), today: TODAY };
    for (const [i, d] of local.entries()) {
      const text = d.getText();
      const lines = new LineIndex(text);
      const expected = presentFindings(analyze(text, options), text).findings.map((f) => ({
        code: f.rule,
        range: { start: lines.position(f.start), end: lines.position(f.end) },
        message: f.message,
      }));
      const actual = got[i].diagnostics.map((x) => ({ code: x.code, range: x.range, message: x.message }));
      assert.equal(got[i].version, d.version);
      assert.deepEqual(actual, expected, `${d.uri}: diagnostics of version ${d.version}`);
      assert.ok(expected.length > 0, 'the final texts still have findings to compare');
    }

    // Still responsive: an outline of the final text of every document.
    for (const d of local) {
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: d.uri } });
      assert.ok(Array.isArray(symbols));
    }
    assert.ok(client.running, 'the server is still running');
    assert.doesNotMatch(client.logs.join('\n'), /failed/, 'nothing failed in the server');
  });
});
