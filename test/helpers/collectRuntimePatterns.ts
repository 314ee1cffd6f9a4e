/**
 * Run as a child process (collectPatterns.ts): wraps the RegExp constructor, imports the analysis
 * core, the CLI and the config loader, analyses every rule fixture, and prints every pattern built
 * with `new RegExp(...)` from a string (JSON on stdout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isServerSideSource } from './sourceDirs';

const seen = new Map<string, { source: string; flags: string }>();
const Native = RegExp;
/** True when the code that builds the pattern is the project's (not a library's, such as chrono-node's). */
function fromProject(): boolean {
  const frames = (new Error().stack ?? '').split('\n').slice(1).filter((l) => !l.includes('collectRuntimePatterns'));
  return isServerSideSource(frames[0] ?? '');
}
const Wrapped = new Proxy(Native, {
  construct(target, args: [unknown, string?]) {
    const re = Reflect.construct(target, args) as RegExp;
    // A pattern from a string is what this collects; copying a RegExp (new RegExp(re, flags)) gives a
    // pattern already counted among the literals or the constructed ones.
    if (typeof args[0] === 'string' && fromProject()) seen.set(`${re.source}/${re.flags}`, { source: re.source, flags: re.flags });
    return re;
  },
  apply(target, _this, args: [unknown, string?]) {
    const re = Reflect.apply(target, undefined, args) as RegExp;
    if (typeof args[0] === 'string' && fromProject()) seen.set(`${re.source}/${re.flags}`, { source: re.source, flags: re.flags });
    return re;
  },
});
globalThis.RegExp = Wrapped;

(async () => {
  const core = await import('../../core');
  await import('../../cli/run');
  await import('../../config');
  const dir = join(__dirname, '..', 'fixtures', 'rules');
  for (const id of readdirSync(dir)) {
    for (const f of readdirSync(join(dir, id))) if (f.endsWith('.md')) core.analyze(readFileSync(join(dir, id, f), 'utf8'), { today: '2026-11-23' });
  }
  process.stdout.write(JSON.stringify([...seen.values()]));
})().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
