/**
 * The workspace index in-process, on a copy of test/fixtures/workspace: which files it takes (the
 * editor's detection, files.exclude, ignore globs, README pages), its progress report, its cache by
 * content, following created, changed and deleted files and configuration changes, and waiting while
 * the open documents have work queued.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceIndex } from '../../server/src/workspace';
import { IGNORED, NOT_POSTMORTEMS, POSTMORTEMS } from '../review/workspaceFacts';
import { copyWorkspace, FakeHost, ticks } from './helpers';

describe('workspace index', () => {
  let ws: ReturnType<typeof copyWorkspace>;
  let host: FakeHost;
  let index: WorkspaceIndex;

  beforeEach(async () => {
    ws = copyWorkspace();
    host = new FakeHost(ws.uri);
    index = new WorkspaceIndex(host);
    await index.setFolders([ws.uri]);
  });

  afterEach(() => ws.remove());

  it('indexes every postmortem of the folder, and nothing else', () => {
    assert.deepEqual(
      index
        .all()
        .map((e) => e.path)
        .sort(),
      POSTMORTEMS.map((p) => p.file).sort(),
    );
    for (const f of [...NOT_POSTMORTEMS, ...IGNORED]) assert.equal(index.get(ws.fileUri(f)), undefined, f);
    for (const p of POSTMORTEMS) assert.equal(index.get(ws.fileUri(p.file))?.facts.title, p.title);
    assert.equal(index.indexing, false);
  });

  it('asks the analysis for no fixes (its facts never read them)', () => {
    assert.ok(host.askedOptions.length >= POSTMORTEMS.length);
    assert.ok(host.askedOptions.every((o) => o.fixes === false));
  });

  it('reports progress from begin to end, one report per file', () => {
    assert.equal(host.progressEvents[0], 'begin Indexing postmortems');
    assert.equal(host.progressEvents[host.progressEvents.length - 1], 'end');
    const reports = host.progressEvents.filter((e) => e.startsWith('report '));
    // Every Markdown file is looked at once: the postmortems, the README, the notes and the ignored archive.
    const files = POSTMORTEMS.length + NOT_POSTMORTEMS.length + IGNORED.length;
    assert.equal(reports.length, files);
    assert.equal(reports[reports.length - 1], `report ${files}/${files}`);
  });

  it('follows a changed file, and does not analyse content it has analysed before', async () => {
    const rel = 'postmortems/2026-01-12-cache-stampede.md';
    const uri = ws.fileUri(rel);
    const before = readFileSync(join(ws.dir, rel), 'utf8');
    const analysed = host.analyses;
    assert.equal(index.get(uri)!.facts.actionItems[1].status, 'open');

    writeFileSync(join(ws.dir, rel), before.replace('| @jonas | 2026-02-15 | Open |', '| @jonas | 2026-02-15 | Done |'));
    let changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri, type: 2 }])]);
    assert.equal(index.get(uri)!.facts.actionItems[1].status, 'done');
    assert.equal(host.analyses, analysed + 1);

    // The same text again (a save without changes) and the old text back (an undo): no new analysis.
    changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri, type: 2 }])]);
    writeFileSync(join(ws.dir, rel), before);
    changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri, type: 2 }])]);
    assert.equal(index.get(uri)!.facts.actionItems[1].status, 'open');
    assert.equal(host.analyses, analysed + 1);
  });

  it('adds a created postmortem and drops a deleted one', async () => {
    const rel = 'postmortems/2026-06-02-badge-api.md';
    writeFileSync(
      join(ws.dir, rel),
      '---\ntype: postmortem\ntitle: Badge API timeouts\ndate: 2026-06-02\n---\n\n# Badge API timeouts\n\n## Action items\n\n- [ ] Add a timeout to the badge API client (owner: @noor, due: 2026-06-30)\n',
    );
    let changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri: ws.fileUri(rel), type: 1 }])]);
    assert.equal(index.get(ws.fileUri(rel))?.facts.title, 'Badge API timeouts');

    const gone = POSTMORTEMS[0].file;
    rmSync(join(ws.dir, gone));
    changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri: ws.fileUri(gone), type: 3 }])]);
    assert.equal(index.get(ws.fileUri(gone)), undefined);
    assert.equal(index.all().length, POSTMORTEMS.length);
  });

  it('drops a file that stops being a postmortem', async () => {
    const rel = 'notes/badge-printer-review.md';
    writeFileSync(join(ws.dir, rel), '# Badge printer\n\nThe printer is on the second floor.\n');
    const changed = host.nextChange();
    await Promise.all([changed, index.filesChanged([{ uri: ws.fileUri(rel), type: 2 }])]);
    assert.equal(index.get(ws.fileUri(rel)), undefined);
  });

  it('honours files.exclude, for folders and files', async () => {
    host.exclude = { '**/incidents': true, 'postmortems/2025-*.md': true, 'notes/**': false };
    await index.rescan();
    const paths = index.all().map((e) => e.path);
    assert.ok(!paths.includes('incidents/2026-03-18-dns-change.md'));
    assert.ok(!paths.includes('postmortems/2025-11-20-certificate-expiry.md'));
    assert.ok(paths.includes('notes/badge-printer-review.md'));
    assert.equal(paths.length, POSTMORTEMS.length - 2);
  });

  it('follows the ignore globs of the configuration file when it changes', async () => {
    assert.equal(index.get(ws.fileUri(IGNORED[0])), undefined);
    writeFileSync(join(ws.dir, '.postmortemrc.yaml'), 'ignore:\n  - "notes/**"\n');
    await index.filesChanged([{ uri: ws.fileUri('.postmortemrc.yaml'), type: 2 }]);
    assert.ok(index.get(ws.fileUri(IGNORED[0])), 'the archive is no longer ignored');
    assert.equal(index.get(ws.fileUri('notes/badge-printer-review.md')), undefined);
  });

  it('starts no file while the open documents have work queued', async () => {
    const rel = 'postmortems/2026-05-02-disk-full.md';
    writeFileSync(join(ws.dir, rel), readFileSync(join(ws.dir, rel), 'utf8').replace('SEV-3', 'SEV-2'));
    const analysed = host.analyses;
    host.busy = true;
    const done = index.filesChanged([{ uri: ws.fileUri(rel), type: 2 }]);
    await ticks(50);
    assert.equal(host.analyses, analysed, 'nothing analysed while busy');
    assert.equal(index.indexing, true);
    const changed = host.nextChange();
    host.busy = false;
    await Promise.all([changed, done]);
    assert.equal(host.analyses, analysed + 1);
    assert.equal(index.get(ws.fileUri(rel))!.facts.severity, 'SEV-2');
  });

  it('names files by folder when there are several workspace folders', async () => {
    const other = copyWorkspace();
    try {
      host.files.setWorkspaceFolders([ws.uri, other.uri]);
      await index.setFolders([ws.uri, other.uri]);
      assert.equal(index.all().length, POSTMORTEMS.length * 2);
      assert.ok(index.all().every((e) => e.path.startsWith('ops/')));
    } finally {
      other.remove();
    }
  });
});
