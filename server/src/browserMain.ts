/**
 * The language server in a web worker (dist/server.js, through ./universalMain.ts), for vscode.dev and
 * github.dev: the same server and core as dist/server.js, spoken to with postMessage
 * (vscode-languageserver/browser). The bundle maps the few Node modules the server's outer layers
 * import to browser shims (server/src/web/shims/, see esbuild.mjs): there is no file system, so
 * documents are checked with the postmortem.* settings (no .postmortemrc files) and the workspace index
 * (the Action Items view, the report, similar incidents) has nothing to read.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { repository } from '../../package.json';
import { bundledRuleDoc } from './ruleDocsBundle';
import { startServer } from './server';

declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

/** The rule pages as published in the repository (a worker has no extension folder to link into). */
const DOCS_BASE = `${(typeof repository === 'string' ? repository : repository.url).replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/docs/rules/`;

// The worker itself, or, where the web client had to load this bundle into the extension host's own
// worker (client/src/webExtension.ts), one end of a MessageChannel it left in this global.
const port = (globalThis as { __postmortemServerPort?: typeof self }).__postmortemServerPort;
const endpoint = port ?? self;
const connection = createConnection(new BrowserMessageReader(endpoint), new BrowserMessageWriter(endpoint));
startServer(connection, { docsBase: DOCS_BASE, ruleDocs: bundledRuleDoc });
