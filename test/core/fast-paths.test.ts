/**
 * Every special path kept for speed (core/engine/fastPaths.ts) gives the analysis the general code
 * gives: each is turned off in turn, on the bundled examples and on text that exercises the GFM paths
 * (tables, literal links and addresses, handles, a pipe-less table), and the findings, the model and the
 * suppressed findings must be the same. bench/fastpaths.ts measures what each path saves.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../core';
import { fastPaths, setFastPath, type FastPath } from '../../core/engine/fastPaths';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const docs = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(join(EXAMPLES, f), 'utf8')),
  [
    '---',
    'title: Payments queue stalled',
    'status: final',
    '---',
    '',
    '# Payments queue stalled',
    '',
    '## Summary',
    '',
    'Mail sre@pay.invalid or see www.status.invalid; @kim paged https://pager.invalid/x at 10:02.',
    '',
    '## Timeline (UTC)',
    '',
    '| Time | Event |',
    '| --- | --- |',
    '| 10:02 | Alert fired |',
    '| 10:20 | Kim should have checked the dashboard |',
    '',
    'Owner',
    ':-',
    '@kim',
    '',
    '## Action items',
    '',
    '- [ ] Alert on queue depth (owner: @kim, due: 2026-12-20, type: detect, ticket: PAY-12)',
  ].join('\n'),
  // A one-column table with no pipe, and no address: both GFM gates decide on their own signs.
  '# Disk filled\n\n## Action items\n\nAction\n:-\nRotate the logs (owner: @ana)\n\n## Summary\n\nOps paged @ana at 09:10.\n',
];

const view = (text: string) => {
  const r = analyze(text, { today: '2026-12-06', fixes: 'preferred' });
  return JSON.stringify({ findings: r.findings, suppressed: r.suppressed, model: r.model });
};

describe('fast paths give the general code its answer', () => {
  for (const path of Object.keys(fastPaths) as FastPath[]) {
    it(`${path}: the same analysis with the path off`, () => {
      for (const text of docs) {
        const on = view(text);
        setFastPath(path, false);
        let off: string;
        try {
          off = view(text);
        } finally {
          setFastPath(path, true);
        }
        assert.equal(off, on);
      }
    });
  }
});
