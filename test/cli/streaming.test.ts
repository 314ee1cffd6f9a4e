/**
 * The CLI streams: each file's results are written as soon as it is checked (json, github, stylish),
 * so nothing but the totals is kept and memory stays flat in the number of files; the output is the
 * same as formatting every result at the end.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatGithub } from '../../server/src/cli/format/github';
import { formatJson } from '../../server/src/cli/format/json';
import { formatStylish } from '../../server/src/cli/format/stylish';
import { lintText, run, type CliIO } from '../../server/src/cli/run';
import { CAREFUL, WITH_ERROR, WITH_WARNING } from './samples';

const TODAY = '2026-11-23';

async function cli(args: string[], cwd: string): Promise<{ code: number; chunks: string[]; stderr: string }> {
  const chunks: string[] = [];
  let stderr = '';
  const io: CliIO = {
    cwd,
    stdout: { write: (s: string) => (chunks.push(s), true), isTTY: false } as unknown as CliIO['stdout'],
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false } as unknown as CliIO['stderr'],
    readStdin: async () => '',
    today: () => TODAY,
    env: {},
  };
  const code = await run(args, io);
  return { code, chunks, stderr };
}

describe('CLI streaming', () => {
  let dir: string;
  const files: Record<string, string> = { 'a.md': WITH_WARNING, 'b.md': WITH_ERROR, 'c.md': CAREFUL, 'd.md': WITH_WARNING.replace('status: in review', 'status: draft') };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-stream-'));
    writeFileSync(join(dir, '.git'), '');
    mkdirSync(join(dir, 'pm'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'pm', name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expected = () => Object.entries(files).map(([name, text]) => lintText(`pm/${name}`, text, { today: TODAY, status: { draftWarningsAsHints: true, finalWarningsAsErrors: true } }));

  for (const [format, render] of [
    ['json', (r: ReturnType<typeof expected>) => formatJson(r)],
    ['github', (r: ReturnType<typeof expected>) => formatGithub(r)],
    ['stylish', (r: ReturnType<typeof expected>) => formatStylish(r, { color: false, fixHint: true })],
  ] as const) {
    it(`writes ${format} output file by file, the same as formatting at the end`, async () => {
      const r = await cli(['pm', '--format', format, '--today', TODAY, '--no-color'], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(r.chunks.length >= Object.keys(files).length, `${r.chunks.length} writes for ${Object.keys(files).length} files`);
      assert.equal(r.chunks.join(''), render(expected()));
    });
  }
});
