// Runs a mocha suite in the @vscode/test-electron entry format (a module exporting run(): Promise)
// inside code-server's Node extension host: the workbench is opened in headless Chromium with
// extensionDevelopmentPath and extensionTestsPath in its `payload` URL parameter, the way VS Code's
// own browser integration tests run. The workbench reports through two functions it looks for on
// window: codeAutomationLog (the extension host's console) and codeAutomationExit (the exit code).
import { format } from 'node:util';
import { launchBrowser, remoteUri, workbenchUrl } from './browser.mjs';

const SUMMARY = /^(\d+) passed, (\d+) failed$/;

/**
 * @returns {Promise<{ code: number | string, passed: number, failed: number, external: string[] }>}
 *   `passed`/`failed` come from the suite's closing line; code is the extension host's exit code.
 */
export async function runHostTests({ port, workspace, extensionPath, testsPath, tmp, timeoutMs = 300_000 }) {
  const browser = await launchBrowser({ parent: tmp });
  let passed = 0;
  let failed = 0;
  let sawSummary = false;
  // The workbench logs its own start-up too; print from the suite's first line on, errors always.
  let started = false;
  try {
    const { page } = browser;
    let finish;
    const done = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // console.log arguments as the extension host got them (mocha's reporter passes format strings).
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) {
        const m = SUMMARY.exec(line.trim());
        if (m) {
          passed = Number(m[1]);
          failed = Number(m[2]);
          sawSummary = true;
        }
      }
      if (/^Editor suite: /.test(text)) started = true;
      if (type === 'error') console.error(text);
      else if (started) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (e) => console.error(`[workbench] ${e.message}`));
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    await page.goto(
      workbenchUrl(port, workspace, [
        ['extensionDevelopmentPath', remoteUri(port, extensionPath)],
        ['extensionTestsPath', remoteUri(port, testsPath)],
        ['skipWelcome', 'true'],
      ]),
    );
    const code = await done;
    clearTimeout(timer);
    if (code !== 0 && !sawSummary) failed = Math.max(failed, 1);
    if (code === 'timeout') console.error(`The extension-host suite did not finish in ${timeoutMs / 1000} s.`);
    return { code, passed, failed, external: browser.external };
  } finally {
    await browser.close();
  }
}
