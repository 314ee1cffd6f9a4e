/**
 * The core's invariants that an import graph cannot show (see core/index.ts and docs/architecture.md).
 * What each layer may import, cycles, and the core's entry point are checked by dependency-cruiser
 * (`npm run deps`, .dependency-cruiser.cjs), which `npm test` runs first; what is left here is how the
 * core's code behaves: it reads no clock, no environment and no process state, and never calls
 * String#matchAll.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const core = join(__dirname, '..', '..', 'core');

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
    it(`${relative(core, f)} reads neither the environment nor the clock`, () => {
      const src = readFileSync(f, 'utf8');
      assert.ok(!/\bprocess\.(?:env|argv|cwd)|\bDate\.now\(|new Date\(\)/.test(src), `${relative(core, f)} reads the environment or the clock`);
    });
    it(`${relative(core, f)} does not call String#matchAll (it copies the pattern; see core/language/regexp.ts)`, () => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      assert.ok(!/\.matchAll\(/.test(code), `${relative(core, f)} calls matchAll; use allMatches from core/language/regexp.ts`);
    });
  }
});
