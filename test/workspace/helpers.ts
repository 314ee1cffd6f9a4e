/** A fresh copy of test/fixtures/workspace in a temp folder, and an in-process host for the index. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type AnalyzeOptions } from '../../core';
import { DEFAULT_FILE_GLOBS, PostmortemFiles } from '../../config/postmortemFiles';
import type { IndexHost, IndexSettings } from '../../server/src/workspace';
import { TODAY, WORKSPACE } from '../review/workspaceFacts';

export function copyWorkspace(): { dir: string; uri: string; fileUri: (rel: string) => string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'postmortem-index-'));
  const dir = join(root, 'ops');
  cpSync(WORKSPACE, dir, { recursive: true });
  return {
    dir,
    uri: pathToFileURL(dir).href,
    fileUri: (rel) => pathToFileURL(join(dir, rel)).href,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export class FakeHost implements IndexHost {
  readonly files = new PostmortemFiles();
  exclude: unknown = undefined;
  busy = false;
  analyses = 0;
  progressEvents: string[] = [];
  changes = 0;
  private waiters: Array<() => void> = [];

  constructor(folderUri: string) {
    this.files.setWorkspaceFolders([folderUri]);
  }

  async settings(): Promise<IndexSettings> {
    return { files: DEFAULT_FILE_GLOBS, exclude: this.exclude };
  }

  isPostmortem(uri: string, text: string, globs: readonly string[]): boolean {
    return this.files.isPostmortem(uri, text, globs);
  }

  /** The options of every analysis the index asked for. */
  readonly askedOptions: AnalyzeOptions[] = [];
  analyze(text: string, options: AnalyzeOptions) {
    this.analyses++;
    this.askedOptions.push(options);
    return analyze(text, { ...options, today: TODAY });
  }

  isBusy(): boolean {
    return this.busy;
  }

  async progress(title: string) {
    this.progressEvents.push(`begin ${title}`);
    return {
      report: (done: number, total: number) => this.progressEvents.push(`report ${done}/${total}`),
      done: () => this.progressEvents.push('end'),
    };
  }

  changed(): void {
    this.changes++;
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  /** Resolves at the next `changed()`. */
  nextChange(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Lets queued setImmediate callbacks run `n` times. */
export async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}
