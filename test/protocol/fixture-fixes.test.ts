/**
 * Every quick-fix of every rule fixture, through the protocol: the bundled server is asked for code
 * actions on each diagnostic, as an editor asks when the lightbulb opens, and each returned workspace
 * edit must be the core's fix (snippet placeholders turned into their text). Applying the preferred
 * edit of a plain (non-snippet) fix in the editor must make that finding disappear.
 */
import { presentFindings } from '../../server/src/lsp/present';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { analyze, LineIndex } from '../../core';
import { snippetToPlainText } from '../../server/src/lsp/snippet';
import { SUPPRESS_ACTION_TITLE } from '../../server/src/lsp/suppressActions';
import { ensureBundle, ROOT, TestClient } from './lspClient';
import { applyFix, applyTextEdits } from '../helpers/edits';

const fixtureRoot = path.join(ROOT, 'test', 'fixtures', 'rules');
const WS = path.join(os.tmpdir(), 'postmortem-fixture-fixes');

const files: Array<{ rule: string; file: string }> = [];
for (const rule of readdirSync(fixtureRoot)) {
  for (const file of readdirSync(path.join(fixtureRoot, rule))) {
    if (file.endsWith('.md') && !file.startsWith('clean')) files.push({ rule, file: path.join(fixtureRoot, rule, file) });
  }
}

describe('quick-fixes of the rule fixtures over the protocol', function () {
  let client: TestClient;
  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    client = new TestClient();
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(WS).href,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      workspaceFolders: [{ uri: pathToFileURL(WS).href, name: 'ws' }],
    });
    void client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    await client.connection.sendRequest('shutdown');
    void client.connection.sendNotification('exit');
    await client.exited;
  });

  let checked = 0;
  for (const { rule, file } of files) {
    it(`${rule}/${path.basename(file)}`, async function () {
      this.timeout(60_000);
      const text = readFileSync(file, 'utf8');
      // The server takes today from the clock: compare with the core run on the same date it used.
      const uri = pathToFileURL(path.join(WS, 'postmortems', rule, path.basename(file))).href;
      const published = await client.openAndWait(uri, text, 1);
      const today = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const serverToday = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
      // The editor shows findings as lsp/present.ts merges and shortens them.
      const core = presentFindings(analyze(text, { today: serverToday }), text);
      const idx = new LineIndex(text);
      const withFixes = core.findings.filter((f) => f.fixes?.length);
      for (const f of withFixes) {
        const s = idx.position(f.start);
        const e = idx.position(f.end);
        const diag = published.diagnostics.find(
          (d: Diagnostic) =>
            d.code === f.rule &&
            d.range.start.line === s.line &&
            d.range.start.character === s.character &&
            d.range.end.line === e.line &&
            d.range.end.character === e.character &&
            d.message === f.message,
        );
        assert.ok(diag, `the server published ${f.rule} at ${s.line + 1}:${s.character + 1}`);
        const actions = (await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: diag.range,
          context: { diagnostics: [diag], only: ['quickfix'] },
        })) as CodeAction[];
        // The finding's own fixes; "Ignore …", "Disable … in .postmortemrc.yaml" and "Fix all …" are tested in config-actions.test.ts.
        const fixActions = actions.filter((a) => a.diagnostics?.some((d) => d.code === f.rule) && !SUPPRESS_ACTION_TITLE.test(a.title));
        assert.deepEqual(
          fixActions.map((a) => a.title),
          f.fixes!.map((x) => x.title),
          `${f.rule}: the lightbulb offers the core's fixes in order`,
        );
        f.fixes!.forEach((fix, i) => {
          const edits = fixActions[i].edit?.changes?.[uri] ?? [];
          assert.equal(applyTextEdits(text, edits), applyFix(text, f.fixes![i], snippetToPlainText), `${f.rule}: "${fix.title}" edits the same text`);
          assert.equal(!!fixActions[i].isPreferred, !!fix.preferred, `${f.rule}: "${fix.title}" preferred flag`);
        });
        // A plain preferred fix, applied as the editor would, removes its finding there.
        const pi = f.fixes!.findIndex((x) => x.preferred && !x.snippet);
        if (pi >= 0) {
          const after = applyTextEdits(text, fixActions[pi].edit?.changes?.[uri] ?? []);
          const again = analyze(after, { today: serverToday }).findings.filter((g) => g.rule === f.rule);
          const fixedAt = new LineIndex(after).position(f.start).line;
          assert.ok(
            !again.some((g) => g.message === f.message && new LineIndex(after).position(g.start).line === fixedAt),
            `${f.rule}: applying "${f.fixes![pi].title}" removes the finding`,
          );
        }
        checked++;
      }
      client.close(uri);
    });
  }

  it('checked quick-fixes from several rules', () => {
    assert.ok(checked >= 20, `only ${checked} findings with fixes were checked`);
  });
});
