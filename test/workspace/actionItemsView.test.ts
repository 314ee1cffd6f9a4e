/**
 * The Action Items view's data on the fixture workspace: the server's `postmortem/actionItems` answer
 * (built from the index) and the client's tree (grouping by status or owner, counts, the mine filter),
 * checked against the hand-written facts of workspaceFacts.ts.
 */
import { strict as assert } from 'node:assert';
import { buildActionItemsTree, BUCKET_LABELS } from '../../client/src/views/actionItemsTree';
import { isMine } from '../../common/owners';
import type { ActionItemsResult } from '../../common/protocol';
import { WorkspaceIndex } from '../../server/src/workspace';
import { actionItemsResult } from '../../server/src/workspace/features';
import { POSTMORTEMS, TODAY, type FixturePostmortem } from '../review/workspaceFacts';
import { copyWorkspace, FakeHost } from './helpers';

type Item = FixturePostmortem['items'][number];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The bucket each item should land in, from the table. */
function expectedBucket(i: Item): string {
  if (i.status === 'done') return 'done';
  if (i.dueDate && i.dueDate < TODAY) return i.status === 'open' ? 'overdue' : 'open';
  if (i.dueDate && i.dueDate <= addDays(TODAY, 14)) return 'soon';
  return 'open';
}

const ALL = POSTMORTEMS.flatMap((p) => p.items.map((i) => ({ ...i, file: p.file, title: p.title })));

describe('Action Items view data', () => {
  let ws: ReturnType<typeof copyWorkspace>;
  let result: ActionItemsResult;

  before(async () => {
    ws = copyWorkspace();
    const index = new WorkspaceIndex(new FakeHost(ws.uri));
    await index.setFolders([ws.uri]);
    result = actionItemsResult(index.all(), TODAY, index.indexing);
  });
  after(() => ws.remove());

  it('lists every action item of every postmortem with its bucket, owner, due date and postmortem', () => {
    assert.equal(result.items.length, ALL.length);
    assert.equal(result.postmortems, POSTMORTEMS.length);
    assert.equal(result.indexing, false);
    for (const e of ALL) {
      const got = result.items.find((i) => i.postmortem.path === e.file && i.text.startsWith(e.text));
      assert.ok(got, e.text);
      assert.equal(got.bucket, expectedBucket(e), e.text);
      assert.equal(got.owner, e.owner, e.text);
      assert.equal(got.dueDate, e.dueDate, e.text);
      assert.equal(got.postmortem.title, e.title);
      assert.equal(got.postmortem.uri, ws.fileUri(e.file));
    }
  });

  it('groups by overdue / due soon / open / done with counts, most urgent first', () => {
    const tree = buildActionItemsTree(result, { groupBy: 'status', mine: false, me: '' });
    const counts: Record<string, number> = { overdue: 0, soon: 0, open: 0, done: 0 };
    for (const e of ALL) counts[expectedBucket(e)]++;
    assert.deepEqual(tree.counts, counts);
    assert.equal(tree.description, `${counts.overdue} overdue · ${counts.soon} due soon · ${counts.open} open · ${counts.done} done`);
    assert.deepEqual(
      tree.groups.map((g) => [g.label, g.children.length]),
      (['overdue', 'soon', 'open', 'done'] as const).filter((b) => counts[b]).map((b) => [BUCKET_LABELS[b], counts[b]]),
    );
    const overdue = tree.groups[0].children;
    const dues = overdue.map((n) => /due (\S+)/.exec(n.description)![1]);
    assert.deepEqual(dues, [...dues].sort());
    // Each item shows owner, due date and postmortem, and reveals its line.
    const first = ALL.filter((e) => expectedBucket(e) === 'overdue').sort((a, b) => a.dueDate!.localeCompare(b.dueDate!))[0];
    assert.equal(overdue[0].description, `${first.owner} · due ${first.dueDate} · ${first.title}`);
    assert.equal(overdue[0].uri, ws.fileUri(first.file));
    assert.equal(typeof overdue[0].range.start.line, 'number');
  });

  it('groups by owner, "No owner" last, an item with no owner under it', () => {
    const tree = buildActionItemsTree(result, { groupBy: 'owner', mine: false, me: '' });
    const owners = new Map<string, number>();
    for (const e of ALL) owners.set(e.owner ?? 'No owner', (owners.get(e.owner ?? 'No owner') ?? 0) + 1);
    assert.deepEqual(
      tree.groups.map((g) => [g.label, g.children.length]),
      [...owners.entries()].sort(([a], [b]) => (a === 'No owner' ? 1 : b === 'No owner' ? -1 : a.localeCompare(b))),
    );
    const priya = tree.groups.find((g) => g.label === '@priya')!;
    const mine = ALL.filter((e) => e.owner === '@priya');
    const open = mine.filter((e) => e.status !== 'done').length;
    const overdue = mine.filter((e) => expectedBucket(e) === 'overdue').length;
    const done = mine.length - open;
    assert.equal(priya.description, [`${open} open`, ...(overdue ? [`${overdue} overdue`] : []), ...(done ? [`${done} done`] : [])].join(' · '));
  });

  it('"mine" keeps the items of the postmortem.me handle, written with or without @', () => {
    for (const me of ['@priya', 'priya', 'Priya']) {
      const tree = buildActionItemsTree(result, { groupBy: 'status', mine: true, me });
      const expected = ALL.filter((e) => e.owner === '@priya');
      assert.equal(
        tree.groups.reduce((n, g) => n + g.children.length, 0),
        expected.length,
        me,
      );
      assert.match(tree.description, /^mine · /);
    }
    const none = buildActionItemsTree(result, { groupBy: 'status', mine: true, me: '@nobody' });
    assert.equal(none.groups.length, 0);
    assert.match(none.message!, /No action item in the workspace names @nobody/);
    const unset = buildActionItemsTree(result, { groupBy: 'owner', mine: true, me: '' });
    assert.match(unset.message!, /Set "postmortem\.me"/);
  });

  it('matches owners by handle or first name, in lists of several', () => {
    assert.ok(isMine('@kim, @noor', 'noor'));
    assert.ok(isMine('Noor Haddad', '@noor'));
    assert.ok(isMine('Kim & Noor', 'kim'));
    assert.ok(!isMine('@kimberly', 'kim'));
    assert.ok(!isMine(undefined, 'kim'));
  });
});
