/** Shared by the package tests: a postmortem with an error and a warning, and npm run as a user runs it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export const POSTMORTEM = `---
title: Search index went stale
date: 2026-04-02
severity: SEV-3
status: draft
authors: [Ines Duarte]
---

# Search index went stale

## Summary

Search results were six hours old because the indexer stopped. The on-call engineer should have noticed the lag alert.

## Action items

| Action | Owner | Due |
|---|---|---|
| Alert when index lag exceeds 15 minutes |  | 2026-04-20 |
`;

/** npm with a clean environment: no settings inherited from the `npm test` that runs this file. */
export function npm(args: string[], cwd: string): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return execFileSync(NPM, args, {
    cwd,
    env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Packs `dir` (running its prepack) into `dest` and returns the tarball's path. */
export function pack(dir: string, dest: string): string {
  const out = npm(['pack', '--pack-destination', dest, '--loglevel=error'], dir);
  const name = out.trim().split('\n').pop()!.trim();
  return path.join(dest, name);
}

export interface Installed {
  /** The temporary folder holding the tarball and the project. */
  tmp: string;
  tarball: string;
  /** A project folder with postmortem-lint installed as a dev dependency. */
  project: string;
  bin(name: 'postmortem-lint' | 'postmortem-language-server'): string;
}

let installed: Installed | undefined;

/**
 * packages/postmortem-lint packed (its prepack builds the bundles) and installed offline with
 * `npm install --save-dev <tarball>` into an empty project; once per test run, shared by the tests
 * that need the installed commands. The folder is removed when the process exits.
 */
export function installedPackage(root: string): Installed {
  if (installed) return installed;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-pkg-'));
  const tarball = pack(path.join(root, 'packages', 'postmortem-lint'), tmp);
  const project = path.join(tmp, 'project');
  mkdirSync(path.join(project, 'postmortems'), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'a-team-repo', private: true }));
  npm(['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], project);
  process.on('exit', () => {
    try {
      execFileSync('rm', ['-rf', tmp]);
    } catch {
      /* best effort */
    }
  });
  installed = { tmp, tarball, project, bin: (name) => path.join(project, 'node_modules', '.bin', name) };
  return installed;
}
