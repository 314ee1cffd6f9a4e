/**
 * Entry point of the bundled language server (dist/server.js). The only file that creates the
 * connection: `createConnection(ProposedFeatures.all)` reads the transport from the command line
 * (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`), as editors start servers; without
 * one it prints a one-line usage message and exits with 2 (bin/postmortem-language-server.js, the
 * command other editors run, adds `--stdio` when no transport is given).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runAnalysisWorkerIfAsked } from './analysisWorker';
import { bundledRuleDoc } from './ruleDocsBundle';
import { startServer } from './server';
import { SERVER_USAGE, transportOf } from './transport';

// The same bundle runs the analysis worker thread (./analysisWorker.ts); there, nothing else starts.
if (!runAnalysisWorkerIfAsked()) main();

function main(): void {
  // Without a transport, createConnection throws with a stack trace: say how to start it instead.
  if (!transportOf(process.argv.slice(2))) {
    process.stderr.write(SERVER_USAGE + '\n');
    process.exit(2);
  }
  const connection = createConnection(ProposedFeatures.all);

  // The rule pages ship inside the extension next to dist/: dist/server.js -> ../docs/rules/.
  const docsBase = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules') + path.sep).href;

  // A bug must not take the server down for every open document: log it and keep serving.
  process.on('uncaughtException', (err) => {
    connection.console.error(`Unexpected error in the postmortem server: ${err?.stack ?? String(err)}`);
  });
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`Unhandled rejection in the postmortem server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });

  startServer(connection, { docsBase, ruleDocs: bundledRuleDoc, workerScript: __filename });
}
