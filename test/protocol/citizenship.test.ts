/**
 * The server with clients other than VS Code, over stdio as they speak to it: settings given at start
 * and pushed later (no workspace/configuration), a client that never answers workspace/configuration,
 * plain-text hovers, Markdown-only checking, code lenses that run a server command, the negotiated
 * position encoding, and code actions found from loose echoes of a diagnostic (no `source`; columns
 * in UTF-8 bytes as Neovim 0.7 sends them, or in code points) but never for a stale one.
 */
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CodeLens, Diagnostic, Hover, InitializeResult, MarkupContent, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_USAGE, transportOf } from '../../server/src/transport';
import { ensureBundle, TestClient } from './lspClient';
import { NON_ASCII_POSTMORTEM } from '../helpers/postmortems';

const WORKSPACE = path.join(os.tmpdir(), 'postmortem-citizenship-ws');
const wsUri = (rel: string) => pathToFileURL(path.join(WORKSPACE, rel)).href;

const SUMMARY_LINE = NON_ASCII_POSTMORTEM.split('\n').findIndex((l) => l.startsWith('Zoë'));

function byteColumn(text: string, line: number, utf16: number): number {
  return Buffer.byteLength(text.split('\n')[line].slice(0, utf16), 'utf8');
}
function codePointColumn(text: string, line: number, utf16: number): number {
  return [...text.split('\n')[line].slice(0, utf16)].length;
}
function inUnit(text: string, r: Range, col: (t: string, l: number, c: number) => number): Range {
  return {
    start: { line: r.start.line, character: col(text, r.start.line, r.start.character) },
    end: { line: r.end.line, character: col(text, r.end.line, r.end.character) },
  };
}

async function start(client: TestClient, capabilities: object, initializationOptions: object = {}): Promise<InitializeResult> {
  const init = (await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(WORKSPACE).href,
    workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'ws' }],
    capabilities,
    initializationOptions: { today: '2026-02-20', ...initializationOptions },
  })) as InitializeResult;
  await client.connection.sendNotification('initialized', {});
  return init;
}

describe('the server for clients other than VS Code (over stdio)', function () {
  this.timeout(60_000);

  it('starts only with a transport: a one-line usage message otherwise', () => {
    assert.equal(transportOf([]), undefined);
    assert.equal(transportOf(['--clientProcessId=1']), undefined);
    assert.equal(transportOf(['--stdio']), 'stdio');
    assert.equal(transportOf(['--node-ipc']), 'node-ipc');
    assert.equal(transportOf(['--socket=5007']), 'socket');
    assert.equal(transportOf(['--socket', '5007']), 'socket');
    assert.equal(transportOf(['--pipe=/tmp/x']), 'pipe');
    assert.equal(transportOf(['--socket']), undefined);
    assert.ok(!SERVER_USAGE.includes('\n'));
  });

  describe('a client without workspace/configuration (settings from initializationOptions, then pushed)', () => {
    let client: TestClient;
    let init: InitializeResult;
    const uri = wsUri('postmortems/2026-02-11-cafe.md');
    let diagnostics: Diagnostic[] = [];

    before(async function () {
      this.timeout(120_000);
      ensureBundle();
      client = new TestClient();
      client.connection.onRequest('workspace/configuration', () => {
        throw new Error('this client never pulls settings');
      });
      init = await start(
        client,
        {
          general: { positionEncodings: ['utf-8', 'utf-16'] },
          textDocument: { hover: { contentFormat: ['plaintext'] }, publishDiagnostics: {} },
        },
        { postmortem: { rules: { 'blame-language': 'off' } } },
      );
    });
    after(() => client?.kill());

    it('negotiates UTF-16 positions and announces the lens command it executes', () => {
      assert.equal(init.capabilities.positionEncoding, 'utf-16');
      assert.deepEqual(init.capabilities.executeCommandProvider?.commands, ['postmortem.showLocation']);
    });

    it('reads the settings given in initializationOptions', async () => {
      diagnostics = (await client.openAndWait(uri, NON_ASCII_POSTMORTEM)).diagnostics;
      assert.ok(diagnostics.length > 0);
      assert.ok(!diagnostics.some((d) => d.code === 'blame-language'), 'blame-language is off');
    });

    it('applies settings pushed with workspace/didChangeConfiguration', async () => {
      const next = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'blame-language'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { postmortem: { rules: { 'blame-language': 'error' } } } });
      diagnostics = (await next).diagnostics;
      const blame = diagnostics.find((d) => d.code === 'blame-language')!;
      assert.equal(blame.severity, 1);
      assert.equal(blame.range.start.line, SUMMARY_LINE);
    });

    it('answers hovers in plain text when the client asks for it', async () => {
      const blame = diagnostics.find((d) => d.code === 'blame-language')!;
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: blame.range.start })) as Hover;
      const content = hover.contents as MarkupContent;
      assert.equal(content.kind, 'plaintext');
      assert.match(content.value, /blame-language/);
      assert.doesNotMatch(content.value, /\*\*|\]\(/, content.value);
    });

    async function actionsFor(d: Partial<Diagnostic>): Promise<CodeAction[]> {
      return (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
    }

    it('finds the quick-fix from an echo without source, in UTF-8 bytes or code points', async () => {
      const blame = diagnostics.find((d) => d.code === 'blame-language')!;
      const exact = await actionsFor(blame);
      const fixes = exact.filter((a) => a.kind === 'quickfix' && a.title.startsWith('Rewrite'));
      assert.ok(fixes.length >= 1, JSON.stringify(exact.map((a) => a.title)));
      const bytes = inUnit(NON_ASCII_POSTMORTEM, blame.range, byteColumn);
      const points = inUnit(NON_ASCII_POSTMORTEM, blame.range, codePointColumn);
      assert.notDeepEqual(bytes, blame.range, 'the line has multi-byte characters before the finding');
      assert.notDeepEqual(points, blame.range, 'and a surrogate pair');
      const { source: _s, ...noSource } = blame;
      for (const echo of [noSource, { ...noSource, range: bytes }, { ...blame, range: points }, { range: bytes, code: blame.code, message: blame.message }]) {
        const got = (await actionsFor(echo)).filter((a) => a.title.startsWith('Rewrite'));
        assert.deepEqual(
          got.map((a) => a.title),
          fixes.map((a) => a.title),
          JSON.stringify(echo.range),
        );
        // The edit is always in UTF-16, the negotiated encoding.
        assert.deepEqual(got[0].edit, fixes[0].edit);
      }
      const doc = TextDocument.create(uri, 'markdown', 1, NON_ASCII_POSTMORTEM);
      const fixed = TextDocument.applyEdits(doc, fixes[0].edit!.changes![uri]);
      assert.match(fixed.split('\n')[SUMMARY_LINE], /^Zoë’s 🚨 pager fired at 09:20, and (nothing in the process|the process)/);
    });

    it('never offers a fix for a stale or foreign diagnostic', async () => {
      const blame = diagnostics.find((d) => d.code === 'blame-language')!;
      const shifted = { ...blame, range: { start: { ...blame.range.start, character: blame.range.start.character + 2 }, end: blame.range.end } };
      const reworded = { ...blame, message: 'an older wording' };
      const foreign = { ...blame, source: 'markdownlint' };
      for (const d of [shifted, reworded, foreign])
        assert.deepEqual(
          (await actionsFor(d)).filter((a) => a.kind === 'quickfix'),
          [],
        );
      // After an edit above it the finding moves down a line: the old diagnostic is stale.
      const moved = client.diagnosticsOf(uri, 2);
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: SUMMARY_LINE, character: 0 }, end: { line: SUMMARY_LINE, character: 0 } }, text: 'The queue stalled.\n' }],
      });
      const now = (await moved).diagnostics.find((d) => d.code === 'blame-language')!;
      assert.equal(now.range.start.line, SUMMARY_LINE + 1);
      const { source: _s, ...old } = blame;
      assert.deepEqual(
        (await actionsFor(old)).filter((a) => a.kind === 'quickfix'),
        [],
      );
      assert.ok((await actionsFor(now)).some((a) => a.title.startsWith('Rewrite')));
    });

    it('gives every code lens a command it executes, saying where when the client cannot show documents', async () => {
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      assert.ok(lenses.length >= 2, JSON.stringify(lenses));
      for (const l of lenses) {
        assert.equal(l.command?.command, 'postmortem.showLocation', JSON.stringify(l));
        assert.equal(l.command!.arguments![0], uri);
      }
      const shown = new Promise<{ message: string }>((resolve) => client.connection.onNotification('window/showMessage', resolve));
      await client.connection.sendRequest('workspace/executeCommand', { command: lenses[0].command!.command, arguments: lenses[0].command!.arguments });
      assert.match((await shown).message, /^Line \d+ of .*2026-02-11-cafe\.md$/);
    });

    it('checks only Markdown documents', async () => {
      const txt = wsUri('postmortems/2026-02-11-cafe.txt');
      assert.deepEqual((await client.openAndWait(txt, NON_ASCII_POSTMORTEM)).diagnostics.length > 0, true, 'control: as Markdown it is checked');
      client.close(txt);
      const published = client.diagnosticsOf(txt, 5);
      void client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: txt, languageId: 'plaintext', version: 5, text: NON_ASCII_POSTMORTEM },
      });
      assert.deepEqual((await published).diagnostics, []);
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: txt } })) as CodeLens[];
      assert.deepEqual(lenses, []);
    });
  });

  describe('a client that never answers workspace/configuration', () => {
    let client: TestClient;
    const uri = wsUri('postmortems/2026-02-12-unanswered.md');

    before(async function () {
      this.timeout(120_000);
      ensureBundle();
      client = new TestClient();
      client.connection.onRequest('workspace/configuration', () => new Promise(() => undefined));
      await start(client, {
        workspace: { configuration: true },
        window: { showDocument: { support: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
      });
    });
    after(() => client?.kill());

    it('falls back to the defaults after a short wait, and says so once', async () => {
      const t0 = Date.now();
      const published = await client.openAndWait(uri, NON_ASCII_POSTMORTEM);
      assert.ok(published.diagnostics.some((d) => d.code === 'blame-language'));
      assert.ok(Date.now() - t0 < 15_000);
      assert.equal(client.logs.filter((l) => /did not answer workspace\/configuration/.test(l)).length, 1, client.logs.join('\n'));
      const hover = (await client.connection.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: published.diagnostics.find((d) => d.code === 'blame-language')!.range.start,
      })) as Hover;
      assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    });

    it('runs a lens by asking the client to show the document at the range', async () => {
      const lenses = (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
      const timeline = lenses.find((l) => /detected/.test(l.command!.title)) ?? lenses[0];
      const asked = new Promise<{ uri: string; selection: Range; takeFocus: boolean }>((resolve) =>
        client.connection.onRequest('window/showDocument', (p: { uri: string; selection: Range; takeFocus: boolean }) => {
          resolve(p);
          return { success: true };
        }),
      );
      await client.connection.sendRequest('workspace/executeCommand', { command: 'postmortem.showLocation', arguments: timeline.command!.arguments });
      const p = await asked;
      assert.equal(p.uri, uri);
      assert.deepEqual(p.selection, timeline.command!.arguments![1]);
      assert.ok(p.selection.start.line > timeline.range.start.line - 1);
    });
  });
});
