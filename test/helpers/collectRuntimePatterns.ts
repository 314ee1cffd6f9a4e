/**
 * Run as a child process (collectPatterns.ts): wraps the RegExp constructor, imports the analysis
 * core, the CLI and the config loader, analyses every rule fixture, and prints every pattern built
 * with `new RegExp(...)` from a string (JSON on stdout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isServerSideSource, ROOT } from './sourceDirs';

const seen = new Map<string, { source: string; flags: string; where: string }>();
const Native = RegExp;
/** Where the project's code builds the pattern ("runtime file:line"), or undefined for a library's (such as chrono-node's). */
function fromProject(): string | undefined {
  const frame =
    (new Error().stack ?? '')
      .split('\n')
      .slice(1)
      .filter((l) => !l.includes('collectRuntimePatterns'))[0] ?? '';
  if (!isServerSideSource(frame)) return undefined;
  const at = /([^()\s]+):(\d+):\d+\)?$/.exec(frame);
  return at ? `runtime ${relative(ROOT, at[1].replace(/^file:\/\//, ''))}:${at[2]}` : 'runtime';
}
function record(re: RegExp, args: [unknown, string?]): void {
  // A pattern from a string is what this collects; copying a RegExp (new RegExp(re, flags)) gives a
  // pattern already counted among the literals or the constructed ones.
  if (typeof args[0] !== 'string') return;
  const where = fromProject();
  const key = `${re.source}/${re.flags}`;
  if (where && !seen.has(key)) seen.set(key, { source: re.source, flags: re.flags, where });
}
const Wrapped = new Proxy(Native, {
  construct(target, args: [unknown, string?]) {
    const re = Reflect.construct(target, args) as RegExp;
    record(re, args);
    return re;
  },
  apply(target, _this, args: [unknown, string?]) {
    const re = Reflect.apply(target, undefined, args) as RegExp;
    record(re, args);
    return re;
  },
});
globalThis.RegExp = Wrapped;

(async () => {
  const core = await import('../../core');
  await import('../../cli/run');
  await import('../../config');
  const dir = join(__dirname, '..', 'fixtures', 'rules');
  // Sorted, so that the set and each pattern's first builder do not depend on the file system's order.
  for (const id of readdirSync(dir).sort()) {
    for (const f of readdirSync(join(dir, id)).sort()) if (f.endsWith('.md')) core.analyze(readFileSync(join(dir, id, f), 'utf8'), { today: '2026-11-23' });
  }
  process.stdout.write(JSON.stringify([...seen.values()]));
})().catch((err) => {
  process.stderr.write(String(err?.stack ?? err));
  process.exit(1);
});
