/**
 * The two suppression quick-fixes' building blocks: "Ignore <rule> on this line" (a comment placed
 * where it works) and "Disable <rule> in .postmortemrc.yaml" (which file, and its new text).
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, LineIndex, RULES, type SeveritySetting } from '../../core';
import { parseConfigText } from '../../config/schema';
import { ignoreFindingFix } from '../../core/engine/suppress';
import { configFileForEdit, setRuleInConfig } from '../../config/edit';
import { applyFix } from '../helpers/edits';

const only = (...ids: string[]) => ({
  today: '2026-11-23',
  rules: Object.fromEntries(RULES.filter((r) => !ids.includes(r.id)).map((r) => [r.id, 'off' as SeveritySetting])),
});

/** Applies the fix (with the given reason) and re-analyses: the finding is gone, nothing else changed. */
function ignoreAndRecheck(text: string, rule: string) {
  const opts = only(rule, 'suppression-unused', 'suppression-reason-missing');
  const res = analyze(text, opts);
  const f = res.findings.find((x) => x.rule === rule);
  assert.ok(f, `the ${rule} finding to ignore`);
  const fix = ignoreFindingFix(text, new LineIndex(text), f, 'kept verbatim from the review', res.model.metadata.frontMatter);
  const out = applyFix(text, fix, 'raw');
  const after = analyze(out, opts);
  return { fix, out, before: res, after };
}

describe('quick-fix: ignore a finding', () => {
  it('puts a disable-next-line comment above an ordinary line, indented like it', () => {
    const text = '# Review\n\n- Notes\n  - The on-call engineer should have rolled back.\n';
    const r = ignoreAndRecheck(text, 'blame-language');
    assert.equal(
      r.out,
      '# Review\n\n- Notes\n  <!-- postmortem-disable-next-line blame-language -- kept verbatim from the review -->\n  - The on-call engineer should have rolled back.\n',
    );
    assert.deepEqual(r.after.findings, []);
    assert.equal(r.after.suppressed?.length, 1);
  });

  it('wraps a table in disable/enable, since a comment between rows would end the table', () => {
    const text = '# Review\n\n## Action items\n\n| Action | Owner |\n| --- | --- |\n| Add a lag alert | TBD |\n| Write the runbook | @kim |\n\nMore text.\n';
    const r = ignoreAndRecheck(text, 'action-item-owner-missing');
    assert.match(r.out, /<!-- postmortem-disable action-item-owner-missing -- kept verbatim from the review -->\n\n\| Action \| Owner \|/);
    assert.match(r.out, /\| Write the runbook \| @kim \|\n\n<!-- postmortem-enable action-item-owner-missing -->\n\nMore text\./);
    assert.deepEqual(r.after.findings, []);
    assert.equal(r.after.model.actionItems.length, r.before.model.actionItems.length, 'the table still reads as before');
  });

  it('uses disable-file after the front matter for findings on line 1 or inside it', () => {
    const text = '---\ntitle: Queue stall\ndate: 2026-13-40\n---\n\n# Queue stall\n';
    const r = ignoreAndRecheck(text, 'metadata-invalid');
    assert.ok(
      r.out.startsWith(
        '---\ntitle: Queue stall\ndate: 2026-13-40\n---\n\n<!-- postmortem-disable-file metadata-invalid -- kept verbatim from the review -->\n',
      ),
      r.out,
    );
    assert.deepEqual(r.after.findings, []);
    assert.equal(r.after.model.metadata.source, 'front-matter');
  });

  it('without a reason, leaves a snippet placeholder for the editor', () => {
    const text = '# Review\n\nThe on-call engineer should have rolled back.\n';
    const f = analyze(text, only('blame-language')).findings[0];
    const fix = ignoreFindingFix(text, new LineIndex(text), f);
    assert.equal(fix.snippet, true);
    assert.match(fix.edits[0].newText, /-- \$\{1:[^}]+\} -->/);
  });
});

describe('quick-fix: disable a rule in the configuration', () => {
  it('creates a new YAML or JSON file', () => {
    assert.equal(setRuleInConfig(undefined, '.postmortemrc.yaml', 'blame-language'), 'rules:\n  blame-language: off\n');
    assert.deepEqual(JSON.parse(setRuleInConfig(undefined, '.postmortemrc.json', 'blame-language')!), { rules: { 'blame-language': 'off' } });
  });

  it('edits YAML keeping its comments, and the result is a valid configuration', () => {
    const text = '# Team settings: see the handbook\nrules:\n  section-missing: info # short reviews\nignore: [drafts/**]\n';
    const out = setRuleInConfig(text, '.postmortemrc.yaml', 'blame-language')!;
    assert.ok(out.includes('# Team settings: see the handbook') && out.includes('# short reviews'), out);
    const parsed = parseConfigText(out, 'yaml');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.config.rules, { 'section-missing': 'info', 'blame-language': 'off' });
    assert.deepEqual(parsed.config.ignore, ['drafts/**']);
  });

  it('changes an existing setting, adds rules to a file without them, and to an empty rules key', () => {
    assert.deepEqual(parseConfigText(setRuleInConfig('rules:\n  blame-language: error\n', 'x.yaml', 'blame-language')!, 'yaml').config.rules, {
      'blame-language': 'off',
    });
    assert.deepEqual(parseConfigText(setRuleInConfig('root: true\n', 'x.yaml', 'blame-language')!, 'yaml').config, {
      root: true,
      rules: { 'blame-language': 'off' },
    });
    assert.deepEqual(parseConfigText(setRuleInConfig('rules:\n', 'x.yaml', 'blame-language')!, 'yaml').config.rules, { 'blame-language': 'off' });
    assert.deepEqual(JSON.parse(setRuleInConfig('{"rules":{"section-missing":"info"}}', 'x.json', 'blame-language', 'hint')!).rules, {
      'section-missing': 'info',
      'blame-language': 'hint',
    });
  });

  it('refuses to edit a file that does not parse or is not a map', () => {
    assert.equal(setRuleInConfig('rules: [\n', 'x.yaml', 'blame-language'), undefined);
    assert.equal(setRuleInConfig('- a\n', 'x.yaml', 'blame-language'), undefined);
    assert.equal(setRuleInConfig('rules: 3\n', 'x.yaml', 'blame-language'), undefined);
    assert.equal(setRuleInConfig('{', 'x.json', 'blame-language'), undefined);
  });

  it('edits the nearest configuration file, or creates one in the workspace folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-edit-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'team', 'incidents'), { recursive: true });
      const doc = join(root, 'team', 'incidents', 'pm.md');
      assert.deepEqual(configFileForEdit(doc, root), { file: join(root, '.postmortemrc.yaml'), exists: false });
      writeFileSync(join(root, '.postmortemrc.yaml'), 'rules: {}\n');
      writeFileSync(join(root, 'team', '.postmortemrc.json'), '{}');
      assert.deepEqual(configFileForEdit(doc, root), { file: join(root, 'team', '.postmortemrc.json'), exists: true });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
