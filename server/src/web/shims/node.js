'use strict';
// Shared by the shims: true when the bundle runs under Node, and Node's own require for a built-in
// module there (the name is built at run time, so the bundler leaves the call alone).
const onNode = typeof globalThis.process === 'object' && globalThis.process !== null && typeof globalThis.process.versions?.node === 'string';
exports.onNode = onNode;
exports.nodeModule = (name) => (onNode ? require(['node', name].join(':')) : undefined);
