/**
 * package.json's contributions for the writing experience agree with the code: every registered
 * command is contributed and every contributed one registered, menus and links name real commands,
 * view ids match the controller's, the icon and the walkthrough media exist, the settings the client
 * and server read are contributed with a default, and the snippet the 5 Whys view inserts exists.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT, FIVE_WHYS_SNIPPET, VIEW_IDS } from '../../client/src/views/ids';
import { defaultSettings } from '../../server/src/server';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const clientSources = sources(join(ROOT, 'client', 'src')).map((f) => readFileSync(f, 'utf8'));

/** Command ids passed to registerCommand, constants resolved. */
function registeredCommands(): Set<string> {
  const constants = new Map<string, string>();
  for (const src of clientSources) for (const m of src.matchAll(/export const (\w+) = '([^']+)'/g)) constants.set(m[1], m[2]);
  const ids = new Set<string>();
  for (const src of clientSources) {
    for (const m of src.matchAll(/registerCommand\(\s*(?:'([^']+)'|(\w+))/g)) {
      const id = m[1] ?? constants.get(m[2]);
      assert.ok(id, `registerCommand(${m[2]}) names a constant with a literal value`);
      ids.add(id);
    }
  }
  return ids;
}

const contributed = new Set<string>(c.commands.map((x: { command: string }) => x.command));
const viewIds = new Set<string>(Object.values(c.views as Record<string, Array<{ id: string }>>).flatMap((vs) => vs.map((v) => v.id)));
/** Commands VS Code derives from contributions (`<view id>.focus`) or provides itself. */
const builtIn = (id: string) => (id.endsWith('.focus') && viewIds.has(id.slice(0, -'.focus'.length))) || /^(?:workbench|editor)\./.test(id);

describe('package.json contributions for the writing experience', () => {
  it('contributes every command the client registers, and registers every contributed command', () => {
    const registered = registeredCommands();
    assert.ok(registered.size >= 6, [...registered].join(', '));
    assert.deepEqual(
      [...registered].filter((id) => !contributed.has(id)),
      [],
      'registered but not contributed',
    );
    assert.deepEqual(
      [...contributed].filter((id) => !registered.has(id)),
      [],
      'contributed but not registered',
    );
    for (const cmd of c.commands) assert.match(cmd.command, /^postmortem\.[a-z][A-Za-z]*$/);
  });

  it('names only real commands in menus, welcome content and the walkthrough', () => {
    const menuCommands = Object.values(c.menus as Record<string, Array<{ command: string }>>).flatMap((items) => items.map((i) => i.command));
    for (const id of menuCommands) assert.ok(contributed.has(id), `menu item ${id}`);
    const texts = [
      ...c.viewsWelcome.map((w: { contents: string }) => w.contents),
      ...c.walkthroughs.flatMap((w: { steps: Array<{ description: string }> }) => w.steps.map((s) => s.description)),
    ];
    const links = texts.flatMap((t: string) => [...t.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]));
    assert.ok(links.length >= 4);
    for (const id of links) assert.ok(contributed.has(id) || builtIn(id), `link to ${id}`);
  });

  it('declares the views the controller creates, in a Postmortem container with an icon, and in the Explorer', () => {
    assert.deepEqual([...viewIds].sort(), Object.values(VIEW_IDS).sort());
    const container = c.viewsContainers.activitybar.find((x: { id: string }) => x.id === 'postmortem');
    assert.equal(container.title, 'Postmortem');
    const icon = readFileSync(join(ROOT, container.icon), 'utf8');
    assert.match(icon, /^<svg[^>]+viewBox="0 0 24 24"/);
    assert.deepEqual(
      c.views.postmortem.map((v: { name: string }) => v.name),
      ['5 Whys', 'Sections', 'Action Items'],
    );
    assert.deepEqual(
      c.views.explorer.map((v: { id: string }) => v.id),
      [VIEW_IDS.fiveWhysExplorer],
    );
    for (const w of c.viewsWelcome) assert.ok(viewIds.has(w.view), w.view);
  });

  it('uses the context keys the controller sets', () => {
    const whens = JSON.stringify(c).match(/postmortem\.active\w+/g) ?? [];
    assert.ok(whens.length > 0);
    for (const key of whens) assert.ok((Object.values(CONTEXT) as string[]).includes(key), key);
  });

  it('shows "Ask why again" inline on chains that end at a person, and "Insert section" on missing sections', () => {
    const inline = c.menus['view/item/context'].filter((m: { group?: string }) => m.group === 'inline');
    const ask = inline.find((m: { command: string }) => m.command === 'postmortem.askWhyAgain');
    assert.match(ask.when, /viewItem == chain\.humanAction/);
    const insert = inline.find((m: { command: string }) => m.command === 'postmortem.insertSection');
    assert.match(insert.when, /viewItem == section\.missing/);
  });

  it('has a walkthrough whose steps cover creating, fixing, the 5 Whys view, status, the config file, suppressions, Action Items, the report and CI, with media that exist', () => {
    const [w] = c.walkthroughs;
    assert.deepEqual(
      w.steps.map((s: { id: string }) => s.id),
      ['create', 'findings', 'fiveWhys', 'status', 'config', 'suppress', 'actionItems', 'report', 'ci'],
    );
    for (const s of w.steps) {
      assert.ok(s.media?.markdown, `${s.id} has markdown media`);
      assert.ok(existsSync(join(ROOT, s.media.markdown)), s.media.markdown);
    }
  });

  it('gives every walkthrough step a completion event that can happen, so each one ticks', () => {
    const [w] = c.walkthroughs;
    const views = new Set<string>(Object.values(c.views as Record<string, Array<{ id: string }>>).flatMap((vs) => vs.map((v) => v.id)));
    const settings = new Set(Object.keys(c.configuration.properties));
    for (const s of w.steps as Array<{ id: string; completionEvents?: string[] }>) {
      assert.ok(s.completionEvents?.length, `${s.id} has completion events`);
      for (const e of s.completionEvents!) {
        const [kind, arg] = [e.split(':')[0], e.slice(e.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(contributed.has(arg) || builtIn(arg), `${s.id}: ${e} names a real command`);
        else if (kind === 'onView') assert.ok(views.has(arg), `${s.id}: ${e} names a real view`);
        else if (kind === 'onSettingChanged') assert.ok(settings.has(arg), `${s.id}: ${e} names a real setting`);
        else assert.equal(e, 'onStepSelected', `${s.id}: ${e}`);
      }
    }
  });

  it('contributes the settings the client and server read, each with a description and the default the code uses', () => {
    const props = c.configuration.properties;
    const used = new Set<string>();
    for (const src of clientSources) {
      for (const m of src.matchAll(/getConfiguration\('postmortem'[^)]*\)\.get<[^>]+>\('([\w.]+)'(?:,\s*([^)]+))?\)/g)) {
        used.add(`postmortem.${m[1]}`);
        if (m[2]) assert.equal(JSON.stringify(props[`postmortem.${m[1]}`]?.default), m[2].trim().replace(/'/g, '"'), `default of postmortem.${m[1]}`);
      }
    }
    assert.ok(used.has('postmortem.newFileFolder'));
    assert.equal(props['postmortem.codeLens.enabled'].default, defaultSettings().codeLens.enabled);
    for (const id of [...used, 'postmortem.codeLens.enabled']) {
      const p = props[id];
      assert.ok(p, `${id} is contributed`);
      assert.ok('default' in p, `${id} has a default`);
      assert.ok((p.markdownDescription ?? p.description ?? '').length > 40, `${id} is described`);
    }
    for (const [id, p] of Object.entries(props as Record<string, { description?: string; markdownDescription?: string }>)) {
      assert.ok(p.description || p.markdownDescription, `${id} is described`);
    }
  });

  it('inserts a 5 Whys snippet that exists', () => {
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8'));
    assert.ok(snippets[FIVE_WHYS_SNIPPET], FIVE_WHYS_SNIPPET);
    assert.equal(snippets[FIVE_WHYS_SNIPPET].prefix, 'pm-5whys');
  });
});
