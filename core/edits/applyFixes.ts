/**
 * Applying fixes: the one implementation the CLI's --fix, "fix all" and the tests share. Pure.
 *
 * - Each finding contributes its preferred fix (never a snippet fix: snippets are for editors).
 * - A fix is applied whole or not at all; fixes whose edits overlap or touch an earlier accepted fix
 *   wait for the next pass (`fixUntilStable` re-analyses between passes, so every fix is computed
 *   against the text it edits).
 * - Applying to text that has nothing left to fix returns it unchanged (idempotent).
 */
import type { Finding, Fix, TextEdit } from '../types';

/** The fix `--fix` applies for a finding: its preferred fix, unless that is an editor snippet. */
export function preferredFix(f: Finding): Fix | undefined {
  const fix = f.fixes?.find((x) => x.preferred);
  return fix && !fix.snippet && fix.edits.length ? fix : undefined;
}

export interface FixPass {
  output: string;
  /** Findings whose fix was applied in this pass. */
  applied: Finding[];
  /** Findings with a fix that was left for a later pass (overlap) or was invalid. */
  deferred: Finding[];
}

function validEdits(text: string, edits: TextEdit[]): TextEdit[] | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let last = -1;
  for (const e of sorted) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length)) return undefined;
    if (e.start < last) return undefined;
    last = e.end;
  }
  return sorted;
}

/** Applies the preferred fixes of `findings` (offsets into `text`) that do not overlap. */
export function applyFixes(text: string, findings: readonly Finding[]): FixPass {
  const candidates: Array<{ finding: Finding; edits: TextEdit[]; start: number; end: number }> = [];
  const deferred: Finding[] = [];
  for (const f of findings) {
    const fix = preferredFix(f);
    if (!fix) continue;
    const edits = validEdits(text, fix.edits);
    if (!edits) {
      deferred.push(f);
      continue;
    }
    candidates.push({ finding: f, edits, start: edits[0].start, end: edits[edits.length - 1].end });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);

  const accepted: typeof candidates = [];
  let lastEnd = -1;
  const seen = new Set<string>();
  for (const c of candidates) {
    // The same edit offered by two findings (e.g. one comment named twice) is made once.
    const key = JSON.stringify(c.edits);
    if (seen.has(key)) {
      accepted.push({ ...c, edits: [] });
      continue;
    }
    if (c.start <= lastEnd) {
      deferred.push(c.finding);
      continue;
    }
    seen.add(key);
    accepted.push(c);
    lastEnd = c.end;
  }

  let out = '';
  let pos = 0;
  for (const c of accepted) {
    for (const e of c.edits) {
      out += text.slice(pos, e.start) + e.newText;
      pos = e.end;
    }
  }
  out += text.slice(pos);
  return { output: out, applied: accepted.map((c) => c.finding), deferred };
}

export interface FixResult {
  output: string;
  /** How many fixes were applied over all passes. */
  fixed: number;
  passes: number;
}

/**
 * Fixes, re-analyses and fixes again until nothing fixable is left (at most `maxPasses` passes; a fix
 * that produces the text it started from ends the loop too).
 */
// Insertions at one offset (e.g. several missing sections after the last one) go in one per pass, so
// the bound leaves room for every template section kind (15) and the other fixes besides.
export function fixUntilStable(text: string, lint: (text: string) => readonly Finding[], maxPasses = 40): FixResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  const seen = new Set<string>([current]);
  while (passes < maxPasses) {
    const pass = applyFixes(current, lint(current));
    if (!pass.applied.length || pass.output === current) break;
    passes++;
    fixed += pass.applied.length;
    current = pass.output;
    if (seen.has(current)) break; // fixes that undo each other
    seen.add(current);
  }
  return { output: current, fixed, passes };
}
