'use strict';
// 'path' in the server bundle (esbuild.mjs): Node's own module under Node; in a web worker POSIX paths
// (only file: URIs become paths, and a worker has none).
const { nodeModule } = require('./node');
function parts(p) {
  const out = [];
  for (const s of p.split('/')) {
    if (!s || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}
const isAbsolute = (p) => p.startsWith('/');
const join = (...ps) => {
  const j = ps.filter(Boolean).join('/');
  return (isAbsolute(j) ? '/' : '') + parts(j).join('/') || '.';
};
const resolve = (...ps) => {
  let p = '';
  for (let i = ps.length - 1; i >= 0 && !isAbsolute(p); i--) p = ps[i] + (p ? '/' + p : '');
  return '/' + parts(p).join('/');
};
const dirname = (p) => {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : t.slice(0, i);
};
const basename = (p, ext) => {
  const t = p.replace(/\/+$/, '');
  const b = t.slice(t.lastIndexOf('/') + 1);
  return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
};
const extname = (p) => {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
};
const relative = (from, to) => {
  const a = parts(resolve(from));
  const b = parts(resolve(to));
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
};
const posix = { sep: '/', delimiter: ':', isAbsolute, join, resolve, dirname, basename, extname, relative, normalize: (p) => join(p) };
posix.posix = posix;
module.exports = nodeModule('path') ?? posix;
