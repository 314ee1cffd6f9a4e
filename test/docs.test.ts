/**
 * What the documents must say, checked against the code:
 * - every rule page names its rule, its default severity and whether it fixes, and shows an example the
 *   rule flags and one it does not; the examples are fenced blocks whose info string says which
 *   (```` ```markdown flagged ````, ```` ```markdown clean ````), and each is run through analyze();
 * - the README is the user's page: under 200 lines, opening with the demo and the test command, with a
 *   row per rule in its rules table.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { analyze, docsPath, RULES } from '../core';
import { replaceTable, rulesTable } from '../scripts/rules-table';

const root = join(__dirname, '..');

/** The date the examples are read on (action-item-overdue's compares due dates with it). */
const TODAY = '2026-11-23';

export interface Example {
  kind: 'flagged' | 'clean';
  text: string;
  /** 1-based line of the opening fence in the page. */
  line: number;
}

/** The fenced blocks of a page whose info string is `<language> flagged` or `<language> clean`. */
export function examples(page: string): Example[] {
  const out: Example[] = [];
  const lines = page.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*\S+\s+(flagged|clean)\s*$/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(open[1]) && l.trim() === open[1]);
    assert.ok(end > i, `the example at line ${i + 1} has a closing fence`);
    out.push({ kind: open[2] as Example['kind'], text: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1 });
    i = end;
  }
  return out;
}

describe('docs', () => {
  describe('rule pages', () => {
    for (const r of RULES) {
      it(`${r.id}: names the rule, shows an example it flags and one it does not (run through analyze)`, () => {
        const file = join(root, docsPath(r.id));
        assert.ok(existsSync(file), `${docsPath(r.id)} exists`);
        const text = readFileSync(file, 'utf8');
        assert.match(text, new RegExp(`^# ${r.id}\\n`), 'the title is the rule id');
        assert.match(text, new RegExp(`\\*\\*Default severity:\\*\\* ${r.defaultSeverity}\\b`), `says the default severity (${r.defaultSeverity})`);
        const fixable = r.fixable ? 'yes|partly|in the editor' : 'no';
        assert.match(text, new RegExp(`\\*\\*Fixable:\\*\\* (?:${fixable})\\b`), `says whether it fixes (${r.fixable ? 'yes' : 'no'})`);
        for (const heading of ['What it flags', 'How to fix', 'Why']) assert.match(text, new RegExp(`^## ${heading}$`, 'm'), `has a "${heading}" section`);

        const blocks = examples(text);
        assert.ok(
          blocks.some((b) => b.kind === 'flagged'),
          'has an example the rule flags',
        );
        assert.ok(
          blocks.some((b) => b.kind === 'clean'),
          'has an example the rule does not flag',
        );
        for (const b of blocks) {
          const found = analyze(b.text, { today: TODAY }).findings.filter((f) => f.rule === r.id);
          if (b.kind === 'flagged') assert.ok(found.length > 0, `the example at line ${b.line} is flagged by ${r.id}`);
          else
            assert.deepEqual(
              found.map((f) => f.message),
              [],
              `the example at line ${b.line} is not flagged by ${r.id}`,
            );
        }
      });
    }
    it('an example block is read whole, with its info string telling flagged from clean', () => {
      const page = [
        '# x',
        '',
        '```markdown flagged',
        'a',
        '```',
        '',
        '```markdown',
        'not an example',
        '```',
        '',
        '````yaml clean',
        '```',
        'b',
        '````',
        '',
      ].join('\n');
      assert.deepEqual(examples(page), [
        { kind: 'flagged', text: 'a\n', line: 3 },
        { kind: 'clean', text: '```\nb\n', line: 11 },
      ]);
    });
  });

  describe('README', () => {
    const readme = () => readFileSync(join(root, 'README.md'), 'utf8');
    it('is short enough to read on the Marketplace (under 200 lines)', () => {
      const lines = readme().split('\n').length - (readme().endsWith('\n') ? 1 : 0);
      assert.ok(lines < 200, `README.md has ${lines} lines`);
    });
    it('has a row per rule in its rules table, linked to the rule page (refresh: npx tsx scripts/rules-table.ts --write)', () => {
      const text = readme();
      assert.ok(text.includes('<!-- rules:start -->'), 'README has the rules table markers');
      for (const r of RULES) assert.ok(text.includes(`| [\`${r.id}\`](${docsPath(r.id)}) |`), `a row for ${r.id}`);
      assert.equal(replaceTable(text, rulesTable()), text);
    });
    it('opens with the demo and the test command', () => {
      const firstBlock = /```(?:sh|bash)?\n([\s\S]*?)```/.exec(readme())?.[1] ?? '';
      assert.match(firstBlock, /npm ci && npm run demo/);
      assert.match(firstBlock, /npm ci && npm test/);
    });
  });

  describe('links between the documents', () => {
    const pages = [
      'README.md',
      'CONTRIBUTING.md',
      'CHANGELOG.md',
      'bench/README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
      ...RULES.map((r) => docsPath(r.id)),
    ];
    for (const page of pages) {
      it(`${page} links only to files that exist`, () => {
        const text = readFileSync(join(root, page), 'utf8').replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1/gm, '');
        for (const m of text.matchAll(/\]\(<?((?!https?:|mailto:|#)[^)\s#>]+)>?(?:#[^)]*)?\)/g)) {
          const target = relative(root, join(root, dirname(page), m[1]));
          assert.ok(existsSync(join(root, target)), `${page} links to ${m[1]}, which does not exist`);
        }
      });
    }
  });

  it('.ci/run runs the README test command', () => {
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci/);
    assert.match(ci, /npm test/);
  });
});
