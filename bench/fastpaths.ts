/**
 * `npm run bench:fastpaths`: what each special path kept for speed (server/src/core/fastPaths.ts)
 * saves in the figures a user feels, measured with the path on and off, side by side:
 *
 * - keystroke latency: one character typed into a sentence, re-analysed with a warm ParseCache, in a
 *   typical (3.5 KB) and a large (100 KB) generated postmortem (one cache per side, fed the same texts);
 * - CLI time on a corpus: every document analysed once, as `postmortem-lint` does, and the saving as a
 *   share of the whole CLI process on the same files (start-up and output included). The corpus is the
 *   Markdown files given as arguments, else 48 generated typical postmortems.
 *
 * Times are CPU time of this process (the machine is shared; wall time would count waits for a core).
 * `...SavedPct` is the median over adjacent on/off pairs, `...SavedPctMin` compares each side's fastest
 * run; `cliSavedPct` the fastest corpus rounds' difference over the CLI process's CPU time.
 *
 *   npm run bench:fastpaths -- [--json] [--rounds N] [--paths=a,b | --group=a,b] [files...]
 *
 * A path that saves under 5% of both figures does not earn its keep (issue 21). On and off alternate
 * run by run so load from other processes shifts both alike. No figure here is asserted by a test.
 *
 * Paths measured and removed on 2026-12-07 (CPU time, 2-core machine at load 13; median of adjacent
 * pairs, two runs each; typical / large keystroke, corpus analysis, share of the CLI process):
 *   flat front matter without yaml   -12..-3% / -0..2% / -3..2% / <1%
 *   name-first patterns at capitals   -4..-3% / -1..9% / -1..4% / <1%
 *   person-as-cause prechecks         -7..1%  / -3..2% / -1..0% / <1%
 *   placeholder-text hints            -7..3%  / -8..-7% / 4..7% / <1%
 *   NUL-joined sentence scan           1..7%  / -1..0% / 1..2%  / <1%
 *   LineIndex indexOf (no CR)         -1..4%  / 4..5%  / -2%    / <1%
 *   whole-string fold, 1-char prechecks (one run) -9%, 3% / -2%, 1% / -1%, 3% / <1%
 *   the six first ones together        -4%    / 9%     / 4%     / 0.9%
 * Kept: the phrase trie (+381% / +979% / +4436%) and the clause prechecks (4..7% / 7..18% / 4..7%).
 * Added and measured on 2026-12-07 (load 1.7-2.1; typical / large keystroke, corpus analysis):
 *   literal autolinks by node     3.2% / 7.1% / 10.5%  (realset as the corpus: 12.6%)
 *   GFM construct gates          11.8% / 3.6% / 16.8%  (realset as the corpus: 21.4%)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, ParseCache } from '../core';
import { fastPaths, setFastPath, type FastPath } from '../core/engine/fastPaths';
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

/** The same share from the fastest run of each side: the run least disturbed by other processes. */
function minShare(xs: { on: number[]; off: number[] }): number {
  const on = Math.min(...xs.on);
  return (Math.min(...xs.off) - on) / on;
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
      const t0 = cpuNow();
      if (side === 'off') withOff(off, run);
      else run();
      xs[side].push(cpuNow() - t0);
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
        const t0 = cpuNow();
        if (side === 'off') withOff(off, () => analyze(t, OPTIONS));
        else analyze(t, OPTIONS);
        if (side === 'off') offMs += cpuNow() - t0;
        else on += cpuNow() - t0;
      }
    });
    xs.on.push(on);
    xs.off.push(offMs);
  }
  return xs;
}

/**
 * The whole CLI process on the corpus files (built bundle): its CPU time (user + system, worker threads
 * included, read by a preload at exit), the least of three runs. The figure a CI run pays for.
 */
function cliCpu(): number | undefined {
  const bin = join(ROOT, 'bin', 'postmortem-lint.js');
  if (!files.length || !existsSync(join(ROOT, 'dist', 'cli.js'))) return undefined;
  const preload = join(mkdtempSync(join(tmpdir(), 'pm-fastpaths-')), 'cpu.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('CPU_MS ' + (u.user + u.system) / 1000 + '\\n'); });\n",
  );
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--require', preload, bin, '--format', 'json', '--today', OPTIONS.today, ...files], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const m = /CPU_MS ([\d.]+)/.exec(r.stderr);
    if (m) xs.push(Number(m[1]));
  }
  return xs.length ? Math.min(...xs) : undefined;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

/**
 * Milliseconds of CPU this process spent (user + system). On a machine other processes load, wall
 * time counts the waits for a core as well; CPU time counts the work a path saves or adds.
 */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function main(): void {
  const docs = { typical: sized('3.5 KB'), large: postmortem(42, 100_000) };
  const cliMs = cliCpu();
  log(`corpus: ${corpus.length} documents${cliMs === undefined ? '' : `, CLI process ${cliMs.toFixed(0)} ms of CPU`}`);
  const rows: Array<Record<string, number | string>> = [];
  // The trie is measured with fewer runs: without it one corpus pass takes about a minute.
  const only = argv
    .find((a) => a.startsWith('--paths='))
    ?.slice('--paths='.length)
    .split(',') as FastPath[] | undefined;
  const paths = only ?? PATHS;
  // --group=a,b: only the row of those paths turned off together.
  const group = argv
    .find((a) => a.startsWith('--group='))
    ?.slice('--group='.length)
    .split(',') as FastPath[] | undefined;
  const sets = group ? [group] : [...paths.map((x) => [x]), ...(paths.length > 1 ? [paths.filter((x) => x !== 'phraseTrie')] : [])];
  for (const p of sets) {
    const name = p.length === 1 ? p[0] : group ? group.join('+') : 'all-but-phraseTrie';
    log(`measuring ${name}`);
    const slow = p.includes('phraseTrie');
    const typical = keystrokes(docs.typical, p, slow ? 10 : 120);
    const large = keystrokes(docs.large, p, slow ? 4 : 60);
    const cli = corpusTime(p, slow ? 1 : ROUNDS);
    const med = (xs: number[]) => round(summarize(xs).median);
    const row: Record<string, number | string> = {
      path: name,
      typicalKeyOnMs: med(typical.on),
      typicalKeyOffMs: med(typical.off),
      typicalKeySavedPct: pct(pairedShare(typical)),
      typicalKeySavedPctMin: pct(minShare(typical)),
      largeKeyOnMs: med(large.on),
      largeKeyOffMs: med(large.off),
      largeKeySavedPct: pct(pairedShare(large)),
      largeKeySavedPctMin: pct(minShare(large)),
      corpusOnMs: med(cli.on),
      corpusOffMs: med(cli.off),
      corpusSavedPct: pct(pairedShare(cli)),
      corpusSavedPctMin: pct(minShare(cli)),
    };
    // The same saving (fastest rounds) as a share of the whole CLI process's CPU (start-up, reading, output included).
    if (cliMs !== undefined) row.cliSavedPct = pct((Math.min(...cli.off) - Math.min(...cli.on)) / cliMs);
    rows.push(row);
  }
  if (JSON_OUT) {
    process.stdout.write(JSON.stringify({ corpus: corpus.length, cliCpuMs: cliMs, rows }, null, 2) + '\n');
    return;
  }
  const cols = Object.keys(rows[0]);
  const out = [cols.join('\t'), ...rows.map((r) => cols.map((c) => String(r[c] ?? '-')).join('\t'))];
  process.stdout.write(out.join('\n') + '\n');
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

main();
