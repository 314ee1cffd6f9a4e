/**
 * One run of `postmortem-lint`: arguments -> files -> configuration -> analyze (the same core and the
 * same config loader as the language server) -> fixes -> a report on stdout and an exit code.
 * Everything from outside (argv, cwd, streams, the clock) comes in through `CliIO`, so tests can run it
 * in-process as well as through the bundle.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repository, version } from '../package.json';
import { ConfigCache, configFileLabel, loadConfigFor, type ConfigProblem, type LoadedConfig } from '../config';
import { analyze, DEFAULT_MAX_SIZE, LineIndex, fixUntilStable, type AnalyzeOptions } from '../core';
import { parseCliArgs, type CliOptions } from './args';
import { noteAnalysed } from './compiled';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, IoError, oneLine, UsageError } from './errors';
import { expandOperands, type FileTarget } from './files';
import { unifiedDiff, writeAtomically } from './fix';
import { InOrder, poolFor, type LintJob } from './workers';
import { formatGithub } from './format/github';
import { jsonFile } from './format/json';
import { formatSarif } from './format/sarif';
import { stylishFile, stylishSummary } from './format/stylish';
import { printable } from './format/printable';
import { HELP } from './help';
import {
  addTotals,
  emptyTotals,
  onlyErrors,
  shownReport,
  toDiagnostic,
  totals,
  type FileReport,
  type RunTotals,
  type ShownReport,
  type SuppressedDiagnostic,
} from './results';
import type { CliIO } from './io';
import { runReport } from './reportCommand';
import { listRules } from './rulesList';

/** Colour: forced by a flag, else NO_COLOR / FORCE_COLOR, else only when stdout is a terminal. */
export function useColor(opts: CliOptions, io: CliIO): boolean {
  if (opts.color !== undefined) return opts.color;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return !!io.stdout.isTTY && io.env.TERM !== 'dumb';
}

/** Where the rules' docs pages are published: the repository's docs/rules/ folder. */
export function docsBase(): string {
  const url = (typeof repository === 'string' ? repository : (repository?.url ?? '')).replace(/^git\+/, '').replace(/\.git$/, '');
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
      return {
        path: t.path,
        absPath: t.absPath,
        target: t,
        skipped: `This file has ${st.size.toLocaleString('en-US')} bytes, far more than the postmortem checks read; it was not analysed.`,
      };
    }
    return { path: t.path, absPath: t.absPath, target: t, text: readFileSync(t.absPath, 'utf8') };
  } catch (err) {
    if (err instanceof IoError) throw err;
    const code = (err as NodeJS.ErrnoException)?.code;
    const why =
      code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : oneLine(err);
    throw new IoError(`cannot read "${t.path}": ${why}`);
  }
}

/**
 * A worker's lint job (cli/workers.ts): read the file, lint it, answer with what the streamed formats
 * show (never its text or the findings' fixes: copying them back was 2-3% of each worker's time).
 */
export function lintJob(job: LintJob): ShownReport {
  const read = readInput({ path: job.path, absPath: job.absPath } as FileTarget);
  return shownReport(lintText(job.path, read.text, job.options, read.skipped));
}

export function lintText(path: string, text: string | undefined, options: AnalyzeOptions, skippedBefore?: string): FileReport {
  if (text === undefined) return { path, text: '', diagnostics: [], suppressed: [], skipped: skippedBefore, internalErrors: [] };
  noteAnalysed();
  const res = analyze(text, options);
  const lines = new LineIndex(text);
  return {
    path,
    text,
    diagnostics: res.findings.map((f) => toDiagnostic(lines, f)),
    suppressed: (res.suppressed ?? []).map((f): SuppressedDiagnostic => ({
      ...toDiagnostic(lines, f),
      justification: f.suppression.reason,
      commentLine: lines.lineOf(f.suppression.span.start) + 1,
    })),
    skipped: res.skipped,
    internalErrors: res.internalErrors,
    ...(res.notices
      ? { notices: res.notices.map((n) => ({ line: lines.position(n.start).line + 1, column: lines.position(n.start).character + 1, message: n.message })) }
      : {}),
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
    const cache = new ConfigCache({ forOneRun: true });
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
      // Files are read one at a time as they are checked (memory stays flat in the number of files).
      for (const t of targets) inputs.push({ path: t.path, absPath: t.absPath, target: t });
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

    // Results stream out file by file for json, github and stylish: nothing but the totals is kept.
    // SARIF (one document with every result) and --fix-dry-run (diffs after the run) collect them.
    const streaming = !opts.fixDryRun && opts.format !== 'sarif';
    const reports: FileReport[] = [];
    const fixedTexts = new Map<Input, string>();
    const t: RunTotals = emptyTotals();
    /** Totals of what is shown (--quiet shows errors only), for the stylish summary. */
    const shownT: RunTotals = emptyTotals();
    const add = (into: RunTotals, r: ShownReport) => addTotals(into, totals([r]));
    let jsonFiles = 0;
    const clearProgress = () => {
      if (progress && inputs.length > 1) io.stderr.write('\r\u001b[K');
    };
    /** What the author must know about a file besides its findings, on stderr: skipped, a rule that failed, a stretch read as plain text. */
    const tellNotices = (r: ShownReport) => {
      if (r.skipped || r.internalErrors.length || r.notices) clearProgress();
      if (r.skipped) err(`${printable(r.path)}: skipped. ${printable(r.skipped)}`);
      for (const ie of r.internalErrors) err(`${printable(r.path)}: rule ${ie.rule} failed and was skipped: ${printable(ie.message)}`);
      for (const n of r.notices ?? []) err(`${printable(r.path)}:${n.line}:${n.column}: ${printable(n.message)}`);
    };
    const emit = (r: ShownReport) => {
      const shown = opts.quiet ? onlyErrors([r])[0] : r;
      add(shownT, shown);
      if (opts.format === 'json') {
        io.stdout.write((jsonFiles++ ? ',' : '{"version":1,"files":[') + jsonFile(shown));
      } else if (opts.format === 'github') io.stdout.write(formatGithub([shown]));
      else if (shown.diagnostics.length) {
        clearProgress();
        io.stdout.write(stylishFile(shown, { color }) + '\n');
      }
    };
    // The CLI uses preferred fixes only (--fix applies them, SARIF carries them, stylish counts them);
    // json and github print none, so the core then builds none.
    const fixes: AnalyzeOptions['fixes'] = opts.fix || opts.fixDryRun || (opts.format !== 'json' && opts.format !== 'github') ? 'preferred' : false;
    const optionsFor = (input: Input): AnalyzeOptions => {
      const loaded = configFor(input.absPath);
      return { ...loaded.options, today, rules: { ...loaded.options.rules, ...opts.rules }, fixes };
    };
    // Many files, streamed output: lint on every core (cli/workers.ts), results written in file order.
    const pool = streaming && !opts.fix && !opts.stdin ? poolFor(inputs.length, io.env) : undefined;
    const inOrder =
      pool && new InOrder(pool, 'lint', inputs.length, (i) => ({ path: inputs[i].path, absPath: inputs[i].absPath, options: optionsFor(inputs[i]) }));
    try {
      for (const [i, input] of inputs.entries()) {
        if (progress && inputs.length > 1) io.stderr.write(`\rChecking ${i + 1}/${inputs.length} files\u2026`);
        if (inOrder) {
          // A file whose worker failed (out of its heap, say) is linted here, where the heap is V8's default.
          const r = await inOrder.take(i, () => {
            try {
              const read = input.target && input.text === undefined && !input.skipped ? readInput(input.target) : input;
              return shownReport(lintText(input.path, read.text, optionsFor(input), read.skipped));
            } catch (e) {
              throw new IoError(oneLine(e));
            }
          });
          add(t, r);
          tellNotices(r);
          emit(r);
          continue;
        }
        const read = input.target && input.text === undefined && !input.skipped ? readInput(input.target) : input;
        const options = optionsFor(input);
        let text = read.text;
        if ((opts.fix || opts.fixDryRun) && text !== undefined) {
          const fixed = fixUntilStable(text, (t) => analyze(t, options).findings);
          if (fixed.output !== text) fixedTexts.set(opts.fixDryRun ? Object.assign(input, { text: read.text }) : input, fixed.output);
          text = fixed.output;
        }
        const r = lintText(input.path, text, options, read.skipped);
        add(t, r);
        tellNotices(r);
        if (opts.fix && fixedTexts.has(input)) {
          const outcome = writeAtomically(input.target!.absPath, fixedTexts.get(input)!, input.target!.root);
          if (!outcome.written) err(`${printable(input.path)}: not fixed: ${outcome.reason}`);
          fixedTexts.delete(input);
        }
        if (streaming) emit(r);
        else reports.push(r);
      }
    } finally {
      await pool?.close();
    }
    clearProgress();

    if (opts.fixDryRun) {
      io.stdout.write(inputs.map((input) => (fixedTexts.has(input) ? unifiedDiff(input.path, input.text ?? '', fixedTexts.get(input)!) : '')).join(''));
    } else if (!streaming) {
      const shown = opts.quiet ? onlyErrors(reports) : reports;
      io.stdout.write(formatSarif(shown, { cwd: io.cwd, version, docsBase: docsBase() }));
    } else if (opts.format === 'json') io.stdout.write((jsonFiles ? '' : '{"version":1,"files":[') + ']}\n');
    else if (opts.format !== 'github') io.stdout.write(stylishSummary(shownT, { color, fixHint: !opts.fix }));

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
