import { runtimePatterns } from './test/helpers/collectPatterns';
const t0 = performance.now(); const r = runtimePatterns(); console.log(r.length, performance.now() - t0); for (const p of r) console.log(p.source.slice(0, 150), p.flags);
