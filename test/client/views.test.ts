/**
 * The views' data, built from what the server answers: the 5 Whys tree, the Sections list and the
 * quality status text. The answers are made by the server's own functions (server/src/lsp) from
 * analysed documents, so these tests follow the protocol as it is; no vscode is needed.
 */
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildFiveWhysTree, FiveWhysTreeData, HUMAN_ACTION_TOOLTIP, type FiveWhysNode } from '../../client/src/views/fiveWhysTree';
import { shorten } from '../../client/src/views/labels';
import { buildSectionsList, SectionsTreeData } from '../../client/src/views/sectionsTree';
import { qualityStatusText } from '../../client/src/statusText';
import { Debouncer, Latest, type Timers } from '../../client/src/views/debounce';
import { analyze } from '../../core';
import { qualityResult } from '../../server/src/lsp/qualityStatus';
import { fiveWhysResult, sectionsResult } from '../../server/src/lsp/views';
import type { FiveWhysResult } from '../../common/protocol';

const TODAY = '2026-04-20';

function answers(text: string, uri = 'file:///ops/postmortems/2026-04-01-export.md', version = 3) {
  const doc = TextDocument.create(uri, 'markdown', version, text);
  const result = analyze(text, { today: TODAY });
  return {
    doc,
    fiveWhys: fiveWhysResult(doc, result, true),
    sections: sectionsResult(doc, result, true),
    quality: qualityResult(doc, result, true, TODAY),
  };
}

const DOC = `---
title: Ledger export stalled
date: 2026-04-01
severity: SEV-3
status: draft
authors: [Noor Haddad]
---

# Ledger export stalled

## Summary

The nightly ledger export stopped for six hours; finance saw yesterday's balances until 08:10.

## Timeline (UTC)

- 02:00 Export job started.
- 02:14 Disk usage alert fired on the export host.
- 05:40 Job paused by the on-call engineer.
- 08:10 Export resolved after the disk was extended.

## Root causes

### Disk filled

**Problem:** The export stopped writing at 02:14.

- **Why 1:** Why did it stop?
  - **Because** the disk of the export host was full.
- **Why 2:** Why was the disk full?
  - **Because** an engineer made a typo in the retention setting.

### Retry storm

Why 1: Why did finance see old balances?
Because the dashboard kept serving the last complete export.
Root cause: the dashboard does not say when its data is stale.

## What went poorly

Nobody was paged for the stalled job.

## Checklist review

The export checklist was last updated in 2024.
`;

const label = (n: FiveWhysNode): unknown => (n.children.length ? { [`${n.kind}: ${n.label}`]: n.children.map(label) } : `${n.kind}: ${n.label}`);

describe('5 Whys tree (client/src/views/fiveWhysTree.ts)', () => {
  const { fiveWhys } = answers(DOC);

  it('nests each chain’s whys and answers in order, with the root cause marked', () => {
    const tree = buildFiveWhysTree(fiveWhys);
    assert.deepEqual(tree.map(label), [
      {
        'chain: The export stopped writing at 02:14.': [
          { 'why: Why did it stop?': ['answer: the disk of the export host was full.'] },
          { 'why: Why was the disk full?': ['root-cause: an engineer made a typo in the retention setting.'] },
        ],
      },
      {
        'chain: Retry storm': [
          { 'why: Why did finance see old balances?': ['answer: the dashboard kept serving the last complete export.'] },
          'root-cause: the dashboard does not say when its data is stale.',
        ],
      },
    ]);
  });

  it('warns on a chain that ends at a person’s action, and only there', () => {
    const [typo, stale] = buildFiveWhysTree(fiveWhys);
    assert.equal(fiveWhys.chains[0].endsInHumanAction, true, 'the server flags the typo chain');
    assert.equal(typo.endsInHumanAction, true);
    assert.equal(typo.icon, 'chain-warning');
    assert.ok(typo.tooltip.includes(HUMAN_ACTION_TOOLTIP));
    assert.match(typo.description!, /2 whys · ends at a person's action/);
    const root = typo.children[1].children[0];
    assert.equal(root.icon, 'root-cause-warning');
    assert.equal(stale.endsInHumanAction, false);
    assert.equal(stale.icon, 'chain');
    assert.ok(!stale.tooltip.includes(HUMAN_ACTION_TOOLTIP));
  });

  it('reveals the lines the server gave, and keeps the chain index for "Ask why again"', () => {
    const [typo, stale] = buildFiveWhysTree(fiveWhys);
    const lines = DOC.split('\n');
    assert.equal(lines[typo.range.start.line], '### Disk filled');
    assert.match(lines[typo.children[0].range.start.line], /Why 1:\*\* Why did it stop\?/);
    assert.match(lines[stale.children[1].range.start.line], /^Root cause:/);
    assert.deepEqual([typo.chain, stale.chain, stale.children[0].children[0].chain], [0, 1, 1]);
    const ids = new Set<string>();
    const walk = (n: FiveWhysNode) => {
      assert.ok(!ids.has(n.id), `unique id ${n.id}`);
      ids.add(n.id);
      n.children.forEach(walk);
    };
    buildFiveWhysTree(fiveWhys).forEach(walk);
  });

  it('lists answers without questions in order (a numbered list under a 5 Whys heading)', () => {
    const { fiveWhys: r } = answers('# T\n\n## 5 Whys\n\n1. The disk filled.\n2. Logs were not rotated.\n3. Rotation was never configured.\n');
    const [chain] = buildFiveWhysTree(r);
    assert.deepEqual(
      chain.children.map((c) => [c.kind, c.description]),
      [
        ['answer', 'answer 1'],
        ['answer', 'answer 2'],
        ['root-cause', 'root cause'],
      ],
    );
  });

  it('is empty for no answer, a document that is not a postmortem, or a skipped one', () => {
    const { doc } = answers(DOC);
    assert.deepEqual(buildFiveWhysTree(null), []);
    assert.deepEqual(buildFiveWhysTree(fiveWhysResult(doc, analyze(DOC), false)), []);
    const skipped: FiveWhysResult = { ...fiveWhys, skipped: 'too large', chains: fiveWhys.chains };
    assert.deepEqual(buildFiveWhysTree(skipped), []);
  });

  it('reports a change only when what the view shows changed', () => {
    const data = new FiveWhysTreeData();
    assert.equal(data.isEmpty, true);
    assert.equal(data.update(fiveWhys), true);
    assert.equal(data.uri, fiveWhys.uri);
    assert.equal(data.version, 3);
    assert.equal(data.update({ ...fiveWhys, version: 4 }), false, 'same chains, new version');
    assert.equal(data.version, 4, 'the version still follows the answer');
    const edited = answers(DOC.replace('made a typo in', 'changed'), fiveWhys.uri, 5).fiveWhys;
    assert.equal(data.update(edited), true);
    assert.equal(data.children()[0].endsInHumanAction, false, 'no longer a person’s action');
    assert.equal(data.children(data.children()[0]).length, 2);
    assert.equal(data.clear(), true);
    assert.equal(data.isEmpty, true);
  });

  it('shortens long labels at a word boundary', () => {
    assert.equal(shorten('short text'), 'short text');
    const long = shorten('word '.repeat(40), 30);
    assert.ok(long.length <= 30 && long.endsWith('…') && !long.includes('  '), long);
  });
});

describe('Sections list (client/src/views/sectionsTree.ts)', () => {
  const { sections } = answers(DOC);

  it('lists the template in order as present, empty or missing, with finding counts', () => {
    const nodes = buildSectionsList(sections).filter((n) => n.kind === 'template');
    assert.deepEqual(
      nodes.map((n) => [n.label, n.status]),
      [
        ['Summary', 'present'],
        ['Impact', 'missing'],
        ['Timeline', 'present'],
        ['Root causes', 'present'],
        ['Contributing factors', 'missing'],
        ['What went well', 'missing'],
        ['What went poorly', 'present'],
        ['Action items', 'missing'],
        ['Lessons learned', 'missing'],
      ],
    );
    for (const [i, n] of nodes.entries()) {
      assert.equal(n.findings, sections.template[i].findings);
      assert.equal(n.description.includes('finding'), n.findings > 0, n.description);
      assert.equal(!!n.range, n.status !== 'missing', `${n.label} reveals its heading when present`);
    }
    const root = nodes.find((n) => n.sectionKind === 'root-causes')!;
    assert.ok(root.findings > 0, 'the typo chain draws a finding inside Root causes');
    assert.match(root.description, /^present · \d+ findings?$/);
    assert.equal(DOC.split('\n')[root.range!.start.line], '## Root causes');
  });

  it('adds the document’s other top-level sections after the template', () => {
    const others = buildSectionsList(sections).filter((n) => n.kind === 'other');
    assert.deepEqual(
      others.map((n) => n.label),
      ['Checklist review'],
    );
    assert.match(others[0].description, /not in the template/);
  });

  it('names the template sections still missing, for the palette', () => {
    const data = new SectionsTreeData();
    assert.equal(data.update(sections), true);
    assert.equal(data.update(sections), false);
    assert.deepEqual(
      data.missing().map((n) => n.sectionKind),
      ['impact', 'contributing-factors', 'what-went-well', 'action-items', 'lessons-learned'],
    );
  });

  it('is empty when the document is not a postmortem', () => {
    const { doc } = answers(DOC);
    assert.deepEqual(buildSectionsList(sectionsResult(doc, analyze(DOC), false)), []);
    assert.deepEqual(buildSectionsList(undefined), []);
  });
});

describe('quality status text (client/src/statusText.ts)', () => {
  it('summarises the five dimensions and takes its severity from the worst grade', () => {
    const { quality } = answers(DOC);
    const s = qualityStatusText(quality)!;
    assert.equal(s.text, `${quality.good} of 5 good`);
    for (const d of quality.dimensions) assert.ok(s.detail.includes(d.label), d.label);
    const grades = quality.dimensions.map((d) => d.grade);
    assert.equal(s.severity, grades.includes('poor') ? 'error' : grades.includes('fair') ? 'warning' : 'information');
    assert.ok(grades.includes('absent'), 'no action items yet');
    assert.match(s.detail, /Action-item quality – no action items yet/);
    assert.match(s.accessibility, /^Postmortem quality: \d of 5 dimensions good\./);
  });

  it('shows nothing for a document that is not a postmortem, and says why a skipped one was not checked', () => {
    const { doc } = answers(DOC);
    assert.equal(qualityStatusText(qualityResult(doc, analyze(DOC), false, TODAY)), undefined);
    assert.equal(qualityStatusText(null), undefined);
    const skipped = qualityResult(doc, { ...analyze(''), skipped: 'This file looks binary.' }, true, TODAY);
    assert.deepEqual([qualityStatusText(skipped)?.text, qualityStatusText(skipped)?.detail], ['Not checked', 'This file looks binary.']);
  });
});

describe('status item of a draft', () => {
  it('says how many findings the draft shows as hints, and only counts what is not written yet', () => {
    const text =
      '---\ntitle: Export stalled\ndate: 2026-04-01\nseverity: SEV-3\nstatus: draft\n---\n\n# Export stalled\n\n## Summary\n\nThe export stalled for an hour.\n';
    const doc = TextDocument.create('file:///ops/postmortems/a.md', 'markdown', 1, text);
    const result = analyze(text, { today: TODAY, status: { draftWarningsAsHints: true } });
    const softened = result.findings.filter((f) => f.shaped?.status === 'draft').length;
    assert.ok(softened > 0);
    const q = qualityResult(doc, result, true, TODAY);
    assert.equal(q.softened, softened);
    const s = qualityStatusText(q)!;
    assert.match(s.detail, new RegExp(`Draft: ${softened} findings about unwritten parts shown as hints`));
    assert.match(s.accessibility, /shown as hints\.$/);
    const final = analyze(text.replace('status: draft', 'status: final'), { today: TODAY, status: { draftWarningsAsHints: true } });
    assert.ok(!qualityStatusText(qualityResult(doc, final, true, TODAY))!.detail.includes('Draft:'));
  });
});

describe('refresh scheduling (client/src/views/debounce.ts)', () => {
  /** Timers that run only when the test says so. */
  function manualTimers() {
    const pending = new Map<number, { fn: () => void; ms: number }>();
    let next = 0;
    const timers: Timers = {
      set: (fn, ms) => {
        pending.set(++next, { fn, ms });
        return next;
      },
      clear: (h) => pending.delete(h as number),
    };
    const runAll = () => {
      const due = [...pending.entries()];
      pending.clear();
      for (const [, t] of due) t.fn();
    };
    return { timers, pending, runAll };
  }

  it('runs once after a burst of triggers, with the last delay', () => {
    const { timers, pending, runAll } = manualTimers();
    let runs = 0;
    const d = new Debouncer(() => runs++, timers);
    d.trigger(300);
    d.trigger(300);
    d.trigger(0);
    assert.equal(pending.size, 1, 'one timer outstanding');
    assert.equal([...pending.values()][0].ms, 0);
    assert.equal(d.isPending, true);
    runAll();
    assert.equal(runs, 1);
    assert.equal(d.isPending, false);
    d.trigger(300);
    d.dispose();
    runAll();
    assert.equal(runs, 1, 'disposed before it ran');
  });

  it('keeps only the newest answer', () => {
    const latest = new Latest();
    const first = latest.take();
    const second = latest.take();
    assert.equal(latest.isCurrent(first), false);
    assert.equal(latest.isCurrent(second), true);
    latest.invalidate();
    assert.equal(latest.isCurrent(second), false);
  });
});
