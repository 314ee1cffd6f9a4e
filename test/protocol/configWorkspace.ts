/**
 * Helpers for the configuration protocol tests and the verdict test: a temporary workspace on disk
 * (the server reads configuration files from disk, as the CLI does) and a started client whose
 * registrations are recorded.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeResult, Range, Registration, TextEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../core';
import { TestClient } from './lspClient';

export interface TempWorkspace {
  dir: string;
  uri(rel: string): string;
  path(rel: string): string;
  write(rel: string, text: string): string;
  remove(rel: string): string;
  cleanup(): void;
}

/** A fresh folder holding `.git` (so neither the server nor the CLI looks above it) and `files`. */
export function tempWorkspace(files: Record<string, string> = {}): TempWorkspace {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'pm-config-ws-')));
  mkdirSync(path.join(dir, '.git'));
  const ws: TempWorkspace = {
    dir,
    path: (rel) => path.join(dir, rel),
    uri: (rel) => pathToFileURL(path.join(dir, rel)).href,
    write(rel, text) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
      return ws.uri(rel);
    },
    remove(rel) {
      rmSync(path.join(dir, rel), { force: true });
      return ws.uri(rel);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [rel, text] of Object.entries(files)) ws.write(rel, text);
  return ws;
}

export interface StartOptions {
  /** Fixed date for the server (initializationOptions.today). */
  today: string;
  /** Client capabilities under `workspace` besides configuration and workspaceFolders. */
  workspace?: Record<string, unknown>;
  settings?: Record<string, unknown>;
  /** More initializationOptions (client commands the server may name). */
  initializationOptions?: Record<string, unknown>;
}

export const FULL_WORKSPACE_CAPS = {
  didChangeWatchedFiles: { dynamicRegistration: true },
  workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
};

/** Starts the bundled server for `dir`, initialised as an editor with the configuration capability. */
export async function startClient(dir: string, opts: StartOptions): Promise<{ client: TestClient; init: InitializeResult; registrations: Registration[] }> {
  const client = new TestClient();
  if (opts.settings) client.settings = opts.settings;
  const registrations: Registration[] = [];
  client.connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  const init = (await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    initializationOptions: { today: opts.today, ...opts.initializationOptions },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, ...opts.workspace },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
      },
    },
  })) as InitializeResult;
  await client.connection.sendNotification('initialized', {});
  return { client, init, registrations };
}

export async function stopClient(client: TestClient | undefined): Promise<void> {
  if (!client?.running) return;
  await client.connection.sendRequest('shutdown');
  void client.connection.sendNotification('exit');
  await client.exited;
}

/** The LSP range of the `nth` occurrence of `needle` in `text`. */
export function rangeIn(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `test text lacks ${JSON.stringify(needle)} (#${nth})`);
  }
  const idx = new LineIndex(text);
  return { start: idx.position(at), end: idx.position(at + needle.length) };
}

/** Applies LSP edits to a text, as the editor does with a WorkspaceEdit. */
export function applyLsp(text: string, edits: readonly TextEdit[]): string {
  const idx = new LineIndex(text);
  const at = (p: { line: number; character: number }) => idx.offset(p.line, p.character);
  return [...edits]
    .sort((a, b) => at(b.range.start) - at(a.range.start))
    .reduce((out, e) => out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end)), text);
}
