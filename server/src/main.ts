/**
 * Entry point of the bundled language server (dist/server.js). The only file that creates the
 * connection: `createConnection(ProposedFeatures.all)` reads the transport from the command line
 * (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`), as editors start servers.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runAnalysisWorkerIfAsked } from './analysisWorker';
import { bundledRuleDoc } from './ruleDocsBundle';
import { startServer } from './server';

// The same bundle runs the analysis worker thread (./analysisWorker.ts); there, nothing else starts.
if (!runAnalysisWorkerIfAsked()) main();

function main(): void {
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
