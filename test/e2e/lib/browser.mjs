// Debian's headless Chromium driven by playwright-core: a fresh profile per launch, loopback only.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const LOCAL = /^(?:https?:\/\/127\.0\.0\.1[:/]|data:|blob:|vscode-|about:)/;

/**
 * Launches Chromium with a new profile under `parent` (default: TMPDIR). HOME and XDG folders point
 * into the profile, because Chromium writes crash reports under ~/.config whatever the profile is.
 * Any request that would leave 127.0.0.1 is aborted and recorded in `external`.
 */
export async function launchBrowser({ parent = os.tmpdir(), viewport = { width: 1400, height: 860 } } = {}) {
  const profile = fs.mkdtempSync(path.join(parent, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  const external = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    external,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** `vscode-remote://` URI of a path on the code-server machine, as the payload parameter wants it. */
export function remoteUri(port, p) {
  return `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
}

/** Workbench URL opening `folder`, with optional payload entries ([name, value] pairs). */
export function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload?.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
