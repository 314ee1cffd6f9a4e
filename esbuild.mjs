// One bundler for every entry point: the extension client, the language server and the CLI.
// All three are CommonJS for Node 20; dependencies (unified, remark, yaml, zod, ...) are bundled so
// activation loads one file and the .vsix carries no node_modules.
import * as esbuild from 'esbuild';

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

const entries = [
  { entryPoints: { client: 'client/src/extension.ts' }, external: ['vscode'] },
  // The rule pages are bundled as text for hovers (server/src/ruleDocsBundle.ts).
  { entryPoints: { server: 'server/src/main.ts' }, loader: { '.md': 'text' } },
  { entryPoints: { cli: 'server/src/cli.ts' } },
];

const contexts = await Promise.all(
  entries.map((e) => esbuild.context({ ...common, ...e, outdir: 'dist' })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
