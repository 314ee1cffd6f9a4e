/**
 * Editor latency and memory over the real protocol: spawns `node dist/server.js --stdio`, speaks LSP
 * to it as an editor would, and times didChange -> publishDiagnostics for one-character edits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { serverExecArgv, serverMemoryMb } from '../common/memory';
import { summarize, type Timing } from './measure';

export interface Server {
  child: ChildProcess;
  conn: ProtocolConnection;
  /** ms from spawn to the initialize response. */
  readyMs: number;
  /** 1 = full text, 2 = incremental. */
  syncKind: number;
  dir: string;
  /** Calls `after` (which sends something) and resolves with the ms until diagnostics for `uri` (of at least `version`, when the server says) arrive. */
  waitDiagnostics(uri: string, after: () => void, version?: number, timeoutMs?: number): Promise<number>;
  rssMb(): number | undefined;
  stop(): Promise<void>;
}

export const SERVER_JS = join(__dirname, '..', 'dist', 'server.js');

export function serverAvailable(): boolean {
  return existsSync(SERVER_JS);
}

/**
 * Starts the bundled server on a fresh folder holding `files` (relative paths), as the workspace, or on
 * `o.dir` when given (a folder written by the caller). `o.onNotification` handlers are registered before
 * the connection listens, so none of the server's first notifications is missed.
 */
export async function startServer(
  files: Record<string, string> = {},
  o: { dir?: string; onNotification?: Record<string, (params: unknown) => void> } = {},
): Promise<Server> {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'pm-bench-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  const t0 = performance.now();
  // The flags the extension starts the server with at default settings, then any from the environment.
  const flags = [...serverExecArgv(serverMemoryMb()), ...(process.env.PM_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...flags, SERVER_JS, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // Answer whatever the server asks (configuration, capability registration, progress) with defaults.
  const star = conn as unknown as {
    onRequest(h: (method: string, params: unknown) => unknown): void;
    onNotification(h: (method: string, params: unknown) => void): void;
  };
  star.onRequest((method: string, params: unknown) => {
    if (method === 'workspace/configuration') return ((params as { items?: unknown[] }).items ?? []).map(() => null);
    return null;
  });
  const waiters = new Map<string, Array<{ version?: number; done: (t: number) => void }>>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    const t = performance.now();
    const ws = waiters.get(p.uri);
    if (!ws?.length) return;
    // A late answer for an older version is not the one being waited for.
    if (ws[0].version !== undefined && p.version !== undefined && p.version < ws[0].version) return;
    ws.shift()!.done(t);
  });
  for (const [method, handler] of Object.entries(o.onNotification ?? {})) conn.onNotification(method, handler);
  star.onNotification(() => undefined);
  conn.listen();
  const init = (await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
    capabilities: {
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false } },
      workspace: { configuration: true, workspaceFolders: true },
    },
  })) as { capabilities: { textDocumentSync?: number | { change?: number } } };
  const readyMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  const sync = init.capabilities.textDocumentSync;
  const syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
  return {
    child,
    conn,
    readyMs,
    syncKind,
    dir,
    waitDiagnostics(uri, after, version, timeoutMs = 120_000) {
      return new Promise<number>((resolve, reject) => {
        const t0 = performance.now();
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
        const list = waiters.get(uri) ?? [];
        list.push({
          version,
          done: (t) => {
            clearTimeout(timer);
            resolve(t - t0);
          },
        });
        waiters.set(uri, list);
        after();
      });
    },
    rssMb() {
      try {
        const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 200));
      if (child.exitCode === null) child.kill();
      conn.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let last = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i + 1;
  }
  return { line, character: offset - last };
}

export interface Latency {
  open: number;
  edit: Timing;
}

/**
 * Opens `text` under a postmortems/ folder, waits for its first diagnostics, then types `edits`
 * characters one by one at `at`, timing each didChange -> publishDiagnostics.
 */
export async function typingLatency(server: Server, name: string, text: string, at: number, edits: number): Promise<Latency> {
  const uri = pathToFileURL(join(server.dir, 'postmortems', name)).href;
  let version = 1;
  const open = await server.waitDiagnostics(uri, () => {
    void server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  });
  let cur = text;
  const xs: number[] = [];
  const word = 'incidentally ';
  for (let i = 0; i < edits; i++) {
    const ch = word[i % word.length];
    const pos = position(cur, at + i);
    cur = cur.slice(0, at + i) + ch + cur.slice(at + i);
    version++;
    const change = server.syncKind === 2 ? { range: { start: pos, end: pos }, text: ch } : { text: cur };
    const v = version;
    xs.push(
      await server.waitDiagnostics(
        uri,
        () => {
          void server.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
        },
        v,
      ),
    );
  }
  return { open, edit: summarize(xs) };
}

/** Opens every text and waits until each has its diagnostics; returns the wall time. */
export async function openAll(server: Server, texts: string[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    texts.map((text, i) => {
      const uri = pathToFileURL(join(server.dir, 'postmortems', `typical-${i}.md`)).href;
      return server.waitDiagnostics(uri, () => {
        void server.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      });
    }),
  );
  return performance.now() - t0;
}
