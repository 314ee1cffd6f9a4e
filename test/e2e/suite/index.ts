/**
 * Entry of the editor suite, in the format @vscode/test-electron expects for `extensionTestsPath`:
 * a module whose `run()` returns a promise, resolved when every test passed. It runs inside the
 * extension host (desktop VS Code, or code-server's Node extension host) with the real `vscode` API.
 * The runner (test/e2e/run.mjs) bundles these files to out/e2e/suite/ first.
 */
import * as path from 'node:path';
import Mocha from 'mocha';
import { globSync } from 'glob';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const files = globSync('*.e2e.js', { cwd: __dirname }).sort();
  for (const f of files) mocha.addFile(path.resolve(__dirname, f));
  // The runner forwards the workbench's console from this line on (errors always).
  console.log(`Editor suite: ${files.length} files in ${__dirname}`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
      // The closing line CI reads; also parsed by the runner.
      console.log(`${passes} passed, ${failed} failed`);
      if (files.length === 0) reject(new Error(`No *.e2e.js file next to ${__filename}.`));
      else if (failures > 0) reject(new Error(`${failures} editor test(s) failed.`));
      else resolve();
    });
  });
}
