/**
 * The npm package as a user gets it: `npm pack` in packages/postmortem-lint (its prepack builds the
 * bundles), the tarball installed offline into an empty folder, and both commands run from there:
 * `postmortem-lint` on a postmortem, and `postmortem-language-server` (no flags: stdio) answering an
 * LSP initialize and publishing diagnostics. Nothing here reaches the network: the package has no
 * runtime dependencies.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../protocol/lspClient';
import { installedPackage, POSTMORTEM } from './helpers';

describe('the postmortem-lint npm package, packed and installed offline', function () {
  this.timeout(180_000);
  let tarball: string;
  let project: string;
  const bin = (name: string) => path.join(project, 'node_modules', '.bin', name);

  before(() => {
    ({ tarball, project } = installedPackage(ROOT));
  });

  it('holds the bins, the bundles and what they link to, and declares no runtime dependency', () => {
    const list = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, ''));
    for (const f of [
      'bin/postmortem-lint.js',
      'bin/compile-cache.js',
      'bin/v8-tuning.js',
      'bin/postmortem-language-server.js',
      'dist/cli.js',
      'dist/server.js',
      'docs/rules/blame-language.md',
      'schemas/postmortemrc.schema.json',
      'LICENSE',
      'README.md',
      'icon.png',
      'package.json',
    ]) {
      assert.ok(list.includes(f), `${f} is in the tarball`);
    }
    assert.ok(!list.some((f) => f.endsWith('.map') || f.endsWith('.ts') || f.startsWith('node_modules/')), list.join(', '));
    const manifest = JSON.parse(readFileSync(path.join(project, 'node_modules', 'postmortem-lint', 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.version, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    for (const url of [manifest.homepage, manifest.bugs.url, manifest.repository.url])
      assert.match(url, /^(git\+)?https:\/\/github\.com\/postmortem-writer\/postmortem-writer/);
    const installed = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8'));
    assert.ok(installed.devDependencies['postmortem-lint'], 'npm i -D recorded it');
  });

  it('postmortem-lint checks a postmortem, and its SARIF links to the repository’s rule pages', () => {
    writeFileSync(path.join(project, 'postmortems', '2026-04-02-search.md'), POSTMORTEM);
    const run = spawnSync(bin('postmortem-lint'), ['--format', 'json', '--today', '2026-04-05', 'postmortems/'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr); // the action item has no owner: an error
    const report = JSON.parse(run.stdout) as Array<{ findings?: Array<{ rule: string }> } & Record<string, unknown>>;
    const rules = JSON.stringify(report);
    assert.match(rules, /action-item-owner-missing/);
    assert.match(rules, /blame-language/);
    const sarif = spawnSync(bin('postmortem-lint'), ['--format', 'sarif', '--today', '2026-04-05', 'postmortems/'], { cwd: project, encoding: 'utf8' });
    const log = JSON.parse(sarif.stdout);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://github.com/postmortem-writer/postmortem-writer');
    for (const r of driver.rules) assert.equal(r.helpUri, `https://github.com/postmortem-writer/postmortem-writer/blob/main/docs/rules/${r.id}.md`);
  });

  it('a configuration file’s $schema line points into the installed package', () => {
    const schemaPath = './node_modules/postmortem-lint/schemas/postmortemrc.schema.json';
    const dir = path.join(project, 'configured');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '.postmortemrc.json'), JSON.stringify({ $schema: '.' + schemaPath, root: true, rules: { 'blame-language': 'off' } }));
    writeFileSync(path.join(dir, 'incident.md'), POSTMORTEM);
    const schema = JSON.parse(readFileSync(path.join(dir, '..', schemaPath), 'utf8'));
    assert.equal(schema.title, '.postmortemrc');
    const run = spawnSync(bin('postmortem-lint'), ['--format', 'json', '--today', '2026-04-05', 'configured/incident.md'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /blame-language/);
    assert.match(run.stdout, /action-item-owner-missing/);
  });

  it('postmortem-language-server speaks LSP over stdio with no flags', async () => {
    const proc = spawn(bin('postmortem-language-server'), [], { cwd: project, stdio: 'pipe' });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    const uri = pathToFileURL(path.join(project, 'postmortems', '2026-04-02-search.md')).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri) resolve(p);
      }),
    );
    connection.listen();
    try {
      const init = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(project).href,
        capabilities: {},
        initializationOptions: { today: '2026-04-05' },
      })) as InitializeResult;
      assert.equal(init.serverInfo?.name, 'postmortem-language-server');
      assert.ok(init.capabilities.codeActionProvider);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: POSTMORTEM } });
      const diagnostics = (await published).diagnostics;
      assert.ok(
        diagnostics.some((d) => d.code === 'blame-language'),
        JSON.stringify(diagnostics),
      );
      // The rule pages ship in the package: the links point at files that exist.
      const href = diagnostics[0].codeDescription!.href;
      assert.ok(href.startsWith(pathToFileURL(path.join(project, 'node_modules', 'postmortem-lint', 'docs', 'rules')).href), href);
      readFileSync(new URL(href));
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise((resolve) => (proc.exitCode !== null ? resolve(proc.exitCode) : proc.on('exit', resolve)));
      assert.equal(code, 0, stderr);
    } finally {
      connection.dispose();
      proc.kill();
    }
  });

  it('the server without a transport prints one usage line, not a stack trace', () => {
    const run = spawnSync(process.execPath, [path.join(project, 'node_modules', 'postmortem-lint', 'dist', 'server.js')], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.match(run.stderr, /^usage: postmortem-language-server \[--stdio/);
  });
});
