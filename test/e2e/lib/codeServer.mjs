// Starts code-server (VS Code's workbench and Node extension host) on loopback with a throwaway
// profile, and installs a .vsix into that profile. The binary comes from scripts/e2e-setup.sh.
import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** User settings for a quiet, deterministic workbench: no welcome page, no network, no trust prompt. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'files.hotExit': 'off',
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'chat.commandCenter.enabled': false,
};

/** Environment for code-server: its HOME and XDG folders inside the run folder, no gallery. */
function serverEnv(runDir) {
  const home = path.join(runDir, 'home');
  return {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: process.env.TMPDIR,
    // '{}' switches the extensions marketplace off: the workbench makes no lookups at all.
    EXTENSIONS_GALLERY: '{}',
  };
}

/** Creates the profile folders of a run and writes the user settings. */
export function prepareProfile(runDir) {
  for (const d of ['ud/User', 'exts', 'home']) fs.mkdirSync(path.join(runDir, d), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'ud', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
}

/** Installs a .vsix into the run's extensions folder; returns the folder the extension was unpacked to. */
export async function installVsix(bin, runDir, vsix, extensionId) {
  const exts = path.join(runDir, 'exts');
  await run(bin, ['--extensions-dir', exts, '--user-data-dir', path.join(runDir, 'ud'), '--install-extension', vsix], {
    env: serverEnv(runDir),
  });
  const prefix = extensionId.toLowerCase() + '-';
  const dir = fs.readdirSync(exts).find((d) => d.toLowerCase().startsWith(prefix));
  if (!dir) throw new Error(`${extensionId} is not in ${exts} after installing ${vsix}`);
  return path.join(exts, dir);
}

/**
 * Starts code-server on 127.0.0.1 with a free port. Resolves once /healthz answers, with the port
 * and a stop() that ends the process it started.
 */
export async function startCodeServer(bin, runDir) {
  const log = fs.openSync(path.join(runDir, 'code-server.log'), 'a');
  const child = spawn(
    bin,
    [
      '--bind-addr',
      '127.0.0.1:0',
      '--auth',
      'none',
      '--user-data-dir',
      path.join(runDir, 'ud'),
      '--extensions-dir',
      path.join(runDir, 'exts'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    // Its own process group, so stop() ends the helpers it forks (extension host, file watcher) too.
    { env: serverEnv(runDir), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Interrupted runs must not leave the server behind.
  const onSignal = (signal) => {
    killGroup('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup('SIGKILL');
      reject(new Error(`code-server did not start in 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk) => {
      fs.writeSync(log, chunk);
      output += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      killGroup('SIGKILL');
      reject(new Error(`code-server exited with ${code} before listening:\n${output}`));
    });
  });
  // Keep logging after start-up.
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.on('data', (c) => fs.writeSync(log, c));
  child.stderr.on('data', (c) => fs.writeSync(log, c));
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch {
      // not answering yet
    }
    if (i > 200) throw new Error('code-server listens but /healthz never answered');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    pid: child.pid,
    async stop() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        killGroup('SIGTERM');
        const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      killGroup('SIGKILL'); // helpers that outlived the server
      fs.closeSync(log);
    },
  };
}
