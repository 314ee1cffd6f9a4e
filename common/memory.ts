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
import { DEFAULT_MAX_SIZE } from '../core/engine/limits';

/** `postmortem.server.maxMemory`'s default, in MB. */
export const DEFAULT_SERVER_MEMORY_MB = 1024;
/** The smallest limit accepted; below it the server itself and one typical document barely fit. */
export const MIN_SERVER_MEMORY_MB = 128;
/**
 * Heap a first (full) analysis needs per character, by kind of content, with margin. Prose: a 1 MB
 * postmortem analyses within a 80 MB heap and a 5 MB one within 250 MB (measured with
 * --max-old-space-size). Table rows and quoted lines cost about twice as much: analysing 1 MB of a
 * timeline table peaked at 470 bytes per character and 1 MB of nested quotes at 490, against 230
 * for 1 MB of prose, on the same unconstrained heap (`npm run bench -- --memory` prints the three).
 */
export const HEAP_BYTES_PER_CHAR = { prose: 100, table: 210, quote: 220 } as const;

/** Bytes per character for a text: the weighted kinds of its lines (prose when the text is not given). */
export function heapBytesPerChar(text?: string): number {
  if (text === undefined || !text.length) return HEAP_BYTES_PER_CHAR.prose;
  let table = 0;
  let quote = 0;
  let pos = 0;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    let i = pos;
    while (i < eol && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const c = text.charCodeAt(i);
    if (c === 124 /* | */) table += eol - pos + 1;
    else if (c === 62 /* > */) quote += eol - pos + 1;
    pos = eol + 1;
  }
  const n = text.length;
  const prose = Math.max(0, n - table - quote);
  return (table * HEAP_BYTES_PER_CHAR.table + quote * HEAP_BYTES_PER_CHAR.quote + prose * HEAP_BYTES_PER_CHAR.prose) / n;
}

const MB = 1024 * 1024;

/**
 * The old-space limit, in MB, for a server with these settings: the configured limit, raised when
 * needed so that a document of `postmortem.maxFileSize` characters fits twice (its analysis and the
 * garbage of typing in it) beside the server itself.
 */
export function serverMemoryMb(configuredMb?: unknown, maxFileSize?: unknown): number {
  const configured = typeof configuredMb === 'number' && Number.isFinite(configuredMb) ? Math.floor(configuredMb) : DEFAULT_SERVER_MEMORY_MB;
  const largest = typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_SIZE;
  const needed = Math.ceil((2 * largest * HEAP_BYTES_PER_CHAR.prose) / MB) + 128;
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
 * Why analysing `newChars` characters not yet parsed (of `text`, whose kinds of content set the cost
 * per character) would not fit in the heap, or undefined when it fits. Nine tenths of the limit is the ceiling: past it V8 collects in a loop and then aborts.
 */
export function memoryShortfall(newChars: number, heap: HeapState, text?: string): string | undefined {
  const need = newChars * heapBytesPerChar(text);
  const left = Math.max(0, heap.limit * 0.9 - heap.used);
  if (need <= left) return undefined;
  const mb = (n: number) => `${Math.round(n / MB).toLocaleString('en-US')} MB`;
  const setting = heap.configuredMb !== undefined ? ` (now ${heap.configuredMb.toLocaleString('en-US')} MB)` : '';
  return (
    `Checking this file needs about ${mb(need)} of memory and the postmortem language server has ${mb(left)} left; ` +
    `it was not analysed. Close other large documents, or raise postmortem.server.maxMemory${setting}.`
  );
}
