'use strict';
// Loads a CommonJS bundle with V8's code cache, so a run starts without compiling the bundle again
// (about a third of `postmortem-lint`'s start-up on one file was compiling dist/cli.js). On Node 22.1+
// this is Node's own module.enableCompileCache(); on Node 20 the bundle is compiled with vm.Script and
// the cache V8 produces after the run (the functions the run compiled included) is kept in the OS's
// temporary folder, as Node 22 does. V8 itself checks the cache against the source and rejects a stale
// one; then it is written again. Any failure to read or write the cache only costs the compile.
//
// What a run compiles depends on what it did: `--version` compiles none of the analysis, a run whose
// files a pool of workers lints compiles none of it on the main thread, and compromise is loaded only
// for a blame rewrite. The bundle tells what this thread used (globalThis.__postmortemLintCompiled, bits
// of cli/compiled.ts), the cache file records it in a header, and a run that used code the cache lacks
// writes the cache again; otherwise it would be missing for good after a first `--version` (measured:
// one file then took 0.52 s instead of 0.46). The folder keeps the KEEP most recently used caches, one
// per installed copy and Node version.
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

/** The header before V8's data in a cache file: "PMLC", a format version, what the cached run used. */
const MAGIC = 'PMLC';
const FORMAT = 1;
const HEADER_BYTES = 8;
/** Cache files kept in the folder (the most recently used). */
const KEEP = 8;

/** V8's data and what the run that made it used, or undefined for a file that is not ours or not this format. */
function readCache(buf) {
  if (buf.length <= HEADER_BYTES || buf.toString('latin1', 0, 4) !== MAGIC || buf[4] !== FORMAT) return undefined;
  return { level: buf[5], data: buf.subarray(HEADER_BYTES) };
}

/** A cache file's bytes: the header, then V8's data (what readCache reads). */
function cacheBytes(level, data) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(MAGIC, 0, 'latin1');
  header[4] = FORMAT;
  header[5] = level;
  return Buffer.concat([header, data]);
}

/** What this thread's run used, as the bundle reported it (0 when it said nothing). */
function runLevel() {
  const n = Number(globalThis.__postmortemLintCompiled);
  return Number.isInteger(n) && n > 0 && n < 256 ? n : 0;
}

/** Deletes all but the KEEP most recently used cache files of the folder, and temporary files left over. */
function prune(dir) {
  const now = Date.now();
  const files = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile()) continue;
      if (name.endsWith('.tmp')) {
        if (now - st.mtimeMs > 3_600_000) fs.unlinkSync(full);
      } else if (name.endsWith('.bin')) files.push({ full, mtimeMs: st.mtimeMs });
    } catch {
      // gone already, or not ours to delete
    }
  }
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const f of files.slice(KEEP)) {
    try {
      fs.unlinkSync(f.full);
    } catch {
      // another run deleted it
    }
  }
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
  try {
    source = fs.readFileSync(bundle, 'utf8');
  } catch {
    return require(bundle);
  }
  let cached;
  try {
    cached = file === undefined ? undefined : readCache(fs.readFileSync(file));
  } catch {
    cached = undefined;
  }
  const cachedData = cached?.data;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  mod.loaded = true;
  if (file !== undefined && require('node:worker_threads').isMainThread) {
    const before = fresh ? 0 : cached.level;
    if (!fresh) touch(file);
    // After the run, so the cache holds what the run compiled (and what the cache gave it); written
    // when there was none or when this run used code the cached one did not, atomically.
    process.once('exit', () => {
      const used = runLevel();
      if (!fresh && (used & ~before) === 0) return;
      try {
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, cacheBytes(used | before, script.createCachedData()));
        fs.renameSync(tmp, file);
        prune(path.dirname(file));
      } catch {
        // a read-only or full temporary folder: no cache next time either
      }
    });
  }
  const fn = script.runInThisContext();
  fn.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return mod.exports;
}

/** Marks a cache in use (its modification time, at most once a day), so pruning keeps it. */
function touch(file) {
  try {
    const now = Date.now();
    if (now - fs.statSync(file).mtimeMs > 86_400_000) fs.utimesSync(file, now / 1000, now / 1000);
  } catch {
    // read-only: it may be pruned and written again
  }
}

module.exports = { requireCached, KEEP };
