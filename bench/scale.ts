/**
 * `npm run bench -- --scale`: an organisation's scale, as whole processes on generated workspaces
 * (bench/corpus.ts postmortems, each with its own seed and an incident date spread over two years).
 *
 * - report vs lint at 1k / 5k / 10k postmortems: `postmortem-lint report` against `postmortem-lint`
 *   on the same folder, alternating, wall time and CPU (user + system) and peak RSS (GNU time);
 * - CLI vs markdownlint-cli2 on the same 1,000 files and on one file, alternating (bench/cliPeer.ts);
 * - CLI peak memory at 10k files.
 *
 * Rows are measured once per run; nothing here is asserted by `npm test`.
 */
import { rmSync } from 'node:fs';
import { cliVsMarkdownlint, CLI, generatedWorkspace as workspace, measureProcess as measure } from './cliPeer';

const log = (s: string) => process.stderr.write(s + '\n');

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
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  rows.push(`CLI vs markdownlint-cli2 (bench/cliPeer.ts): ${JSON.stringify(cliVsMarkdownlint())}`);
  process.stdout.write(rows.join('\n') + '\n');
}
