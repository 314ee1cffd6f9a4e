'use strict';
// 'v8' in the server bundle (esbuild.mjs): Node's own module under Node; in a web worker the heap is
// the browser's to manage and no limit is reported.
const { nodeModule } = require('./node');
module.exports = nodeModule('v8') ?? { getHeapStatistics: () => ({ used_heap_size: 0, heap_size_limit: Number.MAX_SAFE_INTEGER }) };
