/**
 * Learning across postmortems (issue 10) in the real editor: the server's workspace index read
 * through workspace symbols, "Postmortem: Show Report" driven with a period argument (no prompt), and
 * the similar-incident code lenses and hovers.
 *
 * The fixture workspace holds four postmortems (test/e2e/workspace/postmortems/); workspaceFixture.json
 * says which action items they were written with. The extension exports no API and keeps its Action Items
 * data provider to itself, so the `postmortem/actionItems` answer is checked here through the index it
 * comes from (every fixture item is a workspace symbol, with its owner), and on screen by the UI test
 * (test/e2e/ui.mjs), which reads the view's groups, counts and rows.
 *
 * The index fills in the background after activation and the editor gets no event when it is done,
 * so the index's answers are asked for again (a short pause between) until they hold, within a bound.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, fixtureUri, lineOf, openFixture, waitForDiagnostics } from './helpers';
import fixture from './workspaceFixture.json';

const { scanners: SCANNERS, rooms: ROOMS, badges: BADGES, notifications: NOTIFICATIONS } = fixture.postmortems;
const POSTMORTEMS = [SCANNERS, ROOMS, BADGES, NOTIFICATIONS];
/** The fixtures' action items as written, with their postmortem. */
const FIXTURE = fixture.items.map((i) => ({
  ...i,
  overdue: i.bucket === 'overdue',
  pm: fixture.postmortems[i.postmortem as keyof typeof fixture.postmortems],
}));

/**
 * Asks again (pausing `pauseMs` between answers) until `accept` holds; fails after `limitMs` with
 * the last answer. For the background index, which the editor is not told about.
 */
async function askUntil<T>(ask: () => Thenable<T>, accept: (answer: T) => boolean, what: string, limitMs = 30_000, pauseMs = 100): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const answer = await ask();
    if (accept(answer)) return answer;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}; last answer: ${JSON.stringify(answer, null, 1)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

function symbols(query: string): Thenable<vscode.SymbolInformation[]> {
  return vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query).then((s) => s ?? []);
}

const sameUri = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/** The report page the last Show Report wrote (a file in the extension's storage, shown as a preview). */
async function reportDocument(name: string): Promise<vscode.TextDocument> {
  const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { reportsFolder: vscode.Uri };
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(api.reportsFolder, name));
  return vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
}

/** Runs Show Report for `period` until its page is built from a finished index; returns the page. */
async function showReport(period: { since?: string; until?: string }, name: string): Promise<string> {
  const doc = await askUntil(
    async () => {
      await vscode.commands.executeCommand('postmortem.showReport', period);
      return reportDocument(name);
    },
    (d) => !/still being indexed/.test(d.getText()) && d.getText().includes('## '),
    'a report from the finished index',
  );
  return doc.getText();
}

/** The part of a Markdown page under `heading`, up to the next heading of the same or a higher level. */
function sectionOf(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const at = lines.indexOf(heading);
  assert.ok(at >= 0, `the report has "${heading}":\n${markdown}`);
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((l, i) => i > at && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(at + 1, end < 0 ? undefined : end).join('\n');
}

suite('Learning across postmortems', () => {
  suiteSetup(async () => {
    // Activation comes with the first Markdown file; the index starts once the server runs.
    const doc = await openFixture(BADGES.path);
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics');
  });

  test('workspace symbols find a postmortem by its title', async () => {
    const uri = fixtureUri(SCANNERS.path);
    const found = await askUntil(
      () => symbols('ticket scanners rejected'),
      (ss) => ss.some((s) => s.kind === vscode.SymbolKind.File && sameUri(s.location.uri, uri)),
      'the scanner postmortem among the workspace symbols',
    );
    // The built-in Markdown extension answers with headings too; ours is the File symbol.
    const ours = found.filter((s) => s.kind === vscode.SymbolKind.File);
    assert.deepEqual(
      ours.map((s) => s.name),
      [SCANNERS.title],
      'one postmortem matches, by its title',
    );
    assert.equal(ours[0].location.range.start.line, 0, 'it opens at the top');
    assert.match(ours[0].containerName, /2026-04-14/, 'the incident date is its detail');
    assert.match(ours[0].containerName, /postmortems\/2026-04-14-ticket-scanner-sync\.md/);
  });

  test('workspace symbols find an action item by its text, at its row', async () => {
    const uri = fixtureUri(SCANNERS.path);
    const item = FIXTURE.find((i) => i.pm === SCANNERS && i.overdue)!;
    const found = await askUntil(
      () => symbols(item.text.split(' ').slice(2, 7).join(' ')),
      (ss) => ss.some((s) => s.kind === vscode.SymbolKind.Event),
      'an action-item symbol',
    );
    const items = found.filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.deepEqual(
      items.map((s) => s.name),
      [item.text],
      'one action item matches',
    );
    assert.ok(sameUri(items[0].location.uri, uri), `in its postmortem: ${items[0].location.uri.toString()}`);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(items[0].location.range.start.line, lineOf(doc, item.text), 'at its table row');
    assert.match(items[0].containerName, new RegExp(`^${SCANNERS.title} · ${item.owner} · ${item.due}$`), 'its postmortem, owner and due date');
  });

  test('the index holds every action item of the fixture postmortems, with its owner', async () => {
    const found = await askUntil(
      () => symbols(''),
      (ss) => ss.filter((s) => s.kind === vscode.SymbolKind.Event).length >= FIXTURE.length,
      `${FIXTURE.length} action-item symbols`,
    );
    const items = found.filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.deepEqual(items.map((s) => s.name).sort(), FIXTURE.map((i) => i.text).sort(), 'the action items, no more, no fewer');
    for (const want of FIXTURE) {
      const s = items.find((x) => x.name === want.text)!;
      assert.ok(sameUri(s.location.uri, fixtureUri(want.pm.path)), `${want.text}: in ${want.pm.path}`);
      assert.ok(s.containerName.startsWith(want.pm.title), `${want.text}: container ${s.containerName}`);
      if (want.owner) assert.ok(s.containerName.includes(want.owner), `${want.text}: owner ${want.owner} in "${s.containerName}"`);
    }
    const titles = found.filter((s) => s.kind === vscode.SymbolKind.File).map((s) => s.name);
    assert.deepEqual(titles.sort(), POSTMORTEMS.map((p) => p.title).sort(), 'the four postmortems; README.md and notes/ are not indexed');
  });

  test('"Postmortem: Show Report" with no period opens a Markdown preview of the whole workspace\'s review', async () => {
    const text = await showReport({}, 'Postmortem review.md');
    assert.match(text.split('\n')[0], /^# Postmortem review\b/, 'the page starts with its title');
    for (const heading of [
      '## At a glance',
      '## Severity and status',
      '## Action items',
      '### Overdue',
      '## Recurring contributing factors and root causes',
      '## Time to detect and time to resolve',
      '## Blame findings over time',
      '## Postmortems',
    ]) {
      assert.ok(text.split('\n').includes(heading), `heading "${heading}" in:\n${text}`);
    }
    assert.match(text, /\*\*Period:\*\* all postmortems/);
    // Every postmortem is listed; the overdue table names exactly the fixture's overdue items, with owners.
    const list = sectionOf(text, '## Postmortems');
    for (const p of POSTMORTEMS) assert.ok(list.includes(p.title), `${p.title} in the list:\n${list}`);
    const overdue = sectionOf(text, '### Overdue');
    for (const item of FIXTURE) {
      const row = overdue.split('\n').find((l) => l.includes(item.text));
      if (!item.overdue) assert.equal(row, undefined, `${item.text} is not overdue`);
      else assert.ok(row?.includes(item.owner!) && row.includes(item.pm.title), `overdue row for ${item.text} with owner and postmortem:\n${overdue}`);
    }
    // Shown as a preview, not as an editor to save.
    const previews = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    assert.ok(
      previews.length > 0,
      `a Markdown preview tab among: ${vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .map((t) => t.label)
        .join(', ')}`,
    );
    assert.ok(
      !vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith(`/reports/Postmortem review.md`)),
      'no text editor on the report',
    );
    // Links to postmortems are absolute paths the preview opens (it shows file: links as raw text).
    assert.ok(!text.includes('](<file:'), 'no file: link targets');
    const link = /\]\(<(\/[^>#]+\.md)(?:#L\d+)?>\)/.exec(text);
    assert.ok(link, `a link to a postmortem in:\n${text}`);
    await vscode.workspace.fs.stat(vscode.Uri.file(link[1])).then(
      () => undefined,
      () => assert.fail(`the link target ${link[1]} is a file`),
    );
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(link[1]));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, vscode.Uri.file(link[1]).fsPath, 'the link opens its postmortem');
  });

  test('"Postmortem: Show Report" with a period covers only the postmortems of that period', async () => {
    const text = await showReport({ since: '2026-06-01', until: '2026-06-30' }, 'Postmortem review 2026-06-01 to 2026-06-30.md');
    assert.match(text, /\*\*Period:\*\* 2026-06-01 to 2026-06-30/);
    const list = sectionOf(text, '## Postmortems');
    assert.ok(list.includes(ROOMS.title), `the June postmortem is listed:\n${list}`);
    for (const p of [SCANNERS, BADGES, NOTIFICATIONS]) assert.ok(!list.includes(p.title), `${p.title} is outside the period:\n${list}`);
    assert.match(text, /left out: 3 postmortems outside the period/);
    const overdue = sectionOf(text, '### Overdue');
    for (const item of FIXTURE.filter((i) => i.overdue)) {
      assert.equal(overdue.includes(item.text), item.pm === ROOMS, `${item.text}: in the June overdue table only if it is June's:\n${overdue}`);
    }
  });

  test('a code lens above Contributing factors names the earlier similar incident and opens it at the matching line', async () => {
    const doc = await openFixture(NOTIFICATIONS.path);
    const heading = lineOf(doc, '## Contributing factors');
    const lenses = await askUntil(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri).then((l) => l ?? []),
      (ls) => ls.some((l) => l.command?.title.includes(SCANNERS.title)),
      'a similar-incident lens naming the scanner postmortem',
    );
    const lens = lenses.find((l) => l.command?.title.includes(SCANNERS.title))!;
    assert.match(lens.command!.title, /^Similar \(\d+%\): /);
    assert.ok(
      lens.range.start.line === heading || lens.range.start.line === lineOf(doc, '## Root causes'),
      `above a factor or root-cause heading: line ${lens.range.start.line + 1}`,
    );
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && sameUri(editor.document.uri, fixtureUri(SCANNERS.path)), `the scanner postmortem is open: ${editor?.document.uri.toString()}`);
    const line = editor.selection.active.line;
    const factorsAt = lineOf(editor.document, '## Contributing factors');
    assert.ok(line > factorsAt && line < lineOf(editor.document, '## What went well'), `the cursor is on a factor or root cause (line ${line + 1})`);
    assert.match(editor.document.lineAt(line).text, /retr/i, 'on the statement about retries');
  });

  test('hovering a contributing factor lists the similar earlier incident; the earliest postmortem has none', async () => {
    const doc = await openFixture(NOTIFICATIONS.path);
    const line = lineOf(doc, 'retried failed sends without a limit');
    const hovers = await askUntil(
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 10)).then((h) => h ?? []),
      (hs) => hs.some((h) => textOf(h).includes('Similar earlier incidents')),
      'a similar-incidents hover',
    );
    const text = hovers.map(textOf).join('\n');
    assert.ok(text.includes(SCANNERS.title), `the scanner postmortem in:\n${text}`);
    assert.ok(text.includes('contributing factor') || text.includes('root cause'), `what matched is named:\n${text}`);
    // Nothing in the workspace is older than the scanner postmortem, so its factors have no lens.
    const first = await openFixture(SCANNERS.path);
    // Its other lenses (timeline, action items) show that the server has answered for it.
    const lenses = await askUntil(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', first.uri).then((l) => l ?? []),
      (ls) => ls.length > 0,
      'the code lenses of the scanner postmortem',
    );
    assert.deepEqual(
      lenses.filter((l) => /^Similar: /.test(l.command?.title ?? '')).map((l) => l.command!.title),
      [],
    );
  });
});

function textOf(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}
