/**
 * `npm run bench -- --big-table`: a 1 MB postmortem whose body is one timeline table, against the
 * language server. Twice: only indexed (the file is in the workspace, never opened), then opened.
 * Meanwhile a typical postmortem is edited 40 times; the row reports the median and p95 time from
 * each edit to its diagnostics, whether the server is still up, and when the big document's own
 * diagnostics came. `npm run bench -- --memory`: peak heap per character by kind of content.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { analyze } from '../core';
import { bigTable, sized } from './corpus';
import { startServer, typingLatency, type Server } from './lsp';

const log = (s: string) => process.stderr.write(s + '\n');

/** A postmortem of about `chars` characters whose body is one timeline table. */
export function oneTableOf(chars: number): string {
  let rows = 1000;
  let text = bigTable(rows);
  rows = Math.ceil((rows * chars) / text.length);
  text = bigTable(rows);
  return text;
}

function editPoint(text: string): number {
  const i = text.indexOf('## Summary');
  const para = text.indexOf('\n\n', i) + 2;
  return text.indexOf(' ', para + 20) + 1;
}

async function typingWhile(server: Server, name: string): Promise<{ median: number; p95: number; up: boolean }> {
  const doc = sized('3.5 KB');
  const l = await typingLatency(server, name, doc, editPoint(doc), 40);
  return { median: l.edit.median, p95: l.edit.p95, up: server.child.exitCode === null };
}

export async function benchBigTable(): Promise<Record<string, unknown>> {
  const big = oneTableOf(1_000_000);
  log(`1 MB timeline table: ${big.length.toLocaleString('en-US')} characters`);
  const out: Record<string, unknown> = { chars: big.length };

  // Only indexed: the file is in the workspace folder; the index analyses it in the background.
  const indexed = await startServer({ 'postmortems/big-table.md': big });
  try {
    const t = await typingWhile(indexed, 'typed-while-indexing.md');
    out.indexed = t;
    log(`  indexed only: edits elsewhere median ${t.median.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms; server up: ${t.up}`);
  } finally {
    await indexed.stop();
  }

  // Opened: analysed (in the worker) while another document is edited.
  const opened = await startServer();
  try {
    const uri = pathToFileURL(join(opened.dir, 'postmortems', 'big-table.md')).href;
    const bigDone = opened.waitDiagnostics(
      uri,
      () => {
        void opened.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: big } });
      },
      undefined,
      600_000,
    );
    const t = await typingWhile(opened, 'typed-while-open.md');
    const bigMs = await bigDone.catch(() => NaN);
    out.opened = { ...t, bigDiagnosticsMs: bigMs, upAfter: opened.child.exitCode === null };
    log(
      `  opened: edits elsewhere median ${t.median.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms; its own diagnostics after ${bigMs.toFixed(0)} ms; server up: ${opened.child.exitCode === null}`,
    );
  } finally {
    await opened.stop();
  }
  return out;
}

/** Peak heap per character of analysing 1 MB of each kind of content (run with --expose-gc for the baseline). */
export function benchMemory(): Record<string, number> {
  const kinds: Record<string, string> = {
    table: oneTableOf(1_000_000),
    quote:
      '# Postmortem: quotes\n\n## Summary\n\n' +
      Array.from({ length: 20_000 }, (_, i) => '> '.repeat(1 + (i % 12)) + `The cache was cold on host ${i}.`).join('\n') +
      '\n',
    prose: sized('1 MB'),
  };
  const out: Record<string, number> = {};
  for (const [kind, text] of Object.entries(kinds)) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = getHeapStatistics().total_heap_size;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, getHeapStatistics().total_heap_size)), 5);
    analyze(text, { today: '2024-12-01', maxSize: 20_000_000 });
    peak = Math.max(peak, getHeapStatistics().total_heap_size);
    clearInterval(timer);
    out[kind] = Math.round((peak - before) / text.length);
    log(`  ${kind}: ${text.length.toLocaleString('en-US')} characters, peak heap ${out[kind]} bytes per character`);
  }
  return out;
}
