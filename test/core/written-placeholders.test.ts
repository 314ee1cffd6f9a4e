/**
 * Every placeholder or prompt the extension writes is reported by placeholder-text until the author
 * replaces it (issue 19): the tab-stop defaults of every quick-fix (collected from the rules' fixtures),
 * of every snippet, and the New Postmortem template's sections. A text the extension writes that
 * nothing flags would let a fix silence a finding instead of fixing it.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../core';
import { analyze, RULES } from '../../core';
import { ACTION_TYPE_WORDS } from '../../core/data/actionItemWords';
import { SEVERITIES } from '../../common/protocol';
import { postmortemTemplate } from '../../features/newPostmortem';

const ROOT = join(__dirname, '..', '..');
const OPTIONS = { today: '2026-12-06' };

interface Stop {
  start: number;
  end: number;
  /** A choice between values (`${1|a,b|}`): its first option is written. */
  options?: string[];
}

/**
 * A TextMate snippet as the text it writes when the author tabs through it, with where each tab stop's
 * default landed. Variables take fixed values; nested defaults are recorded once, outermost.
 */
function expand(snippet: string): { text: string; stops: Stop[] } {
  const vars: Record<string, string> = {
    CURRENT_YEAR: '2026',
    CURRENT_MONTH: '03',
    CURRENT_DATE: '15',
    TM_SELECTED_TEXT: '',
    TM_FILENAME_BASE: 'checkout-outage',
  };
  const stops: Stop[] = [];
  let i = 0;
  const parse = (nested: boolean, base: number): string => {
    let s = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && '$}\\|,'.includes(snippet[i + 1] ?? '')) {
        s += snippet[i + 1];
        i += 2;
      } else if (nested && c === '}') {
        return s;
      } else if (c === '$') {
        const m = /^\$(?:(\d+)|\{(\d+)(?:(:)|\|([^|]*)\|)?\}?|\{?([A-Z_]+)\}?)/.exec(snippet.slice(i))!;
        if (m[4] !== undefined) {
          // ${1|a,b|}
          const options = m[4].split(',');
          stops.push({ start: base + s.length, end: base + s.length + options[0].length, options });
          s += options[0];
          i += m[0].length;
        } else if (m[3]) {
          // ${1:default} (the default may hold variables or other stops)
          i += m[0].length;
          const start = base + s.length;
          const inner = parse(true, start);
          i++; // the closing brace
          if (inner) stops.push({ start, end: start + inner.length });
          s += inner;
        } else if (m[5] !== undefined) {
          s += vars[m[5]] ?? '';
          i += m[0].length;
        } else {
          i += m[0].length; // $1, ${1}: an empty tab stop
        }
      } else {
        s += c;
        i++;
      }
    }
    return s;
  };
  return {
    text: parse(false, 0),
    stops: stops.filter((a) => !stops.some((b) => b !== a && b.start <= a.start && a.end <= b.end && !(b.start === a.start && b.end === a.end))),
  };
}

/** Values a choice offers that are meant to be kept: the closed lists a field takes its value from. */
const VALUES = new Set<string>([
  ...Object.keys(ACTION_TYPE_WORDS),
  ...SEVERITIES,
  ...['P1', 'P2', 'P3', 'draft', 'Draft', 'in review', 'final'],
  ...['Technical', 'Process', 'Monitoring', 'Tooling', 'Communication', 'External'],
  ...RULES.map((r) => r.id),
]);

/** What an author writes over a placeholder: a value of the same shape. */
function authorValue(placeholder: string): string {
  if (/^YYYY-MM-DD$/.test(placeholder)) return '2026-03-01';
  if (/^HH:MM$/.test(placeholder)) return '09:12';
  if (placeholder.startsWith('@')) return '@dana';
  if (/^\[?ticket\]?$|^[A-Z]+-\d+$/.test(placeholder)) return 'OPS-12';
  if (/^SEV-/.test(placeholder)) return 'SEV-2';
  if (/name/i.test(placeholder)) return 'Dana Reyes';
  return 'The consumer retried without a budget';
}

/**
 * placeholder-text's findings; in a suppression comment, which is no prose, suppression-reason-missing
 * reports the placeholder reason instead.
 */
const placeholderFindings = (text: string): Finding[] =>
  analyze(text, OPTIONS).findings.filter(
    (f) =>
      f.rule === 'placeholder-text' || (f.rule === 'suppression-reason-missing' && /^<!--\s*postmortem-/.test(text.slice(text.lastIndexOf('<!--', f.start)))),
  );
/** A 5 Whys question ("Why did that happen?") is a question an author may keep, as Ask Why Again writes it. */
const isWhyQuestion = (s: string) => /^Why\b.*\?$/.test(s);
const overlaps = (f: Finding, s: Stop) => f.start < s.end && s.start < f.end;

const problems: string[] = [];

/**
 * In `text` (where the extension wrote `stops`), each placeholder stop is flagged by placeholder-text,
 * and no longer once an author's value stands in its place. Returns how many stops were checked.
 */
function checkStops(label: string, text: string, stops: Stop[], authorWords: (s: string) => boolean): number {
  const checked = stops.filter((s) => {
    const written = text.slice(s.start, s.end);
    // A date the snippet takes from the clock (CURRENT_YEAR…) is today's date, a value to keep or change.
    return !VALUES.has(written) && !/^\d{4}-\d{2}-\d{2}$/.test(written) && !isWhyQuestion(written) && !authorWords(written);
  });
  if (!checked.length) return 0;
  const found = placeholderFindings(text);
  for (const s of checked)
    if (!found.some((f) => overlaps(f, s))) problems.push(`${label}: "${text.slice(s.start, s.end)}" is written but placeholder-text does not flag it`);
  // Replaced (from the end, so earlier offsets hold), nothing flags those places any more.
  let replaced = text;
  const moved: Stop[] = [];
  for (const s of [...checked].sort((a, b) => b.start - a.start)) {
    const v = authorValue(text.slice(s.start, s.end));
    replaced = replaced.slice(0, s.start) + v + replaced.slice(s.end);
    const delta = v.length - (s.end - s.start);
    for (const m of moved) {
      m.start += delta;
      m.end += delta;
    }
    moved.push({ start: s.start, end: s.start + v.length });
  }
  const after = placeholderFindings(replaced);
  for (const s of moved)
    if (after.some((f) => overlaps(f, s))) problems.push(`${label}: "${replaced.slice(s.start, s.end)}" is still flagged after it was replaced`);
  return checked.length;
}

describe('placeholders the extension writes are flagged until replaced', () => {
  it('quick-fixes: every tab-stop default that is not the author’s own words', function () {
    // The flagged fixtures (where each rule reports, so offers its fixes); the time is a budget for a loaded machine, not a looser check.
    this.timeout(120_000);
    const dir = join(ROOT, 'test', 'fixtures', 'rules');
    const seen = new Set<string>();
    let n = 0;
    for (const rule of readdirSync(dir)) {
      for (const file of readdirSync(join(dir, rule)).filter((f) => /^flagged.*\.md$/.test(f))) {
        const text = readFileSync(join(dir, rule, file), 'utf8');
        for (const finding of analyze(text, OPTIONS).findings) {
          for (const fix of finding.fixes ?? []) {
            if (!fix.snippet || fix.edits.length !== 1) continue;
            const [e] = fix.edits;
            const { text: written, stops } = expand(e.newText);
            // Each fix title with each written default once: the same fix on another fixture checks nothing new.
            const key = `${fix.title.replace(/"[^"]*"/g, '…')}\u0000${stops.map((x) => written.slice(x.start, x.end)).join('\u0000')}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const after = text.slice(0, e.start) + written + text.slice(e.end);
            const at = stops.map((s) => ({ ...s, start: s.start + e.start, end: s.end + e.start }));
            // A rewrite that keeps the author's words as its default ("Investigate the lag" -> a stop holding it) writes no placeholder.
            n += checkStops(`${rule}/${file} "${fix.title}"`, after, at, (w) => text.includes(w));
          }
        }
      }
    }
    const missed = [...new Set(problems.splice(0))];
    assert.equal(missed.length, 0, missed.join('\n'));
    assert.ok(n > 20, `only ${n} written placeholders checked`);
  });

  it('snippets: every tab-stop default, in the section the snippet is for', function () {
    this.timeout(60_000);
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<
      string,
      { prefix: string | string[]; body: string | string[] }
    >;
    const SECTION: Array<[RegExp, string]> = [
      [/timeline/, '## Timeline\n\n| Time (UTC) | Event | Source |\n| --- | --- | --- |\n'],
      [/action/, '## Action items\n\n| Action | Type | Priority | Owner | Due | Ticket |\n| --- | --- | --- | --- | --- | --- |\n'],
      [/5whys/, '## Root causes\n\n'],
      [/factor/, '## Contributing factors\n\n'],
      [/went-well/, '## What went well\n\n'],
      [/went-poorly/, '## What went poorly\n\n'],
      [/lucky/, '## Where we got lucky\n\n'],
      [/ignore/, '## Summary\n\n'],
    ];
    let n = 0;
    for (const [name, s] of Object.entries(snippets)) {
      const prefix = ([] as string[]).concat(s.prefix).join(' ');
      const { text: body, stops } = expand(([] as string[]).concat(s.body).join('\n'));
      const whole = /pm-full|pm-short|pm-frontmatter|^postmortem/.test(prefix);
      // A row snippet goes after its table's header (the section text ends with it); others start a paragraph.
      const lead = whole ? '' : `# Postmortem: checkout outage\n\n${SECTION.find(([re]) => re.test(prefix))?.[1] ?? '## Summary\n\n'}`;
      const tail = /ignore/.test(prefix) ? '\nThe on-call engineer should have checked the dashboard.\n' : '\n';
      const text = lead + body + tail;
      n += checkStops(
        name,
        text,
        stops.map((x) => ({ ...x, start: x.start + lead.length, end: x.end + lead.length })),
        () => false,
      );
    }
    const missed = [...new Set(problems.splice(0))];
    assert.equal(missed.length, 0, missed.join('\n'));
    assert.ok(n > 30, `only ${n} snippet placeholders checked`);
  });

  it('New Postmortem: a blank template has every section flagged as not written', () => {
    const text = postmortemTemplate({ title: 'Checkout outage', date: '2026-03-15', severity: 'SEV-2' }).text;
    const r = analyze(text, OPTIONS);
    const sections = r.model.sections.filter((s) => s.depth === 2);
    assert.ok(sections.length >= 5);
    for (const s of sections) {
      assert.ok(
        r.findings.some((f) => f.rule === 'section-empty' && f.start >= s.heading.start && f.start <= s.body.end),
        `"${s.title}" holds only the template's prompt but is not flagged`,
      );
    }
  });
});
