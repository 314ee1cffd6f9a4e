/**
 * One text model for positions (core/engine/textModel.ts): every rule fixture and every generated hostile
 * document, with and without a byte-order mark, with LF, CRLF and CR line breaks, gives the same
 * findings at the same lines and columns (LineIndex counts columns after the BOM), and fixing it
 * gives the same text, with the BOM kept and every line break written as the document writes them.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, LineIndex, type Finding } from '../../core';
import { fixUntilStable } from '../../core/edits/applyFixes';
import { document as hostileDocument } from '../helpers/hostileMarkdown';
import { assertProperty, rotating } from '../helpers/property';

const TODAY = '2026-11-23';
const RULES_DIR = join(__dirname, '..', 'fixtures', 'rules');
const VARIANTS = [false, true].flatMap((bom) => ['\n', '\r\n', '\r'].map((eol) => ({ bom, eol })));

const variant = (lfText: string, v: { bom: boolean; eol: string }) => (v.bom ? '\uFEFF' : '') + lfText.replace(/\n/g, v.eol);
const normalise = (t: string) => t.replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n');

/** Findings as a reader sees them: rule, message, line:column ranges, fixes as positioned LF text. */
function shown(text: string, findings: Finding[]): string[] {
  const lines = new LineIndex(text);
  const at = (o: number) => {
    const p = lines.position(o);
    return `${p.line}:${p.character}`;
  };
  return findings.map((f) => {
    const fixes = (f.fixes ?? []).map((x) => x.edits.map((e) => `${at(e.start)}-${at(e.end)}=${JSON.stringify(normalise(e.newText))}`).join(';'));
    return `${f.rule} ${at(f.start)}-${at(f.end)} ${f.message} [${fixes.join(' | ')}]`;
  });
}

/** The variants that differ from the LF text itself (which is the base every variant is compared with). */
const OTHER_VARIANTS = VARIANTS.filter((v) => v.bom || v.eol !== '\n');

function checkAllVariants(lfText: string, name: string, withFix: boolean, variants = OTHER_VARIANTS): void {
  const lint = (t: string) => analyze(t, { today: TODAY }).findings;
  const base = shown(lfText, lint(lfText));
  const baseFixed = withFix ? fixUntilStable(lfText, lint).output : '';
  for (const v of variants) {
    const text = variant(lfText, v);
    const label = `${name} (${v.bom ? 'BOM, ' : ''}${JSON.stringify(v.eol)})`;
    const findings = lint(text);
    for (const f of findings) {
      // A range never starts inside a CRLF or on the BOM.
      assert.ok(!(text[f.start - 1] === '\r' && text[f.start] === '\n'), `${label}: ${f.rule} starts inside a CRLF`);
      assert.ok(!(v.bom && f.start === 0 && f.end > 0), `${label}: ${f.rule} covers the BOM`);
    }
    assert.deepEqual(shown(text, findings), base, `${label}: same findings at the same places`);
    if (!withFix) continue;
    const fixed = fixUntilStable(text, lint).output;
    assert.equal(fixed.startsWith('\uFEFF'), v.bom, `${label}: the BOM is kept, and only where it was`);
    assert.equal(normalise(fixed), baseFixed, `${label}: fixing gives the same text`);
    const breaks = new Set(fixed.match(/\r\n|\r|\n/g) ?? []);
    if (/[\r\n]/.test(text))
      assert.ok(
        breaks.size <= 1 && (breaks.size === 0 || breaks.has(v.eol)),
        `${label}: fixed text keeps its line breaks (${[...breaks].map((b) => JSON.stringify(b))})`,
      );
  }
}

describe('one text model: BOM and line breaks', () => {
  it('a fix on a file with a BOM lands where it aims (the BOM is not a column)', () => {
    const text = '\uFEFF# Postmortem: cache\n\n## Summary\n\nBob should have known.\n';
    const lint = (t: string) => analyze(t, { today: TODAY }).findings;
    const blame = lint(text).find((f) => f.rule === 'blame-language' || f.rule === 'person-as-cause')!;
    assert.ok(blame, 'a blame finding');
    const p = new LineIndex(text).position(blame.start);
    assert.equal(p.line, 4);
    assert.equal(text.slice(blame.start, blame.start + 3), 'Bob');
    const fixed = fixUntilStable(text, lint).output;
    assert.ok(fixed.startsWith('\uFEFF# Postmortem: cache\n'), 'BOM and title untouched');
    assert.ok(!/engineerb|Bob should/.test(fixed), fixed.slice(0, 120));
  });

  it('the BOM is column 0 of nothing: line 1 starts after it', () => {
    const lines = new LineIndex('\uFEFFab\r\ncd');
    assert.deepEqual(lines.position(1), { line: 0, character: 0 });
    assert.deepEqual(lines.position(3), { line: 0, character: 2 });
    assert.equal(lines.offset(0, 0), 1);
    assert.deepEqual(lines.position(5), { line: 1, character: 0 });
  });

  const files = readdirSync(RULES_DIR).flatMap((id) =>
    readdirSync(join(RULES_DIR, id))
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ name: `${id}/${f}`, text: normalise(readFileSync(join(RULES_DIR, id, f), 'utf8')) })),
  );

  // Each fixture is checked in two of the five other variants, turning through them fixture by
  // fixture, so every variant meets about 50 fixtures (every one of them meeting all five took over a
  // minute on a loaded machine).
  it(`every rule fixture (${files.length}): same findings at the same places with a BOM and LF / CRLF / CR`, function () {
    this.timeout(60_000);
    files.forEach((f, i) => checkAllVariants(f.text, f.name, false, rotating(OTHER_VARIANTS, i, 2)));
  });

  it('every flagged fixture: fixing gives the same text, plus the BOM, with its own line breaks', function () {
    this.timeout(60_000);
    files.filter((x) => /\/flagged\.md$/.test(x.name)).forEach((f, i) => checkAllVariants(f.text, f.name, true, rotating(OTHER_VARIANTS, i, 2)));
  });

  it('generated hostile documents: same findings and same fixes in every variant', function () {
    this.timeout(60_000);
    assertProperty(
      fc.property(hostileDocument, (doc) => {
        checkAllVariants(normalise(doc), 'generated', true);
      }),
      { seed: 16_2026, numRuns: 40, minRuns: 10, budgetMs: 15_000 },
    );
  });

  it('each variant is checked on a share of the fixtures', () => {
    const seen = new Map<string, number>();
    files.forEach((_, i) => rotating(OTHER_VARIANTS, i, 2).forEach((v) => seen.set(JSON.stringify(v), (seen.get(JSON.stringify(v)) ?? 0) + 1)));
    assert.equal(seen.size, OTHER_VARIANTS.length);
    for (const n of seen.values()) assert.ok(n >= Math.floor((files.length * 2) / OTHER_VARIANTS.length), `${n} fixtures`);
  });
});
