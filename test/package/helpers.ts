/** Shared by the package tests: a postmortem with an error and a warning, and npm run as a user runs it. */
import { execFileSync } from 'node:child_process';
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
  return execFileSync(NPM, args, { cwd, env: { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Packs `dir` (running its prepack) into `dest` and returns the tarball's path. */
export function pack(dir: string, dest: string): string {
  const out = npm(['pack', '--pack-destination', dest, '--loglevel=error'], dir);
  const name = out.trim().split('\n').pop()!.trim();
  return path.join(dest, name);
}

