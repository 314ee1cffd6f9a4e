/**
 * One run of `postmortem-lint`: arguments -> files -> configuration -> analyze (the same core and the
 * same config loader as the language server) -> fixes -> a report on stdout and an exit code.
 * Everything from outside (argv, cwd, streams, the clock) comes in through `CliIO`, so tests can run it
 * in-process as well as through the bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repository, version } from '../../../package.json';
import { ConfigCache, configFileLabel, loadConfigFor, type ConfigProblem, type LoadedConfig } from '../config';
import { analyze, DEFAULT_MAX_SIZE, LineIndex, type AnalyzeOptions } from '../core';
import { fixUntilStable } from '../core/fixes';
import { parseCliArgs, type CliOptions } from './args';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, IoError, oneLine, UsageError } from './errors';
import { expandOperands, type FileTarget } from './files';
import { unifiedDiff, writeAtomically } from './fix';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { printable } from './format/printable';
import { HELP } from './help';
import { onlyErrors, toDiagnostic, totals, type FileReport, type SuppressedDiagnostic } from './report';
import { runReport } from './reportCommand';
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

/** Where the rules' docs pages are published: the repository's docs/rules/ folder. */
export function docsBase(): string {
  const url = (typeof repository === 'string' ? repository : repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  return `${url || 'https://example.invalid/postmortem-writer'}/blob/main/docs/rules/`;
}

interface Input {
  path: string;
  /** Absolute path: the file's, or for stdin the --stdin-filename (config lookup only). */
  absPath: string;
  /** For files on disk (written by --fix). */
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
      return { path: t.path, absPath: t.absPath, target: t, skipped: `This file has ${st.size.toLocaleString('en-US')} bytes, far more than the postmortem checks read; it was not analysed.` };
    }
    return { path: t.path, absPath: t.absPath, target: t, text: readFileSync(t.absPath, 'utf8') };
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
    suppressed: (res.suppressed ?? []).map(
      (f): SuppressedDiagnostic => ({ ...toDiagnostic(lines, f), justification: f.suppression.reason, commentLine: lines.lineOf(f.suppression.span.start) + 1 }),
    ),
    skipped: res.skipped,
    internalErrors: res.internalErrors,
  };
}

function problemLine(p: ConfigProblem, cwd: string): string {
  return `${configFileLabel(p.file, cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  // `postmortem-lint report …`: the cross-postmortem review (cli/reportCommand.ts).
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
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

  const progress = !!io.stderr.isTTY;
  try {
    const today = opts.today ?? io.today();
    const configFile = opts.config !== undefined ? resolve(io.cwd, opts.config) : undefined;
    if (configFile !== undefined && !existsSync(configFile)) throw new IoError(`cannot read the configuration file "${opts.config}": no such file`);
    const cache = new ConfigCache();
    const configs = new Map<string, LoadedConfig>();
    const configFor = (abs: string): LoadedConfig => {
      let c = configs.get(abs);
      if (!c) configs.set(abs, (c = loadConfigFor(abs, { configFile, cache })));
      return c;
    };

    const inputs: Input[] = [];
    if (opts.stdin) {
      const abs = resolve(io.cwd, opts.stdinFilename ?? join(io.cwd, '<stdin>'));
      inputs.push({ path: opts.stdinFilename ?? '<stdin>', absPath: abs, text: await io.readStdin() });
    } else {
      const targets = await expandOperands(opts.operands, { cwd: io.cwd, isIgnored: (abs) => configFor(abs).ignored });
      if (!targets.length) err('no Markdown files found');
      for (const t of targets) inputs.push(readInput(t));
    }

    // A configuration problem stops the run: CI must not pass on a configuration it did not read.
    const problems = new Map<string, ConfigProblem>();
    for (const input of inputs) {
      for (const p of configFor(input.absPath).problems) problems.set(`${p.file}\u0000${p.offsets.start}\u0000${p.message}`, p);
    }
    if (problems.size) {
      for (const p of problems.values()) err(problemLine(p, io.cwd));
      return EXIT_USAGE;
    }

    const reports: FileReport[] = [];
    const fixedTexts = new Map<Input, string>();
    for (const [i, input] of inputs.entries()) {
      if (progress && inputs.length > 1) io.stderr.write(`\rChecking ${i + 1}/${inputs.length} files\u2026`);
      const loaded = configFor(input.absPath);
      const options: AnalyzeOptions = { ...loaded.options, today, rules: { ...loaded.options.rules, ...opts.rules } };
      let text = input.text;
      if ((opts.fix || opts.fixDryRun) && text !== undefined) {
        const fixed = fixUntilStable(text, (t) => analyze(t, options).findings);
        if (fixed.output !== text) fixedTexts.set(input, fixed.output);
        text = fixed.output;
      }
      reports.push(lintText(input.path, text, options, input.skipped));
    }
    if (progress && inputs.length > 1) io.stderr.write('\r\u001b[K');

    for (const r of reports) {
      if (r.skipped) err(`${printable(r.path)}: skipped. ${printable(r.skipped)}`);
      for (const ie of r.internalErrors) err(`${printable(r.path)}: rule ${ie.rule} failed and was skipped: ${printable(ie.message)}`);
    }

    if (opts.fix) {
      for (const [input, text] of fixedTexts) {
        if (!input.target) continue;
        const outcome = writeAtomically(input.target.absPath, text, input.target.root);
        if (!outcome.written) err(`${printable(input.path)}: not fixed: ${outcome.reason}`);
      }
    }

    const t = totals(reports);
    if (opts.fixDryRun) {
      io.stdout.write(inputs.map((input) => (fixedTexts.has(input) ? unifiedDiff(input.path, input.text ?? '', fixedTexts.get(input)!) : '')).join(''));
    } else {
      const shown = opts.quiet ? onlyErrors(reports) : reports;
      if (opts.format === 'json') io.stdout.write(formatJson(shown));
      else if (opts.format === 'sarif') io.stdout.write(formatSarif(shown, { cwd: io.cwd, version, docsBase: docsBase() }));
      else if (opts.format === 'github') io.stdout.write(formatGithub(shown));
      else io.stdout.write(formatStylish(shown, { color, fixHint: !opts.fix }));
    }

    if (t.errors > 0) return EXIT_FINDINGS;
    if (opts.maxWarnings !== undefined && t.warnings > opts.maxWarnings) {
      err(`${t.warnings} warnings, more than --max-warnings ${opts.maxWarnings} allows`);
      return EXIT_FINDINGS;
    }
    return EXIT_OK;
  } catch (e) {
    if (progress) io.stderr.write('\r\u001b[K');
    if (e instanceof UsageError || e instanceof IoError) {
      err(oneLine(e));
      return EXIT_USAGE;
    }
    err(`internal error: ${oneLine(e)}`);
    return EXIT_USAGE;
  }
}
