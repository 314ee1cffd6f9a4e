/**
 * The layers and the edges allowed between them (docs/architecture.md draws them). `npm run deps`
 * checks every import of the project's own source against this file, and `npm test` runs it first.
 *
 * An import passes when one of the `allowed` rules describes it and no `forbidden` rule does.
 * Layers (folders):
 *   common/      the protocol and the pure helpers both sides of the wire share (imports nothing of ours)
 *   core/        the analysis: analyze(text, options); imports nothing of ours
 *   features/    editor features computed from an analysis (quality, summaries, the new-postmortem text)
 *   review/      the cross-postmortem review (facts of many postmortems -> figures, Markdown, JSON)
 *   config/      .postmortemrc files and settings -> analysis options; which files are postmortems
 *   cli/         postmortem-lint
 *   server/src/  the language server
 *   client/src/  the VS Code extension: talks to the server only, through common/
 */
const LAYERS = '(common|core|features|review|config|cli|server/src|client/src)';
/** Packages (and Node's own modules) are fine for every layer but the client and the core, which have their own rules. */
const PACKAGES = { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core', 'aliased', 'aliased-subpath-import'] };

module.exports = {
  allowed: [
    { comment: 'Inside one layer, anything.', from: { path: `^${LAYERS}/` }, to: { path: '^$1/' } },
    {
      comment: 'The client: the editor API, its language client, and common/.',
      from: { path: '^client/src/' },
      to: { path: ['^common/', '^node_modules/@types/vscode/', '^node_modules/vscode-languageclient/', '^node_modules/vscode-languageserver-protocol/'] },
    },
    { comment: 'common/: the protocol library only.', from: { path: '^common/' }, to: { path: '^node_modules/vscode-languageserver-protocol/' } },
    {
      comment: 'The core: packages, never Node, the editor or the server libraries (core/index.ts says why).',
      from: { path: '^core/' },
      to: { dependencyTypes: ['npm', 'npm-dev'], pathNot: '^node_modules/(vscode|@types/vscode)' },
    },
    { comment: 'Editor features: the core and common/.', from: { path: '^features/' }, to: { path: ['^core/', '^common/'] } },
    {
      comment: 'The review: the core, the features it summarises with, and common/.',
      from: { path: '^review/' },
      to: { path: ['^core/', '^features/', '^common/'] },
    },
    { comment: 'Configuration: the core (rule ids, sections, options) and common/.', from: { path: '^config/' }, to: { path: ['^core/', '^common/'] } },
    {
      comment: 'The CLI: the core, features, the review, configuration and common/; package.json for its version.',
      from: { path: '^cli/' },
      to: { path: ['^core/', '^features/', '^review/', '^config/', '^common/', '^package\\.json$'] },
    },
    {
      comment: 'The server: every layer but the CLI and the client; the rule pages it bundles for hovers.',
      from: { path: '^server/src/' },
      to: { path: ['^core/', '^features/', '^review/', '^config/', '^common/', '^docs/rules/[^/]+\\.md$', '^package\\.json$'] },
    },
    {
      comment: 'Packages and Node modules, for the layers that run in Node or a worker.',
      from: { path: '^(features|review|config|cli|server/src)/' },
      to: PACKAGES,
    },
  ],
  allowedSeverity: 'error',
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No module depends on itself through others.', from: {}, to: { circular: true } },
    {
      name: 'core-through-index',
      severity: 'error',
      comment: 'Outside core/, the core is reached through core/index.ts only: what it exports is its interface.',
      from: { pathNot: '^core/' },
      to: { path: '^core/', pathNot: '^core/index\\.ts$' },
    },
    {
      name: 'core-no-node-or-editor',
      severity: 'error',
      comment: 'The core runs in the editor, the CLI and a browser worker: no Node modules, no editor or LSP libraries.',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Stand-ins for Node modules in the browser build (esbuild aliases them); they load the real module
    // under names only esbuild resolves (fast-glob-real).
    exclude: { path: '^server/src/web/shims/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['es6', 'cjs'],
    // Resolve packages as esbuild does (package.json `exports`), e.g. chrono-node/en.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
