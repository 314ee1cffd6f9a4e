'use strict';
// 'worker_threads' in the server bundle (esbuild.mjs): Node's own module under Node. In a web worker
// there are no threads of Node's kind: the server gets no analysis worker (its workerScript is unset
// there), and the stand-in says so if anything tries to start one.
const { nodeModule } = require('./node');
module.exports = nodeModule('worker_threads') ?? {
  isMainThread: true,
  parentPort: null,
  workerData: undefined,
  Worker: class Worker {
    constructor() {
      throw new Error('worker threads are not available in a web worker');
    }
  },
};
