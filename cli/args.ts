/**
 * Command-line arguments -> a checked `CliOptions`. Every mistake is a `UsageError` (exit code 2)
 * whose message fits on one line and names the flag.
 */
import { parseArgs } from 'node:util';
import { isIsoDate, ruleById, type SeveritySetting } from '../core';
import { argsError, UsageError } from './errors';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface CliOptions {
  /** Files, folders and globs, as given. */
  operands: string[];
  format: FormatName;
  listRules: boolean;
  help: boolean;
  version: boolean;
  /** YYYY-MM-DD; the real date when absent. */
  today?: string;
  fix: boolean;
  fixDryRun: boolean;
  /** An explicit config file: used for every file instead of discovery. */
  config?: string;
  /** `--rule id=severity`, applied over the config. */
  rules: Record<string, SeveritySetting>;
  maxWarnings?: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  /** true/false when forced by --color/--no-color; undefined: colour when stdout is a terminal. */
  color?: boolean;
}

const SPEC = {
  format: { type: 'string', short: 'f' },
  'list-rules': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  today: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

/** Parses `--rule id=severity`. */
export function parseRuleFlag(value: string): [string, SeveritySetting] {
  const m = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(value.trim());
  if (!m) throw new UsageError(`--rule expects id=severity (e.g. blame-language=error), got "${value}"`);
  const [, id, sev] = m;
  if (!ruleById(id)) throw new UsageError(`--rule: unknown rule "${id}" (see --list-rules)`);
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
    throw new UsageError(`--rule ${id}: severity must be one of ${SEVERITY_SETTINGS.join(', ')}, got "${sev}"`);
  }
  return [id, sev as SeveritySetting];
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: SPEC, allowPositionals: true, strict: true });
  } catch (err) {
    throw argsError(err);
  }
  const v = parsed.values;

  const format = (v.format ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got "${v.format}"`);

  if (v.today !== undefined && !isIsoDate(v.today)) throw new UsageError(`--today expects a date as YYYY-MM-DD, got "${v.today}"`);

  const rules: Record<string, SeveritySetting> = {};
  for (const r of v.rule ?? []) {
    const [id, sev] = parseRuleFlag(r);
    rules[id] = sev;
  }

  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(v['max-warnings'])) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${v['max-warnings']}"`);
    maxWarnings = Number(v['max-warnings']);
  }

  if (v.color && v['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  if (v.fix && v['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (v.stdin && v.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see the changes');
  if (v.stdin && parsed.positionals.length) throw new UsageError('--stdin reads one document from standard input; give no files with it');

  const opts: CliOptions = {
    operands: parsed.positionals,
    format,
    listRules: !!v['list-rules'],
    help: !!v.help,
    version: !!v.version,
    today: v.today,
    fix: !!v.fix,
    fixDryRun: !!v['fix-dry-run'],
    config: v.config,
    rules,
    maxWarnings,
    quiet: !!v.quiet,
    stdin: !!v.stdin,
    stdinFilename: v['stdin-filename'],
    color: v.color ? true : v['no-color'] ? false : undefined,
  };
  if (!opts.help && !opts.version && !opts.listRules && !opts.stdin && opts.operands.length === 0) {
    throw new UsageError('no files given: postmortem-lint <files, folders or globs> (see --help)');
  }
  return opts;
}
