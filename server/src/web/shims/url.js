'use strict';
// 'url' in the server bundle (esbuild.mjs): Node's own module under Node; in a web worker file URLs
// and POSIX paths.
const { nodeModule } = require('./node');
module.exports = nodeModule('url') ?? {
  fileURLToPath(url) {
    const u = typeof url === 'string' ? new URL(url) : url;
    if (u.protocol !== 'file:') throw new TypeError(`The URL must be of scheme file: ${u.href}`);
    return decodeURIComponent(u.pathname);
  },
  pathToFileURL: (path) => new URL('file://' + path.split('/').map(encodeURIComponent).join('/')),
  URL,
};
