/**
 * The configuration loader the server and the CLI share (config/): discovery upward,
 * nearest wins, `root: true` and repository roots stop the search, `ignore` globs, problems placed on
 * the config file, the settings fallback and the cache.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigCache, findConfigFiles, loadConfigFor } from '../../config';

let root: string;

function write(rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('configuration loader', () => {
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-config-'));
    // A repository root, so the search never leaves the temporary folder.
    mkdirSync(join(root, '.git'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('uses defaults and reports nothing when there is no configuration file', () => {
    const r = loadConfigFor(write('a/pm.md', '# x'));
    assert.deepEqual(r.files, []);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.options.status, { draftWarningsAsHints: true, finalWarningsAsErrors: true });
    assert.equal(r.options.rules, undefined);
    assert.equal(r.ignored, false);
  });

  it('finds the files from the folder upward and lets the nearest win', () => {
    write('.postmortemrc.yaml', 'rules:\n  blame-language: error\n  section-missing: off\n');
    write('team/.postmortemrc.json', '{ "rules": { "blame-language": "info" } }');
    const file = write('team/incidents/pm.md', '# x');
    const r = loadConfigFor(file);
    assert.deepEqual(r.files, [join(root, '.postmortemrc.yaml'), join(root, 'team/.postmortemrc.json')]);
    assert.deepEqual(r.options.rules, { 'blame-language': 'info', 'section-missing': 'off' });
  });

  it('stops at a file with root: true', () => {
    write('.postmortemrc.yaml', 'rules:\n  section-missing: off\n');
    write('team/.postmortemrc.yml', 'root: true\nrules:\n  blame-language: error\n');
    const r = loadConfigFor(write('team/pm.md', '# x'));
    assert.deepEqual(r.files, [join(root, 'team/.postmortemrc.yml')]);
    assert.deepEqual(r.options.rules, { 'blame-language': 'error' });
  });

  it('stops at the repository root and at the workspace folder', () => {
    write('.postmortemrc.yaml', 'rules:\n  section-missing: off\n');
    write('inner/.git', 'gitdir: ../.git/modules/inner\n');
    assert.deepEqual(loadConfigFor(write('inner/pm.md', '# x')).files, []);
    write('ws/sub/pm.md', '# x');
    assert.deepEqual(findConfigFiles(join(root, 'ws/sub/pm.md'), join(root, 'ws')), []);
    assert.deepEqual(findConfigFiles(join(root, 'ws/sub/pm.md')), [join(root, '.postmortemrc.yaml')]);
  });

  it('prefers .postmortemrc.yaml over .yml and .json in one folder', () => {
    write('.postmortemrc.json', '{ "rules": { "blame-language": "off" } }');
    write('.postmortemrc.yaml', 'rules:\n  blame-language: hint\n');
    assert.deepEqual(loadConfigFor(write('pm.md', '# x')).options.rules, { 'blame-language': 'hint' });
  });

  it('uses only the given file with configFile, whatever lies around the document', () => {
    write('.postmortemrc.yaml', 'rules:\n  blame-language: error\n');
    const other = write('shared/strict.yaml', 'rules:\n  section-missing: off\n');
    const r = loadConfigFor(write('pm.md', '# x'), { configFile: other });
    assert.deepEqual(r.files, [other]);
    assert.deepEqual(r.options.rules, { 'section-missing': 'off' });
  });

  it('reports a missing configFile as a problem on that file', () => {
    const r = loadConfigFor(write('pm.md', '# x'), { configFile: join(root, 'nope.yaml') });
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].file, join(root, 'nope.yaml'));
    assert.match(r.problems[0].message, /cannot read the configuration file: no such file/);
  });

  it('reports problems with the file, line and character of the offending key, and applies the rest', () => {
    const cfg = write('.postmortemrc.yaml', '# team settings\nrules:\n  blame-language: error\n  blame-langauge: warning\n');
    const r = loadConfigFor(write('pm.md', '# x'));
    assert.equal(r.problems.length, 1);
    const p = r.problems[0];
    assert.equal(p.file, cfg);
    assert.deepEqual(p.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 16 } });
    assert.deepEqual(r.options.rules, { 'blame-language': 'error' });
  });

  it('marks files matching ignore globs, relative to the folder of the file that lists them', () => {
    write('.postmortemrc.yaml', 'ignore:\n  - "drafts/**"\n  - "**/README.md"\n');
    write('team/.postmortemrc.yaml', 'ignore: [old-*.md]\n');
    assert.equal(loadConfigFor(write('drafts/pm.md', '# x')).ignored, true);
    assert.equal(loadConfigFor(write('team/drafts/pm.md', '# x')).ignored, false);
    assert.equal(loadConfigFor(write('team/README.md', '# x')).ignored, true);
    assert.equal(loadConfigFor(write('team/old-2019.md', '# x')).ignored, true);
    assert.equal(loadConfigFor(write('old-2019.md', '# x')).ignored, false);
    assert.equal(loadConfigFor(write('team/2026-10-04.md', '# x')).ignored, false);
  });

  it('uses the settings fallback only where no configuration file applies', () => {
    const fallback = { rules: { 'blame-language': 'error' as const } };
    assert.deepEqual(loadConfigFor(write('a/pm.md', '# x'), { fallback }).options.rules, { 'blame-language': 'error' });
    write('b/.postmortemrc.yaml', 'rules:\n  section-missing: off\n');
    assert.deepEqual(loadConfigFor(write('b/pm.md', '# x'), { fallback }).options.rules, { 'section-missing': 'off' });
  });

  it('re-reads a cached file when it changes', () => {
    const cfg = write('.postmortemrc.yaml', 'rules:\n  blame-language: error\n');
    const cache = new ConfigCache();
    const file = write('pm.md', '# x');
    assert.deepEqual(loadConfigFor(file, { cache }).options.rules, { 'blame-language': 'error' });
    writeFileSync(cfg, 'rules:\n  blame-language: hint\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(cfg, later, later);
    assert.deepEqual(loadConfigFor(file, { cache }).options.rules, { 'blame-language': 'hint' });
  });

  it('a cache for one run reads each folder and file once, with the same verdicts as a fresh load', () => {
    write('.postmortemrc.yaml', 'rules:\n  blame-language: error\nignore: ["**/old-*.md"]\n');
    write('team/.postmortemrc.json', '{ "rules": { "blame-language": "info" }, "status": { "draftWarningsAsHints": false } }');
    write('solo/.postmortemrc.yaml', 'root: true\nrules:\n  section-missing: off\n');
    const files = ['pm.md', 'old-1.md', 'team/pm.md', 'team/old-2.md', 'team/sub/pm.md', 'solo/pm.md', 'solo/old-3.md', 'other/pm.md'].map((f) =>
      write(f, '# x'),
    );
    const run = new ConfigCache({ forOneRun: true });
    for (const f of files) {
      const a = loadConfigFor(f, { cache: run });
      const b = loadConfigFor(f);
      assert.deepEqual(a, b, f);
      // Asked again (the CLI asks once to expand, once for problems, once per job), the same.
      assert.deepEqual(loadConfigFor(f, { cache: run }), b, f);
    }
    // What it found stays what it found: a configuration file written during the run is not read
    // (the CLI's run uses one view of the tree); a long-lived cache (the server's) sees it.
    write('other/.postmortemrc.yaml', 'rules:\n  blame-language: hint\n');
    assert.deepEqual(loadConfigFor(files[7], { cache: run }).options.rules, { 'blame-language': 'error' });
    const server = new ConfigCache();
    assert.deepEqual(loadConfigFor(files[7], { cache: server }).options.rules, { 'blame-language': 'hint' });
    // An unreadable configuration file is a problem for every file below it, once per file asked.
    write('bad/.postmortemrc.yaml', 'rules: [\n');
    const bad = [write('bad/a.md', '# x'), write('bad/b.md', '# x')].map((f) => loadConfigFor(f, { cache: run }));
    assert.equal(bad[0].problems.length, 1);
    assert.deepEqual(bad[1].problems, bad[0].problems);
  });
});
