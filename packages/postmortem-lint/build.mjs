// Builds the postmortem-lint npm package from the repository (run by `npm pack` / `npm publish` as
// prepack): the CLI and the language server bundled by esbuild with every dependency inside (the
// package has no runtime dependencies), the two bin shims, the rule pages the diagnostics link to,
// the configuration schema, the licence and the icon. Everything it writes is git-ignored.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const rootVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const ownVersion = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
if (rootVersion !== ownVersion) {
  // The CLI prints the repository's version (--version, SARIF): both manifests must agree.
  console.error(`postmortem-lint: version ${ownVersion} differs from the repository's ${rootVersion}`);
  process.exit(1);
}

for (const d of ['dist', 'bin', 'docs', 'schemas']) rmSync(join(here, d), { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { cli: 'cli/main.ts', server: 'server/src/main.ts' },
  outdir: join(here, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  loader: { '.md': 'text' },
});
mkdirSync(join(here, 'bin'));
for (const f of ['postmortem-lint.js', 'compile-cache.js', 'v8-tuning.js', 'postmortem-language-server.js']) cpSync(join(root, 'bin', f), join(here, 'bin', f));
mkdirSync(join(here, 'docs', 'rules'), { recursive: true });
for (const f of readdirSync(join(root, 'docs', 'rules'))) if (f.endsWith('.md')) cpSync(join(root, 'docs', 'rules', f), join(here, 'docs', 'rules', f));
mkdirSync(join(here, 'schemas'));
cpSync(join(root, 'schemas', 'postmortemrc.schema.json'), join(here, 'schemas', 'postmortemrc.schema.json'));
cpSync(join(root, 'LICENSE'), join(here, 'LICENSE'));
cpSync(join(root, 'resources', 'icon.png'), join(here, 'icon.png'));
