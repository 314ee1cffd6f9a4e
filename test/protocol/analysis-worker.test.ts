/**
 * The analysis worker (server/src/analysisWorker.ts) keeps the parse of an open large document between
 * its versions, so a keystroke re-parses only the block it changed, as on the main thread; an indexed
 * file keeps nothing, and closing a document drops its parse. Reuse is read from the worker's count of
 * blocks taken from the kept parse (never from timings), and every result equals a fresh analysis.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { analyze, type AnalysisResult } from '../../core';
import { AnalysisWorker } from '../../server/src/analysisWorker';
import { ensureBuilt } from '../cli/helpers';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const OPTIONS = { today: '2026-12-06' };

/** A postmortem of many sections (each a block), big enough to go to the worker. */
function bigPostmortem(edited: string): string {
  const sections = Array.from(
    { length: 60 },
    (_, i) => `## Notes ${i + 1}\n\n${'The replica lagged behind the primary while the batch job ran. '.repeat(30)}\n`,
  );
  sections[30] = `## Notes 31\n\n${edited}\n`;
  return `# Postmortem: replica lag\n\n## Summary\n\nThe replica lagged.\n\n${sections.join('\n')}`;
}

const shape = (r: AnalysisResult | undefined) => r?.findings.map((f) => `${f.rule} ${f.start}-${f.end} ${f.message}`);

describe('analysis worker: the parse of an open document is kept between versions', function () {
  this.timeout(120_000);
  let worker: AnalysisWorker;
  before(() => {
    ensureBuilt();
    worker = new AnalysisWorker(SERVER, 1024);
  });
  after(() => worker.dispose());

  it('reuses the unchanged blocks of an open document, with the same findings as a fresh analysis', async () => {
    const v1 = bigPostmortem('The deploy paused the consumers.');
    const v2 = bigPostmortem('Dana should have paused the consumers.');
    assert.ok(v1.length > 100_000);
    await worker.analyze('file:///open.md', v1, OPTIONS, true);
    const r2 = await worker.analyze('file:///open.md', v2, OPTIONS, true);
    assert.ok(worker.lastReusedBlocks > 50, `reused ${worker.lastReusedBlocks} blocks`);
    assert.deepEqual(shape(r2), shape(analyze(v2, OPTIONS)));
    assert.ok(r2?.findings.some((f) => f.rule === 'hindsight-bias' || f.rule === 'blame-language'));
  });

  it('keeps nothing for an indexed file, and nothing after the document is closed', async () => {
    const v1 = bigPostmortem('The deploy paused the consumers.');
    const v2 = bigPostmortem('The deploy resumed the consumers.');
    await worker.analyze('file:///indexed.md', v1, OPTIONS);
    await worker.analyze('file:///indexed.md', v2, OPTIONS);
    assert.equal(worker.lastReusedBlocks, 0);
    await worker.analyze('file:///closed.md', v1, OPTIONS, true);
    worker.forget('file:///closed.md');
    const r = await worker.analyze('file:///closed.md', v2, OPTIONS, true);
    assert.equal(worker.lastReusedBlocks, 0);
    assert.deepEqual(shape(r), shape(analyze(v2, OPTIONS)));
  });
});
