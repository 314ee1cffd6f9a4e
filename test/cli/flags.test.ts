/**
 * Every CLI flag, run in-process through `run()` (the function dist/cli.js calls) with temporary files,
 * so the whole matrix stays fast; cli.test.ts runs the bundle itself.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch } from 'diff';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { RULES } from '../../core';
import { runInProcess } from './inProcess';
import { formatGithub } from '../../cli/format/github';
import { positionOf, tempTree, type JsonReport } from './helpers';
import { CAREFUL, onlyRules, WITH_ERROR, WITH_WARNING } from './samples';
import { version } from '../../package.json';

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

const cli = (args: string[], opts: { cwd: string; stdin?: string; tty?: boolean; env?: Record<string, string> }): Promise<Out> =>
  runInProcess(args, { ...opts, today: '2026-10-10' });

const json = (o: Out) => JSON.parse(o.stdout) as JsonReport;
const rulesIn = (o: Out) => json(o).files.flatMap((f) => f.diagnostics.map((d) => `${d.rule}:${d.severity}`));

/** The careful postmortem with a blame phrase that has a preferred fix ("failed to" -> "did not"). */
const FIXABLE = CAREFUL.replace('The rollback runbook was current.', 'The on-call engineer failed to notice the alert.');
const FIXED = CAREFUL.replace('The rollback runbook was current.', 'The on-call engineer did not notice the alert.');

let t: { dir: string; cleanup: () => void };
afterEach(() => t?.cleanup());

describe('CLI flags', function () {
  this.timeout(30_000);

  describe('--version and --help', () => {
    it('prints the package version', async () => {
      t = tempTree({});
      for (const flag of ['--version', '-v']) {
        const r = await cli([flag], { cwd: t.dir });
        assert.equal(r.code, 0);
        assert.equal(r.stdout, `${version}\n`);
      }
    });

    it('prints a help text naming every flag', async () => {
      t = tempTree({});
      const r = await cli(['--help'], { cwd: t.dir });
      assert.equal(r.code, 0);
      for (const flag of [
        '--format',
        '--quiet',
        '--color',
        '--no-color',
        '--config',
        '--rule',
        '--today',
        '--list-rules',
        '--fix',
        '--fix-dry-run',
        '--stdin',
        '--stdin-filename',
        '--max-warnings',
        '--help',
        '--version',
      ]) {
        assert.ok(r.stdout.includes(flag), flag);
      }
      assert.match(r.stdout, /^Usage: postmortem-lint/);
    });
  });

  describe('--format sarif', () => {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The published schema has one pattern that is not valid as a Unicode regular expression.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const SUPPRESSED = WITH_ERROR.replace(
      'The rollback runbook was current.',
      'The rollback runbook was current.\n\n<!-- postmortem-disable-next-line blame-language -- quoted from the handover note -->\nThe on-call engineer should have checked the hit rate.',
    ).replace('The swap checklist had no warm-up step.', 'The on-call engineer failed to notice the alert.');

    async function sarif(): Promise<Sarif.Log> {
      t = tempTree({ 'reviews/pm one.md': SUPPRESSED });
      const r = await cli(['reviews/pm one.md', '--format', 'sarif'], { cwd: t.dir });
      assert.equal(r.code, 1, r.stderr);
      return JSON.parse(r.stdout) as Sarif.Log;
    }

    it('validates against the SARIF 2.1.0 schema', async () => {
      const log = await sarif();
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    });

    it('lists every rule with its summary, help URI and default level', async () => {
      const driver = (await sarif()).runs[0].tool.driver;
      assert.equal(driver.name, 'postmortem-lint');
      assert.deepEqual(
        driver.rules!.map((r) => r.id),
        RULES.map((r) => r.id),
      );
      for (const [i, r] of RULES.entries()) {
        assert.equal(driver.rules![i].shortDescription!.text, r.summary);
        assert.ok(driver.rules![i].helpUri!.endsWith(`/docs/rules/${r.id}.md`), driver.rules![i].helpUri);
        assert.equal(driver.rules![i].defaultConfiguration!.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[r.defaultSeverity]);
      }
    });

    it('gives each result its rule, level, file and region', async () => {
      const results = (await sarif()).runs[0].results!;
      const owner = results.find((r) => r.ruleId === 'action-item-owner-missing')!;
      assert.equal(owner.level, 'error');
      const loc = owner.locations![0].physicalLocation!;
      assert.deepEqual(loc.artifactLocation, { uri: 'reviews/pm%20one.md', uriBaseId: '%SRCROOT%' });
      assert.equal(loc.region!.startLine, positionOf(SUPPRESSED, '| Alert on the cache hit rate').line);
      assert.equal(RULES[owner.ruleIndex!].id, 'action-item-owner-missing');
    });

    it('reports suppressed findings with an in-source suppression and its reason', async () => {
      const results = (await sarif()).runs[0].results!;
      const suppressed = results.filter((r) => r.suppressions?.length);
      assert.equal(suppressed.length, 1);
      assert.equal(suppressed[0].ruleId, 'blame-language');
      assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'quoted from the handover note' }]);
      assert.equal(suppressed[0].locations![0].physicalLocation!.region!.startLine, positionOf(SUPPRESSED, 'should have checked').line);
    });

    it('describes the preferred fix of a fixable finding as a replacement', async () => {
      const results = (await sarif()).runs[0].results!;
      const fixable = results.find((r) => r.ruleId === 'blame-language' && !r.suppressions)!;
      const change = fixable.fixes![0].artifactChanges[0];
      assert.equal(change.artifactLocation.uri, 'reviews/pm%20one.md');
      const rep = change.replacements[0];
      const at = positionOf(SUPPRESSED, 'failed to');
      assert.deepEqual(rep.deletedRegion, { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column + 'failed to'.length });
      assert.equal(rep.insertedContent!.text, 'did not');
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding, with escaped properties and data', async () => {
      t = tempTree({ 'a,b.md': WITH_ERROR.replace('The rollback runbook was current.', 'The on-call engineer should have checked 100% of the nodes.') });
      const r = await cli(['a,b.md', '--format', 'github', ...onlyRules('blame-language', 'action-item-owner-missing')], { cwd: t.dir });
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      const warn = lines.find((l) => l.startsWith('::warning '))!;
      const at = positionOf(
        WITH_ERROR.replace('The rollback runbook was current.', 'The on-call engineer should have checked 100% of the nodes.'),
        'should have',
      );
      assert.ok(
        warn.startsWith(
          `::warning file=a%2Cb.md,line=${at.line},col=${at.column},endLine=${at.line},endColumn=${at.column + 11},title=postmortem-lint%3A blame-language::`,
        ),
        warn,
      );
      assert.ok(lines.some((l) => l.startsWith('::error file=a%2Cb.md,')));
    });

    it('escapes %, carriage returns and newlines in messages', () => {
      const d = {
        rule: 'blame-language',
        severity: 'error' as const,
        message: '100% sure\r\nnext',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        fixable: false,
      };
      const out = formatGithub([{ path: 'p.md', diagnostics: [d], internalErrors: [] }]);
      assert.equal(out, '::error file=p.md,line=1,col=1,endLine=1,endColumn=2,title=postmortem-lint%3A blame-language::100%25 sure%0D%0Anext\n');
    });

    it('shows info and hint findings as notices', async () => {
      t = tempTree({ 'pm.md': WITH_WARNING });
      const r = await cli(['pm.md', '--format', 'github', '--rule', 'blame-language=info', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.match(r.stdout, /^::notice file=pm\.md,/);
    });
  });

  describe('--fix', () => {
    it('writes the preferred fixes, reports what is left, and keeps the file mode', async () => {
      t = tempTree({ 'pm.md': FIXABLE });
      chmodSync(join(t.dir, 'pm.md'), 0o640);
      const r = await cli(['pm.md', '--fix', '--format', 'json', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(join(t.dir, 'pm.md'), 'utf8'), FIXED);
      assert.deepEqual(json(r).files[0].diagnostics, []);
      assert.equal(statSync(join(t.dir, 'pm.md')).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(t.dir), ['pm.md'], 'no temporary file is left behind');
    });

    it('leaves files without fixes untouched and writes only the files it was given', async () => {
      t = tempTree({ 'a.md': FIXABLE, 'b.md': CAREFUL, 'c.md': FIXABLE });
      const before = statSync(join(t.dir, 'b.md')).mtimeMs;
      await cli(['a.md', 'b.md', '--fix', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(readFileSync(join(t.dir, 'a.md'), 'utf8'), FIXED);
      assert.equal(statSync(join(t.dir, 'b.md')).mtimeMs, before);
      assert.equal(readFileSync(join(t.dir, 'c.md'), 'utf8'), FIXABLE);
    });

    it('refuses to write through a symbolic link that leads outside the working folder', async () => {
      t = tempTree({ 'outside/pm.md': FIXABLE, 'work/inside.md': FIXABLE });
      symlinkSync(join(t.dir, 'outside', 'pm.md'), join(t.dir, 'work', 'link.md'));
      symlinkSync(join(t.dir, 'work', 'inside.md'), join(t.dir, 'work', 'inner-link.md'));
      const r = await cli(['link.md', 'inner-link.md', '--fix', ...onlyRules('blame-language')], { cwd: join(t.dir, 'work') });
      assert.match(r.stderr, /link\.md: not fixed: .*outside the folder it was given in/);
      assert.equal(readFileSync(join(t.dir, 'outside', 'pm.md'), 'utf8'), FIXABLE);
      // A link inside the working folder is followed: its target is fixed and the link stays a link.
      assert.equal(readFileSync(join(t.dir, 'work', 'inside.md'), 'utf8'), FIXED);
      assert.ok(lstatSync(join(t.dir, 'work', 'inner-link.md')).isSymbolicLink());
    });

    // Each shape of link an operand can be (issue 16 item 5): only a Markdown file inside the operand's folder is written.
    it('refuses a link named as an operand that leads to a file outside its folder', async () => {
      t = tempTree({ 'README.md': FIXABLE, 'postmortems/real.md': FIXABLE });
      symlinkSync(join('..', 'README.md'), join(t.dir, 'postmortems', 'readme.md'));
      const r = await cli(['postmortems/readme.md', 'postmortems/real.md', '--fix', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.match(r.stderr, /readme\.md: not fixed: .*outside the folder/);
      assert.equal(readFileSync(join(t.dir, 'README.md'), 'utf8'), FIXABLE);
      assert.equal(readFileSync(join(t.dir, 'postmortems', 'real.md'), 'utf8'), FIXED);
    });

    it('refuses a Markdown-named link to a file that is not Markdown, even inside the folder', async () => {
      t = tempTree({ 'package.json': '{"name": "x"}\n', 'postmortems/notes.txt': FIXABLE, 'postmortems/a.md': FIXABLE });
      symlinkSync(join('..', 'package.json'), join(t.dir, 'postmortems', 'pkg.md'));
      symlinkSync('notes.txt', join(t.dir, 'postmortems', 'notes.md'));
      const r = await cli(['postmortems/pkg.md', 'postmortems/notes.md', 'postmortems/a.md', '--fix'], { cwd: t.dir });
      assert.match(r.stderr, /pkg\.md: not fixed/);
      assert.match(r.stderr, /notes\.md: not fixed: .*not a Markdown file/);
      assert.equal(readFileSync(join(t.dir, 'package.json'), 'utf8'), '{"name": "x"}\n');
      assert.equal(readFileSync(join(t.dir, 'postmortems', 'notes.txt'), 'utf8'), FIXABLE);
    });

    it('passes over a dangling link and fixes the other files', async () => {
      t = tempTree({ 'postmortems/a.md': FIXABLE });
      symlinkSync('gone.md', join(t.dir, 'postmortems', 'dangling.md'));
      const r = await cli(['postmortems/a.md', 'postmortems/*.md', '--fix', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.notEqual(r.code, 2, r.stderr);
      assert.equal(readFileSync(join(t.dir, 'postmortems', 'a.md'), 'utf8'), FIXED);
    });

    it('does not write through a linked folder under a folder or glob operand', async () => {
      t = tempTree({ 'elsewhere/b.md': FIXABLE, 'postmortems/a.md': FIXABLE });
      symlinkSync(join('..', 'elsewhere'), join(t.dir, 'postmortems', 'linked'));
      await cli(['postmortems', 'postmortems/**/*.md', '--fix', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(readFileSync(join(t.dir, 'elsewhere', 'b.md'), 'utf8'), FIXABLE);
      assert.equal(readFileSync(join(t.dir, 'postmortems', 'a.md'), 'utf8'), FIXED);
    });

    it('cannot be used with --stdin', async () => {
      t = tempTree({});
      const r = await cli(['--stdin', '--fix'], { cwd: t.dir, stdin: FIXABLE });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--fix cannot write to standard input/);
    });
  });

  describe('--fix-dry-run', () => {
    it('prints a unified diff that turns the file into what --fix writes, and writes nothing', async () => {
      t = tempTree({ 'pm.md': FIXABLE, 'same.md': CAREFUL });
      const r = await cli(['pm.md', 'same.md', '--fix-dry-run', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^--- a\/pm\.md\n\+\+\+ b\/pm\.md\n@@ /);
      assert.ok(!r.stdout.includes('same.md'), 'a file with nothing to fix has no diff');
      assert.equal(readFileSync(join(t.dir, 'pm.md'), 'utf8'), FIXABLE);
      assert.equal(applyPatch(FIXABLE, r.stdout), FIXED);
    });

    it('reads --stdin and names the diff after --stdin-filename', async () => {
      t = tempTree({});
      const r = await cli(['--stdin', '--stdin-filename', 'reviews/pm.md', '--fix-dry-run', ...onlyRules('blame-language')], { cwd: t.dir, stdin: FIXABLE });
      assert.match(r.stdout, /^--- a\/reviews\/pm\.md\n\+\+\+ b\/reviews\/pm\.md\n/);
    });
  });

  describe('configuration', () => {
    it('applies a discovered .postmortemrc.yaml', async () => {
      t = tempTree({ '.git/HEAD': '', '.postmortemrc.yaml': 'rules:\n  blame-language: error\n', 'pm.md': WITH_WARNING });
      const r = await cli(['pm.md', '--format', 'json', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(r.code, 1);
      assert.ok(rulesIn(r).includes('blame-language:error'));
    });

    it('--config uses the given file instead of discovery', async () => {
      t = tempTree({
        '.git/HEAD': '',
        '.postmortemrc.yaml': 'rules:\n  blame-language: error\n',
        'ci/lenient.yaml': 'rules:\n  blame-language: hint\n',
        'pm.md': WITH_WARNING,
      });
      const r = await cli(['pm.md', '--config', 'ci/lenient.yaml', '--format', 'json'], { cwd: t.dir });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(rulesIn(r).includes('blame-language:hint'));
    });

    it('--config with a missing file exits 2', async () => {
      t = tempTree({ 'pm.md': WITH_WARNING });
      const r = await cli(['pm.md', '--config', 'nope.yaml'], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'postmortem-lint: cannot read the configuration file "nope.yaml": no such file\n');
    });

    it('a configuration problem prints file:line:column and exits 2 without a report', async () => {
      t = tempTree({ '.git/HEAD': '', '.postmortemrc.yaml': 'rules:\n  blame-language: error\n  blame-langauge: off\ncolour: red\n', 'pm.md': WITH_WARNING });
      const r = await cli(['pm.md', '--format', 'json'], { cwd: t.dir });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.deepEqual(r.stderr.trimEnd().split('\n'), [
        'postmortem-lint: .postmortemrc.yaml:3:3: "blame-langauge" is not a rule id; see postmortem-lint --list-rules',
        'postmortem-lint: .postmortemrc.yaml:4:1: unknown key "colour" at the top level',
      ]);
    });

    it('ignore globs leave out files found in folders, but never a file named explicitly', async () => {
      t = tempTree({
        '.git/HEAD': '',
        '.postmortemrc.yaml': 'ignore:\n  - "incidents/drafts/**"\n  - "**/README.md"\n',
        'incidents/a.md': WITH_ERROR,
        'incidents/drafts/b.md': WITH_ERROR,
        'incidents/README.md': '# Incidents\n',
      });
      const folder = await cli(['incidents', '--format', 'json'], { cwd: t.dir });
      assert.deepEqual(
        json(folder).files.map((f) => f.path),
        ['incidents/a.md'],
      );
      const explicit = await cli(['incidents/drafts/b.md', '--format', 'json'], { cwd: t.dir });
      assert.deepEqual(
        json(explicit).files.map((f) => f.path),
        ['incidents/drafts/b.md'],
      );
    });

    it('status shaping: a final postmortem turns warnings into errors unless the config switches it off; blame keeps its severity', async () => {
      const FINAL = WITH_WARNING.replace('status: in review', 'status: final').replace('## Lessons learned', '## Notes');
      t = tempTree({ '.git/HEAD': '', 'pm.md': FINAL, 'lenient/.postmortemrc.yaml': 'status:\n  finalWarningsAsErrors: false\n', 'lenient/pm.md': FINAL });
      const strict = await cli(['pm.md', '--format', 'json', ...onlyRules('blame-language', 'section-missing')], { cwd: t.dir });
      assert.equal(strict.code, 1);
      assert.deepEqual(rulesIn(strict).sort(), ['blame-language:warning', 'section-missing:error']);
      const lenient = await cli(['lenient/pm.md', '--format', 'json', ...onlyRules('blame-language', 'section-missing')], { cwd: t.dir });
      assert.equal(lenient.code, 0);
      assert.deepEqual(rulesIn(lenient).sort(), ['blame-language:warning', 'section-missing:warning']);
      const draft = await cli(['--stdin', '--format', 'json', ...onlyRules('blame-language', 'section-missing')], {
        cwd: t.dir,
        stdin: FINAL.replace('status: final', 'status: draft'),
      });
      assert.deepEqual(rulesIn(draft).sort(), ['blame-language:warning', 'section-missing:hint']);
    });
  });

  describe('--rule', () => {
    it('sets a severity over the configuration, and switches a rule off', async () => {
      t = tempTree({ '.git/HEAD': '', '.postmortemrc.yaml': 'rules:\n  blame-language: error\n', 'pm.md': WITH_WARNING });
      const info = await cli(['pm.md', '--rule', 'blame-language=info', '--format', 'json'], { cwd: t.dir });
      assert.equal(info.code, 0);
      assert.ok(rulesIn(info).includes('blame-language:info'));
      const off = await cli(['pm.md', '--rule', 'blame-language=off', '--format', 'json'], { cwd: t.dir });
      assert.ok(!rulesIn(off).some((x) => x.startsWith('blame-language')));
    });

    it('rejects an unknown rule and an unknown severity', async () => {
      t = tempTree({ 'pm.md': WITH_WARNING });
      const id = await cli(['pm.md', '--rule', 'blame=error'], { cwd: t.dir });
      assert.equal(id.code, 2);
      assert.match(id.stderr, /unknown rule "blame"/);
      const sev = await cli(['pm.md', '--rule', 'blame-language=fatal'], { cwd: t.dir });
      assert.equal(sev.code, 2);
      assert.match(sev.stderr, /severity must be one of off, hint, info, warning, error/);
      const form = await cli(['pm.md', '--rule', 'blame-language'], { cwd: t.dir });
      assert.equal(form.code, 2);
    });
  });

  describe('--max-warnings and --quiet', () => {
    it('--max-warnings exits 1 only when the warnings exceed it', async () => {
      t = tempTree({ 'pm.md': WITH_WARNING });
      const base = ['pm.md', ...onlyRules('blame-language')];
      assert.equal((await cli([...base, '--max-warnings', '1'], { cwd: t.dir })).code, 0);
      const over = await cli([...base, '--max-warnings', '0'], { cwd: t.dir });
      assert.equal(over.code, 1);
      assert.match(over.stderr, /1 warnings, more than --max-warnings 0 allows/);
      assert.equal((await cli([...base, '--max-warnings', 'some'], { cwd: t.dir })).code, 2);
      assert.equal((await cli([...base, '--max-warnings', '-1'], { cwd: t.dir })).code, 2);
    });

    it('--quiet shows errors only, while the exit code and --max-warnings still count warnings', async () => {
      t = tempTree({ 'pm.md': WITH_ERROR.replace('The rollback runbook was current.', 'The on-call engineer should have checked the hit rate.') });
      const base = ['pm.md', '--format', 'json', ...onlyRules('blame-language', 'action-item-owner-missing')];
      const loud = await cli(base, { cwd: t.dir });
      assert.deepEqual(rulesIn(loud).sort(), ['action-item-owner-missing:error', 'blame-language:warning']);
      const quiet = await cli([...base, '--quiet'], { cwd: t.dir });
      assert.equal(quiet.code, 1);
      assert.deepEqual(rulesIn(quiet), ['action-item-owner-missing:error']);
      t.cleanup();
      t = tempTree({ 'pm.md': WITH_WARNING });
      const q = await cli(['pm.md', '--quiet', '--max-warnings', '0', ...onlyRules('blame-language')], { cwd: t.dir });
      assert.equal(q.code, 1);
      assert.equal(q.stdout, '');
    });
  });

  describe('--stdin', () => {
    it('lints standard input as <stdin>', async () => {
      t = tempTree({});
      const r = await cli(['--stdin', '--format', 'json', ...onlyRules('action-item-owner-missing')], { cwd: t.dir, stdin: WITH_ERROR });
      assert.equal(r.code, 1);
      assert.equal(json(r).files[0].path, '<stdin>');
      assert.deepEqual(rulesIn(r), ['action-item-owner-missing:error']);
    });

    it('--stdin-filename names the input and finds the configuration from its folder', async () => {
      t = tempTree({ '.git/HEAD': '', 'team/.postmortemrc.yaml': 'rules:\n  blame-language: error\n' });
      const r = await cli(['--stdin', '--stdin-filename', 'team/pm.md', '--format', 'json', ...onlyRules('blame-language')], {
        cwd: t.dir,
        stdin: WITH_WARNING,
      });
      assert.equal(json(r).files[0].path, 'team/pm.md');
      assert.ok(rulesIn(r).includes('blame-language:error'));
    });

    it('is a usage error with files, and --stdin-filename needs --stdin', async () => {
      t = tempTree({ 'pm.md': CAREFUL });
      assert.equal((await cli(['--stdin', 'pm.md'], { cwd: t.dir })).code, 2);
      assert.equal((await cli(['pm.md', '--stdin-filename', 'x.md'], { cwd: t.dir })).code, 2);
    });
  });

  describe('--today', () => {
    const OPEN = CAREFUL.replace(
      '| Action | Owner | Due | Type | Ticket |\n| --- | --- | --- | --- | --- |',
      '| Action | Owner | Due | Type | Ticket | Status |\n| --- | --- | --- | --- | --- | --- |',
    ).replace('| prevent | OPS-4120 |', '| prevent | OPS-4120 | Open |');
    it('is the date the overdue check compares with', async () => {
      t = tempTree({ 'pm.md': OPEN });
      const before = await cli(['pm.md', '--today', '2026-10-15', '--format', 'json', ...onlyRules('action-item-overdue')], { cwd: t.dir });
      assert.deepEqual(rulesIn(before), []);
      const after = await cli(['pm.md', '--today', '2026-11-02', '--format', 'json', ...onlyRules('action-item-overdue')], { cwd: t.dir });
      assert.deepEqual(rulesIn(after), ['action-item-overdue:warning']);
    });

    it('defaults to the date of the run', async () => {
      t = tempTree({ 'pm.md': OPEN });
      // The fake clock of these tests says 2026-10-10: not overdue yet.
      const r = await cli(['pm.md', '--format', 'json', ...onlyRules('action-item-overdue')], { cwd: t.dir });
      assert.deepEqual(rulesIn(r), []);
    });
  });

  describe('colour and progress', () => {
    const ESC = /\u001b\[/;
    it('colours stylish output on a terminal, and not with --no-color or NO_COLOR', async () => {
      t = tempTree({ 'pm.md': WITH_WARNING });
      const args = ['pm.md', ...onlyRules('blame-language')];
      assert.match((await cli(args, { cwd: t.dir, tty: true })).stdout, ESC);
      assert.doesNotMatch((await cli([...args, '--no-color'], { cwd: t.dir, tty: true })).stdout, ESC);
      assert.doesNotMatch((await cli(args, { cwd: t.dir, tty: true, env: { NO_COLOR: '1' } })).stdout, ESC);
      assert.doesNotMatch((await cli(args, { cwd: t.dir })).stdout, ESC);
      assert.match((await cli([...args, '--color'], { cwd: t.dir })).stdout, ESC);
    });

    it('shows a progress line on a terminal for several files, and clears it', async () => {
      t = tempTree({ 'a.md': CAREFUL, 'b.md': CAREFUL });
      const args = ['a.md', 'b.md', ...onlyRules('blame-language')];
      const tty = await cli(args, { cwd: t.dir, tty: true });
      assert.match(tty.stderr, /Checking 1\/2 files.*Checking 2\/2 files/s);
      assert.ok(tty.stderr.endsWith('\r\u001b[K'));
      assert.equal((await cli(args, { cwd: t.dir })).stderr, '');
    });
  });
});
