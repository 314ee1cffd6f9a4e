/**
 * Security:
 * - the project's own sources (server/src, client/src, bin/) start no process, evaluate no code and
 *   open no network connection; the bundles contain such calls only as many times as the bundled
 *   libraries do (allow-list below, each with its reason);
 * - configured phrases are literal: a pathological "regex" phrase matches only its own text, in
 *   linear time (no user regex reaches the matcher);
 * - a rule that throws is reported once in `internalErrors` with its id, and the other rules'
 *   findings still appear.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, RULES } from '../../core';
import type { Rule } from '../../core/rules/defineRule';
import { ensureBuilt } from '../cli/helpers';
import { SOURCE_DIRS } from '../helpers/sourceDirs';
import { growth } from '../helpers/growth';

const ROOT = join(__dirname, '..', '..');

const DANGEROUS: Record<string, RegExp> = {
  // `__require(` is how a platform-neutral bundle (dist/server.js) spells Node's require.
  child_process: /(?:\b|__)require\(["'](?:node:)?child_process["']\)|from ["'](?:node:)?child_process["']/g,
  'eval(': /(?<![\w.$])eval\(/g,
  'new Function(': /\bnew Function\(/g,
  'http/https/net': /(?:\b|__)require\(["'](?:node:)?(?:https?|net|http2|dgram|tls)["']\)|from ["'](?:node:)?(?:https?|net|http2|dgram|tls)["']/g,
  'fetch(': /(?<![\w.$])fetch\(/g,
  'XMLHttpRequest/WebSocket': /\bnew (?:XMLHttpRequest|WebSocket)\(/g,
};

/**
 * What the bundled libraries legitimately contain:
 * - vscode-languageclient/node starts the server process (child_process) and, like
 *   vscode-languageserver/node, can talk over sockets and named pipes (net) — the extension uses stdio
 *   and IPC only; the server's child_process use is the library's global-module path lookup, which
 *   this server never calls;
 * - minisearch's `SearchableMap#fetch(key, init)` is a method of its in-memory index, not the network
 *   `fetch` (minified, its definition `}fetch(t,n){` matches the pattern once).
 * Anything beyond these counts is new code and fails the test.
 */
const ALLOWED: Record<string, Partial<Record<keyof typeof DANGEROUS, number>>> = {
  'dist/server.js': { child_process: 1, 'http/https/net': 1, 'fetch(': 1 },
  'dist/client.js': { child_process: 2, 'http/https/net': 1 },
  'dist/cli.js': {},
  // The web client: vscode-languageclient's browser build talks to the worker with postMessage only.
  'dist/web/client.js': {},
};

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(?:ts|js|mjs|cjs)$/.test(e) ? [p] : [];
  });
}

describe('security', function () {
  this.timeout(60_000);

  it("the project's own code starts no process, evaluates no code and makes no network request", () => {
    const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))), ...sourceFiles(join(ROOT, 'bin'))];
    assert.ok(files.length > 20);
    for (const f of files) {
      // Comments may name what the code does not do.
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|(?<!:)\/\/.*$/gm, '');
      for (const [name, re] of Object.entries(DANGEROUS)) assert.deepEqual(code.match(re) ?? [], [], `${f.slice(ROOT.length + 1)} uses ${name}`);
    }
  });

  it('the bundles contain such calls only where the bundled libraries have them', () => {
    ensureBuilt();
    for (const [bundle, allowed] of Object.entries(ALLOWED)) {
      // Whole comment lines (kept in the development build, dropped when minified) may name these words.
      const text = readFileSync(join(ROOT, bundle), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(?:\*|\/\/|\/\*)/.test(l))
        .join('\n');
      for (const [name, re] of Object.entries(DANGEROUS)) {
        const n = text.match(re)?.length ?? 0;
        assert.ok(n <= (allowed[name] ?? 0), `${bundle}: ${n} × ${name}, allowed ${allowed[name] ?? 0}`);
      }
    }
  });

  it('a configured phrase is matched literally, in linear time (n and 4n within 6x)', () => {
    const phrase = '(a+)+$';
    const options = { today: '2026-11-23', phrases: { blame: { add: [phrase] } } };
    const doc = (n: number) => '# Postmortem\n\n## What went poorly\n\n' + 'a'.repeat(n) + '!\n\nThe deploy hit (a+)+$ again.\n';
    const hostile = doc(20_000);
    const r = analyze(hostile, options);
    assert.deepEqual(r.internalErrors, []);
    const hits = r.findings.filter((f) => hostile.slice(f.start, f.end) === phrase);
    assert.equal(hits.length, 1, 'the literal text is found');
    assert.ok(!r.findings.some((f) => f.rule === 'blame-language' && hostile.slice(f.start, f.end).startsWith('aaaa')), 'the a-run is not a match');
    // Read as a pattern, (a+)+$ on a run of "a" ending in "!" backtracks exponentially; read literally,
    // the analysis grows about 4x from n to 4n.
    const ratio = growth(doc, (t) => analyze(t, options), 5_000, { rounds: 3 });
    assert.ok(ratio < 6, `analysis grows ${ratio.toFixed(1)}x from n to 4n`);
  });

  it('a throwing rule is reported once with its id and the other rules still report', () => {
    const text = '# Postmortem\n\n## What went poorly\n\nThe operator should have checked the queue.\n';
    const before = analyze(text, { today: '2026-11-23' });
    assert.ok(before.findings.some((f) => f.rule === 'blame-language'));
    const boom: Rule = {
      ...RULES[0],
      id: 'test-only-throwing-rule',
      check: () => {
        throw new Error('boom');
      },
    } as Rule;
    (RULES as Rule[]).unshift(boom);
    try {
      const r = analyze(text, { today: '2026-11-23' });
      assert.deepEqual(r.internalErrors, [{ rule: 'test-only-throwing-rule', message: 'boom' }]);
      assert.deepEqual(r.findings, before.findings, "the other rules' findings are unchanged");
    } finally {
      (RULES as Rule[]).splice((RULES as Rule[]).indexOf(boom), 1);
    }
  });
});
