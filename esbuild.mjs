// One bundler for every entry point: the extension client, the language server and the CLI.
// All three are CommonJS for Node 20; dependencies (unified, remark, yaml, zod, ...) are bundled so
// activation loads one file and the .vsix carries no node_modules.
import * as esbuild from 'esbuild';
import { builtinModules, createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The client bundles' inputs, for test/client/bundle.test.ts: the extension must not carry the analysis
// (core/, features/, review/, config/) nor chrono-node; the client talks to the server instead.
const writeMetafile = (file) => ({
  name: 'write-metafile',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(result.metafile));
    });
  },
});

const entries = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'], metafile: true, plugins: [writeMetafile('dist/meta-client.json')] },
  // The language server (dist/server.js, with the rule pages bundled as text for hovers:
  // server/src/ruleDocsBundle.ts) is built below, for Node and the browser at once.
  { entryPoints: { cli: 'cli/main.ts' } },
];

// The web build (vscode.dev, github.dev): the client's `browser` entry (client/src/webExtension.ts) in
// dist/web/client.js, and ONE server bundle for Node and web workers (server/src/universalMain.ts,
// dist/server.js), so the .vsix carries the analysis core once and the browser runs the server the
// tests check. Platform-neutral: Node's built-in modules stay `require`s (run only under Node); the
// few the server's outer layers import resolve to shims that use the real module under Node and a
// stand-in in a worker (server/src/web/shims/); the LSP libraries' common builds are loaded eagerly,
// their Node or browser transports only by the entry's branch. Condition 'worker': packages with a
// DOM-only `browser` build (decode-named-character-reference) have a worker build too.
const require = createRequire(import.meta.url);
const SHIMMED = ['fs', 'path', 'url', 'v8', 'crypto', 'worker_threads'];
const shims = {
  ...Object.fromEntries(
    SHIMMED.flatMap((m) => [
      [m, `./server/src/web/shims/${m}.js`],
      [`node:${m}`, `./server/src/web/shims/${m}.js`],
    ]),
  ),
  'fast-glob': './server/src/web/shims/fast-glob.js',
};
const commonBuilds = {
  name: 'lsp-common-builds',
  setup(build) {
    build.onResolve({ filter: /^(vscode-languageserver|vscode-languageserver-protocol|vscode-jsonrpc)\/?$/ }, (args) => ({
      path: require.resolve(`${args.path.replace(/\/$/, '')}/lib/common/api.js`),
    }));
    build.onResolve({ filter: /^fast-glob-real$/ }, () => ({ path: require.resolve('fast-glob') }));
    build.onResolve({ filter: /^vscode-languageclient\/node$/ }, (args) =>
      build.resolve('vscode-languageclient/browser', { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};
const nodeBuiltins = builtinModules.flatMap((m) => (SHIMMED.includes(m) ? [] : [m, `node:${m}`]));
const universalServer = {
  ...common,
  entryPoints: { server: 'server/src/universalMain.ts' },
  outdir: 'dist',
  platform: 'neutral',
  format: 'iife',
  target: 'es2022',
  mainFields: ['module', 'main'],
  conditions: ['worker'],
  loader: { '.md': 'text', '.json': 'json' },
  alias: shims,
  external: nodeBuiltins,
  inject: ['./server/src/web/shims/globals.ts'],
  plugins: [commonBuilds],
};
const webClient = {
  ...common,
  entryPoints: { client: 'client/src/webExtension.ts' },
  outdir: 'dist/web',
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  metafile: true,
  plugins: [commonBuilds, writeMetafile('dist/meta-web-client.json')],
};

const contexts = await Promise.all([
  ...entries.map((e) => esbuild.context({ ...common, ...e, outdir: 'dist' })),
  esbuild.context(universalServer),
  esbuild.context(webClient),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
