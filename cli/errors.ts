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

/** One line, whatever the error: the first line of its message. */
export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split(/\r?\n/)[0] || 'unknown error';
}
