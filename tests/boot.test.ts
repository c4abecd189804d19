// The server starts through V8's code cache (server/src/lsp/boot.ts): the first start writes the
// cache once its first diagnostics are out, later starts read it, and a cache that is broken or
// cannot be written only makes a start slower, never a server that does not answer. The extension
// starts it without environment variables that would slow every start.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { serverEnvironment } from '../client/src/server-environment';
import { Inbox, SERVER, startServer, tempFolder } from './lsp-client';

const DEADLINE_MS = 10_000;
const { dir: DIR, uri: FOLDER } = tempFolder('stratlint-boot-');
const DOC = 'stratlint: 1\nid: demo\ntitle: Demo\nobjectives:\n  - id: obj-a\n    title: Grow\n';

/** Starts the server with this cache folder, opens a document and returns its first diagnostics' codes. */
async function lintOnce(cacheDir: string, env: Record<string, string> = {}, execArgv: string[] = []): Promise<string[]> {
  const inbox = new Inbox(DEADLINE_MS);
  const server = await startServer({
    folder: FOLDER,
    execArgv,
    deadlineMs: DEADLINE_MS,
    inbox,
    env: { STRATLINT_CACHE_DIR: cacheDir, ...env },
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  try {
    const uri = pathToFileURL(path.join(DIR, 'demo.strategy.yaml')).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: DOC } });
    const published = await inbox.next((p) => p.uri === uri && p.version === 1, 'first diagnostics');
    // The cache is written right after the first diagnostics; give it a moment before stopping.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return published.diagnostics.map((d) => String(d.code)).sort();
  } finally {
    await server.stop();
  }
}

const caches = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.cache')) : []);

describe('start through the code cache', () => {
  after(() => rmSync(DIR, { recursive: true, force: true }));

  it('writes the cache on the first start and lints the same from it on the next', async () => {
    const cacheDir = path.join(DIR, 'cache');
    const first = await lintOnce(cacheDir);
    assert.ok(first.includes('objective-kpi'), first.join(', '));
    assert.equal(caches(cacheDir).length, 1, 'one cache file after the first start');
    const written = readFileSync(path.join(cacheDir, caches(cacheDir)[0]));
    assert.ok(written.length > 100_000, `${written.length} bytes of compiled code`);
    assert.deepEqual(await lintOnce(cacheDir), first);
    // Accepted by V8: the second start had no reason to write it again.
    assert.deepEqual(readFileSync(path.join(cacheDir, caches(cacheDir)[0])), written);
  });

  it('keeps one cache per set of Node flags, so servers started with and without them do not reject each other’s', async () => {
    // V8 rejects a cache made under other flags: the extension starts the server with some, a hand-started server has none.
    const cacheDir = path.join(DIR, 'flags');
    const first = await lintOnce(cacheDir);
    const [plain] = caches(cacheDir);
    const plainBytes = readFileSync(path.join(cacheDir, plain));
    assert.deepEqual(await lintOnce(cacheDir, {}, ['--min-semi-space-size=16']), first);
    assert.equal(caches(cacheDir).length, 2, caches(cacheDir).join(', '));
    const [flagged] = caches(cacheDir).filter((name) => name !== plain);
    const flaggedBytes = readFileSync(path.join(cacheDir, flagged));
    // Each accepted on its next start: neither rewritten nor removed.
    assert.deepEqual(await lintOnce(cacheDir), first);
    assert.deepEqual(await lintOnce(cacheDir, {}, ['--min-semi-space-size=16']), first);
    assert.deepEqual(readFileSync(path.join(cacheDir, plain)), plainBytes);
    assert.deepEqual(readFileSync(path.join(cacheDir, flagged)), flaggedBytes);
    // A cache of another version of the bundle is removed when a cache is written.
    const stale = path.join(cacheDir, 'server-0-0-v0.0.0-x64.cache');
    writeFileSync(stale, 'old');
    rmSync(path.join(cacheDir, plain));
    await lintOnce(cacheDir);
    assert.ok(!existsSync(stale), 'the stale cache is gone');
    assert.equal(caches(cacheDir).length, 2, caches(cacheDir).join(', '));
  });

  it('survives a broken cache file, replacing it', async () => {
    const cacheDir = path.join(DIR, 'broken');
    const first = await lintOnce(cacheDir);
    const file = path.join(cacheDir, caches(cacheDir)[0]);
    writeFileSync(file, 'not compiled code at all');
    assert.deepEqual(await lintOnce(cacheDir), first);
    assert.ok(readFileSync(file).length > 100_000, 'the broken cache was replaced');
  });

  it('starts without a writable cache folder, and not at all with the cache turned off', async (t) => {
    const readOnly = path.join(DIR, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o500);
    if (process.getuid?.() === 0) t.diagnostic('running as root: the folder stays writable; checking that the server still answers');
    assert.ok((await lintOnce(path.join(readOnly, 'sub'))).includes('objective-kpi'));
    chmodSync(readOnly, 0o700);
    const off = path.join(DIR, 'off');
    assert.ok((await lintOnce(off, { STRATLINT_CODE_CACHE: 'off' })).includes('objective-kpi'));
    assert.deepEqual(caches(off), []);
  });

  it('says which file is missing when the core bundle is not installed', () => {
    const alone = path.join(DIR, 'alone');
    mkdirSync(alone);
    copyFileSync(SERVER, path.join(alone, 'server.js'));
    const run = spawnSync(process.execPath, [path.join(alone, 'server.js'), '--stdio'], { input: '', encoding: 'utf8', timeout: DEADLINE_MS });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /cannot start the language server: .*server-core\.js is missing or unreadable/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
});

describe('the environment the extension starts the server with', () => {
  const base = { PATH: process.env.PATH, HOME: '/home/someone', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', HTTPS_PROXY: 'http://proxy:3128' };

  it('is the editor’s, plus the server’s own variables, less the certificate file Node would read at every start', () => {
    const env = serverEnvironment(base, { STRATLINT_CACHE_DIR: '/tmp/cache' });
    assert.equal(env.HOME, '/home/someone');
    assert.equal(env.HTTPS_PROXY, 'http://proxy:3128');
    assert.equal(env.STRATLINT_CACHE_DIR, '/tmp/cache');
    assert.ok('NODE_EXTRA_CA_CERTS' in env && env.NODE_EXTRA_CA_CERTS === undefined, 'present as undefined, so that it wins over the copy of the editor’s environment');
    assert.equal(base.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt', 'the editor’s environment is left as it was');
  });

  it('reaches the server process without the variable, merged over the editor’s environment as the client library merges it', () => {
    // vscode-languageclient copies process.env, then the entries of the server options' env over it.
    const merged: NodeJS.ProcessEnv = { ...base };
    for (const [key, value] of Object.entries(serverEnvironment({}, { STRATLINT_CACHE_DIR: '/tmp/cache' }))) merged[key] = value;
    const run = spawnSync(process.execPath, ['-p', 'JSON.stringify([process.env.NODE_EXTRA_CA_CERTS ?? null, process.env.STRATLINT_CACHE_DIR, process.env.HTTPS_PROXY])'], {
      env: merged,
      encoding: 'utf8',
      timeout: DEADLINE_MS,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [null, '/tmp/cache', 'http://proxy:3128']);
  });
});
