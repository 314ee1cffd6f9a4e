// The web build in a real workbench: code-server with the extension forced into the browser's web
// worker extension host (`remote.extensionKind: web`), as vscode.dev and github.dev run it. Opens a
// postmortem and checks that the web client activated (the Action Items view says it is unavailable
// in the browser) and that the worker server's diagnostics reach the editor and the Problems count.
// code-server refuses workers created by an extension it serves (coder/code-server#5869), so this
// also exercises the web client's fallback: the server bundle in the extension host's own worker,
// spoken to through a MessageChannel (client/src/webExtension.ts).
// Run by test/e2e/run.mjs after the UI test, or alone: node test/e2e/webHost.mjs [<vsix>]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';
import { installVsix, prepareProfile, startCodeServer } from './lib/codeServer.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = process.env.E2E_CACHE || path.join(ROOT, '.vscode-test');
const BIN = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const id = `${pkg.publisher}.${pkg.name}`;

/**
 * @param {string} vsix the packaged extension
 * @param {string} [parent] where the run's folder goes (run.mjs passes its own run folder)
 * @returns {Promise<{ passed: number, failed: number }>}
 */
export async function runWebHostTest(vsix, parent = path.join(CACHE, 'runs')) {
  const runDir = path.join(parent, `web-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(runDir, { recursive: true });
  prepareProfile(runDir);
  const settingsFile = path.join(runDir, 'ud', 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['remote.extensionKind'] = { [id]: ['web'] };
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const ws = path.join(runDir, 'ws');
  fs.mkdirSync(path.join(ws, 'postmortems'), { recursive: true });
  const FILE = '2026-02-11-cafe.md';
  fs.writeFileSync(path.join(ws, 'postmortems', FILE), fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'web-fixture.md'), 'utf8'));

  let failed = 0;
  let passed = 0;
  const logs = [];
  await installVsix(BIN, runDir, vsix, id);
  const server = await startCodeServer(BIN, runDir);
  fs.mkdirSync(path.join(CACHE, 'tmp'), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(CACHE, 'tmp', 'web-'));
  const browser = await launchBrowser({ parent: tmp });
  const { page } = browser;
  page.on('console', (m) => logs.push(`[page] ${m.text()}`));
  page.on('worker', (w) => {
    logs.push(`[worker created] ${w.url().slice(0, 120)}`);
    w.on('console', (m) => logs.push(`[worker] ${m.text()}`));
  });
  async function step(name, fn) {
    try {
      const detail = await fn();
      passed++;
      console.log(`  ✓ ${name}${detail ? ` (${detail})` : ''}`);
    } catch (err) {
      failed++;
      await page.screenshot({ path: path.join(runDir, `web-failed-${failed}.png`) }).catch(() => {});
      console.log(
        `  ✗ ${name}\n    ${String(err?.message ?? err)
          .split('\n')
          .slice(0, 6)
          .join('\n    ')}`,
      );
    }
  }
  try {
    page.setDefaultTimeout(30_000);
    await step('the workbench opens', async () => {
      await page.goto(workbenchUrl(server.port, ws));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'postmortems' }).waitFor({ timeout: 60_000 });
    });
    await step('a postmortem opened in the editor gets the worker server’s diagnostics', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(FILE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: FILE }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
      await page.waitForFunction(() => /Warnings: [1-9]/.test(document.getElementById('status.problems')?.getAttribute('aria-label') ?? ''));
      return await page.locator('[id="status.problems"]').getAttribute('aria-label');
    });
    await step('Ctrl+. offers the blame rewrite from the worker server and applying it changes the line', async () => {
      await page.locator('.editor-instance .monaco-editor textarea').first().focus();
      await page.keyboard.press('Control+F');
      const find = page.locator('.editor-widget.find-widget textarea, .editor-widget.find-widget input').first();
      await find.waitFor({ state: 'visible' });
      await find.fill('should have');
      await page.locator('.find-widget .matchesCount', { hasText: /1 of/ }).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: /^Rewrite/ }).first();
      await fix.waitFor({ state: 'visible' });
      const title = (await fix.innerText()).trim();
      for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: /^Rewrite/ }).count()); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
      await page.waitForFunction(
        () =>
          !/engineer should have checked/.test(
            document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? 'engineer should have checked',
          ),
      );
      if (!/Zoë’s 🚨 pager fired/.test((await lines.innerText()).replace(/\u00a0/g, ' '))) throw new Error('the line is gone');
      return title;
    });
    await step('the web client runs (the Action Items view says it is unavailable in the browser)', async () => {
      await page.locator('.activitybar .action-item a[aria-label^="Postmortem"]').first().click();
      await page.locator('.monaco-list-row', { hasText: 'Unavailable in the browser' }).first().waitFor();
    });
    await step('the Sections view lists the template’s sections from the worker server', async () => {
      const row = page.locator('.monaco-list-row', { hasText: 'Lessons learned' }).first();
      await row.waitFor();
      return `${await page.locator('[id*="postmortem.sections"] .monaco-list-row, .pane-body .monaco-list-row').count()} rows`;
    });
  } finally {
    fs.writeFileSync(path.join(runDir, 'web-console.log'), logs.join('\n'));
    await browser.close();
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`  web worker host: ${passed} passed, ${failed} failed; console: ${path.join(runDir, 'web-console.log')}`);
  }
  return { passed, failed };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runWebHostTest(path.resolve(process.argv[2] ?? path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`)));
  process.exitCode = r.failed ? 1 : 0;
}
