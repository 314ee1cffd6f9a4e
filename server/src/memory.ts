/**
 * The language server's memory budget: the Node flags it is started with (client/src/extension.ts,
 * bench/lsp.ts and the protocol tests use the same function) and the check that keeps a document
 * too big for what is left from crashing the server.
 *
 * Why a limit at all: V8 lets the old generation grow to several times its live size before a full
 * collection, and how many times depends on the heap limit. With Node's default limit on a machine
 * with plenty of memory (over 2 GB) the factor is up to 4, so typing in a 1 MB postmortem (~70 MB
 * live) left the server at ~380 MB resident; with a limit of 1,024 MB the factor is ~1.6 and the
 * same typing stays near 210 MB, at the same keystroke latency (`npm run bench`).
 */
// Only the constant: the client bundles this module and must not pull the analysis core in.
import { DEFAULT_MAX_SIZE } from './core/limits';

/** `postmortem.server.maxMemory`'s default, in MB. */
export const DEFAULT_SERVER_MEMORY_MB = 1024;
/** The smallest limit accepted; below it the server itself and one typical document barely fit. */
export const MIN_SERVER_MEMORY_MB = 128;
/**
 * Heap a first (full) analysis needs per character, with margin: a 1 MB postmortem analyses within a
 * 80 MB heap and a 5 MB one within 250 MB (measured with --max-old-space-size).
 */
export const HEAP_BYTES_PER_CHAR = 100;

const MB = 1024 * 1024;

/**
 * The old-space limit, in MB, for a server with these settings: the configured limit, raised when
 * needed so that a document of `postmortem.maxFileSize` characters fits twice (its analysis and the
 * garbage of typing in it) beside the server itself.
 */
export function serverMemoryMb(configuredMb?: unknown, maxFileSize?: unknown): number {
  const configured = typeof configuredMb === 'number' && Number.isFinite(configuredMb) ? Math.floor(configuredMb) : DEFAULT_SERVER_MEMORY_MB;
  const largest = typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_SIZE;
  const needed = Math.ceil((2 * largest * HEAP_BYTES_PER_CHAR) / MB) + 128;
  return Math.max(MIN_SERVER_MEMORY_MB, configured, needed);
}

/** The Node flags the server runs with. */
export function serverExecArgv(memoryMb: number): string[] {
  return [`--max-old-space-size=${memoryMb}`];
}

export interface HeapState {
  /** Bytes in use (live objects and garbage not yet collected). */
  used: number;
  /** The heap limit, in bytes (the old-space limit plus the young generation). */
  limit: number;
  /** The old-space limit the server was started with, in MB, when it was given one. */
  configuredMb?: number;
}

/** The `--max-old-space-size` among Node flags, in MB. */
export function configuredMemoryMb(execArgv: readonly string[]): number | undefined {
  for (const a of execArgv) {
    const m = /^--max-old-space-size=(\d+)$/.exec(a);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Why analysing `newChars` characters not yet parsed would not fit in the heap, or undefined when it
 * fits. Nine tenths of the limit is the ceiling: past it V8 collects in a loop and then aborts.
 */
export function memoryShortfall(newChars: number, heap: HeapState): string | undefined {
  const need = newChars * HEAP_BYTES_PER_CHAR;
  const left = Math.max(0, heap.limit * 0.9 - heap.used);
  if (need <= left) return undefined;
  const mb = (n: number) => `${Math.round(n / MB).toLocaleString('en-US')} MB`;
  const setting = heap.configuredMb !== undefined ? ` (now ${heap.configuredMb.toLocaleString('en-US')} MB)` : '';
  return (
    `Checking this file needs about ${mb(need)} of memory and the postmortem language server has ${mb(left)} left; ` +
    `it was not analysed. Close other large documents, or raise postmortem.server.maxMemory${setting}.`
  );
}
