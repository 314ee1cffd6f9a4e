/**
 * Quick-fixes of the structure, timeline and analysis rules, as data: for every finding with a fix in
 * the rules' fixtures, applying the fix (snippet placeholders expanded to their defaults) must
 *   - edit only inside the finding's own region (its section, or the metadata above the first section),
 *   - make that finding go away on re-analysis,
 *   - and add no new finding of the same rule.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Finding, type Fix, type Span } from '../../core';
import { expandSnippet } from '../snippets/snippetSyntax';
import { applyFix } from '../helpers/edits';

const RULES = ['section-empty', 'metadata-missing', 'timeline-timezone', 'timeline-order'];
const fixtures = join(__dirname, '..', 'fixtures', 'rules');

const apply = (text: string, fix: Fix): string => applyFix(text, fix);

/** Where an offset of the original text is after the fix (undefined inside an edited range). */
function mapOffset(fix: Fix, o: number): number | undefined {
  let delta = 0;
  for (const e of fix.edits) {
    const len = (fix.snippet ? expandSnippet(e.newText) : e.newText).length;
    if (o > e.start && o < e.end) return undefined;
    if (o >= e.end && !(e.start === e.end && o === e.start && o === 0)) delta += len - (e.end - e.start);
  }
  return o + delta;
}

/** The part of the document a finding's fix may touch. */
function region(text: string, f: Finding): Span {
  const model = analyze(text).model;
  if (f.rule === 'metadata-missing') {
    const first = model.sections.find((s) => s.kind)?.heading.start ?? text.length;
    return { start: 0, end: first };
  }
  // The innermost section holding the finding, widened to its outermost timeline ancestor for timeline fixes.
  let found = -1;
  model.sections.forEach((s, i) => {
    if (s.heading.start <= f.start && f.start < s.body.end) found = i;
  });
  assert.ok(found >= 0, 'a section holds the finding');
  let s = model.sections[found];
  while (f.rule.startsWith('timeline') && s.parent >= 0 && model.sections[s.parent].kind === 'timeline') s = model.sections[s.parent];
  return { start: s.heading.start, end: s.body.end };
}

const key = (f: Finding, at: number | undefined) => `${f.rule}@${at}:${f.message}`;

describe('quick-fixes of the structure, timeline and analysis rules', () => {
  for (const rule of RULES) {
    describe(rule, () => {
      const files = readdirSync(join(fixtures, rule)).filter((f) => f.endsWith('.md'));
      let fixed = 0;
      for (const [file, text] of files.flatMap((name) => {
        const lf = readFileSync(join(fixtures, rule, name), 'utf8');
        // The same fixture with Windows line endings: fixes must keep them.
        return [
          [name, lf],
          [`${name} (CRLF)`, lf.replace(/\r?\n/g, '\r\n')],
        ] as const;
      })) {
        const findings = analyze(text, { today: '2026-11-23' }).findings.filter((f) => f.rule === rule);
        findings.forEach((f, n) => {
          for (const fix of f.fixes ?? []) {
            fixed++;
            it(`${file}, finding ${n + 1}: "${fix.title}"`, () => {
              const r = region(text, f);
              for (const e of fix.edits) assert.ok(e.start >= r.start && e.end <= r.end, `edit [${e.start}, ${e.end}) stays within [${r.start}, ${r.end})`);
              const after = apply(text, fix);
              assert.notEqual(after, text, 'the fix changes the text');
              if (text.includes('\r\n')) assert.ok(!/(?<!\r)\n/.test(after), 'no bare line feed in a CRLF document');
              const res = analyze(after, { today: '2026-11-23' });
              assert.deepEqual(res.internalErrors, []);
              const before = new Set(findings.filter((x) => x !== f).map((x) => key(x, mapOffset(fix, x.start))));
              const now = res.findings.filter((x) => x.rule === rule);
              // A prompt comment is no content: the section stays flagged until the author writes under it.
              const staysFlagged = rule === 'section-empty';
              assert.equal(
                now.some((x) => x.message === f.message && x.start === mapOffset(fix, f.start)),
                staysFlagged,
                staysFlagged ? 'the finding stays' : 'the finding is gone',
              );
              const added = now.filter((x) => !before.has(key(x, x.start)) && !(staysFlagged && x.message === f.message));
              assert.deepEqual(
                added.map((x) => x.message),
                [],
                'no new finding of the rule',
              );
            });
          }
        });
      }
      it('has fixtures whose findings offer fixes', () => assert.ok(fixed > 0));
    });
  }
});
