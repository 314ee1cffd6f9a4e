/**
 * Fixes lose nothing. Over documents generated from the hostile-Markdown grammar mixed with the
 * flagged fixture material of every rule (blame, action items, timeline, structure):
 * - any single fix (snippets too), applied through `applyFixes` (what --fix and "fix all" use), changes the text only
 *   between its first and last edit: everything before and after is byte-identical, and the output
 *   equals splicing the edits in by hand;
 * - the fixed text re-parses with no internal error;
 * - `fixUntilStable` (all preferred fixes, overlaps resolved over passes) applied twice equals once.
 * Fixed seed, bounded runs.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, type Finding, type Fix } from '../../core';
import { applyFixes, fixUntilStable } from '../../core/edits/applyFixes';
import { block as hostileBlock, eol, frontMatter } from '../helpers/hostileMarkdown';
import { applyFix } from '../helpers/edits';

const TODAY = '2026-11-23';
const SEED = 9_2026;
const RULES_DIR = join(__dirname, '..', 'fixtures', 'rules');

/** Every rule's flagged fixture cut at its level-2 headings (a section with its content), expectation comments removed. */
const material: string[] = readdirSync(RULES_DIR).flatMap((id) => {
  const text = readFileSync(join(RULES_DIR, id, 'flagged.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  return text
    .replace(/<!--\s*expect[^>]*-->/g, '')
    .split(/\n(?=## )/)
    .map((p) => p.trimEnd())
    .filter((p) => p.trim());
});
/** Whole flagged fixtures (front matter kept), where action items and timelines have their context. */
const wholeFixtures: string[] = readdirSync(RULES_DIR).map((id) =>
  readFileSync(join(RULES_DIR, id, 'flagged.md'), 'utf8').replace(/<!--\s*expect[^>]*-->/g, ''),
);

const documents = fc
  .tuple(
    fc.boolean(),
    fc.oneof(frontMatter, fc.constantFrom(...wholeFixtures)),
    fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...material) }, { weight: 1, arbitrary: hostileBlock }), { minLength: 3, maxLength: 16 }),
    eol,
  )
  .map(([bom, fm, blocks, nl]) => ((bom ? '\uFEFF' : '') + fm + blocks.join('\n\n') + '\n').replace(/\r\n|\r|\n/g, nl));

function lint(text: string): Finding[] {
  const r = analyze(text, { today: TODAY });
  assert.deepEqual(r.internalErrors, [], 'no rule threw');
  return r.findings;
}

const splice = (text: string, fix: Fix): string => applyFix(text, fix, 'raw');

describe('fixes lose nothing (generated documents)', () => {
  it('a single fix changes only its own range, and the result re-parses', () => {
    let checked = 0;
    const rules = new Set<string>();
    fc.assert(
      fc.property(documents, (text) => {
        // At most one fix per rule and document re-parsed (each re-parse costs an analysis).
        const ruleSeen = new Set<string>();
        for (const f of lint(text)) {
          for (const fix of f.fixes ?? []) {
            if (!fix.edits.length) continue;
            const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
            const from = sorted[0].start;
            const to = Math.max(...sorted.map((e) => e.end));
            for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].start >= sorted[i - 1].end, `${f.rule}: "${fix.title}" has overlapping edits`);
            // Through the shared applier, as --fix applies it (made preferred so it is taken); an editor
            // snippet is spliced in as written (its placeholders are text inside its own range).
            const out = fix.snippet ? splice(text, fix) : applyFixes(text, [{ ...f, fixes: [{ ...fix, preferred: true }] }]).output;
            assert.equal(out, splice(text, fix), `${f.rule}: "${fix.title}" applied differently from its edits`);
            const tail = text.length - to;
            assert.equal(out.slice(0, from), text.slice(0, from), `${f.rule}: "${fix.title}" changed text before its range`);
            assert.equal(out.slice(out.length - tail), text.slice(to), `${f.rule}: "${fix.title}" changed text after its range`);
            assert.equal(out.length - tail >= from, true);
            if (!ruleSeen.has(f.rule)) lint(out);
            ruleSeen.add(f.rule);
            rules.add(f.rule);
            checked++;
          }
        }
      }),
      { seed: SEED, numRuns: 20 },
    );
    assert.ok(checked > 100, `only ${checked} fixes were exercised`);
    assert.ok(rules.size >= 8, `fixes of only ${rules.size} rules were exercised: ${[...rules].join(', ')}`);
  });

  it('applying all preferred fixes twice equals once, and keeps every line the fixes did not touch', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const once = fixUntilStable(text, lint);
        const twice = fixUntilStable(once.output, lint);
        assert.equal(twice.output, once.output);
        assert.equal(twice.fixed, 0);
        // The first and the last line, outside any finding's range, survive whole.
        const findings = lint(text).filter((f) => f.fixes?.length);
        const firstEdit = Math.min(text.length, ...findings.flatMap((f) => f.fixes!.flatMap((x) => x.edits.map((e) => e.start))));
        assert.equal(once.output.slice(0, firstEdit), text.slice(0, firstEdit), 'text before the first fix is unchanged');
      }),
      { seed: SEED, numRuns: 15 },
    );
  });
});
