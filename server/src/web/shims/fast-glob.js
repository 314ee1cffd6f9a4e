'use strict';
// 'fast-glob' in the server bundle (esbuild.mjs): the real fast-glob under Node (loaded only there);
// in a web worker there is no file system to list, so nothing matches.
const { onNode } = require('./node');
module.exports = onNode ? require('fast-glob-real') : Object.assign(async () => [], { sync: () => [] });
