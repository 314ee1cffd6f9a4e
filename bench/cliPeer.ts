/**
 * `npm run bench -- --only cli-peer`: `postmortem-lint` against markdownlint-cli2 (a devDependency) as
 * whole processes, on the same 1,000 generated postmortems and on one of them alone (start-up), the
 * two runs alternating so load from other processes falls on both alike. Each run is timed under GNU
 * time (wall, user + system CPU, peak RSS); the row reports medians and the ratio ours / theirs, with
 * the load average at start and end (the machine is shared). Goals (issue 19): wall ratio <= 1.0 on
 * 1,000 files, and one file no slower than markdownlint-cli2.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { postmortem } from './corpus';

const ROOT = join(__dirname, '..');
/** The CLI measured: the bin shim, or PM_BENCH_CLI (another build's cli.js, for a before/after on the same machine). */
export const CLI = process.env.PM_BENCH_CLI ?? join(ROOT, 'bin', 'postmortem-lint.js');
export const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const log = (s: string) => process.stderr.write(s + '\n');

export interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  status: number;
}

/** Runs `node argv` under GNU time: wall, user + system CPU and peak RSS. */
export function measureProcess(argv: string[], cwd: string): ProcessRun {
  const stats = join(tmpdir(), `pm-bench-time-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', stats, process.execPath, ...argv], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - t0;
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  rmSync(stats, { force: true });
  return { wallMs: Math.round(wallMs), cpuMs: Math.round((user + sys) * 1000), maxRssMb: Math.round(rssKb / 1024), status: r.status ?? -1 };
}

/** A folder of `n` postmortems (bench/corpus.ts, one seed each), dated over two years. */
export function generatedWorkspace(n: number, prefix = 'pm-bench-ws-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'postmortems'));
  writeFileSync(join(dir, '.git'), '');
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(join(dir, 'postmortems', `${day}-incident-${i}.md`), postmortem(5000 + i));
  }
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export interface PeerFigure {
  runs: number;
  ours: { wallMs: number; cpuMs: number; maxRssMb: number };
  markdownlintCli2: { wallMs: number; cpuMs: number; maxRssMb: number };
  ratioWall: number;
  ratioCpu: number;
  load: string;
}

/** Ours and theirs alternately (who goes first alternates too), `runs` times each, on `ours` / `theirs` arguments. */
function alternate(dir: string, ours: string[], theirs: string[], runs: number): PeerFigure {
  const load0 = loadavg()[0];
  const a: ProcessRun[] = [];
  const b: ProcessRun[] = [];
  // One unmeasured run each: the files are in the page cache for both.
  measureProcess([CLI, ...ours], dir);
  measureProcess([MDL, ...theirs], dir);
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      b.push(measureProcess([MDL, ...theirs], dir));
      a.push(measureProcess([CLI, ...ours], dir));
    } else {
      a.push(measureProcess([CLI, ...ours], dir));
      b.push(measureProcess([MDL, ...theirs], dir));
    }
  }
  const fig = (xs: ProcessRun[]) => ({
    wallMs: median(xs.map((x) => x.wallMs)),
    cpuMs: median(xs.map((x) => x.cpuMs)),
    maxRssMb: median(xs.map((x) => x.maxRssMb)),
  });
  const o = fig(a);
  const t = fig(b);
  return {
    runs,
    ours: o,
    markdownlintCli2: t,
    ratioWall: ratio(o.wallMs, t.wallMs),
    ratioCpu: ratio(o.cpuMs, t.cpuMs),
    load: `${load0.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`,
  };
}

/** The row: 1,000 files (goal wall ratio <= 1.0) and one file (goal: no slower). Default output format on both sides. */
export function cliVsMarkdownlint(o: { files?: number; runsMany?: number; runsOne?: number } = {}): Record<string, PeerFigure | string> {
  if (!existsSync(MDL)) return { skipped: 'markdownlint-cli2 is not installed' };
  const files = o.files ?? 1000;
  log(`cli-peer: generating ${files} postmortems`);
  const dir = generatedWorkspace(files, 'pm-bench-peer-');
  try {
    log(`cli-peer: one file, alternating, ${o.runsOne ?? 10} runs each`);
    const oneFile = 'postmortems/2024-01-01-incident-0.md';
    const one = alternate(dir, [oneFile], [oneFile], o.runsOne ?? 10);
    // PM_BENCH_PEER_ONE_ONLY=1: the start-up half alone (a quick before/after).
    if (process.env.PM_BENCH_PEER_ONE_ONLY) return { 'one file': one };
    log(`cli-peer: ${files} files, alternating, ${o.runsMany ?? 5} runs each`);
    const many = alternate(dir, ['postmortems'], ['postmortems/**/*.md'], o.runsMany ?? 5);
    return { [`${files} files`]: many, 'one file': one };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
