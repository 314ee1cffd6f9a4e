'use strict';
// 'fs' in the server bundle (esbuild.mjs): Node's own module under Node; in a web worker there is no
// file system, and every read fails as reading a missing file does.
const { nodeModule } = require('./node');
function missing(path) {
  const err = new Error(`ENOENT: no such file or directory (no file system in the browser): ${String(path)}`);
  err.code = 'ENOENT';
  throw err;
}
module.exports = nodeModule('fs') ?? {
  readFileSync: missing,
  statSync: missing,
  readdirSync: missing,
  writeFileSync: missing,
  renameSync: missing,
  existsSync: () => false,
  promises: {},
};
