/**
 * How the language server is reached, from its command line: the flags editors pass when they start
 * a server (`--stdio`, `--node-ipc`, `--socket=<port>` or `--socket <port>`, `--pipe=<name>` or
 * `--pipe <name>`), as vscode-languageserver's `createConnection` reads them.
 */
export type Transport = 'stdio' | 'node-ipc' | 'socket' | 'pipe';

/** The one-line usage message printed when no transport is given. */
export const SERVER_USAGE =
  'usage: postmortem-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>] (stdio when run as postmortem-language-server; see --help)';

/** The transport the arguments (process.argv without node and the script) ask for, or undefined. */
export function transportOf(args: readonly string[]): Transport | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--stdio') return 'stdio';
    if (a === '--node-ipc') return 'node-ipc';
    const name = a.split('=')[0];
    if ((name === '--socket' || name === '--pipe') && (a.includes('=') ? a.length > name.length + 1 : i + 1 < args.length)) {
      return name === '--socket' ? 'socket' : 'pipe';
    }
  }
  return undefined;
}
