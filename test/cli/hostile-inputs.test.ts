/**
 * Issue 16 item 9, through the bundled CLI: terminal escapes from a document are shown as visible
 * escapes (stylish and github output, with or without colour); `--config` on a FIFO, a device or a
 * 100 MB file is a clear error without reading it; `rules.__proto__` is reported like any unknown
 * rule; --fix keeps a CR-only file CR-only. And issue 16 item 4: a file whose analysis fails is one
 * notice, and the other files are reported and decide the exit code.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { openSync, closeSync, ftruncateSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, tempTree, type JsonReport } from './helpers';
import { CAREFUL, WITH_ERROR } from './samples';

const TODAY = ['--today', '2026-10-10'];
const ESCAPE = '\u001b]0;pwned\u0007\u001b[2J\u001b[31m';

describe('CLI with hostile inputs (bundled)', function () {
  this.timeout(120_000);
  before(() => ensureBuilt());

  it('writes control characters from a document as visible escapes, in stylish and github output', () => {
    const doc = `# Postmortem: cache\n\n## Action items\n\n- Be more careful${ESCAPE} with changes\n`;
    const t = tempTree({ 'pm.md': doc });
    try {
      for (const args of [['--no-color'], ['--color'], ['--format', 'github']]) {
        const r = runCli(['pm.md', ...args, ...TODAY], { cwd: t.dir });
        const raw = r.stdout.replace(/\u001b\[[0-9;]*m/g, args[0] === '--color' ? '' : '\u0000'); // picocolors' own SGR codes only with --color
        assert.ok(
          !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(raw),
          `${args.join(' ')}: no raw control characters: ${JSON.stringify(r.stdout.slice(0, 300))}`,
        );
        assert.match(r.stdout, /\\u001b/, `${args.join(' ')}: the escape is shown`);
      }
    } finally {
      t.cleanup();
    }
  });

  it('refuses a --config that is a FIFO, a device or a 100 MB file, quickly and clearly', () => {
    const t = tempTree({ 'pm.md': CAREFUL });
    try {
      execFileSync('mkfifo', [join(t.dir, 'fifo.yaml')]);
      const fd = openSync(join(t.dir, 'huge.yaml'), 'w');
      ftruncateSync(fd, 100 * 1024 * 1024);
      closeSync(fd);
      for (const [config, why] of [
        ['fifo.yaml', /not a regular file/],
        ['/dev/zero', /not a regular file/],
        ['huge.yaml', /bytes, more than/],
      ] as const) {
        const r = runCli(['pm.md', '--config', config, ...TODAY], { cwd: t.dir, timeoutMs: 30_000 });
        assert.equal(r.code, 2, `${config}: ${r.stderr}`);
        assert.match(r.stderr, why, config);
        assert.equal(r.stderr.trim().split('\n').length, 1, `${config}: one line`);
      }
    } finally {
      t.cleanup();
    }
  });

  it('reports rules.__proto__, rules.constructor and rules.prototype as unknown rules', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const t = tempTree({ 'pm.md': CAREFUL, '.postmortemrc.yaml': `root: true\nrules:\n  ${key}: error\n`, 'rc.json': `{"rules": {"${key}": "error"}}` });
      try {
        for (const args of [[], ['--config', 'rc.json']]) {
          const r = runCli(['pm.md', ...args, ...TODAY], { cwd: t.dir });
          assert.equal(r.code, 2, `${key} ${args.join(' ')}: ${r.stderr}`);
          assert.match(r.stderr, new RegExp(`"${key}" is not a rule id`));
        }
      } finally {
        t.cleanup();
      }
    }
  });

  it('--fix keeps a CR-only file CR-only, and a BOM file keeps its BOM and its text', () => {
    const lf = '# Postmortem: cache\n\n## Summary\n\nBob should have known.\n';
    const t = tempTree({ 'cr.md': lf.replace(/\n/g, '\r'), 'bom.md': '\uFEFF' + lf.replace(/\n/g, '\r\n') });
    try {
      runCli(['cr.md', 'bom.md', '--fix', ...TODAY], { cwd: t.dir });
      const cr = readFileSync(join(t.dir, 'cr.md'), 'utf8');
      assert.ok(!cr.includes('\n'), JSON.stringify(cr.slice(0, 200)));
      assert.ok(cr.startsWith('# Postmortem: cache\r\r## Summary\r\r'), JSON.stringify(cr.slice(0, 80)));
      const bom = readFileSync(join(t.dir, 'bom.md'), 'utf8');
      assert.ok(bom.startsWith('\uFEFF# Postmortem: cache\r\n\r\n## Summary\r\n'), JSON.stringify(bom.slice(0, 80)));
      assert.ok(!/engineerb|\r(?!\n)|(?<!\r)\n/.test(bom), JSON.stringify(bom.slice(0, 200)));
    } finally {
      t.cleanup();
    }
  });

  it('deeply nested lines do not abort the run: every file is reported and decides the exit code', () => {
    // 100,000 nested quotes, list markers and emphasis: far deeper than the parser's recursion can go.
    const deep = `# Postmortem: deep\n\n${'>'.repeat(100_000)} x\n\n${'- '.repeat(50_000)}x\n\n${'*a '.repeat(50_000)}\n`;
    const t = tempTree({ 'incidents/deep.md': deep, 'incidents/err.md': WITH_ERROR });
    try {
      const r = runCli(['incidents', '--format', 'json', ...TODAY], { cwd: t.dir });
      assert.equal(r.code, 1, r.stderr);
      const out = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(out.files.map((f) => f.path).sort(), ['incidents/deep.md', 'incidents/err.md']);
      assert.ok(out.files.find((f) => f.path === 'incidents/err.md')!.diagnostics.length > 0);
      // Each stretch read as plain text is one notice on stderr, at its place; the JSON is unchanged.
      const notices = r.stderr.split('\n').filter((l) => l.includes('read as plain text'));
      assert.equal(notices.length, 3, r.stderr);
      assert.match(notices[0], /incidents\/deep\.md:3:17: This part was read as plain text \(lists or quotes nested deeper than 16 levels/);
      assert.match(notices[2], /incidents\/deep\.md:7:\d+: .*more than 400 emphasis marks/);
    } finally {
      t.cleanup();
    }
  });
});
