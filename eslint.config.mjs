// ESLint (flat config) for the project's own code. The rules are chosen for defects they find, not for
// style: style is Prettier's (`npm run format`). Type-aware rules (those that need the type checker)
// are limited to the few that find bugs no syntax rule can (a promise nobody awaits or catches).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '**/dist/**',
      'out/**',
      '.vscode-test/**',
      '.e2e/**',
      '.bench/**',
      '.scratch/**',
      'bench/tmp/**',
      // Markdown fixtures and the editors' e2e workspace are documents under test, not code.
      'test/e2e/workspace/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise that is neither awaited nor caught loses its error (an unhandled rejection in the
      // server ends the process); `void p` says on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      // An async function passed where a callback's result is ignored (event handlers, forEach).
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    rules: {
      // `==` compares after coercion; the one idiom kept is `x == null` (null or undefined).
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // An unused name is dead code or a forgotten use; `_name` marks one kept on purpose (a parameter
      // a signature needs, a rest sibling that drops a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      'no-unused-vars': 'off',
      'no-self-compare': 'error',
      'no-unreachable-loop': 'error',
      'no-constructor-return': 'error',
      'array-callback-return': 'error',
      'no-constant-binary-expression': 'error',
      // Control characters are matched on purpose: the CLI escapes them in terminal output, the core
      // joins sentences with NUL, and tests look for ANSI escapes.
      'no-control-regex': 'off',
      // An escape that changes nothing is harmless, and the regex budget (test/core/regex-budget.test.ts)
      // keys its exemptions by pattern source: rewriting sources for style would move them.
      'no-useless-escape': 'off',
      // `require` of a Node built-in (`require('node:fs')`) inside a test is a plain, synchronous load.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^node:'] }],
    },
  },
  {
    // No line over Prettier's width (.prettierrc.json): Prettier wraps code but not comments, and it
    // cannot break a string, template or regular-expression literal; those literals are kept whole
    // (a phrase, a message, a pattern reads best on one line, and the regex budget keys patterns by
    // their source).
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    rules: {
      'max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // Data files: phrase lists and tables with their examples, one entry per line however long, and the
    // regex budget's list of exempted patterns with their reasons.
    files: ['**/core/**/data/*.ts', 'test/core/regex-exemptions.ts'],
    rules: { 'max-len': 'off' },
  },
  {
    // Plain JavaScript (bin launchers, build scripts, the e2e runners): Node globals, no type checker.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        performance: 'readonly',
        structuredClone: 'readonly',
        self: 'readonly',
        postMessage: 'readonly',
        globalThis: 'readonly',
        queueMicrotask: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Runs in a browser page (Playwright's evaluate, a web worker), not in Node.
    files: ['test/e2e/*.mjs', 'test/e2e/lib/*.mjs', 'test/web/worker-client.js'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly', Worker: 'readonly' } },
  },
  {
    // A function expression evaluated as the file's value by the page that loads it.
    files: ['test/web/worker-client.js'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // CommonJS shims for the web bundle.
    files: ['server/src/web/shims/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { exports: 'writable' } },
  },
);
