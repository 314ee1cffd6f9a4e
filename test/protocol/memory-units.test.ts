/**
 * The language server's memory budget (common/memory.ts): the heap limit it is started with for
 * given settings, and the check that skips a document the heap has no room for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  configuredMemoryMb,
  DEFAULT_SERVER_MEMORY_MB,
  HEAP_BYTES_PER_CHAR,
  heapBytesPerChar,
  MIN_SERVER_MEMORY_MB,
  memoryShortfall,
  serverExecArgv,
  serverMemoryMb,
} from '../../common/memory';

const MB = 1024 * 1024;

describe('the language server memory budget (common/memory.ts)', () => {
  it('starts the server with the configured heap limit, 1,024 MB by default', () => {
    assert.equal(serverMemoryMb(), DEFAULT_SERVER_MEMORY_MB);
    assert.equal(serverMemoryMb(undefined, 2_000_000), 1024);
    assert.equal(serverMemoryMb(3072), 3072);
    assert.equal(serverMemoryMb(700.9), 700);
    assert.deepEqual(serverExecArgv(1024), ['--max-old-space-size=1024']);
  });

  it('contributes postmortem.server.maxMemory with the same default and floor', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    const setting = pkg.contributes.configuration.properties['postmortem.server.maxMemory'];
    assert.equal(setting.default, DEFAULT_SERVER_MEMORY_MB);
    assert.equal(setting.minimum, MIN_SERVER_MEMORY_MB);
  });

  it('ignores a malformed setting and never goes below the floor', () => {
    for (const bad of ['2048', null, Number.NaN, Number.POSITIVE_INFINITY, {}]) assert.equal(serverMemoryMb(bad), 1024, String(bad));
    assert.ok(serverMemoryMb(16, 1000) >= 128);
    // Too small for a document of the default postmortem.maxFileSize: raised to fit it.
    assert.ok(serverMemoryMb(16) * MB >= 2 * 2_000_000 * HEAP_BYTES_PER_CHAR.prose);
    assert.ok(serverMemoryMb(16) < 1024);
  });

  it('raises the limit so that a document of postmortem.maxFileSize characters fits twice', () => {
    const mb = serverMemoryMb(512, 20_000_000);
    assert.ok(mb * MB >= 2 * 20_000_000 * HEAP_BYTES_PER_CHAR.prose, String(mb));
    assert.ok(mb < 4096, String(mb));
    assert.equal(serverMemoryMb(8192, 20_000_000), 8192, 'a larger configured limit is kept');
    assert.ok(serverMemoryMb(undefined, 50_000_000) > serverMemoryMb(undefined, 20_000_000));
  });

  it('reads the limit back from the flags the server was started with', () => {
    assert.equal(configuredMemoryMb(serverExecArgv(1536)), 1536);
    assert.equal(configuredMemoryMb(['--inspect=6009', '--max-old-space-size=300']), 300);
    assert.equal(configuredMemoryMb(['--max-semi-space-size=16']), undefined);
    assert.equal(configuredMemoryMb([]), undefined);
  });

  it('lets a document through while what it needs fits under nine tenths of the heap', () => {
    const heap = { used: 100 * MB, limit: 1000 * MB };
    // 800 MB of room: 8 million characters fit at 100 bytes each, 8.5 million do not.
    assert.equal(memoryShortfall(8_000_000, heap), undefined);
    const why = memoryShortfall(8_500_000, { ...heap, configuredMb: 952 });
    assert.match(why ?? '', /needs about 811 MB of memory and the postmortem language server has 800 MB left; it was not analysed\./);
    assert.match(why ?? '', /raise postmortem\.server\.maxMemory \(now 952 MB\)\.$/);
    // An edit in a document already analysed adds almost nothing to parse, even on a full heap.
    assert.equal(memoryShortfall(0, { used: 990 * MB, limit: 1000 * MB }), undefined);
    assert.notEqual(memoryShortfall(1, { used: 990 * MB, limit: 1000 * MB }), undefined);
  });

  it('costs a table or nested quotes about twice what prose costs per character', () => {
    const heap = { used: 100 * MB, limit: 1000 * MB };
    const prose = 'The cache was cold and the pool was small.\n'.repeat(100_000);
    const table = '| 10:00 | The cache was cold | pager |\n'.repeat(100_000);
    const quotes = '> > The cache was cold and the pool was small.\n'.repeat(100_000);
    assert.equal(heapBytesPerChar(prose), HEAP_BYTES_PER_CHAR.prose);
    assert.equal(heapBytesPerChar(table), HEAP_BYTES_PER_CHAR.table);
    assert.equal(heapBytesPerChar(quotes), HEAP_BYTES_PER_CHAR.quote);
    // 5 million characters: prose fits in 800 MB, a table of the same size does not.
    assert.equal(memoryShortfall(5_000_000, heap, prose), undefined);
    assert.notEqual(memoryShortfall(5_000_000, heap, table), undefined);
  });
});
