/** The core's invariants (see core/index.ts): what it must never import. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const core = join(__dirname, '..', '..', 'core');
const FORBIDDEN = /^(?:vscode|vscode-languageserver.*|vscode-languageclient.*|fs|node:fs|path|node:path|process|node:process|child_process|node:child_process|os|node:os|worker_threads|node:worker_threads|net|http|https)(?:\/.*)?$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  const all = files(core);
  it('finds the core sources', () => assert.ok(all.length > 10));
  for (const f of all) {
    it(`${relative(core, f)} imports nothing from outside the core's world`, () => {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        assert.ok(!FORBIDDEN.test(spec), `${relative(core, f)} imports ${spec}`);
      }
      assert.ok(!/\bprocess\.(?:env|argv|cwd)|\bDate\.now\(|new Date\(\)/.test(src), `${relative(core, f)} reads the environment or the clock`);
    });
    it(`${relative(core, f)} does not call String#matchAll (it copies the pattern; see core/language/regexp.ts)`, () => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.ok(!/\.matchAll\(/.test(code), `${relative(core, f)} calls matchAll; use allMatches from core/language/regexp.ts`);
    });
  }
});
