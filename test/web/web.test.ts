/**
 * The web build (vscode.dev, github.dev): dist/server.js runs in a real web worker in headless
 * Chromium (playwright-core with Debian's chromium, as the editor suite uses), spoken to with
 * postMessage as vscode-languageclient/browser speaks to it. A document from a virtual file system
 * (vscode-vfs://, as github.dev opens a repository) gets diagnostics linked to the published rule
 * pages, a quick-fix, a hover, the outline, the 5 Whys and Sections answers; the workspace features
 * say nothing is indexed. The worker runs dist/server.js, the bundle the desktop and the protocol
 * tests run under Node (server/src/universalMain.ts); the web client's bundle holds no analysis code. Skipped with a message when there is no Chromium.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureBundle, ROOT } from '../protocol/lspClient';
import { NON_ASCII_POSTMORTEM } from '../helpers/postmortems';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_SERVER = path.join(ROOT, 'dist', 'server.js');
const WEB_CLIENT = path.join(ROOT, 'dist', 'web', 'client.js');
const URI = 'vscode-vfs://github/acme/handbook/postmortems/2026-02-11-cafe.md';

interface WebRun {
  init: { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
  diagnostics: Array<{ code: string; message: string; range: { start: { line: number; character: number } }; codeDescription?: { href: string } }>;
  actions: Array<{ title: string }>;
  hover: { contents: { kind: string; value: string } } | null;
  symbols: Array<{ name: string }>;
  fiveWhys: unknown;
  sections: { sections?: unknown[] } | null;
  actionItems: { items?: unknown[] } | null;
  errors: string[];
}

describe('the web build in a browser worker (dist/web/)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;

  before(function () {
    ensureBundle();
    if (!existsSync(WEB_SERVER)) ensureBundle();
  });
  after(async () => browser?.close());

  it('the web client bundle holds no analysis code (the server bundle is the desktop one)', () => {
    assert.ok(existsSync(WEB_SERVER));
    const client = readFileSync(WEB_CLIENT, 'utf8');
    // The rules live in the core: their detectors' messages and the analysis entry never reach the client.
    assert.doesNotMatch(client, /measures a person against what is known now|function analyze\(|ParseCache/);
    assert.match(client, /vscode-languageclient|LanguageClient/);
  });

  it('answers over postMessage: diagnostics, a quick-fix, a hover, the outline and the views', async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    SKIPPED: no Chromium at ${CHROMIUM} (scripts/e2e-setup.sh installs Debian's chromium)`);
      this.skip();
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    await page.route('http://postmortem.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/server.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(WEB_SERVER, 'utf8') });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>web worker host</title>' });
    });
    await page.goto('http://postmortem.test/');
    // The file is one arrow function; the formatter ends it with a semicolon, which would end the expression.
    const script = readFileSync(path.join(__dirname, 'worker-client.js'), 'utf8').trim().replace(/;$/, '');
    const run = (await page.evaluate(`(${script})(${JSON.stringify({ uri: URI, text: NON_ASCII_POSTMORTEM })})`)) as WebRun;

    assert.deepEqual(run.errors, []);
    assert.equal(run.init.serverInfo?.name, 'postmortem-language-server');
    const blame = run.diagnostics.find((d) => d.code === 'blame-language');
    assert.ok(blame, JSON.stringify(run.diagnostics.map((d) => d.code)));
    assert.equal(blame.codeDescription?.href, 'https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/blame-language.md');
    assert.ok(
      run.actions.some((a) => a.title.startsWith('Rewrite')),
      JSON.stringify(run.actions),
    );
    assert.equal(run.hover?.contents.kind, 'markdown');
    assert.match(run.hover!.contents.value, /blame-language/);
    const names = (list: Array<{ name: string; children?: unknown[] }>): string[] => list.flatMap((s) => [s.name, ...names((s.children ?? []) as typeof list)]);
    assert.ok(names(run.symbols).includes('Summary'), JSON.stringify(run.symbols));
    assert.ok(run.fiveWhys !== null && typeof run.fiveWhys === 'object');
    assert.ok(Array.isArray(run.sections?.sections) && run.sections!.sections!.length > 0, JSON.stringify(run.sections));
    assert.deepEqual(run.actionItems?.items ?? [], [], 'nothing on disk to index');
  });
});
