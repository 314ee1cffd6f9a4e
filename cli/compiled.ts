/**
 * What this thread's run used, for the bin shim's code cache (bin/compile-cache.js): V8's cache holds
 * the functions a run compiled, so a cache made by `--version`, or by a main thread whose files the
 * workers linted, lacks the analysis, and one made before compromise was loaded lacks compromise. The
 * shim writes the cache again when a run used what the cached one did not. Node-only, like the rest of
 * the CLI; the core knows nothing of it.
 */
import { compromiseUses } from '../core';

/** A postmortem was analysed on this thread. */
const ANALYSED = 1;
/** compromise was loaded on this thread (a blame rewrite was read back). */
const NLP = 2;

let analysed = false;

/** Called by each analysis the CLI runs (lint, fix, report facts). */
export function noteAnalysed(): void {
  analysed = true;
}

/** Publishes this thread's bits for the shim (on globalThis: the shim is not part of the bundle). */
export function reportCompiled(): void {
  (globalThis as { __postmortemLintCompiled?: number }).__postmortemLintCompiled = (analysed ? ANALYSED : 0) | (compromiseUses() > 0 ? NLP : 0);
}
