/**
 * Entry point of the one language-server bundle (dist/server.js) that runs in both places:
 * - under Node (the desktop extension, `postmortem-language-server`, the tests) it loads ./main.ts:
 *   stdio, IPC, sockets or pipes, with the file system;
 * - in a web worker (vscode.dev, github.dev) it loads ./browserMain.ts: postMessage, no file system.
 * One bundle keeps the .vsix small (the analysis core, its language model and schemas once) and means
 * the browser runs exactly the server the protocol tests check. esbuild.mjs says how the bundle maps
 * the Node modules the server's outer layers import (server/src/web/shims/: the real module under
 * Node, a stand-in in the worker) and which LSP library builds each side loads. Both branches are
 * required lazily, so neither side evaluates the other's transport code.
 */
declare const require: (id: string) => unknown;

const runtime = (globalThis as { process?: { versions?: { node?: string } } }).process;
if (typeof runtime?.versions?.node === 'string') require('./main');
else require('./browserMain');
export {};
