/**
 * Fixture expectations. A fixture is a Markdown postmortem with expectations in HTML comments:
 *   `<!-- expect: rule-a, rule-b -->` at the end of a line: each rule reports a finding starting on that line;
 *   `<!-- expect-line 12: rule-a x2 -->` anywhere: rule-a reports two findings starting on line 12
 *   (for findings on line 1, table rows and front matter, where a trailing comment cannot go).
 * Lines are 1-based.
 */
export interface Expectation {
  line: number;
  rule: string;
  count: number;
}

export function readExpectations(text: string): Expectation[] {
  const out = new Map<string, Expectation>();
  const add = (line: number, rule: string, count: number) => {
    const key = `${line}\u0000${rule}`;
    const e = out.get(key);
    if (e) e.count += count;
    else out.set(key, { line, rule, count });
  };
  text.split(/\r\n|\r|\n/).forEach((l, i) => {
    for (const m of l.matchAll(/<!--\s*expect:\s*([^>]*?)\s*-->/g)) {
      for (const r of m[1].split(/\s*,\s*/).filter(Boolean)) {
        const [rule, times] = r.split(/\s+x/);
        add(i + 1, rule.trim(), times ? +times : 1);
      }
    }
    for (const m of l.matchAll(/<!--\s*expect-line\s+(\d+)\s*:\s*([^>]*?)\s*-->/g)) {
      for (const r of m[2].split(/\s*,\s*/).filter(Boolean)) {
        const [rule, times] = r.split(/\s+x/);
        add(+m[1], rule.trim(), times ? +times : 1);
      }
    }
  });
  return [...out.values()].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** Findings reduced to the same shape, for the rules in `rules`. */
export function actualExpectations(findings: Array<{ rule: string; line: number }>, rules: Set<string>): Expectation[] {
  const out = new Map<string, Expectation>();
  for (const f of findings) {
    if (!rules.has(f.rule)) continue;
    const key = `${f.line}\u0000${f.rule}`;
    const e = out.get(key);
    if (e) e.count++;
    else out.set(key, { line: f.line, rule: f.rule, count: 1 });
  }
  return [...out.values()].sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}
