/**
 * Language-server rows of issue 19, through the bundled server over stdio as an editor drives it:
 *
 * - `--only index-10k`: the workspace index of 10,000 generated postmortems (bench/corpus.ts). While
 *   it indexes, a typical open document is edited one character at a time (a keystroke every 150 ms,
 *   each timed from didChange to its diagnostics); the row gives those latencies (goal p95 < 150 ms),
 *   the server's resident memory sampled every 500 ms (goal: peak < 400 MB) and the time to index;
 *   then 40 more edits once the index is done, as the control on the same server and machine.
 *   PM_BENCH_INDEX_FILES sets another count.
 * - `--only typing-table`: a postmortem whose timeline is one 400-row table; a word is typed into a
 *   row in the middle at typing speed (a didChange every 120 ms, not waiting for diagnostics), five
 *   times with a pause between; the row gives, per burst, the time from the last keystroke to the
 *   diagnostics of that last version (goal: within 500 ms).
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generatedWorkspace } from './cliPeer';
import { bigTable, sized } from './corpus';
import { round, summarize } from './measure';
import { startServer, type Server } from './lsp';

const log = (s: string) => process.stderr.write(s + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadNow = () => loadavg()[0].toFixed(2);

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Opens `text` as postmortems/`name` and waits for its first diagnostics; returns its URI and the ms. */
async function open(server: Server, name: string, text: string): Promise<{ uri: string; ms: number }> {
  const uri = pathToFileURL(join(server.dir, 'postmortems', name)).href;
  const ms = await server.waitDiagnostics(
    uri,
    () => {
      void server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    },
    undefined,
    600_000,
  );
  return { uri, ms };
}

/** A change inserting `ch` at `offset` of `text` (incremental or full, as the server asked). */
function change(server: Server, text: string, offset: number, ch: string): { text: string; change: unknown } {
  const pos = position(text, offset);
  const next = text.slice(0, offset) + ch + text.slice(offset);
  return { text: next, change: server.syncKind === 2 ? { range: { start: pos, end: pos }, text: ch } : { text: next } };
}

export async function indexAtScale(n = Number(process.env.PM_BENCH_INDEX_FILES ?? 10_000)): Promise<Record<string, unknown>> {
  log(`index: generating ${n} postmortems`);
  const dir = generatedWorkspace(n, 'pm-bench-index-');
  const load0 = loadNow();
  let indexDone!: () => void;
  const done = new Promise<void>((r) => (indexDone = r));
  let indexedCount = 0;
  const server = await startServer(
    {},
    {
      dir,
      onNotification: {
        'postmortem/indexChanged': (p) => {
          const q = p as { postmortems: number; indexing: boolean };
          if (!q.indexing && q.postmortems >= n) {
            indexedCount = q.postmortems;
            indexDone();
          }
        },
      },
    },
  );
  const t0 = performance.now();
  let finished = false;
  void done.then(() => (finished = true));
  let peakRss = 0;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const r = server.rssMb();
    if (r !== undefined) {
      peakRss = Math.max(peakRss, r);
      samples.push(r);
    }
  }, 500);
  try {
    log('index: typing into an open document while the index runs');
    const doc = sized('3.5 KB');
    const { uri, ms: openMs } = await open(server, 'open-while-indexing.md', doc);
    const at = doc.indexOf(' ', doc.indexOf('\n\n', doc.indexOf('## Summary')) + 22) + 1;
    let text = doc;
    let version = 1;
    const latencies: number[] = [];
    const word = 'meanwhile ';
    for (let i = 0; !finished; i++) {
      const c = change(server, text, at + i, word[i % word.length]);
      text = c.text;
      const v = ++version;
      latencies.push(
        await server.waitDiagnostics(
          uri,
          () => void server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [c.change] }),
          v,
        ),
      );
      if (i % 50 === 49) log(`  ${latencies.length} edits, rss ${round(server.rssMb() ?? NaN, 0)} MB, ${Math.round((performance.now() - t0) / 1000)} s`);
      await sleep(150);
      if (performance.now() - t0 > 3_600_000) break;
    }
    await Promise.race([done, sleep(1000)]);
    const indexMs = performance.now() - t0;
    const lat = summarize(latencies);
    // The same edits once the index is done, on the same server and machine: what the index adds.
    const after: number[] = [];
    for (let i = 0; i < 40; i++) {
      const c = change(server, text, at + latencies.length + i, word[i % word.length]);
      text = c.text;
      const v = ++version;
      after.push(
        await server.waitDiagnostics(
          uri,
          () => void server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [c.change] }),
          v,
        ),
      );
      await sleep(150);
    }
    const idle = summarize(after);
    const out = {
      postmortems: n,
      indexed: indexedCount,
      indexSeconds: round(indexMs / 1000, 1),
      openWhileIndexingMs: round(openMs, 0),
      editsWhileIndexing: lat.runs,
      editMedianMs: round(lat.median, 1),
      editP95Ms: round(lat.p95, 1),
      afterIndexEditMedianMs: round(idle.median, 1),
      afterIndexEditP95Ms: round(idle.p95, 1),
      rssPeakMb: round(peakRss, 0),
      rssAfterIndexMb: round(server.rssMb() ?? NaN, 0),
      up: server.child.exitCode === null,
      goals: { editP95Ms: 150, rssPeakMb: 400 },
      load: `${load0} -> ${loadNow()}`,
    };
    log(`  ${JSON.stringify(out)}`);
    return out;
  } finally {
    clearInterval(sampler);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function typingInTable(rows = 400): Promise<Record<string, unknown>> {
  const load0 = loadNow();
  const server = await startServer();
  try {
    const doc = bigTable(rows);
    log(`typing-table: ${rows} rows, ${doc.length.toLocaleString('en-US')} characters`);
    const { uri, ms: openMs } = await open(server, 'timeline-400.md', doc);
    // The end of the Event cell of the middle row.
    const lines = doc.split('\n');
    const rowLine = lines.findIndex((l) => l.startsWith('| ')) + 2 + Math.floor(rows / 2);
    const lineStart = lines.slice(0, rowLine).join('\n').length + 1;
    const at = lineStart + lines[rowLine].indexOf(' |', lines[rowLine].indexOf(' | ') + 3);
    let text = doc;
    let version = 1;
    let offset = at;
    const lags: number[] = [];
    const word = ' then paged';
    for (let burst = 0; burst < 5; burst++) {
      for (let i = 0; i < word.length; i++) {
        const c = change(server, text, offset++, word[i]);
        text = c.text;
        const v = ++version;
        const send = () => void server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [c.change] });
        if (i < word.length - 1) {
          send();
          await sleep(120);
        } else {
          // The last keystroke: time until the diagnostics of this version arrive.
          lags.push(await server.waitDiagnostics(uri, send, v, 120_000));
        }
      }
      await sleep(1500);
    }
    const s = summarize(lags);
    const out = {
      rows,
      chars: doc.length,
      openMs: round(openMs, 0),
      keystrokesPerBurst: word.length,
      keystrokeIntervalMs: 120,
      lastKeystrokeToDiagnosticsMs: lags.map((x) => round(x, 0)),
      medianMs: round(s.median, 0),
      maxMs: round(Math.max(...lags), 0),
      goalMs: 500,
      up: server.child.exitCode === null,
      load: `${load0} -> ${loadNow()}`,
    };
    log(`  ${JSON.stringify(out)}`);
    return out;
  } finally {
    await server.stop();
  }
}
