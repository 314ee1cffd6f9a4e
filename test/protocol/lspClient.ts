/**
 * A minimal LSP client for protocol tests: builds the bundle when it is missing or older than the
 * sources, spawns `node dist/server.js --stdio` and talks JSON-RPC to it as an editor would.
 * Waiting is event-based: every wait resolves on a message from the server, never on a timer.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { SOURCE_DIRS } from '../helpers/sourceDirs';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** Runs `node esbuild.mjs` unless dist/server.js is newer than everything it is built from. */
export function ensureBundle(): void {
  const sources = [...SOURCE_DIRS.map((d) => path.join(ROOT, d)), path.join(ROOT, 'esbuild.mjs'), path.join(ROOT, 'package-lock.json')];
  const newestSource = Math.max(...sources.filter((s) => existsSync(s)).map(newestMtime));
  if (existsSync(SERVER_JS) && statSync(SERVER_JS).mtimeMs >= newestSource) return;
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  stderr = '';
  /** What `workspace/configuration` answers for the section "postmortem". */
  settings: Record<string, unknown> = {};
  readonly exited: Promise<number | null>;
  private readonly proc: ChildProcessWithoutNullStreams;
  private waiters: Waiter[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();

  /** @param nodeArgs Node flags for the server process (e.g. a heap limit). */
  constructor(nodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    this.proc.stderr.setEncoding('utf8');
    this.proc.stderr.on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((i) => (i.section === 'postmortem' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.accept(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.connection.listen();
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /**
   * The next publishDiagnostics for `uri` that `accept` takes. Call it BEFORE sending the message
   * that causes the publish.
   */
  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, accept, resolve }));
  }

  /** Diagnostics of the given version of `uri` (the server sends the version it analysed). */
  diagnosticsOf(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Opens a document and resolves with the diagnostics published for it. */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.diagnosticsOf(uri, version);
    this.open(uri, text, version);
    return published;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  kill(): void {
    if (this.running) this.proc.kill();
  }
}
