/**
 * A budget for every regular expression: each pattern of server/src (literals and the patterns built
 * at run time from word lists, see test/helpers/collectPatterns.ts) is checked by recheck, which
 * looks for inputs that make a backtracking matcher super-linear. A pattern it finds vulnerable (or
 * cannot decide) fails the test unless it is listed in test/core/regex-exemptions.ts with the reason
 * recheck is wrong about it. An exemption whose pattern is gone fails too (the list stays current).
 *
 * The checks run in recheck's native agent (a separate process), started when this file loads so
 * that they overlap with the rest of the suite.
 */
import { strict as assert } from 'node:assert';
import { check } from 'recheck';
import { literalPatterns, runtimePatterns, type Pattern } from '../helpers/collectPatterns';
import { isPhraseTrie } from '../helpers/phraseTrie';
import { REGEX_EXEMPTIONS } from './regex-exemptions';

interface Verdict {
  pattern: Pattern;
  status: string;
  detail: string;
  /** Which of recheck's checkers decided: 'automaton' (a static analysis of the pattern) or 'fuzz'. */
  checker?: string;
}

/**
 * recheck's fuzzer draws its inputs from a PRNG, seeded here (0, made explicit). By default it also
 * cuts its seeding and incubation steps by wall-clock time (100 ms and 250 ms), so on a loaded machine
 * a run explored less and missed what another run flagged. Those cuts are off: each step is bounded
 * by a count (seedingLimit, incubationLimit), so what the fuzzer explores depends on the pattern and
 * the seed only, and a verdict is the same on any machine. Only the whole check keeps a time limit
 * (a pattern still undecided after it is "unknown", which fails like "vulnerable").
 */
const STRICT = { randomSeed: 0, seedingTimeout: null, incubationTimeout: null } as const;

async function verdict(p: Pattern, timeout: number): Promise<Verdict> {
  const r = await check(p.source, p.flags, { timeout, ...STRICT });
  const detail =
    r.status === 'vulnerable'
      ? `${r.complexity.type}${r.complexity.type === 'polynomial' ? ` degree ${r.complexity.degree}` : ''}, attack ${r.attack.pattern.slice(0, 120)}`
      : r.status === 'unknown'
        ? JSON.stringify(r.error)
        : '';
  return { pattern: p, status: r.status, detail, checker: (r as { checker?: string }).checker };
}

async function checkAll(): Promise<{ verdicts: Verdict[]; tries: Pattern[]; count: number }> {
  const seen = new Map<string, Pattern>();
  for (const p of [...literalPatterns(), ...runtimePatterns()]) {
    const key = `/${p.source}/${p.flags}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  const tries = [...seen.values()].filter((p) => isPhraseTrie(p.source));
  const queue = [...seen.values()].filter((p) => !tries.includes(p));
  const verdicts: Verdict[] = [];
  // Two at a time: the agent shares a 2-core machine with the suite.
  await Promise.all(
    [0, 1].map(async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        let v = await verdict(p, 10_000);
        // "unknown" is a time-out on a loaded machine: once more with more time before it counts.
        if (v.status === 'unknown') v = await verdict(p, 60_000);
        verdicts.push(v);
      }
    }),
  );
  return { verdicts, tries, count: seen.size };
}

let started: Promise<{ verdicts: Verdict[]; tries: Pattern[]; count: number }> | undefined;
const results = () => (started ??= checkAll());
// Start as soon as mocha loads the file, so recheck's agent works while the other tests run.
if (!process.env.REGEX_BUDGET_LAZY) void results().catch(() => undefined);

describe('regular expression budget (recheck)', () => {
  it('every pattern in server/src is linear, or exempt with the reason recheck is wrong', async function () {
    this.timeout(1_800_000);
    const { verdicts, tries, count } = await results();
    assert.ok(count > 500, `patterns found: ${count}`);
    assert.ok(tries.length >= 10, `phrase lists found: ${tries.length}`);
    const key = (p: Pattern) => `/${p.source}/${p.flags}`;
    const flagged = verdicts.filter((v) => v.status !== 'safe' && !REGEX_EXEMPTIONS.has(key(v.pattern)));
    if (process.env.REGEX_BUDGET_DUMP) {
      const all = verdicts
        .filter((v) => v.status !== 'safe')
        .map((v) => ({
          where: v.pattern.where,
          key: key(v.pattern),
          status: v.status,
          checker: v.checker,
          detail: v.detail,
          exempt: REGEX_EXEMPTIONS.has(key(v.pattern)),
        }));
      require('node:fs').writeFileSync(process.env.REGEX_BUDGET_DUMP, JSON.stringify(all, null, 1));
    }
    assert.deepEqual(
      flagged.map((v) => `${v.pattern.where} ${key(v.pattern)}: ${v.status} (${v.checker}) ${v.detail}`),
      [],
      'super-linear patterns: rewrite them (see core/language/regexp.ts for linear helpers); exempt only what recheck gets wrong, in test/core/regex-exemptions.ts',
    );
    // The collected set is deterministic (sorted fixtures, no dist/, no timing), so an exemption whose
    // pattern was not collected is gone from server/src: remove it.
    const collected = new Set([...verdicts.map((v) => key(v.pattern)), ...tries.map(key)]);
    const stale = [...REGEX_EXEMPTIONS.keys()].filter((k) => !collected.has(k));
    assert.deepEqual(stale, [], 'exemptions whose pattern is gone');
    for (const [k, reason] of REGEX_EXEMPTIONS) assert.ok(reason.trim().length > 20, `a reason for ${k}`);
  });

  it('recognises a compiled phrase list, and nothing with another quantifier', async () => {
    const { phraseSource } = await import('../../core/language/match');
    assert.ok(isPhraseTrie(phraseSource(['should have', 'should not have', 'failed to', 'fail', '!!', "didn't"])));
    assert.ok(!isPhraseTrie(phraseSource(['a  b'])), 'two spaces in a phrase give \\s+\\s+');
    assert.ok(!isPhraseTrie('(?:a\\s+)+b'));
    assert.ok(!isPhraseTrie('a\\s+\\w'));
    assert.ok(!isPhraseTrie('a[bc]*'));
    assert.ok(!isPhraseTrie('a\\s+(?:b|\\s+c)'));
  });
});
