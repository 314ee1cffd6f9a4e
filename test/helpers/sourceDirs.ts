/**
 * Where the project's own source lives, by layer (docs/architecture.md): the folders the build reads,
 * the pattern collectors scan and the freshness checks of the bundles compare against.
 */
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** The folders of code that runs in the server, the CLI or both (everything but the editor client). */
export const SERVER_SIDE_DIRS = ['core', 'features', 'review', 'config', 'common', 'cli', 'server/src'].filter((d) => existsSync(join(ROOT, d)));
/** Every folder of the project's own source, the client included. */
export const SOURCE_DIRS = [...SERVER_SIDE_DIRS, 'client/src'];

/** True when `file` (an absolute path, or a stack frame naming one) is in one of the server-side folders. */
export function isServerSideSource(file: string): boolean {
  return SERVER_SIDE_DIRS.some((d) => file.includes(join(ROOT, d) + sep));
}
