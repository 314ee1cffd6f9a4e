/**
 * `npm run bench:fastpaths`: what each special path kept for speed (server/src/core/fastPaths.ts)
 * saves in the figures a user feels, measured with the path on and off, side by side:
 *
 * - keystroke latency: one character typed into a sentence, re-analysed with a warm ParseCache, in a
 *   typical (3.5 KB) and a large (100 KB) generated postmortem (one cache per side, fed the same texts);
 * - CLI time on a corpus: every document analysed once, as `postmortem-lint` does, beside the whole
 *   process's wall time on the same files (the figure the saving is a share of). The corpus is the
 *   Markdown files given as arguments, else 48 generated typical postmortems.
 *
 *   npm run bench:fastpaths -- [--json] [--rounds N] [--paths=a,b] [files...]
 *
 * A path that saves under 5% of both figures does not earn its keep (issue 21). On and off alternate
 * run by run so load from other processes shifts both alike. No figure here is asserted by a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ParseCache } from '../server/src/core';
import { fastPaths, setFastPath, type FastPath } from '../server/src/core/fastPaths';
import { postmortem, sized, typicalFiles } from './corpus';
import { summarize } from './measure';

const argv = process.argv.slice(2);
const JSON_OUT = argv.includes('--json');
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 7;
const files = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--rounds');
const OPTIONS = { today: '2026-12-06' };
const ROOT = join(__dirname, '..');
const log = (s: string) => process.stderr.write(s + '\n');

const corpus = files.length ? files.map((f) => readFileSync(f, 'utf8')) : typicalFiles(48);
const PATHS = Object.keys(fastPaths) as FastPath[];

/** Offset inside a prose sentence of the document's middle section (where an author types). */
function editPoint(text: string): number {
  const headings = [...text.matchAll(/^### Finding \d+$/gm)];
  const h = headings[Math.floor(headings.length / 2)] ?? [...text.matchAll(/^## What went poorly$/gm)][0];
  const para = text.indexOf('\n\n', h.index!) + 2;
  return text.indexOf(' ', para + 20) + 1;
}

/** Runs `fn` with the given paths off (and the others on). */
function withOff<T>(off: FastPath[], fn: () => T): T {
  for (const p of off) setFastPath(p, false);
  try {
    return fn();
  } finally {
    for (const p of off) setFastPath(p, true);
  }
}

/**
 * What turning `off` off adds to a figure, as a share of the figure with every path on: the median over
 * adjacent on/off pairs of (off - on) / on. Pairs taken next to each other see the same load, so the
 * median of their ratios is steadier on a shared machine than a ratio of two medians.
 */
function pairedShare(xs: { on: number[]; off: number[] }): number {
  return summarize(xs.on.map((on, i) => (xs.off[i] - on) / on)).median;
}

/** Keystroke times (ms) with the paths on and with `off` turned off, typed alternately. */
function keystrokes(doc: string, off: FastPath[], keys: number): { on: number[]; off: number[] } {
  const at = editPoint(doc);
  const caches = { on: new ParseCache(), off: new ParseCache() };
  analyze(doc, OPTIONS, caches.on);
  withOff(off, () => analyze(doc, OPTIONS, caches.off));
  const xs = { on: [] as number[], off: [] as number[] };
  const word = 'meanwhile ';
  let cur = doc;
  for (let i = 0; i < keys; i++) {
    cur = cur.slice(0, at + i) + word[i % word.length] + cur.slice(at + i);
    for (const side of i % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const run = () => analyze(cur, OPTIONS, caches[side]);
      const t0 = performance.now();
      if (side === 'off') withOff(off, run);
      else run();
      xs[side].push(performance.now() - t0);
    }
  }
  return xs;
}

/** Per round, ms to analyse the whole corpus once (no cache, as the CLI does), each document on and off in turn. */
function corpusTime(off: FastPath[], rounds: number): { on: number[]; off: number[] } {
  for (const t of corpus) {
    analyze(t, OPTIONS);
    withOff(off, () => analyze(t, OPTIONS));
  }
  const xs = { on: [] as number[], off: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    let on = 0;
    let offMs = 0;
    corpus.forEach((t, i) => {
      for (const side of (i + r) % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const t0 = performance.now();
        if (side === 'off') withOff(off, () => analyze(t, OPTIONS));
        else analyze(t, OPTIONS);
        if (side === 'off') offMs += performance.now() - t0;
        else on += performance.now() - t0;
      }
    });
    xs.on.push(on);
    xs.off.push(offMs);
  }
  return xs;
}

/** The whole CLI process on the corpus files (built bundle), median of three: the figure a CI run feels. */
function cliWall(): number | undefined {
  const bin = join(ROOT, 'bin', 'postmortem-lint.js');
  if (!files.length || !existsSync(join(ROOT, 'dist', 'cli.js'))) return undefined;
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, [bin, '--format', 'json', '--today', OPTIONS.today, ...files], { stdio: 'ignore' });
    xs.push(performance.now() - t0);
  }
  return summarize(xs).median;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

function main(): void {
  const docs = { typical: sized('3.5 KB'), large: postmortem(42, 100_000) };
  const wall = cliWall();
  log(`corpus: ${corpus.length} documents${wall === undefined ? '' : `, CLI wall ${wall.toFixed(0)} ms`}`);
  const rows: Array<Record<string, number | string>> = [];
  // The trie is measured with fewer runs: without it one corpus pass takes about a minute.
  const only = argv.find((a) => a.startsWith('--paths='))?.slice('--paths='.length).split(',') as FastPath[] | undefined;
  const paths = only ?? PATHS;
  const rest = PATHS.filter((x) => x !== 'phraseTrie');
  for (const p of [...paths.map((x) => [x]), ...(only ? [] : [rest])]) {
    const name = p.length === 1 ? p[0] : 'all-but-phraseTrie';
    log(`measuring ${name}`);
    const slow = p.includes('phraseTrie');
    const typical = keystrokes(docs.typical, p, slow ? 10 : 60);
    const large = keystrokes(docs.large, p, slow ? 4 : 30);
    const cli = corpusTime(p, slow ? 1 : ROUNDS);
    const med = (xs: number[]) => round(summarize(xs).median);
    const row: Record<string, number | string> = {
      path: name,
      typicalKeyOnMs: med(typical.on),
      typicalKeyOffMs: med(typical.off),
      typicalKeySavedPct: pct(pairedShare(typical)),
      largeKeyOnMs: med(large.on),
      largeKeyOffMs: med(large.off),
      largeKeySavedPct: pct(pairedShare(large)),
      corpusOnMs: med(cli.on),
      corpusOffMs: med(cli.off),
      corpusSavedPct: pct(pairedShare(cli)),
    };
    // The same saving as a share of the whole CLI process (start-up, reading, output included).
    if (wall !== undefined) row.cliWallSavedPct = pct((summarize(cli.off).median - summarize(cli.on).median) / wall);
    rows.push(row);
  }
  if (JSON_OUT) {
    process.stdout.write(JSON.stringify({ corpus: corpus.length, cliWallMs: wall, rows }, null, 2) + '\n');
    return;
  }
  const cols = Object.keys(rows[0]).concat(wall !== undefined && !('cliWallSavedPct' in rows[0]) ? ['cliWallSavedPct'] : []);
  const out = [cols.join('\t'), ...rows.map((r) => cols.map((c) => String(r[c] ?? '-')).join('\t'))];
  process.stdout.write(out.join('\n') + '\n');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main();
