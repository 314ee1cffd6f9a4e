// Runs in the page (not transformed by tsx): starts dist/web/server.js in a web worker and speaks
// JSON-RPC to it with postMessage, as vscode-languageclient/browser does. Called by web.test.ts.
// Resolves with what the server answered, or early with the errors when the worker fails or goes quiet.
({ uri, text }) => {
  let failed;
  const failure = new Promise((resolve) => (failed = resolve));
  const errors = [];
  const main = async () => {
    const worker = new Worker('/server.js', { name: 'postmortem-language-server' });
    worker.onerror = (e) => {
      errors.push(String(e.message));
      failed({ errors });
    };
    setTimeout(() => failed({ errors: [...errors, 'no answer within 60 s'] }), 60000);
    let nextId = 1;
    const pending = new Map();
    const published = [];
    let onPublish;
    worker.onmessage = (e) => {
      const m = e.data;
      if (m.id !== undefined && m.method === undefined) {
        pending.get(m.id)?.(m.error ? { error: m.error } : m.result);
        pending.delete(m.id);
      } else if (m.id !== undefined) {
        // Requests from the server: no settings (defaults), registrations accepted.
        const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
        worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
      } else if (m.method === 'textDocument/publishDiagnostics') {
        published.push(m.params);
        onPublish?.();
      } else if (m.method === 'window/logMessage' && m.params.type === 1) {
        errors.push(m.params.message);
      }
    };
    const request = (method, params) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        worker.postMessage({ jsonrpc: '2.0', id, method, params });
      });
    const notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });

    const init = await request('initialize', {
      processId: null,
      rootUri: 'vscode-vfs://github/acme/handbook',
      workspaceFolders: [{ uri: 'vscode-vfs://github/acme/handbook', name: 'handbook' }],
      capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
      initializationOptions: { today: '2026-02-20' },
    });
    notify('initialized', {});
    const got = new Promise((resolve) => (onPublish = () => published.some((p) => p.uri === uri) && resolve()));
    notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await got;
    const diagnostics = published.filter((p) => p.uri === uri).pop().diagnostics;
    const blame = diagnostics.find((d) => d.code === 'blame-language');
    const actions = blame ? await request('textDocument/codeAction', { textDocument: { uri }, range: blame.range, context: { diagnostics: [blame] } }) : [];
    const hover = blame ? await request('textDocument/hover', { textDocument: { uri }, position: blame.range.start }) : null;
    const symbols = await request('textDocument/documentSymbol', { textDocument: { uri } });
    const fiveWhys = await request('postmortem/fiveWhys', { uri });
    const sections = await request('postmortem/sections', { uri });
    const actionItems = await request('postmortem/actionItems', {});
    worker.terminate();
    return { init, diagnostics, actions, hover, symbols, fiveWhys, sections, actionItems, errors };
  };
  return Promise.race([main(), failure]);
};
