/**
 * The CLI's two kinds of failure, both exit code 2 with a one-line message on stderr:
 * a usage error (bad flag, bad value, nothing to lint) and an I/O error (unreadable file, bad config).
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class IoError extends Error {
  override name = 'IoError';
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/**
 * The usage error for what node:util's parseArgs threw, for the main command or a subcommand
 * (`report`): node's messages are long and mention internals; keep the part that names the flag.
 */
export function argsError(err: unknown, subcommand?: string): UsageError {
  const prefix = subcommand ? `${subcommand}: ` : '';
  const msg = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return new UsageError(`${prefix}unknown option ${unknown[1]} (see ${subcommand ? `${subcommand} ` : ''}--help)`);
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
  if (missing) return new UsageError(`${prefix}option ${missing[1].replace(/^-\w, /, '')} needs a value`);
  return new UsageError(`${prefix}${msg.split('\n')[0]}`);
}

/** One line, whatever the error: the first line of its message. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split(/\r?\n/)[0] || 'unknown error';
}
