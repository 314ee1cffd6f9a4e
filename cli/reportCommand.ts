/**
 * `postmortem-lint report <files, folders or globs>`: the quarterly review in one command. Every
 * postmortem found is analysed with the same core and configuration as a lint run, reduced to its
 * facts (review/facts.ts) and aggregated into one report (review/build.ts), printed as a
 * Markdown page (default) or JSON.
 *
 * Which files count: files named explicitly always; files found by expanding a folder or glob when
 * they read as postmortems (a postmortem path, a declaration, or two postmortem sections) and are not
 * a README or index page; the files left out are named on stderr.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigCache, loadConfigFor, type LoadedConfig } from '../config';
import { analyze, DEFAULT_MAX_SIZE, isIsoDate } from '../core';
import { buildReport, isIndexPage, looksLikePostmortem, postmortemFacts, renderJson, renderMarkdown, type PostmortemFacts } from '../review';
import { compileGlobs, DEFAULT_FILE_GLOBS } from '../config/postmortemFiles';
import { noteAnalysed } from './compiled';
import { argsError, EXIT_OK, EXIT_USAGE, IoError, oneLine, UsageError } from './errors';
import { expandOperands } from './files';
import { InOrder, poolFor, type ReportFileAnswer, type ReportJob } from './workers';
import type { CliIO } from './io';

export const REPORT_HELP = `Usage: postmortem-lint report [options] <files, folders or globs>

Builds a review of many postmortems: how many by severity and status; action items open, done
and overdue; the closure rate of items due in the last 90 days; overdue items with their owner;
contributing factors and categories that recur; time to detect and to resolve from the timelines;
blame findings over time. Folders and globs expand to Markdown files that read as postmortems.

Options
  -f, --format <name>       markdown (default) or json
      --since <YYYY-MM-DD>  only postmortems of incidents on or after this day
      --until <YYYY-MM-DD>  only postmortems of incidents on or before this day
      --today <YYYY-MM-DD>  the date overdue items and the closure rate are counted against (default: today)
  -c, --config <file>       use this .postmortemrc.yaml/.json for every file instead of discovery
  -h, --help                show this help

Exit codes: 0 report written, 2 usage or I/O error.
`;

const SPEC = {
  format: { type: 'string', short: 'f' },
  since: { type: 'string' },
  until: { type: 'string' },
  today: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ReportArgs {
  operands: string[];
  format: 'markdown' | 'json';
  since?: string;
  until?: string;
  today?: string;
  config?: string;
  help: boolean;
}

export function parseReportArgs(argv: string[]): ReportArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: SPEC, allowPositionals: true, strict: true });
  } catch (err) {
    throw argsError(err, 'report');
  }
  const v = parsed.values;
  const format = v.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'json') throw new UsageError(`report: --format must be markdown or json, got "${format}"`);
  for (const flag of ['since', 'until', 'today'] as const) {
    const value = v[flag];
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`report: --${flag} expects a date as YYYY-MM-DD, got "${value}"`);
  }
  if (v.since && v.until && v.since > v.until) throw new UsageError(`report: --since ${v.since} is after --until ${v.until}`);
  const args: ReportArgs = { operands: parsed.positionals, format, since: v.since, until: v.until, today: v.today, config: v.config, help: !!v.help };
  if (!args.help && !args.operands.length) throw new UsageError('report: no files given: postmortem-lint report <files, folders or globs> (see report --help)');
  return args;
}

/** Files far larger than the core reads are not even loaded. */
const MAX_BYTES = DEFAULT_MAX_SIZE * 4;

let postmortemPath: ((path: string) => boolean) | undefined;
/** A path postmortems are kept under (the default file globs), compiled on first use. */
const isPostmortemPath = (path: string) => (postmortemPath ??= compileGlobs(DEFAULT_FILE_GLOBS))(path);

/**
 * One file of the report, on the main thread or in a worker (cli/workers.ts): read it, analyse it
 * (facts only: no fixes are built) and answer with its facts, or why it is not counted.
 */
export function reportJob(job: ReportJob): ReportFileAnswer {
  let text: string;
  try {
    const st = statSync(job.absPath);
    if (st.size > MAX_BYTES) return { tooLarge: st.size };
    text = readFileSync(job.absPath, 'utf8');
  } catch (e) {
    throw new IoError(`cannot read "${job.path}": ${oneLine(e)}`);
  }
  noteAnalysed();
  const result = analyze(text, { ...job.options, fixes: false });
  const path = job.path.split('\\').join('/');
  // A README or index page beside the postmortems often has "postmortems" in its title: it is left out.
  if (!job.explicit && !result.skipped && (isIndexPage(path) || (!looksLikePostmortem(result.model) && !isPostmortemPath(path)))) return { leftOut: path };
  return { path, skipped: result.skipped, internalErrors: result.internalErrors, facts: postmortemFacts(path, text, result) };
}

export async function runReport(argv: string[], io: CliIO): Promise<number> {
  const err = (msg: string) => io.stderr.write(`postmortem-lint: ${msg}\n`);
  try {
    const args = parseReportArgs(argv);
    if (args.help) {
      io.stdout.write(REPORT_HELP);
      return EXIT_OK;
    }
    const today = args.today ?? io.today();
    const cache = new ConfigCache({ forOneRun: true });
    const configFile = args.config;
    const configs = new Map<string, LoadedConfig>();
    const configFor = (abs: string): LoadedConfig => {
      let c = configs.get(abs);
      if (!c) configs.set(abs, (c = loadConfigFor(abs, { cache, ...(configFile ? { configFile } : {}) })));
      return c;
    };
    const targets = await expandOperands(args.operands, { cwd: io.cwd, isIgnored: (abs) => configFor(abs).ignored });
    const facts: PostmortemFacts[] = [];
    const leftOut: string[] = [];
    const problems = new Set<string>();
    const jobAt = (i: number): ReportJob => ({
      path: targets[i].path,
      absPath: targets[i].absPath,
      explicit: targets[i].explicit,
      options: { ...configFor(targets[i].absPath).options, today },
    });
    // Many files: analysed on every core (cli/workers.ts), taken back in file order; a file whose worker
    // failed is analysed here.
    const pool = poolFor(targets.length, io.env);
    const inOrder = pool && new InOrder(pool, 'report', targets.length, jobAt);
    try {
      for (const [i, t] of targets.entries()) {
        const answer = inOrder ? await inOrder.take(i, () => reportJob(jobAt(i))) : reportJob(jobAt(i));
        if ('tooLarge' in answer) {
          err(`${t.path}: skipped: ${answer.tooLarge.toLocaleString('en-US')} bytes is far more than the postmortem checks read`);
          continue;
        }
        for (const p of configFor(t.absPath).problems) problems.add(`${p.file}:${p.range.start.line + 1}: ${p.message}`);
        if ('leftOut' in answer) {
          leftOut.push(answer.leftOut);
          continue;
        }
        if (answer.skipped) err(`${answer.path}: skipped. ${answer.skipped}`);
        for (const ie of answer.internalErrors) err(`${answer.path}: rule ${ie.rule} failed and was skipped: ${ie.message}`);
        facts.push(answer.facts);
      }
    } finally {
      await pool?.close();
    }
    for (const p of problems) err(`configuration: ${p}`);
    if (leftOut.length)
      err(`left out ${leftOut.length} Markdown ${leftOut.length === 1 ? 'file that does' : 'files that do'} not read as a postmortem: ${leftOut.join(', ')}`);
    if (!facts.length) err('no postmortems found');
    const data = buildReport(facts, { today, since: args.since, until: args.until });
    io.stdout.write(args.format === 'json' ? renderJson(data) : renderMarkdown(data, { link: (p) => encodeURI(p) }));
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
