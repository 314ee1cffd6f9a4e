/**
 * The CLI with big and odd inputs and a broken workspace: it reports, moves on and exits per the
 * findings of the other files; it never crashes.
 * - a 10 MB Markdown file and a binary file: one "skipped" notice each on stderr;
 * - symbolic-link loops (a link to itself, a link to a parent folder) under a folder and a glob;
 * - a configuration "file" that is a folder, or a dangling symbolic link (the tests run as root,
 *   where chmod 000 does not stop reading, so these stand in for an unreadable file): named with
 *   --config it is a one-line error (exit 2); found by discovery it is passed over and the defaults apply.
 */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';
import { CAREFUL, WITH_ERROR } from './samples';

const TODAY = ['--today', '2026-10-10'];

describe('CLI reliability (bundled)', function () {
  this.timeout(60_000);
  before(() => ensureBuilt());

  it('stops quietly with status 141 when the reader of its output goes away (| head)', async () => {
    // Enough postmortems with findings that the output outlives the reader, which closes after the first chunk.
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`incidents/pm-${String(i).padStart(3, '0')}.md`] = WITH_ERROR;
    const t = tempTree(files);
    try {
      const child = spawn(process.execPath, [CLI, 'incidents', ...TODAY], { cwd: t.dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      let read = 0;
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.stdout.once('data', (c: Buffer) => {
        read = c.length;
        child.stdout.destroy();
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.ok(read > 0, 'some output was read before the reader went away');
      assert.equal(code, 141, stderr);
      assert.doesNotMatch(stderr, /Error|EPIPE|\n\s+at /, 'no stack trace or error event on stderr');
    } finally {
      t.cleanup();
    }
  });

  it('skips a 10 MB file and a binary file with a notice each, and exits per the other files', () => {
    const big = CAREFUL + '\nThe cache warmed slowly after the swap.\n'.repeat(Math.ceil(10_500_000 / 40));
    const t = tempTree({
      'incidents/big.md': big,
      'incidents/blob.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x0a]),
      'incidents/careful.md': CAREFUL,
    });
    try {
      const ok = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stderr, /big\.md: skipped\. .*not analysed/);
      assert.match(ok.stderr, /blob\.md: skipped\. .*binary/);
      const out = JSON.parse(ok.stdout) as JsonReport;
      assert.deepEqual(out.files.map((f) => f.path).sort(), ['incidents/big.md', 'incidents/blob.md', 'incidents/careful.md']);
      writeFileSync(join(t.dir, 'incidents', 'careful.md'), WITH_ERROR);
      const bad = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(bad.code, 1, 'an error finding in another file still fails the run');
    } finally {
      t.cleanup();
    }
  });

  it('survives symbolic-link loops under a folder and a glob, listing each file once', () => {
    const t = tempTree({ 'incidents/a.md': CAREFUL, 'incidents/deep/b.md': CAREFUL });
    try {
      symlinkSync('self', join(t.dir, 'incidents', 'self'));
      symlinkSync('..', join(t.dir, 'incidents', 'deep', 'up'));
      symlinkSync(join(t.dir, 'incidents'), join(t.dir, 'incidents', 'deep', 'again'));
      for (const args of [['incidents', 'incidents/**/*.md', 'incidents/**']]) {
        const r = runCli([...args, '--format', 'json', ...TODAY], { cwd: t.dir });
        assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
        const out = JSON.parse(r.stdout) as JsonReport;
        assert.deepEqual(out.files.map((f) => f.path).sort(), ['incidents/a.md', 'incidents/deep/b.md'], args.join(' '));
      }
    } finally {
      t.cleanup();
    }
  });

  it('a configuration path that is a folder or a dangling link: an error with --config, passed over in discovery', () => {
    const t = tempTree({ 'incidents/pm.md': WITH_ERROR });
    try {
      mkdirSync(join(t.dir, 'incidents', '.postmortemrc.yaml'));
      symlinkSync(join(t.dir, 'nowhere.yaml'), join(t.dir, '.postmortemrc.yml'));
      writeFileSync(join(t.dir, '.git'), 'gitdir: elsewhere\n'); // discovery stops here
      const found = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(found.code, 1, found.stderr);
      const out = JSON.parse(found.stdout) as JsonReport;
      assert.ok(
        out.files[0].diagnostics.some((d) => d.rule === 'action-item-owner-missing' && d.severity === 'error'),
        'the defaults apply',
      );
      for (const config of ['incidents/.postmortemrc.yaml', '.postmortemrc.yml']) {
        const named = runCli(['incidents', '--config', config, ...TODAY], { cwd: t.dir });
        assert.equal(named.code, 2, named.stderr);
        assert.equal(named.stdout, '');
        assert.equal(named.stderr.trimEnd().split('\n').length, 1, named.stderr);
        assert.match(named.stderr, /cannot read the configuration file[^:]*: (is a folder|no such file)/);
      }
    } finally {
      t.cleanup();
    }
  });
});
