'use strict';
// 'crypto' in the server bundle (esbuild.mjs): Node's own module under Node; in a web worker only what
// the workspace index uses, a text fingerprint (FNV-1a, 64 bits).
const { nodeModule } = require('./node');
function createHash() {
  let h = 0xcbf29ce484222325n;
  const api = {
    update(text) {
      for (let i = 0; i < text.length; i++) h = ((h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
      return api;
    },
    digest: () => h.toString(16).padStart(16, '0'),
  };
  return api;
}
module.exports = nodeModule('crypto') ?? { createHash };
