// dist/server.js: starts the language server bundle (dist/server-core.js) through V8's code cache.
// Compiling the bundle and the functions the first lint runs is most of a cold start; the cache
// keeps their compiled code, so every start after the first skips it. The cache is written once,
// after the server has published its first diagnostics (so it holds what linting compiled too),
// to the directory in STRATLINT_CACHE_DIR (the client passes the extension's storage folder) or
// the user's cache folder. STRATLINT_CODE_CACHE=off turns it off. Any problem with the cache
// (missing, unreadable, rejected by V8, folder not writable) only means a slower start.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import * as vm from 'node:vm';
import { WARM_EVENT } from './boot-event';

// Every edit of a large document leaves a few megabytes behind (above all the document's text),
// and V8 lets a small heap grow up to fourfold before it collects them: editing a 50,000-line
// document peaked near 500 MB for some 170 MB in use. Growing by 150 % at most peaks near 350 MB;
// smaller steps save more memory but collect so often that edits wait (`npm run bench`).
// Set before compiling: V8 accepts a code cache only under the flags it was made with.
setFlagsFromString('--heap-growing-percent=150');
// The first lint runs code that has never run before, in one burst. V8 decides which functions to
// optimise each time one has run through its interrupt budget; with twice Node 20's default it
// optimises after more of that burst has run: half the optimising compilations (41 → 20 for a
// 1,000-line lint), each of which competes with the lint for a core and starts from the little
// feedback the first pieces gave. First diagnostics at 1,000 lines 42 → 34 ms (medians of 25 fresh
// servers; 46 → 35 ms over four benchmark runs), at 10,000 lines 272 → 239 ms; edits of a
// 50,000-line document once warm no slower (p50 89 ms either way, 300 edits each); four times the
// default was no better. Only V8 11 (Node 20), where it was measured: later versions tier up by
// other rules and no longer know the flag (V8 prints an error for a flag it does not know).
if (process.versions.v8.startsWith('11.')) setFlagsFromString('--interrupt-budget=135168');

const core = path.join(__dirname, 'server-core.js');
let source: string;
try {
  source = fs.readFileSync(core, 'utf8');
} catch (error) {
  // A broken installation: say so where the client's output channel shows it, not with a stack trace.
  process.stderr.write(`stratlint: cannot start the language server: ${core} is missing or unreadable (${(error as Error).message}). Reinstall the extension.\n`);
  process.exit(1);
}
const prefix = cachePrefix(fs.statSync(core));
const cacheFile = codeCachePath(prefix);

let cachedData: Buffer | undefined;
if (cacheFile) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
}

const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: core, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  process.once(WARM_EVENT, () => setImmediate(() => writeCodeCache(script, cacheFile, prefix)));
}
const mod = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(core), mod, core, __dirname);

/**
 * Where the code cache of this bundle goes: named after the bundle's size and time of writing
 * (every build and every install writes it anew), the Node.js version, and the flags Node was
 * started with. V8 itself checks only the length of the source, so the name must tell versions of
 * the bundle apart. (Hashing the bundle would be surer, but loading node:crypto alone costs a few
 * milliseconds of every start.) V8 also rejects a cache made under other flags: the extension
 * starts the server with flags (client/src/server-process.ts), a server started by hand or by
 * another editor may have none, and each keeps its own file.
 */
function codeCachePath(prefix: string): string | undefined {
  if (process.env.STRATLINT_CODE_CACHE === 'off') return undefined;
  const dir = process.env.STRATLINT_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'stratlint');
  const flags = process.execArgv.length > 0 ? `-${fnv1a(process.execArgv.join(' ')).toString(36)}` : '';
  return path.join(dir, `${prefix}${flags}.cache`);
}

/** The start of the names of this bundle's caches under this Node.js, whatever the flags. */
function cachePrefix(stat: fs.Stats): string {
  return `server-${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}-${process.version}-${process.arch}`.replace(/[^\w.-]/g, '_');
}

/** A 32-bit FNV-1a hash: enough to tell sets of flags apart in a file name. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function writeCodeCache(compiled: vm.Script, file: string, prefix: string): void {
  try {
    const data = compiled.createCachedData();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside, then renamed: a server starting meanwhile reads the old file or the new one, never half of one.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    // Caches of other versions of the bundle or of Node.js are of no use any more; those of this
    // bundle under other flags belong to servers started another way.
    for (const name of fs.readdirSync(path.dirname(file))) {
      if (/^server-[\w.-]+\.cache$/.test(name) && !name.startsWith(`${prefix}.`) && !name.startsWith(`${prefix}-`)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}
