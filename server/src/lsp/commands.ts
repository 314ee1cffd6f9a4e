/**
 * The commands code lenses run, executed by the server (workspace/executeCommand) so they work in any
 * client, not only in VS Code: `postmortem.showLocation` opens a document at a range through
 * window/showDocument (LSP 3.16), or, where the client cannot show documents, says where with
 * window/showMessage.
 */
import type { Command, Range } from 'vscode-languageserver';

export const SHOW_LOCATION_COMMAND = 'postmortem.showLocation';

/** Every command the server executes (its executeCommandProvider). */
export const SERVER_COMMANDS = [SHOW_LOCATION_COMMAND];

export function showLocation(title: string, uri: string, range: Range): Command {
  return { title, command: SHOW_LOCATION_COMMAND, arguments: [uri, range] };
}

function isPosition(p: unknown): p is Range['start'] {
  return !!p && typeof p === 'object' && Number.isInteger((p as Range['start']).line) && Number.isInteger((p as Range['start']).character);
}

/** The arguments of a `postmortem.showLocation` call, or undefined when they are malformed. */
export function showLocationArgs(args: unknown[] | undefined): { uri: string; range: Range } | undefined {
  const [uri, range] = args ?? [];
  if (typeof uri !== 'string' || !range || typeof range !== 'object') return undefined;
  const r = range as Range;
  return isPosition(r.start) && isPosition(r.end) ? { uri, range: r } : undefined;
}
