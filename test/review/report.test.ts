/**
 * The report over test/fixtures/workspace/: every figure is computed here from the hand-written facts
 * in workspaceFacts.ts (not from the report's own code), then compared with what the CLI's
 * `report` subcommand builds from the files, as JSON and as Markdown.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { analyze } from '../../core';
import { buildReport, postmortemFacts, renderMarkdown, type PostmortemFacts, type ReportData } from '../../review';
import { runInProcess } from '../cli/inProcess';
import { compromiseUses } from '../../core/language/nlp';
import { IGNORED, NOT_POSTMORTEMS, POSTMORTEMS, RECURRING, TODAY, WORKSPACE, type FixturePostmortem } from './workspaceFacts';

const ROOT = join(__dirname, '..', '..');
const REL = relative(ROOT, WORKSPACE).split('\\').join('/');
const pathOf = (file: string) => `${REL}/${file}`;

const cli = (args: string[]) => runInProcess(args, { cwd: ROOT, today: '2000-01-01' });

// --- the expected figures, computed from the table ---------------------------------------------

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const dayDiff = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

function median(values: number[]): number | undefined {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function inPeriod(p: FixturePostmortem, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  return !!p.date && (!since || p.date >= since) && (!until || p.date <= until);
}

const isOverdue = (i: FixturePostmortem['items'][number]) => i.status === 'open' && !!i.dueDate && i.dueDate < TODAY;
const isSoon = (i: FixturePostmortem['items'][number]) => i.status !== 'done' && !!i.dueDate && i.dueDate >= TODAY && i.dueDate <= addDays(TODAY, 14);

describe('report over the fixture workspace', () => {
  let data: ReportData;
  let stderr: string;

  before(async () => {
    const r = await cli(['report', REL, '--format', 'json', '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    data = JSON.parse(r.stdout);
    stderr = r.stderr;
  });

  it('reads each postmortem as the table says (facts from the analysis)', () => {
    for (const p of POSTMORTEMS) {
      const text = readFileSync(join(WORKSPACE, p.file), 'utf8');
      const f = postmortemFacts(p.file, text, analyze(text, { today: TODAY }));
      assert.equal(f.title, p.title, p.file);
      assert.equal(f.date, p.date, p.file);
      assert.equal(f.severity, p.severity, p.file);
      assert.equal(f.status, p.status, p.file);
      assert.equal(f.timeToDetect, p.ttd, `${p.file} time to detect`);
      assert.equal(f.timeToResolve, p.ttr, `${p.file} time to resolve`);
      assert.equal(f.blameFindings, p.blame, `${p.file} blame`);
      assert.equal(f.actionItems.length, p.items.length, p.file);
      p.items.forEach((item, i) => {
        const got = f.actionItems[i];
        assert.ok(got.text.startsWith(item.text), `${got.text} / ${item.text}`);
        assert.equal(got.owner, item.owner, got.text);
        assert.equal(got.dueDate, item.dueDate, got.text);
        assert.equal(got.status, item.status, got.text);
      });
      assert.deepEqual(
        f.contributingFactors.map((s) => s.text),
        p.factors.map((s) => s.text),
        p.file,
      );
      assert.deepEqual(
        f.rootCauses.map((s) => s.text),
        p.rootCauses.map((s) => s.text),
        p.file,
      );
    }
  });

  it('takes the postmortems of the folder and leaves out the README, plain notes and ignored files', () => {
    assert.equal(data.postmortems, POSTMORTEMS.length);
    assert.deepEqual(data.list.map((p) => p.path).sort(), POSTMORTEMS.map((p) => pathOf(p.file)).sort());
    for (const f of NOT_POSTMORTEMS) assert.ok(stderr.includes(pathOf(f)), `${f} named as left out: ${stderr}`);
    for (const f of IGNORED) assert.ok(!stderr.includes(f) && !data.list.some((p) => p.path.endsWith(f)), f);
  });

  it('counts postmortems by severity and status', () => {
    const count = (key: (p: FixturePostmortem) => string | undefined, value: string | undefined) => POSTMORTEMS.filter((p) => key(p) === value).length;
    for (const s of ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'])
      assert.equal(
        data.bySeverity[s],
        count((p) => p.severity, s),
        s,
      );
    assert.equal(
      data.bySeverity.unknown,
      count((p) => p.severity, undefined),
    );
    for (const s of ['draft', 'in review', 'final'])
      assert.equal(
        data.byStatus[s],
        count((p) => p.status, s),
        s,
      );
    assert.equal(
      data.byStatus.unknown,
      count((p) => p.status, undefined),
    );
  });

  it('counts action items open, done, overdue, due soon, without owner or date', () => {
    const items = POSTMORTEMS.flatMap((p) => p.items);
    const open = items.filter((i) => i.status !== 'done');
    assert.equal(data.actionItems.total, items.length);
    assert.equal(data.actionItems.done, items.filter((i) => i.status === 'done').length);
    assert.equal(data.actionItems.open, open.length);
    assert.equal(data.actionItems.overdue, items.filter(isOverdue).length);
    assert.equal(data.actionItems.dueSoon, items.filter(isSoon).length);
    assert.equal(data.actionItems.pastDueWithoutStatus, items.filter((i) => i.status === 'unknown' && !!i.dueDate && i.dueDate < TODAY).length);
    assert.equal(data.actionItems.openWithoutOwner, open.filter((i) => !i.owner).length);
    assert.equal(data.actionItems.openWithoutDueDate, open.filter((i) => !i.dueDate).length);
    // The fixture was written to have some of each.
    assert.ok(data.actionItems.overdue > 0 && data.actionItems.dueSoon > 0 && data.actionItems.pastDueWithoutStatus > 0);
  });

  it('computes the closure rate of items due in the 90 days before today', () => {
    const from = addDays(TODAY, -90);
    const due = POSTMORTEMS.flatMap((p) => p.items).filter((i) => i.dueDate && i.dueDate >= from && i.dueDate < TODAY);
    const done = due.filter((i) => i.status === 'done');
    assert.equal(data.closure.from, from);
    assert.equal(data.closure.due, due.length);
    assert.equal(data.closure.done, done.length);
    assert.equal(data.closure.rate, done.length / due.length);
  });

  it('lists overdue items with owner, due date, days overdue and postmortem, longest overdue first', () => {
    const expected = POSTMORTEMS.flatMap((p) =>
      p.items
        .filter(isOverdue)
        .map((i) => ({ text: i.text, owner: i.owner, dueDate: i.dueDate!, days: dayDiff(i.dueDate!, TODAY), path: pathOf(p.file), title: p.title })),
    ).sort((a, b) => b.days - a.days);
    assert.equal(data.overdue.length, expected.length);
    data.overdue.forEach((o, k) => {
      const e = expected[k];
      assert.ok(o.text.startsWith(e.text), o.text);
      assert.equal(o.owner, e.owner);
      assert.equal(o.dueDate, e.dueDate);
      assert.equal(o.daysOverdue, e.days);
      assert.equal(o.postmortem.path, e.path);
      assert.equal(o.postmortem.title, e.title);
    });
  });

  it('finds the factors that recur across postmortems, and only those', () => {
    const got = data.recurringFactors.map((r) => r.statements.map((s) => `${s.path}\u0000${s.text}`).sort());
    const want = RECURRING.map((group) => group.map((s) => `${pathOf(s.file)}\u0000${s.text}`).sort());
    assert.deepEqual(got.sort(), want.sort());
    for (const r of data.recurringFactors) assert.ok(r.postmortems.length >= 2);
  });

  it('counts categories by postmortem and statement', () => {
    const expected = new Map<string, { postmortems: Set<string>; statements: number }>();
    for (const p of POSTMORTEMS) {
      for (const s of [...p.factors, ...p.rootCauses]) {
        for (const c of s.categories) {
          const e = expected.get(c) ?? { postmortems: new Set(), statements: 0 };
          e.postmortems.add(p.file);
          e.statements++;
          expected.set(c, e);
        }
      }
    }
    assert.deepEqual(
      Object.fromEntries(data.categories.map((c) => [c.name, [c.postmortems, c.statements]])),
      Object.fromEntries([...expected.entries()].map(([name, e]) => [name, [e.postmortems.size, e.statements]])),
    );
    // Most postmortems first, Uncategorised last.
    const named = data.categories.filter((c) => c.name !== 'Uncategorised').map((c) => c.postmortems);
    assert.deepEqual(
      named,
      [...named].sort((a, b) => b - a),
    );
    assert.equal(data.categories[data.categories.length - 1].name, 'Uncategorised');
  });

  it('gives the median and spread of time to detect and time to resolve', () => {
    for (const [key, field] of [
      ['timeToDetect', 'ttd'],
      ['timeToResolve', 'ttr'],
    ] as const) {
      const values = POSTMORTEMS.flatMap((p) => (p[field] !== undefined ? [p[field]!] : [])).sort((a, b) => a - b);
      const stats = data[key];
      assert.equal(stats.count, values.length, key);
      assert.equal(stats.median, median(values), key);
      assert.equal(stats.min, values[0], key);
      assert.equal(stats.max, values[values.length - 1], key);
      // Quartiles by linear interpolation between the sorted values.
      const q = (f: number) => {
        const pos = (values.length - 1) * f;
        return values[Math.floor(pos)] + (values[Math.ceil(pos)] - values[Math.floor(pos)]) * (pos - Math.floor(pos));
      };
      assert.equal(stats.p25, q(0.25), key);
      assert.equal(stats.p75, q(0.75), key);
    }
  });

  it('reports blame findings per postmortem and by month', () => {
    assert.equal(
      data.blame.total,
      POSTMORTEMS.reduce((n, p) => n + p.blame, 0),
    );
    assert.equal(data.blame.postmortemsWithBlame, POSTMORTEMS.filter((p) => p.blame > 0).length);
    const months = new Map<string, { postmortems: number; findings: number }>();
    for (const p of POSTMORTEMS) {
      const m = p.date?.slice(0, 7) ?? 'undated';
      const e = months.get(m) ?? { postmortems: 0, findings: 0 };
      e.postmortems++;
      e.findings += p.blame;
      months.set(m, e);
    }
    const want = [...months.entries()].sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? -1 : 1)).map(([month, e]) => ({ month, ...e }));
    assert.deepEqual(data.blame.byMonth, want);
    for (const p of POSTMORTEMS) assert.equal(data.list.find((x) => x.path === pathOf(p.file))!.blameFindings, p.blame);
  });

  it('lists every postmortem by date with its own counts', () => {
    const dated = POSTMORTEMS.filter((p) => p.date).sort((a, b) => a.date!.localeCompare(b.date!));
    const undated = POSTMORTEMS.filter((p) => !p.date);
    assert.deepEqual(
      data.list.map((p) => p.path),
      [...dated, ...undated].map((p) => pathOf(p.file)),
    );
    for (const p of POSTMORTEMS) {
      const row = data.list.find((x) => x.path === pathOf(p.file))!;
      assert.deepEqual(row.actionItems, {
        total: p.items.length,
        open: p.items.filter((i) => i.status !== 'done').length,
        done: p.items.filter((i) => i.status === 'done').length,
        overdue: p.items.filter(isOverdue).length,
      });
    }
  });

  it('--since and --until pick a period; undated postmortems are left out then', async () => {
    const since = '2026-01-01';
    const until = '2026-03-31';
    const r = await cli(['report', REL, '--format', 'json', '--today', TODAY, '--since', since, '--until', until]);
    assert.equal(r.code, 0, r.stderr);
    const d: ReportData = JSON.parse(r.stdout);
    const inside = POSTMORTEMS.filter((p) => inPeriod(p, since, until));
    assert.deepEqual(d.list.map((p) => p.path).sort(), inside.map((p) => pathOf(p.file)).sort());
    assert.equal(d.excluded.undated, POSTMORTEMS.filter((p) => !p.date).length);
    assert.equal(d.excluded.outsidePeriod, POSTMORTEMS.filter((p) => p.date && !inPeriod(p, since, until)).length);
    assert.equal(
      d.actionItems.total,
      inside.reduce((n, p) => n + p.items.length, 0),
    );
    assert.equal(d.actionItems.overdue, inside.flatMap((p) => p.items).filter(isOverdue).length);
    assert.deepEqual(d.period, { since, until });
  });

  it('prints the same figures as a Markdown page with well-formed tables', async () => {
    const r = await cli(['report', REL, '--today', TODAY]);
    assert.equal(r.code, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /^# Postmortem review\n/);
    for (const h of [
      '## At a glance',
      '## Severity and status',
      '## Action items',
      '### Overdue',
      '## Recurring contributing factors and root causes',
      '### Categories',
      '## Time to detect and time to resolve',
      '## Blame findings over time',
      '## Postmortems',
    ]) {
      assert.ok(md.includes(`\n${h}\n`), h);
    }
    // Every table row has as many cells as its header.
    const lines = md.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].startsWith('|') || !lines[i + 1]?.startsWith('|---')) continue;
      const width = lines[i].split(/(?<!\\)\|/).length;
      for (let j = i + 1; lines[j]?.startsWith('|'); j++) assert.equal(lines[j].split(/(?<!\\)\|/).length, width, lines[j]);
    }
    const closure = data.closure;
    assert.ok(md.includes(`${Math.round((closure.done / closure.due) * 100)}%: ${closure.done} of ${closure.due} items`), 'closure rate');
    for (const p of POSTMORTEMS) {
      for (const i of p.items.filter(isOverdue)) {
        const row = lines.find((l) => l.startsWith(`| ${i.text}`));
        assert.ok(row, i.text);
        assert.ok(row.includes(`| ${i.owner} |`) && row.includes(`| ${i.dueDate} |`) && row.includes(`[${p.title}](<${pathOf(p.file)}>)`), row);
      }
    }
    assert.ok(md.includes(`| ${'Open'} | Done | Overdue | Due within 14 days | Total |`));
    const ai = data.actionItems;
    assert.ok(md.includes(`| ${ai.open} | ${ai.done} | ${ai.overdue} | ${ai.dueSoon} | ${ai.total} |`));
  });

  it('says so when the period holds no postmortem', () => {
    const md = renderMarkdown(buildReport([], { today: TODAY, since: '2030-01-01' }));
    assert.match(md, /No postmortems in this period\./);
  });

  it('rejects a bad format, a bad date and an inverted period with exit code 2', async () => {
    for (const args of [
      ['--format', 'sarif'],
      ['--since', '2026-13-01'],
      ['--today', 'tomorrow'],
      ['--since', '2026-05-01', '--until', '2026-04-01'],
    ]) {
      const r = await cli(['report', REL, ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^postmortem-lint: report: /);
      assert.equal(r.stdout, '');
    }
    const none = await cli(['report']);
    assert.equal(none.code, 2);
  });

  it('a file named explicitly is always taken, even when it reads as no postmortem', async () => {
    const r = await cli(['report', pathOf('notes/desk-setup.md'), '--format', 'json', '--today', TODAY]);
    const d: ReportData = JSON.parse(r.stdout);
    assert.deepEqual(
      d.list.map((p) => p.path),
      [pathOf('notes/desk-setup.md')],
    );
  });
});

describe('report figures on hand-made facts', () => {
  const base = (path: string, over: Partial<PostmortemFacts>): PostmortemFacts => ({
    path,
    title: path,
    actionItems: [],
    contributingFactors: [],
    rootCauses: [],
    blameFindings: 0,
    blameByRule: {},
    ...over,
  });
  const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } };

  it('counts an item due today as due soon, and one due yesterday and open as overdue by one day', () => {
    const d = buildReport(
      [
        base('a.md', {
          date: '2026-06-01',
          actionItems: [
            { text: 'today', status: 'open', dueDate: TODAY, range },
            { text: 'yesterday', status: 'open', dueDate: addDays(TODAY, -1), owner: '@kim', range },
            { text: 'in 15 days', status: 'open', dueDate: addDays(TODAY, 15), range },
          ],
        }),
      ],
      { today: TODAY },
    );
    assert.equal(d.actionItems.dueSoon, 1);
    assert.equal(d.actionItems.overdue, 1);
    assert.equal(d.overdue[0].daysOverdue, 1);
    assert.equal(d.overdue[0].line, 4);
    assert.equal(d.closure.due, 1);
    assert.equal(d.closure.rate, 0);
  });

  it('has no closure rate when nothing was due, and no duration figures without timelines', () => {
    const d = buildReport([base('a.md', {})], { today: TODAY });
    assert.equal(d.closure.rate, null);
    assert.deepEqual(d.timeToDetect, { count: 0 });
    assert.match(renderMarkdown(d), /no item was due between/);
  });

  it('escapes pipes in table cells', () => {
    const d = buildReport(
      [base('a|b.md', { title: 'Queue | backlog', date: '2026-06-01', actionItems: [{ text: 'Split a|b', status: 'open', dueDate: '2026-06-01', range }] })],
      { today: TODAY },
    );
    const md = renderMarkdown(d);
    assert.ok(md.includes('Split a\\|b'));
    assert.ok(md.includes('Queue \\| backlog'));
  });
});

describe('report: built without fixes', () => {
  it('the facts of every fixture postmortem are the same whether fixes are built or not', () => {
    for (const p of POSTMORTEMS) {
      const text = readFileSync(join(WORKSPACE, p.file), 'utf8');
      const full = analyze(text, { today: TODAY });
      assert.ok(full.findings.length, p.file);
      assert.deepEqual(postmortemFacts(p.file, text, analyze(text, { today: TODAY, fixes: false })), postmortemFacts(p.file, text, full), p.file);
    }
  });

  it('`postmortem-lint report` never asks compromise to read a rewrite', async () => {
    // A postmortem with a rewrite to check, in words no earlier test used (compromise's answers are cached per sentence).
    const tag = `zr${Date.now().toString(36)}`;
    const dir = mkdtempSync(join(tmpdir(), 'pm-report-nofix-'));
    const file = join(dir, `${tag}.md`);
    writeFileSync(
      file,
      `---\ntitle: Disk alarms\ndate: 2026-10-02\nseverity: SEV-3\nstatus: in review\n---\n\n# Postmortem: disk alarms\n\n## Summary\n\nDisks filled.\n\n## Root causes\n\nThe reviewer should have checked the ${tag} retention setting before the release.\n`,
    );
    try {
      const before = compromiseUses();
      const r = await cli(['report', '--format', 'json', '--today', TODAY, file]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(compromiseUses(), before, 'the report read a rewrite');
      // Linted with the default format, the same file does ask it: it has a rewrite to check.
      await cli([file, '--today', TODAY]);
      assert.ok(compromiseUses() > before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
