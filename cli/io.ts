/**
 * What the CLI gets from outside (argv aside): the working directory, the output streams, stdin, the
 * clock and the environment. cli/main.ts passes the process's; tests pass their own. In its own file so
 * that run.ts and reportCommand.ts both depend on it and not on each other.
 */
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
