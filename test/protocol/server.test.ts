/**
 * The bundled language server, spoken to over stdio exactly as an editor would: initialize, open
 * documents, receive diagnostics, ask for symbols, quick-fixes and the custom requests, edit
 * incrementally, and shut down. Every wait is for a message from the server.
 */
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, InitializeResult, Range } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../core';
import { CheckFileRequest, FiveWhysRequest, SectionsRequest } from '../../common/protocol';
import { POSTMORTEM } from '../helpers/postmortems';
import { ensureBundle, ROOT, TestClient } from './lspClient';
import { applyTextEdits } from '../helpers/edits';

const WORKSPACE = path.join(os.tmpdir(), 'postmortem-protocol-ws');
const wsUri = (rel: string) => pathToFileURL(path.join(WORKSPACE, rel)).href;

const README = `# Widget service

Run \`npm start\` to serve the widgets. You should have Node 20 installed.

## Contributing

Open a pull request.
`;

/** A position in `text` as LSP counts it. */
function pos(text: string, offset: number) {
  return new LineIndex(text).position(offset);
}

function rangeOf(text: string, needle: string): Range {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `test text lacks ${JSON.stringify(needle)}`);
  return { start: pos(text, start), end: pos(text, start + needle.length) };
}

function byCode(diags: Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** Applies LSP edits to a text (what the editor does with a WorkspaceEdit). */
describe('language server over stdio (bundled dist/server.js)', function () {
  let client: TestClient;
  let init: InitializeResult;
  const pmUri = wsUri('postmortems/2026-02-11-checkout-queue.md');
  let pmText = POSTMORTEM;
  let pmVersion = 1;
  let pmDiags: Diagnostic[] = [];

  before(async function () {
    this.timeout(120_000);
    ensureBundle();
    client = new TestClient();
    init = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(WORKSPACE).href,
      workspaceFolders: [{ uri: pathToFileURL(WORKSPACE).href, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
  });

  after(async function () {
    client?.kill();
  });

  it('announces incremental sync, symbols and quick-fixes', function () {
    const sync = init.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, 2 /* Incremental */);
    assert.ok(init.capabilities.documentSymbolProvider);
    assert.ok(init.capabilities.codeActionProvider);
  });

  it('publishes diagnostics for a postmortem with codes, ranges, docs links and source', async function () {
    const published = await client.openAndWait(pmUri, pmText, pmVersion);
    pmDiags = published.diagnostics;

    const blame = byCode(pmDiags, 'blame-language');
    assert.equal(blame.length, 1, JSON.stringify(pmDiags, null, 1));
    assert.deepEqual(blame[0].range, rangeOf(pmText, 'should have'));
    // A warning, and still a warning while the status is draft: status shapes completeness, never blamelessness.
    assert.equal(blame[0].severity, 2);

    const owner = byCode(pmDiags, 'action-item-owner-missing');
    assert.equal(owner.length, 1);
    const rowLine = rangeOf(pmText, '| Page on queue depth').start.line;
    assert.equal(owner[0].range.start.line, rowLine);
    assert.equal(owner[0].severity, 1);

    const missing = byCode(pmDiags, 'section-missing');
    assert.equal(missing.length, 1, 'only "Lessons learned" is missing');
    assert.match(missing[0].message, /Lessons learned/);
    assert.equal(missing[0].range.start.line, 0, 'a missing section is reported on line 1');

    for (const d of pmDiags) {
      assert.equal(d.source, 'postmortem');
      assert.equal(typeof d.code, 'string');
      assert.ok(d.severity && d.severity >= 1 && d.severity <= 4);
      assert.equal(d.codeDescription?.href, pathToFileURL(path.join(ROOT, 'docs', 'rules', `${d.code}.md`)).href);
    }
  });

  it('gives the section outline as hierarchical document symbols under the title', async function () {
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: pmUri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Checkout queue stalled');
    const names = symbols[0].children!.map((s) => s.name);
    assert.deepEqual(names, ['Summary', 'Impact', 'Timeline', 'Root causes', 'Contributing factors', 'What went well', 'What went poorly', 'Action items']);
    const rootCauses = symbols[0].children![3];
    assert.deepEqual(
      rootCauses.children!.map((s) => s.name),
      ['Five whys'],
    );
    assert.deepEqual(rootCauses.selectionRange, rangeOf(pmText, '## Root causes'));
  });

  it('answers postmortem/sections with the template status, finding counts and every heading', async function () {
    const res = await client.connection.sendRequest(SectionsRequest, { uri: pmUri });
    assert.ok(res);
    assert.equal(res.isPostmortem, true);
    assert.equal(res.version, pmVersion);
    const status = Object.fromEntries(res.template.map((t) => [t.kind, t.status]));
    assert.equal(status['lessons-learned'], 'missing');
    assert.equal(status['summary'], 'present');
    assert.equal(status['action-items'], 'present');
    const summary = res.template.find((t) => t.kind === 'summary')!;
    assert.deepEqual(summary.headingRange, rangeOf(pmText, '## Summary'));
    // Counted from the published diagnostics: those starting within the section's lines.
    const summaryEnd = rangeOf(pmText, '## Impact').start.line;
    const inSummary = pmDiags.filter((d) => d.range.start.line >= summary.headingRange!.start.line && d.range.start.line < summaryEnd);
    assert.ok(inSummary.length >= 1);
    assert.equal(summary.findings, inSummary.length);
    assert.equal(res.sections.length, 9);
    assert.equal(res.sections[4].title, 'Five whys');
    assert.equal(res.sections[4].parent, 3);
  });

  it('answers postmortem/fiveWhys with the chain, its steps in order and the root cause', async function () {
    const res = await client.connection.sendRequest(FiveWhysRequest, { uri: pmUri });
    assert.ok(res);
    assert.equal(res.chains.length, 1);
    const [chain] = res.chains;
    assert.equal(chain.steps.length, 2);
    assert.match(chain.steps[0].why!.text, /orders stop flowing/);
    assert.match(chain.steps[1].answer!.text, /batch size to 0/);
    assert.deepEqual(chain.steps[1].answer!.range.start.line, rangeOf(pmText, 'Because the pushed config').start.line);
    assert.match(chain.rootCause!.text, /config validation accepts/);
    assert.equal(chain.endsInHumanAction, false);
  });

  it('flags a 5 Whys chain that ends in a human action', async function () {
    const uri = wsUri('postmortems/cache-purge.md');
    const text = `# Postmortem: cache purge\n\n## Five whys\n\nWhy 1: Why did the cache empty?\nBecause a purge command ran against production.\nWhy 2: Why did the purge run against production?\nBecause of human error.\n`;
    await client.openAndWait(uri, text);
    const res = await client.connection.sendRequest(FiveWhysRequest, { uri });
    assert.equal(res?.chains.length, 1);
    assert.equal(res?.chains[0].endsInHumanAction, true);
    assert.equal(res?.chains[0].rootCause?.range.start.line, rangeOf(text, 'Because of human error.').start.line);
  });

  it('offers the fixes carried by a diagnostic as quick-fixes, honouring context.only', async function () {
    const [owner] = byCode(pmDiags, 'action-item-owner-missing');
    const ask = (only?: string[]) =>
      client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: pmUri },
        range: owner.range,
        context: { diagnostics: [owner], ...(only ? { only } : {}) },
      }) as Promise<CodeAction[]>;
    const actions = await ask();
    assert.ok(actions.length >= 1);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].kind, 'quickfix');
    const edits = preferred[0].edit!.changes![pmUri];
    assert.ok(edits.length >= 1);
    for (const e of edits) assert.doesNotMatch(e.newText, /\$\{?\d/, 'snippet syntax is turned into plain text');
    assert.deepEqual(await ask(['refactor']), []);
    assert.equal((await ask(['quickfix'])).length, actions.length);

    // Applying the fix as an incremental change removes the finding.
    const next = client.diagnosticsOf(pmUri, pmVersion + 1);
    pmText = applyTextEdits(pmText, edits);
    pmVersion++;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: pmUri, version: pmVersion },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    pmDiags = (await next).diagnostics;
    // The fix wrote a placeholder owner: still flagged until the author names someone.
    const still = byCode(pmDiags, 'action-item-owner-missing');
    assert.equal(still.length, 1, JSON.stringify(pmDiags, null, 1));
    assert.match(still[0].message, /an owner/);
    assert.equal(byCode(pmDiags, 'blame-language').length, 1);

    const named = client.diagnosticsOf(pmUri, pmVersion + 1);
    const at = rangeOf(pmText, '@owner');
    pmText = pmText.replace('@owner', '@dana');
    pmVersion++;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: pmUri, version: pmVersion },
      contentChanges: [{ range: at, text: '@dana' }],
    });
    pmDiags = (await named).diagnostics;
    assert.equal(byCode(pmDiags, 'action-item-owner-missing').length, 0, JSON.stringify(pmDiags, null, 1));
  });

  it('updates diagnostics after an incremental change that removes the blame wording', async function () {
    const old = ' Dana should have checked the queue dashboard before the push.';
    const replacement = ' The push checklist did not include the queue dashboard.';
    const range = rangeOf(pmText, old);
    const next = client.diagnosticsOf(pmUri, pmVersion + 1);
    pmVersion++;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: pmUri, version: pmVersion },
      contentChanges: [{ range, text: replacement }],
    });
    pmText = pmText.replace(old, replacement);
    const published = await next;
    assert.equal(byCode(published.diagnostics, 'blame-language').length, 0, JSON.stringify(published.diagnostics, null, 1));
    assert.equal(byCode(published.diagnostics, 'section-missing').length, 1);
    // The server now holds the edited text: its outline still finds every heading where it is.
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: pmUri } })) as DocumentSymbol[];
    assert.deepEqual(symbols[0].children![7].selectionRange, rangeOf(pmText, '## Action items'));
  });

  it('publishes quick successive changes in version order, ending with the newest', async function () {
    const seen: number[] = [];
    const last = pmVersion + 3;
    const done = client.diagnostics(pmUri, (p) => {
      seen.push(p.version!);
      return p.version === last;
    });
    for (let i = 0; i < 3; i++) {
      pmVersion++;
      const at = rangeOf(pmText, 'About 1,900').start;
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: pmUri, version: pmVersion },
        contentChanges: [{ range: { start: at, end: at }, text: 'x' }],
      });
      pmText = pmText.replace('About 1,900', 'xAbout 1,900');
    }
    await done;
    assert.ok(
      seen.every((v, i) => i === 0 || v > seen[i - 1]),
      `versions published in order: ${seen}`,
    );
    assert.equal(seen[seen.length - 1], last);
  });

  it('gives a README outside the globs no diagnostics, symbols or sections', async function () {
    const uri = wsUri('README.md');
    const published = await client.openAndWait(uri, README);
    assert.deepEqual(published.diagnostics, []);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    const sections = await client.connection.sendRequest(SectionsRequest, { uri });
    assert.equal(sections?.isPostmortem, false);
    assert.deepEqual(sections?.template, []);
  });

  it('checks Markdown anywhere whose front matter says it is a postmortem', async function () {
    const text = `---\ntype: postmortem\n---\n\n## Summary\n\nThe on-call engineer forgot to renew the certificate.\n`;
    const published = await client.openAndWait(wsUri('notes/cert-expiry.md'), text);
    assert.ok(byCode(published.diagnostics, 'section-missing').length >= 1);
  });

  it('opts a file in with postmortem/checkFile', async function () {
    const uri = wsUri('notes/retro.md');
    const opened = await client.openAndWait(uri, README);
    assert.deepEqual(opened.diagnostics, []);
    const published = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const res = await client.connection.sendRequest(CheckFileRequest, { uri });
    assert.equal(res.checked, true);
    const { diagnostics } = await published;
    assert.equal(res.findings, diagnostics.length);
    assert.ok(byCode(diagnostics, 'section-missing').length >= 1);
  });

  it('reads postmortem.files from the client and clears diagnostics when a file leaves the globs', async function () {
    const uri = wsUri('retros/2026-01-login-outage.md');
    const text = '## Summary\n\nLogins failed for twelve minutes.\n';
    assert.deepEqual((await client.openAndWait(uri, text)).diagnostics, [], 'not covered by the default globs');
    client.close(uri);

    client.settings = { files: ['**/retros/**'] };
    const checked = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    client.open(uri, text, 2);
    assert.ok(byCode((await checked).diagnostics, 'section-missing').length >= 1);

    client.settings = {};
    const cleared = client.diagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('turns malformed YAML front matter into a metadata-invalid diagnostic', async function () {
    const text = `---\ntitle: Search index rebuild\nseverity: [SEV-2\ndate: 2026-01-20\n---\n\n# Search index rebuild\n`;
    const published = await client.openAndWait(wsUri('postmortems/bad-yaml.md'), text);
    const bad = byCode(published.diagnostics, 'metadata-invalid');
    assert.ok(bad.length >= 1, JSON.stringify(published.diagnostics, null, 1));
    assert.ok(
      bad.every((d) => d.range.start.line <= 4),
      'reported inside the front matter',
    );
  });

  it('gives a binary-looking file one Information diagnostic on line 1', async function () {
    const text = '# Postmortem\u0000\u0001\u0002\u00ff\n'.repeat(20);
    const published = await client.openAndWait(wsUri('postmortems/blob.md'), text);
    assert.equal(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.equal(d.severity, 3);
    assert.equal(d.range.start.line, 0);
    assert.match(d.message, /binary/);
    const sections = await client.connection.sendRequest(SectionsRequest, { uri: wsUri('postmortems/blob.md') });
    assert.equal(sections?.skipped, d.message);
    assert.deepEqual(sections?.template, []);
  });

  it('keeps answering after garbage input', async function () {
    // Deterministic pseudo-random text made of Markdown punctuation, line breaks and odd code points.
    let seed = 0x2f6e2b1;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const atoms = [
      '#',
      '##',
      '|',
      '---',
      '```',
      '- ',
      '1. ',
      '[ ]',
      '**',
      '`',
      '>',
      '\n',
      '\r',
      '\r\n',
      ' ',
      'Why 1:',
      'Because',
      'owner:',
      '@',
      ':',
      'should have',
      '\ud800',
      '\udfff',
      '\u202e',
      '😀',
      '<!--',
      '-->',
      '\t',
      '[x]',
      'https://',
      '${1:a}',
    ];
    const garbage = Array.from({ length: 6 }, () => Array.from({ length: 400 }, () => atoms[rand(atoms.length)]).join(''));
    garbage.push('---\n' + ':\n'.repeat(50) + '---\n', '> '.repeat(2000) + 'deep', '- '.repeat(1500) + 'nested', '|'.repeat(5000), '');
    for (const [i, text] of garbage.entries()) {
      const uri = wsUri(`postmortems/garbage-${i}.md`);
      const published = await client.openAndWait(uri, text);
      assert.ok(Array.isArray(published.diagnostics));
      const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      await client.connection.sendRequest(SectionsRequest, { uri });
      await client.connection.sendRequest(FiveWhysRequest, { uri });
    }
    assert.ok(client.running);
    const res = await client.connection.sendRequest(SectionsRequest, { uri: pmUri });
    assert.equal(res?.isPostmortem, true);
    assert.equal(res?.version, pmVersion);
  });

  it('answers null for a document it does not have open', async function () {
    assert.equal(await client.connection.sendRequest(SectionsRequest, { uri: wsUri('postmortems/never-opened.md') }), null);
    assert.equal(await client.connection.sendRequest(FiveWhysRequest, { uri: wsUri('postmortems/never-opened.md') }), null);
  });

  it('clears diagnostics when a document closes', async function () {
    const cleared = client.diagnostics(pmUri);
    client.close(pmUri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('shuts down and exits cleanly', async function () {
    await client.connection.sendRequest('shutdown');
    void client.connection.sendNotification('exit');
    assert.equal(await client.exited, 0);
    assert.equal(client.logs.filter((l) => /failed|unexpected|unhandled/i.test(l)).length, 0, client.logs.join('\n'));
  });
});
