/**
 * `npm run bench -- --scale`: an organisation's scale, as whole processes on generated workspaces
 * (bench/corpus.ts postmortems, each with its own seed and an incident date spread over two years).
 *
 * - report vs lint at 1k / 5k / 10k postmortems: `postmortem-lint report` against `postmortem-lint`
 *   on the same folder, alternating, wall time and CPU (user + system) and peak RSS (GNU time);
 * - CLI vs markdownlint-cli2 on the same 1,000 files, alternating (when markdownlint-cli2 is installed);
 * - CLI peak memory at 10k files.
 *
 * Rows are measured once per run; nothing here is asserted by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postmortem } from './corpus';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'bin', 'postmortem-lint.js');
const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const log = (s: string) => process.stderr.write(s + '\n');

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  status: number;
}

/** Runs a process under GNU time: wall, user + system CPU and peak RSS. */
function measure(argv: string[], cwd: string): Run {
  const stats = join(tmpdir(), `pm-scale-time-${process.pid}.txt`);
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', '-o', stats, process.execPath, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t0;
  const [user, sys, rssKb] = readFileSync(stats, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  rmSync(stats, { force: true });
  return { wallMs: Math.round(wallMs), cpuMs: Math.round((user + sys) * 1000), maxRssMb: Math.round(rssKb / 1024), status: r.status ?? -1 };
}

/** A folder of `n` postmortems, dated over two years so the report's periods and factors have work. */
function workspace(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `pm-scale-${n}-`));
  mkdirSync(join(dir, 'postmortems'));
  writeFileSync(join(dir, '.git'), '');
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 730) * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(join(dir, 'postmortems', `${day}-incident-${i}.md`), postmortem(5000 + i));
  }
  return dir;
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

export async function scaleBench(): Promise<void> {
  const sizes = (process.env.PM_SCALE_SIZES ?? '1000,5000,10000').split(',').map(Number);
  const rows: string[] = [];
  for (const n of sizes) {
    log(`scale: generating ${n} postmortems`);
    const dir = workspace(n);
    try {
      log(`scale: lint and report at ${n}`);
      const lint = measure([CLI, '--format', 'json', '--today', '2026-12-06', 'postmortems'], dir);
      const report = measure([CLI, 'report', '--today', '2026-12-06', 'postmortems'], dir);
      rows.push(
        `${n} postmortems: lint ${lint.wallMs} ms wall, ${lint.cpuMs} ms CPU, ${lint.maxRssMb} MB peak (exit ${lint.status}); ` +
          `report ${report.wallMs} ms wall, ${report.cpuMs} ms CPU, ${report.maxRssMb} MB peak (exit ${report.status}); report/lint CPU ${ratio(report.cpuMs, lint.cpuMs)}, wall ${ratio(report.wallMs, lint.wallMs)}`,
      );
      if (n === 1000 && existsSync(MDL)) {
        log('scale: CLI vs markdownlint-cli2 on 1,000 files (alternating, 3 each)');
        const ours: Run[] = [];
        const theirs: Run[] = [];
        for (let i = 0; i < 3; i++) {
          ours.push(measure([CLI, 'postmortems'], dir));
          theirs.push(measure([MDL, 'postmortems/**/*.md'], dir));
        }
        const med = (xs: Run[], k: 'wallMs' | 'cpuMs') => xs.map((x) => x[k]).sort((a, b) => a - b)[1];
        rows.push(
          `CLI vs markdownlint-cli2, 1,000 files: ours ${med(ours, 'wallMs')} ms wall / ${med(ours, 'cpuMs')} ms CPU, markdownlint-cli2 ${med(theirs, 'wallMs')} ms / ${med(theirs, 'cpuMs')} ms; ratio wall ${ratio(med(ours, 'wallMs'), med(theirs, 'wallMs'))}, CPU ${ratio(med(ours, 'cpuMs'), med(theirs, 'cpuMs'))}`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(rows.join('\n') + '\n');
}
