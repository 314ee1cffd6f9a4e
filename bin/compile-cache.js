'use strict';
// Loads a CommonJS bundle with V8's code cache, so a run starts without compiling the bundle again
// (about a third of `postmortem-lint`'s start-up on one file was compiling dist/cli.js). On Node 22.1+
// this is Node's own module.enableCompileCache(); on Node 20 the bundle is compiled with vm.Script and
// the cache V8 produces after the run (the functions the run compiled included) is kept in the OS's
// temporary folder, as Node 22 does. V8 itself checks the cache against the source and rejects a stale
// one; then it is written again. Any failure to read or write the cache only costs the compile.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

/**
 * The cache file for `bundle`, in a folder of the temporary folder that only this user can write
 * (created 0700; one owned by someone else, or writable by others, is not used: V8 trusts the code
 * in a cache it accepts). undefined when there is no such folder.
 */
function cacheFile(bundle) {
  const crypto = require('node:crypto');
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = path.join(require('node:os').tmpdir(), `postmortem-lint-compile-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return undefined;
  } catch {
    return undefined;
  }
  const key = crypto.createHash('sha1').update(`${bundle}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
  return path.join(dir, `${path.basename(bundle)}-${key}.bin`);
}

/** require(bundle), with the code cache; `main` is the script a worker thread should start from. */
function requireCached(bundle) {
  if (typeof Module.enableCompileCache === 'function') {
    try {
      Module.enableCompileCache();
    } catch {
      // no cache: compiled as usual
    }
    return require(bundle);
  }
  const vm = require('node:vm');
  const file = cacheFile(bundle);
  let source;
  let cachedData;
  try {
    source = fs.readFileSync(bundle, 'utf8');
  } catch {
    return require(bundle);
  }
  try {
    cachedData = file === undefined ? undefined : fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  mod.loaded = true;
  if (fresh && file !== undefined && require('node:worker_threads').isMainThread) {
    // After the run, so the cache holds what the run compiled; written once, atomically.
    process.once('exit', () => {
      try {
        const data = script.createCachedData();
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, file);
      } catch {
        // a read-only or full temporary folder: no cache next time either
      }
    });
  }
  const fn = script.runInThisContext();
  fn.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return mod.exports;
}

module.exports = { requireCached };
