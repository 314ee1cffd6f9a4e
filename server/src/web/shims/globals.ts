/**
 * Injected into the server bundle (esbuild `inject`): Node's `process` and `setImmediate` where they
 * exist, else what a web worker needs of them (`setImmediate` as a macrotask after the messages
 * already queued; `process` with no flags and no environment).
 */
const g = globalThis as { process?: unknown; setImmediate?: unknown };
export const setImmediate: (fn: (...args: unknown[]) => void, ...args: unknown[]) => unknown =
  typeof g.setImmediate === 'function' ? (g.setImmediate as never) : (fn, ...args) => setTimeout(fn, 0, ...args);
export const process = (g.process ?? {
  env: {},
  execArgv: [],
  argv: [],
  platform: 'browser',
  versions: {},
  cwd: () => '/',
  on: () => undefined,
}) as NodeJS.Process;
