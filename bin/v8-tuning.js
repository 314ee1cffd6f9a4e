'use strict';
// V8 settings for a run of postmortem-lint, set by the bin shim before the bundle loads (V8's flags are
// the process's, so the worker threads have them too). Measured in bench/README.md ("Start-up and
// compiling", "An organisation's scale"); the findings never depend on them.
//
// - The interrupt budget. A lint run is short and runs a large bundle (the Markdown parser, the rules,
//   compromise) over many small documents. V8 hands a function to its optimising compiler once the
//   function has used up its "interrupt budget" of executed bytecode; with the default budget,
//   hundreds of functions that run for a few milliseconds in all were compiled, on every worker, and
//   that compiling was about a quarter of the CPU of a 500-file run. A budget of 200,000 (three times
//   Node 20's default of 67,584) leaves only the functions that stay hot to be optimised.
// - No allocation-site pretenuring. V8 watches where objects are allocated, and when most objects
//   from one place in the code outlive a young-generation collection, it allocates that place's
//   objects in the old generation from then on. One analysis's parse tree and model outlive a
//   collection that falls in the middle of the analysis, so V8 pretenured them, and they became old
//   garbage that only the costly full collection frees: with a 48 MB young generation, one worker
//   promoted three times as much and ran full collections three times as often. Without
//   pretenuring, a worker's young generation can be half the size (cli/workers.ts) for the same time.
//
// - A larger interrupt budget for a run on worker threads (POOL_TUNING, set by the CLI just before it
//   starts its workers). V8 optimises on background threads. When the main thread lints alone, they
//   run on an idle core and cost no wall time; when one worker per core lints, they take turns with
//   the workers. With 200,000, a quarter of a 1,000-file run's CPU on two cores went to the
//   optimising compiler's threads, each worker compiling the same functions again. 800,000 cut that
//   CPU by half and the run's wall time by about 7%; linting 150 files on the main thread alone, it
//   was 4% slower, so the main thread keeps 200,000 (bench/README.md, "Start-up and compiling").
//
// Someone who starts Node with one of these flags (or its --no- form) keeps theirs;
// POSTMORTEM_LINT_V8_TUNING=off turns them all off (to compare, or if a Node version misbehaves).

/** The flags this module sets, each as `--name=value`. */
const TUNING = ['--interrupt-budget=200000', '--no-allocation-site-pretenuring'];
/** The flags set before a pool of workers starts (the workers' isolates are made after it). */
const POOL_TUNING = ['--interrupt-budget=800000'];

/** The flags to set, given Node's own arguments (process.execArgv) and the environment. */
function flagsFor(execArgv, env = {}, flags = TUNING) {
  if (/^(off|0|false|no)$/i.test(env.POSTMORTEM_LINT_V8_TUNING || '')) return [];
  return flags.filter((flag) => !execArgv.some((arg) => flagName(arg) === flagName(flag)));
}

/** A V8 flag's name without its value or --no- form: V8 reads --interrupt_budget as --interrupt-budget. */
function flagName(arg) {
  return arg
    .split('=')[0]
    .replace(/_/g, '-')
    .replace(/^--(?:no-?)?/, '');
}

/** Sets `flags` less those Node was given; returns what was set. */
function setFlags(flags, execArgv, env, set) {
  const chosen = flagsFor(execArgv, env, flags);
  for (const f of chosen) set(f);
  return chosen;
}

const v8Set = (s) => require('node:v8').setFlagsFromString(s);

/** Sets the flags (on the main thread only: workers share them); returns what was set. */
function tune(execArgv = process.execArgv, env = process.env, set = v8Set) {
  return setFlags(TUNING, execArgv, env, set);
}

/** Sets the flags for a run on worker threads (the CLI calls it before it starts them); returns what was set. */
function tunePool(execArgv = process.execArgv, env = process.env, set = v8Set) {
  return setFlags(POOL_TUNING, execArgv, env, set);
}

module.exports = { TUNING, POOL_TUNING, flagsFor, tune, tunePool };
