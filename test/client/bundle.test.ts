/**
 * The extension's bundles carry no analysis: the client talks to the language server through the
 * requests of common/protocol.ts and never imports the core, the editor features, the review or the
 * configuration layer (docs/architecture.md). esbuild writes each client bundle's inputs to a metafile
 * (esbuild.mjs); this reads them. It also keeps chrono-node (the core's date parser) out of activation.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/helpers';

const BUNDLES = [
  { name: 'desktop', meta: 'dist/meta-client.json', entry: 'client/src/extension.ts', out: 'dist/client.js' },
  { name: 'web', meta: 'dist/meta-web-client.json', entry: 'client/src/webExtension.ts', out: 'dist/web/client.js' },
];
/** Inputs the client must not bundle: the analysis layers, the server, the CLI, and chrono-node. */
const FORBIDDEN = /^(?:core|features|review|config|cli|server\/src)\/|(?:^|\/)node_modules\/chrono-node\//;

function inputs(meta: string): string[] {
  return Object.keys((JSON.parse(readFileSync(join(ROOT, meta), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
}

describe('client bundles (esbuild metafiles)', function () {
  this.timeout(120_000);
  before(() => {
    ensureBuilt();
    const stale = BUNDLES.some((b) => !existsSync(join(ROOT, b.meta)) || statSync(join(ROOT, b.meta)).mtimeMs < statSync(join(ROOT, b.out)).mtimeMs - 1000);
    if (stale) {
      const r = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    }
  });

  for (const b of BUNDLES) {
    it(`the ${b.name} client bundle holds no analysis module and no chrono-node`, () => {
      const all = inputs(b.meta);
      // The metafile is the bundle's: it names the entry and the protocol it speaks.
      assert.ok(all.includes(b.entry), `${b.meta} does not list ${b.entry}`);
      assert.ok(all.includes('common/protocol.ts'), `${b.meta} does not list common/protocol.ts`);
      assert.deepEqual(
        all.filter((p) => FORBIDDEN.test(p)),
        [],
      );
    });
  }

  it('the pattern names what it must keep out (a path of each layer, and chrono-node)', () => {
    for (const p of [
      'core/index.ts',
      'core/language/dates.ts',
      'features/quality.ts',
      'review/facts.ts',
      'config/index.ts',
      'cli/run.ts',
      'server/src/server.ts',
      'node_modules/chrono-node/dist/esm/index.js',
    ]) {
      assert.ok(FORBIDDEN.test(p), p);
    }
    for (const p of ['client/src/extension.ts', 'common/protocol.ts', 'node_modules/vscode-languageclient/lib/node/main.js']) assert.ok(!FORBIDDEN.test(p), p);
  });
});
