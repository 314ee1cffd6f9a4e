/**
 * One run of `postmortem-lint`: arguments -> files -> analyze (the same core as the language server)
 * -> a formatted report on stdout and an exit code. Everything from outside (argv, cwd, streams, the
 * clock) comes in through `CliIO`, so tests can run it in-process as well as through the bundle.
 */
import { readFileSync, statSync } from 'node:fs';
import { analyze, DEFAULT_MAX_SIZE, LineIndex, type AnalyzeOptions } from '../core';
import { version } from '../../../package.json';
import { parseCliArgs, type CliOptions } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, IoError, oneLine, UsageError } from './errors';
import { expandOperands, type FileTarget } from './files';
import { formatJson } from './format/json';
import { formatStylish } from './format/stylish';
import { HELP } from './help';
import { onlyErrors, toDiagnostic, totals, type FileReport } from './report';
import { listRules } from './rulesList';

export interface CliStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  cwd: string;
  stdout: CliStream;
  stderr: CliStream;
  readStdin(): Promise<string>;
  /** Today's local date, YYYY-MM-DD (used when --today is not given). */
  today(): string;
  env: Record<string, string | undefined>;
}

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Colour: forced by a flag, else NO_COLOR / FORCE_COLOR, else only when stdout is a terminal. */
export function useColor(opts: CliOptions, io: CliIO): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY && io.env.TERM !== 'dumb';
}

interface Input {
  path: string;
  /** For files on disk. */
  target?: FileTarget;
  text?: string;
  skipped?: string;
}

/** Files far larger than the core reads are not even loaded. */
const MAX_BYTES = DEFAULT_MAX_SIZE * 4;

function readInput(t: FileTarget): Input {
  try {
    const st = statSync(t.absPath);
    if (!st.isFile()) throw new IoError(`cannot read "${t.path}": not a regular file`);
    if (st.size > MAX_BYTES) {
      return { path: t.path, target: t, skipped: `This file has ${st.size.toLocaleString('en-US')} bytes, far more than the postmortem checks read; it was not analysed.` };
    }
    return { path: t.path, target: t, text: readFileSync(t.absPath, 'utf8') };
  } catch (err) {
    if (err instanceof IoError) throw err;
    const code = (err as NodeJS.ErrnoException)?.code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : oneLine(err);
    throw new IoError(`cannot read "${t.path}": ${why}`);
  }
}

export function lintText(path: string, text: string | undefined, options: AnalyzeOptions, skippedBefore?: string): FileReport {
  if (text === undefined) return { path, text: '', diagnostics: [], suppressed: [], skipped: skippedBefore, internalErrors: [] };
  const res = analyze(text, options);
  const lines = new LineIndex(text);
  return {
    path,
    text,
    diagnostics: res.findings.map((f) => toDiagnostic(lines, f)),
    suppressed: [],
    skipped: res.skipped,
    internalErrors: res.internalErrors,
  };
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const err = (msg: string) => io.stderr.write(`postmortem-lint: ${msg}\n`);
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    err(oneLine(e));
    return EXIT_USAGE;
  }
  const color = useColor(opts, io);
  if (opts.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (opts.version) {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  if (opts.listRules) {
    io.stdout.write(listRules(opts.format === 'json' ? 'json' : 'text', { color }));
    return EXIT_OK;
  }

  try {
    const today = opts.today ?? io.today();
    const inputs: Input[] = [];
    if (opts.stdin) {
      inputs.push({ path: opts.stdinFilename ?? '<stdin>', text: await io.readStdin() });
    } else {
      const targets = await expandOperands(opts.operands, { cwd: io.cwd });
      if (!targets.length) io.stderr.write('postmortem-lint: no Markdown files found\n');
      for (const t of targets) inputs.push(readInput(t));
    }

    const reports: FileReport[] = [];
    for (const input of inputs) {
      const options: AnalyzeOptions = { today, rules: { ...opts.rules } };
      const report = lintText(input.path, input.text, options, input.skipped);
      if (report.skipped) io.stderr.write(`postmortem-lint: ${report.path}: skipped. ${report.skipped}\n`);
      for (const ie of report.internalErrors) io.stderr.write(`postmortem-lint: ${report.path}: rule ${ie.rule} failed and was skipped: ${ie.message}\n`);
      reports.push(report);
    }

    const t = totals(reports);
    const shown = opts.quiet ? onlyErrors(reports) : reports;
    if (opts.format === 'json') io.stdout.write(formatJson(shown));
    else if (opts.format === 'stylish') io.stdout.write(formatStylish(shown, { color }));
    else throw new UsageError(`--format ${opts.format} is not available yet`);

    if (t.errors > 0) return EXIT_FINDINGS;
    if (opts.maxWarnings !== undefined && t.warnings > opts.maxWarnings) {
      err(`${t.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError || e instanceof IoError) {
      err(oneLine(e));
      return EXIT_USAGE;
    }
    err(`internal error: ${oneLine(e)}`);
    return EXIT_USAGE;
  }
}
