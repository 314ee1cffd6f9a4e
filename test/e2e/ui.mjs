// The UI test: drives the real workbench (code-server in headless Chromium) as an author would, with
// the extension installed from the packaged .vsix, and asserts on what is on screen. Each step is one
// check; a failed step leaves a screenshot next to the run's logs and the next steps still run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser, workbenchUrl } from './lib/browser.mjs';

const POSTMORTEM = '2026-09-03-badge-printer-queue.md';
// The workspace's postmortems and the action items they were written with (shared with the suite).
const FIXTURE = JSON.parse(fs.readFileSync(new URL('./suite/workspaceFixture.json', import.meta.url), 'utf8'));
const BLAME_LINE = 'Ravi failed to warn the desk leads';
const FIXED_LINE = 'Ravi did not warn the desk leads';

/** Visible text of a locator with Monaco's non-breaking spaces made plain. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * @param {{ port: number, workspace: string, extensionDir: string, outDir: string, shotsDir?: string, tmp: string }} o
 *   extensionDir: the installed extension (its package.json says which views exist);
 *   shotsDir: where the README screenshots go (docs/images for `npm run screenshots`).
 */
export async function runUiTest({ port, workspace, extensionDir, outDir, shotsDir, tmp }) {
  fs.mkdirSync(outDir, { recursive: true });
  if (shotsDir) fs.mkdirSync(shotsDir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const t0 = Date.now();
  const results = [];
  const browser = await launchBrowser({ parent: tmp });
  const { page } = browser;
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => console.log(`  [workbench] ${e.message}`));

  // The README's images go to shotsDir (docs/images for `npm run screenshots`); the rest stay with the run.
  const README_IMAGES = new Set(['quick-fix.png', 'hover.png', 'five-whys.png', 'sections.png', 'new-postmortem.png', 'action-items.png', 'report.png']);
  const shot = async (name) => {
    const file = path.join(shotsDir && README_IMAGES.has(name) ? shotsDir : outDir, name);
    // Playwright scrolls a clicked row into view, which can shift the whole workbench inside the page.
    // Playwright scrolls what it clicks or drags into view, which can shift the workbench's layout
    // grid (an overflow-hidden split view) by a few pixels; the workbench itself never scrolls it.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.split-view-container')) el.scrollTop = el.scrollLeft = 0;
    });
    await page.screenshot({ path: file });
    return file;
  };
  async function step(name, fn) {
    const started = Date.now();
    try {
      const detail = await fn();
      results.push({ name, ok: true });
      console.log(`  ✓ ${name}${detail ? ` (${detail})` : ''} [${((Date.now() - started) / 1000).toFixed(1)}s]`);
    } catch (err) {
      results.push({ name, ok: false });
      const file = path.join(outDir, `failed-${results.length}.png`);
      await page.screenshot({ path: file }).catch(() => {});
      console.log(
        `  ✗ ${name}\n    ${String(err?.message ?? err)
          .split('\n')
          .join('\n    ')}\n    screenshot: ${file}`,
      );
    }
  }
  /** Runs a command from the command palette (F1), by its label. */
  async function runCommand(label) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await page.keyboard.press('Enter');
  }
  /** Puts the cursor at the start of the first match of `text` in the active editor (Find, then Escape). */
  async function cursorAt(text) {
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+F');
    const find = page.locator('.editor-widget.find-widget textarea, .editor-widget.find-widget input').first();
    await find.waitFor({ state: 'visible' });
    await find.fill(text);
    await page.locator('.find-widget .matchesCount', { hasText: /1 of/ }).waitFor();
    await page.keyboard.press('Escape');
    // The match is selected; move to its start.
    await page.keyboard.press('ArrowLeft');
  }
  const editorLines = () => page.locator('.editor-instance .monaco-editor .view-lines').first();

  console.log('UI test (code-server in headless Chromium, extension installed from the .vsix)');
  try {
    await step('the workbench opens the fixture workspace', async () => {
      await page.goto(workbenchUrl(port, workspace));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'postmortems' }).waitFor({ timeout: 60_000 });
    });

    await step('a blame-heavy postmortem opened with Quick Open shows squiggles', async () => {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
      await page.keyboard.type(POSTMORTEM);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: POSTMORTEM }).first().waitFor();
      await page.keyboard.press('Enter');
      await editorLines().filter({ hasText: 'Badge printing stopped' }).waitFor();
      // Warnings near the top (missing sections, the blame sentence) are in view at once.
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
      const warnings = await page.locator('.monaco-editor .squiggly-warning').count();
      // The human-error root cause is an error further down.
      await cursorAt('human error.');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      const errors = await page.locator('.monaco-editor .squiggly-error').count();
      await shot('squiggles.png');
      return `${warnings} warning squiggles at the top, ${errors} error squiggles at the root cause`;
    });

    await step('the status bar and the Problems panel count the findings', async () => {
      const status = page.locator('[id="status.problems"]');
      await page.waitForFunction(() => {
        const label = document.getElementById('status.problems')?.getAttribute('aria-label') ?? '';
        return /Errors: [1-9]/.test(label) && /Warnings: [1-9]/.test(label);
      });
      const label = await status.getAttribute('aria-label');
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'human-error-root-cause' }).first().waitFor();
      const texts = (await rows.allInnerTexts()).join('\n');
      for (const rule of ['blame-language', 'person-as-cause', 'section-missing', 'action-item-owner-missing']) {
        if (!texts.includes(rule)) throw new Error(`Problems panel does not list ${rule}:\n${texts}`);
      }
      const errors = Number(/Errors: (\d+)/.exec(label)[1]);
      const badge = await page
        .locator('.part.panel .composite-bar .badge-content, .part.panel .action-item.checked .badge-content')
        .first()
        .innerText()
        .catch(() => '');
      await shot('problems.png');
      return `${label}; badge ${badge || '?'}; ${errors} error(s)`;
    });

    await step('hovering a blame finding shows its message and the rule link', async () => {
      await runCommand('View: Hide Panel');
      await cursorAt('failed to warn');
      await runCommand('Show or Focus Hover');
      const hover = page.locator('.monaco-hover').filter({ hasText: 'blame-language' }).first();
      await hover.waitFor({ state: 'visible' });
      const text = await textOf(hover);
      if (!/failed to/.test(text)) throw new Error(`hover lacks the finding message: ${text}`);
      const link = hover.locator('a', { hasText: 'blame-language' });
      if ((await link.count()) === 0) throw new Error(`the rule code is not a link in the hover: ${text}`);
      await shot('hover.png');
      await page.keyboard.press('Escape');
    });

    await step('Ctrl+. offers the blame rewrite and applying it changes the sentence', async () => {
      await cursorAt('failed to warn');
      await page.keyboard.press('Control+.');
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: /did not/ }).first();
      await fix.waitFor({ state: 'visible' });
      const title = (await fix.innerText()).trim();
      await shot('quick-fix.png');
      // The menu takes keys, not clicks (a pointer block lies over it): move the focus to the fix.
      for (let i = 0; i < 10 && !(await page.locator('.action-widget .monaco-list-row.focused', { hasText: /did not/ }).count()); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await editorLines().filter({ hasText: FIXED_LINE }).waitFor();
      const lines = await textOf(editorLines());
      if (lines.includes(BLAME_LINE)) throw new Error('the blame wording is still there');
      return title;
    });

    await step('the rewrite clears that finding from the Problems panel', async () => {
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await page.waitForFunction(
        () => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => /Ravi failed to/.test(r.textContent ?? '')),
      );
      const texts = (await rows.allInnerTexts()).join('\n');
      if (!texts.includes('human-error-root-cause')) throw new Error(`other findings vanished too:\n${texts}`);
      await runCommand('View: Hide Panel');
    });

    // The Postmortem view container: its views come from the shipped package.json.
    const containers = manifest.contributes?.viewsContainers?.activitybar ?? [];
    const container = containers.find((c) => /postmortem/i.test(c.title ?? ''));
    const views = container ? (manifest.contributes?.views?.[container.id] ?? []) : [];
    const fiveWhys = views.find((v) => /why/i.test(v.name));
    const sections = views.find((v) => /section/i.test(v.name));
    const openView = async (view) => {
      const header = page.locator('.pane-header', { hasText: view.name }).first();
      await header.waitFor();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      return page.locator('.pane', { has: header }).locator('.monaco-list-row');
    };

    await step('the activity bar has the Postmortem view container and it opens', async () => {
      if (!container) throw new Error('package.json contributes no "Postmortem" view container in the activity bar');
      await page
        .locator(`.activitybar .action-item a[aria-label^="${container.title}"], .activitybar .action-item[aria-label^="${container.title}"]`)
        .first()
        .click();
      await page.locator('.sidebar .title-label', { hasText: new RegExp(container.title, 'i') }).waitFor();
    });

    await step('the 5 Whys view shows the chain: problem, whys in order, root cause marked', async () => {
      if (!fiveWhys) throw new Error(`the Postmortem container has no 5 Whys view (views: ${views.map((v) => v.name).join(', ') || 'none'})`);
      const rows = await openView(fiveWhys);
      const problem = rows.filter({ hasText: 'desk printers stopped' }).first();
      await problem.waitFor();
      if ((await problem.getAttribute('aria-expanded')) === 'false') await problem.click();
      await rows.filter({ hasText: 'Why did the retry job' }).first().waitFor();
      const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      const order = ['Why did the printers stop', 'Why did the queue hold', 'Why did the retry job'].map((w) => texts.findIndex((t) => t.includes(w)));
      if (order.some((i) => i < 0) || !(order[0] < order[1] && order[1] < order[2])) throw new Error(`whys not in order: ${texts.join(' | ')}`);
      if (!texts.some((t) => /human error/i.test(t) && /root cause/i.test(t))) throw new Error(`no root-cause node: ${texts.join(' | ')}`);
      const chain = texts.find((t) => t.includes('desk printers stopped'));
      if (!/person/i.test(chain)) throw new Error(`the chain is not marked as ending at a person's action: ${chain}`);
      // Its tooltip says why, and what to ask next.
      await problem.hover();
      const tip = page.locator('.workbench-hover, .monaco-hover', { hasText: /stops at a person/ }).first();
      await tip.waitFor({ state: 'visible' });
      await shot('five-whys.png');
      await page.mouse.move(700, 500);
      return `${texts.length} rows`;
    });

    await step('the Sections view lists the template sections with missing ones marked', async () => {
      if (!sections) throw new Error(`the Postmortem container has no Sections view (views: ${views.map((v) => v.name).join(', ') || 'none'})`);
      const rows = await openView(sections);
      await rows.filter({ hasText: 'Summary' }).first().waitFor();
      const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      const at = (name) => texts.findIndex((t) => t.startsWith(name) || t.includes(` ${name}`) || t.includes(name));
      for (const name of ['Summary', 'Impact', 'Timeline', 'Root causes', 'Contributing factors', 'What went well', 'Action items']) {
        if (at(name) < 0) throw new Error(`Sections view lacks ${name}: ${texts.join(' | ')}`);
      }
      if (!(at('Summary') < at('Timeline') && at('Timeline') < at('Action items'))) throw new Error(`not in template order: ${texts.join(' | ')}`);
      const wentWell = texts[at('What went well')];
      if (!/missing/i.test(wentWell + (await rows.nth(at('What went well')).getAttribute('aria-label')))) {
        throw new Error(`"What went well" is not marked missing: ${wentWell}`);
      }
      // A click reveals the section in the editor.
      await rows.nth(at('Root causes')).click();
      const rootLine =
        fs
          .readFileSync(path.join(workspace, 'postmortems', POSTMORTEM), 'utf8')
          .split('\n')
          .indexOf('## Root causes') + 1;
      await page
        .locator('.statusbar-item', { hasText: `Ln ${rootLine},` })
        .first()
        .waitFor();
      await shot('sections.png');
    });

    // The Action Items view: the workspace's items from the server's index (test/e2e/suite/workspaceFixture.json).
    const actionItems = views.find((v) => /action items/i.test(v.name));
    const STATUS_GROUPS = [
      ['overdue', 'Overdue'],
      ['soon', 'Due within 14 days'],
      ['open', 'Open'],
      ['done', 'Done'],
    ];
    const me = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8'))['postmortem.me'];
    /** The rows of a tree pane as level, label and description. */
    const treeRows = (rows) =>
      rows.evaluateAll((els) =>
        els.map((r) => ({
          level: Number(r.getAttribute('aria-level')),
          label: (r.querySelector('.label-name')?.textContent ?? '').trim(),
          description: (r.querySelector('.label-description')?.textContent ?? '').trim(),
        })),
      );
    /** Top-level rows with the rows under them. */
    const grouped = (rows) => {
      const groups = [];
      for (const r of rows) {
        if (r.level === 1) groups.push({ ...r, children: [] });
        else groups.at(-1)?.children.push(r);
      }
      return groups;
    };
    const actionItemsHeader = () => page.locator('.pane-header', { hasText: actionItems.name }).first();
    /** Runs one of the view's title-bar actions (shown while the pointer is over the header). */
    const titleAction = async (label) => {
      await actionItemsHeader().hover();
      await actionItemsHeader().locator(`.actions .action-label[aria-label="${label}"]`).click();
    };
    const collapse = async (view) => {
      const header = page.locator('.pane-header', { hasText: view.name }).first();
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    };
    /** Resolves once the Action Items tree's top-level rows are exactly `labels` (in that order). */
    const waitForGroups = (labels) =>
      page
        .waitForFunction(
          ([name, want]) => {
            const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header')?.textContent?.includes(name));
            const top = [...(pane?.querySelectorAll('.monaco-list-row[aria-level="1"]') ?? [])].map((r) => r.querySelector('.label-name')?.textContent?.trim());
            return top.join('\n') === want.join('\n');
          },
          [actionItems.name, labels],
        )
        .catch(async (e) => {
          const rows = page.locator('.pane', { has: actionItemsHeader() }).locator('.monaco-list-row');
          throw new Error(
            `the groups are not ${labels.join(' | ')}: ${grouped(await treeRows(rows))
              .map((g) => g.label)
              .join(' | ')}\n${e.message}`,
          );
        });
    /** Drags the side bar's right edge by `dx` pixels (wider rows show each item's owner, due date and postmortem). */
    const widenSideBar = async (dx) => {
      const box = await page.locator('.part.sidebar').boundingBox();
      const x = box.x + box.width;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + dx, y, { steps: 5 });
      await page.mouse.up();
    };
    const expectedCounts = Object.fromEntries(STATUS_GROUPS.map(([b]) => [b, FIXTURE.items.filter((i) => i.bucket === b).length]));

    await step('the Action Items view groups every item of the workspace by status, with counts, and a click reveals its line', async () => {
      if (!actionItems) throw new Error(`the Postmortem container has no Action Items view (views: ${views.map((v) => v.name).join(', ') || 'none'})`);
      for (const v of [fiveWhys, sections]) if (v) await collapse(v);
      await widenSideBar(300);
      const rows = await openView(actionItems);
      const want = STATUS_GROUPS.filter(([b]) => expectedCounts[b] > 0);
      await waitForGroups(want.map(([, label]) => label));
      // The header counts them; the activity bar badge counts the overdue ones.
      const header = actionItemsHeader();
      for (const [b, n] of [
        ['overdue', expectedCounts.overdue],
        ['open', expectedCounts.open],
        ['done', expectedCounts.done],
      ]) {
        await header.filter({ hasText: `${n} ${b}` }).waitFor();
      }
      const badge = page
        .locator(
          `.activitybar .action-item:has([aria-label^="${container.title}"]) .badge-content, .activitybar .action-item[aria-label^="${container.title}"] .badge-content`,
        )
        .first();
      const badgeText = (await badge.innerText().catch(() => '')).trim();
      if (badgeText !== String(expectedCounts.overdue)) throw new Error(`the activity bar badge says "${badgeText}", not ${expectedCounts.overdue} overdue`);
      // Done is collapsed at first; open it to read every item.
      const done = rows.filter({ hasText: /^Done/ }).first();
      if ((await done.getAttribute('aria-expanded')) === 'false') await done.click();
      await rows
        .filter({ hasText: FIXTURE.items.find((i) => i.bucket === 'done').text })
        .first()
        .waitFor();
      const groups = grouped(await treeRows(rows));
      const got = groups.map((g) => `${g.label} ${g.description}`);
      if (got.join(' | ') !== want.map(([b, label]) => `${label} ${expectedCounts[b]}`).join(' | ')) throw new Error(`groups: ${got.join(' | ')}`);
      for (const [[b], g] of want.map((w, k) => [w, groups[k]])) {
        const texts = g.children.map((c) => c.label).sort();
        const items = FIXTURE.items.filter((i) => i.bucket === b);
        if (
          texts.join('\n') !==
          items
            .map((i) => i.text)
            .sort()
            .join('\n')
        )
          throw new Error(`${g.label} holds: ${texts.join(' | ')}`);
        for (const i of items) {
          const row = g.children.find((c) => c.label === i.text);
          const pm = FIXTURE.postmortems[i.postmortem];
          for (const part of [i.owner ?? 'no owner', pm.title, ...(i.due ? [i.due] : [])]) {
            if (!row.description.includes(part)) throw new Error(`"${i.text}" does not show ${part}: ${row.description}`);
          }
        }
      }
      // Overdue items come first, earliest due date first.
      const overdue = groups[0].children.map((c) => c.label);
      const byDue = FIXTURE.items
        .filter((i) => i.bucket === 'overdue')
        .sort((a, b) => a.due.localeCompare(b.due))
        .map((i) => i.text);
      if (overdue.join('\n') !== byDue.join('\n')) throw new Error(`overdue order: ${overdue.join(' | ')}`);
      // A click opens the postmortem at the item's row.
      const item = FIXTURE.items.find((i) => i.bucket === 'overdue' && i.postmortem === 'scanners');
      const file = FIXTURE.postmortems.scanners.path;
      await rows.filter({ hasText: item.text }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(file) }).waitFor();
      const line =
        fs
          .readFileSync(path.join(workspace, file), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes(item.text)) + 1;
      await page
        .locator('.statusbar-item', { hasText: `Ln ${line},` })
        .first()
        .waitFor();
      await editorLines().filter({ hasText: item.text }).waitFor();
      await shot('action-items.png');
      return `${FIXTURE.items.length} items in ${groups.length} groups; badge ${badgeText}; ${path.basename(file)} at line ${line}`;
    });

    await step('the Action Items view groups by owner, and the "mine" filter keeps the postmortem.me items', async () => {
      if (!actionItems) throw new Error('no Action Items view');
      const rows = await openView(actionItems);
      await titleAction('Group Action Items by Owner');
      // One group per owner, by name, then the items nobody owns.
      const owners = [...new Set(FIXTURE.items.map((i) => i.owner).filter(Boolean))].sort();
      await waitForGroups([...owners, ...(FIXTURE.items.some((i) => !i.owner) ? ['No owner'] : [])]);
      const groups = grouped(await treeRows(rows));
      const labels = groups.map((g) => g.label);
      for (const o of owners) {
        const g = groups.find((x) => x.label === o);
        const texts = g.children.map((c) => c.label).sort();
        const mine = FIXTURE.items
          .filter((i) => i.owner === o)
          .map((i) => i.text)
          .sort();
        if (texts.join('\n') !== mine.join('\n')) throw new Error(`${o} holds: ${texts.join(' | ')}`);
      }
      await titleAction('Show Only My Action Items');
      const myName = FIXTURE.items.map((i) => i.owner).find((o) => o && o.toLowerCase().startsWith(me.replace(/^@/, '').toLowerCase()));
      if (!myName) throw new Error(`no fixture item is owned by postmortem.me (${me})`);
      await actionItemsHeader().filter({ hasText: /mine/ }).waitFor();
      await waitForGroups([myName]);
      const mineGroups = grouped(await treeRows(rows));
      const mineTexts = mineGroups[0].children.map((c) => c.label).sort();
      const wantMine = FIXTURE.items
        .filter((i) => i.owner === myName)
        .map((i) => i.text)
        .sort();
      if (mineTexts.join('\n') !== wantMine.join('\n')) throw new Error(`mine: ${mineTexts.join(' | ')}`);
      await titleAction("Show Everyone's Action Items");
      await titleAction('Group Action Items by Due Date and Status');
      await waitForGroups(STATUS_GROUPS.filter(([b]) => expectedCounts[b] > 0).map(([, label]) => label));
      return `${labels.length} owner groups; mine (${me}): ${mineGroups.map((g) => `${g.label} ${g.children.length}`).join(', ')}`;
    });

    await step('"Postmortem: Show Report" opens the workspace review as a Markdown preview', async () => {
      await page.mouse.move(1000, 600); // no title-bar tooltip left over
      await runCommand('Postmortem: Show Report');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'All postmortems' }).first().waitFor();
      await page.keyboard.press('Enter');
      const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await preview.locator('h1', { hasText: 'Postmortem review' }).waitFor();
      const h2 = (await preview.locator('h2').allInnerTexts()).map((t) => t.trim());
      for (const h of [
        'At a glance',
        'Severity and status',
        'Action items',
        'Recurring contributing factors and root causes',
        'Time to detect and time to resolve',
        'Postmortems',
      ]) {
        if (!h2.includes(h)) throw new Error(`the preview lacks "${h}": ${h2.join(' | ')}`);
      }
      // The overdue table names the overdue items; the last table lists every postmortem.
      const body = await preview.locator('body').innerText();
      for (const i of FIXTURE.items.filter((x) => x.bucket === 'overdue'))
        if (!body.includes(i.text)) throw new Error(`the report does not list overdue "${i.text}"`);
      for (const p of Object.values(FIXTURE.postmortems)) if (!body.includes(p.title)) throw new Error(`the report does not list ${p.title}`);
      await shot('report.png');
      // Links render as links (not raw "[…](<file:…>)" text) and open their postmortem.
      if (/\]\(</.test(body)) throw new Error('the preview shows raw link markup');
      const rooms = FIXTURE.postmortems.rooms;
      await preview.locator('a', { hasText: rooms.title }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: path.basename(rooms.path) }).waitFor();
      // Back to the blame-heavy postmortem and the usual side bar for the next steps.
      await page.locator('.tabs-container .tab', { hasText: POSTMORTEM }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: POSTMORTEM }).waitFor();
      await widenSideBar(-300);
      return `${h2.length} sections`;
    });

    await step('typing pm-5whys and Ctrl+Space expands the 5 Whys snippet', async () => {
      // A second chain under Root causes, on a new line after its heading.
      await cursorAt('## Root causes');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.keyboard.type('pm-5whys');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'pm-5whys' }).first().waitFor();
      await page.keyboard.press('Enter');
      await editorLines().filter({ hasText: 'Problem:' }).waitFor();
      await editorLines().filter({ hasText: 'Why 1:' }).waitFor();
      const text = await textOf(editorLines());
      if (text.includes('pm-5whys')) throw new Error('the prefix was left in the text');
      await shot('snippet.png');
    });

    await step('"Postmortem: New Postmortem" asks four questions and opens the new file in postmortems/', async () => {
      const title = 'Lanyard stock ran out at the north entrance';
      const slug = 'lanyard-stock-ran-out-at-the-north-entrance';
      await runCommand('Postmortem: New Postmortem');
      const input = page.locator('.quick-input-widget input');
      const ask = async (step) => page.locator('.quick-input-widget', { hasText: `New Postmortem (${step}/4)` }).waitFor({ state: 'visible' });
      await ask(1);
      await input.fill(title);
      await page.keyboard.press('Enter');
      await ask(2);
      await input.fill('SEV-3');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SEV-3' }).first().waitFor();
      await page.keyboard.press('Enter');
      await ask(3);
      const date = await input.inputValue();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`the date question does not default to a date: "${date}"`);
      await page.keyboard.press('Enter');
      await ask(4);
      await input.fill('Ilse Varga');
      await page.keyboard.press('Enter');
      const name = `${date}-${slug}.md`;
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
      // The breadcrumbs show where it was written: the postmortems/ folder of the workspace.
      const crumbs = page.locator('.breadcrumbs-control', { hasText: name }).first();
      await crumbs.waitFor();
      if (!/postmortems/.test(await crumbs.innerText())) throw new Error(`not in postmortems/: ${await crumbs.innerText()}`);
      await editorLines()
        .filter({ hasText: `# ${title}` })
        .waitFor();
      await editorLines().filter({ hasText: 'severity: SEV-3' }).waitFor();
      if (await page.locator('.editor-instance .find-widget.visible').count()) await page.keyboard.press('Escape');
      await shot('new-postmortem.png');
      return `postmortems/${name}`;
    });

    await step('nothing the page requested left 127.0.0.1', async () => {
      if (browser.external.length) throw new Error(`external requests: ${browser.external.slice(0, 5).join(' ')}`);
    });
  } finally {
    await browser.close();
  }
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`UI test took ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  console.log(`${passed} passed, ${failed} failed`);
  return { passed, failed };
}
