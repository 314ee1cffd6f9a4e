/**
 * The server's writing-feature adapters, tested directly: reading the rule pages for hovers, the
 * hover and code-lens answers for an analysed document, and the settings they depend on.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, LineIndex, RULES } from '../../core';
import { codeLenses } from '../../server/src/lsp/codeLens';
import { hoverAt, shortText } from '../../server/src/lsp/hover';
import fc from 'fast-check';
import { docSections, h2Text, ruleDocSummary } from '../../server/src/lsp/ruleDocs';
import { readSettings } from '../../server/src/server';
import { ROOT } from './lspClient';

const DOCS = path.join(ROOT, 'docs', 'rules');

describe('rule pages for hovers (server/src/lsp/ruleDocs.ts)', () => {
  it('reads a "## " heading as the lazy pattern it replaces did, without its super-linear retries', () => {
    // The old pattern, kept here only: it retried the trailing spaces and #s from every position.
    const OLD = /^##\s+(.+?)\s*#*\s*$/;
    const line = fc.stringMatching(/^(?:##)?[# \ta-zé]{0,14}$/);
    fc.assert(
      fc.property(line, (l) => assert.equal(h2Text(l), OLD.exec(l)?.[1])),
      { numRuns: 5000 },
    );
    for (const [l, want] of [
      ['## Why', 'why'],
      ['##   Better ##  ', 'better'],
      ['## C#', 'c'],
      ['##  ', ' '],
      ['### Three', undefined],
      ['#Why', undefined],
    ] as const)
      assert.equal(h2Text(l)?.toLowerCase(), want, l);
  });

  it('splits a page at its level-2 headings, not at headings inside fenced examples', () => {
    const page = [
      '# some-rule',
      '',
      '## Poor',
      '',
      '```markdown',
      '## Follow-ups',
      '- fix it',
      '```',
      '',
      '## Better',
      '',
      '~~~md',
      '## Action items',
      '~~~',
      '',
      '## Why',
      '',
      'Because.',
    ].join('\n');
    const s = docSections(page);
    assert.deepEqual([...s.keys()], ['poor', 'better', 'why']);
    assert.equal(s.get('poor'), '```markdown\n## Follow-ups\n- fix it\n```');
    assert.deepEqual(ruleDocSummary(page), { why: 'Because.', better: '~~~md\n## Action items\n~~~' });
  });

  it('finds a "Why" and a "Better" part in every rule page there is', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
    assert.ok(pages.length > 0);
    for (const f of pages) {
      const s = ruleDocSummary(readFileSync(path.join(DOCS, f), 'utf8'));
      assert.ok(s.why && s.why.length > 40, `${f}: Why`);
      assert.ok(s.better && s.better.length > 10, `${f}: Better`);
      assert.ok(!/^## /m.test(s.why!), `${f}: the Why part stops at the next section`);
    }
  });
});

const TEXT = `---
date: 2026-01-12
severity: SEV-3
---

# Search results went stale

## Timeline

- 10:00 Index rebuild started.
- 10:45 Support reported stale results.

## Action items

- [ ] Alert when the index is older than an hour (owner: @lena, due: 2026-02-01, type: detect)
- [ ] Improve the rebuild
`;

describe('hovers and code lenses (server/src/lsp/hover.ts, codeLens.ts)', () => {
  const doc = TextDocument.create('file:///ops/postmortems/search.md', 'markdown', 1, TEXT);
  const result = analyze(TEXT, { today: '2026-03-01' });
  const lines = new LineIndex(TEXT);
  const at = (needle: string, delta = 0) => lines.position(TEXT.indexOf(needle) + delta);
  const pages = new Map<string, string>();
  const lookup = (id: string) => {
    if (!pages.has(id)) {
      try {
        pages.set(id, readFileSync(path.join(DOCS, `${id}.md`), 'utf8'));
      } catch {
        return undefined;
      }
    }
    return pages.get(id);
  };

  it('explains every finding whose rule has a page, and only those', () => {
    const rules = new Set(RULES.map((r) => r.id));
    let explained = 0;
    for (const f of result.findings) {
      const h = hoverAt(doc, result, doc.positionAt(f.start), 'file:///ext/docs/rules/', lookup);
      const text = h ? (h.contents as { value: string }).value : '';
      const page = lookup(f.rule);
      assert.ok(rules.has(f.rule));
      if (page) {
        explained++;
        assert.ok(text.includes(shortText(ruleDocSummary(page).why!)), `${f.rule}: Why part in the hover`);
        assert.ok(text.includes(`(file:///ext/docs/rules/${f.rule}.md)`), `${f.rule}: docs link`);
      } else assert.ok(!text.includes(`**${f.rule}**`), `${f.rule} has no page, so no explanation`);
    }
    assert.ok(explained > 0, 'some finding has a page');
    assert.equal(
      hoverAt(doc, result, at('Index rebuild started', 3), 'file:///x/', () => undefined),
      null,
      'plain text: no hover',
    );
  });

  it('tells the time since the first entry over a time, and nothing over the first entry’s text', () => {
    const h = hoverAt(doc, result, at('10:45', 1), 'file:///x/', () => undefined);
    assert.equal((h?.contents as { value: string }).value, '**10:45** — +45 min after the first entry (10:00)');
    const first = hoverAt(doc, result, at('10:00', 1), 'file:///x/', () => undefined);
    assert.equal((first?.contents as { value: string }).value, '**10:00** — at the time of the first entry');
  });

  it('puts one lens above the timeline and one above the bulleted action items', () => {
    const lenses = codeLenses(doc, result, '2026-03-01');
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command]),
      [
        [at('- 10:00').line, 'detected after 45 min · no mitigation entry · no resolution entry', 'postmortem.showLocation'],
        [at('- [ ] Alert').line, '2 items · 1 owned · 1 overdue · 0 prevent', 'postmortem.showLocation'],
      ],
    );
  });

  it('reads postmortem.codeLens.enabled, defaulting to on', () => {
    assert.equal(readSettings(undefined).codeLens.enabled, true);
    assert.equal(readSettings({ codeLens: { enabled: false } }).codeLens.enabled, false);
    assert.equal(readSettings({ codeLens: { enabled: 'no' } }).codeLens.enabled, true, 'malformed: the default');
  });
});
