'use strict';
// V8 settings for a run of postmortem-lint, set by the bin shim before the bundle loads (V8's flags are
// the process's, so the worker threads have them too).
//
// A lint run is short and runs a large bundle (the Markdown parser, the rules, compromise) over many
// small documents. V8 hands a function to its optimising compiler once the function has used up its
// "interrupt budget" of executed bytecode; with the default budget, hundreds of functions that run
// for a few milliseconds in all were compiled, on every worker, and that compiling was about a
// quarter of the CPU of a 500-file run. A budget of 200,000 (three times Node 20's default of
// 67,584) leaves only the functions that stay hot to be optimised. Measured with
// `npm run bench -- --only cli-peer` and in bench/README.md ("Start-up and compiling"); the findings
// do not depend on it.
//
// Someone who starts Node with their own --interrupt-budget keeps it; POSTMORTEM_LINT_V8_TUNING=off
// turns the setting off (to compare, or if a Node version misbehaves with it).

/** The flags this module sets, each as `--name=value`. */
const TUNING = ['--interrupt-budget=200000'];

/** The flags to set, given Node's own arguments (process.execArgv) and the environment. */
function flagsFor(execArgv, env = {}) {
  if (/^(off|0|false|no)$/i.test(env.POSTMORTEM_LINT_V8_TUNING || '')) return [];
  return TUNING.filter((flag) => {
    const name = flag.split('=')[0];
    // V8 reads --interrupt-budget and --interrupt_budget alike.
    const same = (arg) => arg.replace(/_/g, '-').split('=')[0] === name;
    return !execArgv.some(same);
  });
}

/** Sets the flags (on the main thread only: workers share them); returns what was set. */
function tune(execArgv = process.execArgv, env = process.env, set = (s) => require('node:v8').setFlagsFromString(s)) {
  const flags = flagsFor(execArgv, env);
  for (const f of flags) set(f);
  return flags;
}

module.exports = { TUNING, flagsFor, tune };
