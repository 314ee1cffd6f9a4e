#!/usr/bin/env node
'use strict';
// The postmortem language server for any LSP client (Neovim, Emacs, Vim, Helix, ...). It speaks over
// stdio unless another transport is given (--node-ipc, --socket=<port>, --pipe=<name>). The server is
// bundled by esbuild into dist/server.js (`npm run build`); this shim only picks the transport and loads it.
const path = require('node:path');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    'usage: postmortem-language-server [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]\n\n' +
      'The postmortem language server: diagnostics, quick-fixes, hovers, outline and code lenses for\n' +
      'incident postmortems written in Markdown. Speaks the Language Server Protocol over stdio unless\n' +
      'another transport is given. Settings: the "postmortem" section of workspace/configuration, of\n' +
      'workspace/didChangeConfiguration, or of initializationOptions; .postmortemrc.yaml files win.\n',
  );
  process.exit(0);
}
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(require(path.join(__dirname, '..', 'package.json')).version + '\n');
  process.exit(0);
}
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!args.some((a) => transports.includes(a.split('=')[0]))) process.argv.push('--stdio');
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
try {
  require.resolve(bundle);
} catch {
  process.stderr.write('postmortem-language-server: dist/server.js is missing; run `npm run build` first\n');
  process.exit(2);
}
require(bundle);
