// `npm run bench [-- --sizes 1000,10000 --update-readme]`: stratlint's language server against
// yaml-language-server (our schema mapped to *.strategy.yaml, schema store off) on generated
// strategy documents, both in the same run. Writes .bench/results.json and prints a Markdown table;
// with --update-readme the table also goes into README.md between the bench markers.
//
// Options:
//   --sizes 1000,10000,50000   document sizes in lines (default: all three)
//   --servers ours,peer        which servers to run (default: both)
//   --edits N                  single-character edits per document (default 100, as the issue asks for ≥ 100)
//   --requests N               hover and codeAction requests per document (default 40)
//   --startup-runs N           spawn → first diagnostics runs on the small document (default 5)
//   --cold-runs N              fresh servers whose didOpen → first diagnostics give the median (default 3)
//   --edit-budget S            stop a server's edits after S seconds (default: none); the table marks it
//   --request-budget S         stop a server's hover (and codeAction) requests after S seconds (default 60)
//   --out FILE                 results file (default .bench/results.json)
//   --update-readme            write the table into README.md
//   --keep                     keep the generated documents (their folder is printed)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Diagnostic, Range } from 'vscode-languageserver-protocol/node';
import { parseDocument } from 'yaml';
import { serverEnvironment, UNNEEDED_VARIABLES } from '../../client/src/server-environment';
import { serverNodeFlags } from '../../client/src/server-process';
import { generateStrategy, writeBenchDocuments } from './generate';
import { BenchServer, sleep, type Published, type ServerSpec } from './lsp';
import { renderMarkdown, updateReadme, type RequestTimes, type Results, type SessionResult, type SizeRun, type StartupResult, type ActivationResult } from './report';

const ROOT = path.join(__dirname, '..', '..');
const TODAY = '2027-03-15';
const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schemas', 'strategy.schema.json')).href;
const PEER_BIN = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const OUR_SERVER = path.join(ROOT, 'dist', 'server.js');

const TIMEOUT = { initialize: 30_000, configure: 10_000, small: 30_000, cold: 180_000, edit: 60_000, request: 30_000, probe: 20_000 };

// --- Arguments
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const flag = (name: string) => argv.includes(name);
const positive = (name: string, fallback: number): number => {
  const raw = option(name);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
};
const SIZES = (option('--sizes') ?? '1000,10000,50000').split(',').map((s) => Number(s.trim().replace(/k$/i, '000')));
if (SIZES.some((n) => !Number.isInteger(n) || n < 300)) throw new Error(`--sizes takes line counts ≥ 300, e.g. 1000,10000 (got ${option('--sizes')})`);
const SERVERS = (option('--servers') ?? 'ours,peer').split(',').map((s) => s.trim());
if (SERVERS.some((s) => s !== 'ours' && s !== 'peer')) throw new Error(`--servers takes ours and/or peer (got ${option('--servers')})`);
const EDITS = 2 * Math.ceil(positive('--edits', 100) / 2);
const REQUESTS = Math.round(positive('--requests', 40));
const STARTUP_RUNS = Math.round(positive('--startup-runs', 5));
const COLD_RUNS = Math.round(positive('--cold-runs', 3));
const REQUEST_BUDGET_MS = positive('--request-budget', 60) * 1000;
const EDIT_BUDGET_MS = option('--edit-budget') === undefined ? Infinity : positive('--edit-budget', 1) * 1000;
const OUT = path.resolve(ROOT, option('--out') ?? path.join('.bench', 'results.json'));

// --- The two servers
const peerVersion = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
const ourVersion = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const yamlSettings = {
  schemaStore: { enable: false },
  schemas: { [SCHEMA_URI]: '*.strategy.yaml' },
  validate: true,
  hover: true,
  completion: true,
};
const SPECS: Record<'ours' | 'peer', ServerSpec & { label: string; waitForConfigurationPull: boolean; publishesVersion: boolean }> = {
  ours: {
    name: 'ours',
    label: `stratlint ${ourVersion}`,
    command: process.execPath,
    // As the extension starts it (client/src/server-process.ts, client/src/server-environment.ts).
    args: [...serverNodeFlags(), OUR_SERVER, '--stdio'],
    env: serverEnvironment(process.env),
    initializationOptions: { today: TODAY },
    configuration: (section) => (section === 'stratlint' ? {} : null),
    settings: { stratlint: {} },
    // Ours reads its settings when it lints a document, not on the notification.
    waitForConfigurationPull: false,
    publishesVersion: true,
  },
  peer: {
    name: 'peer',
    label: `yaml-language-server ${peerVersion}`,
    command: process.execPath,
    args: [PEER_BIN, '--stdio'],
    // Its extension starts it with the editor's environment unchanged, as here.
    configuration: (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? { proxy: '', proxyStrictSSL: false } : {}),
    settings: { yaml: yamlSettings },
    // Its schema association arrives with the configuration it pulls after didChangeConfiguration.
    waitForConfigurationPull: true,
    // Its publishDiagnostics carry no version: an edit is matched to the first publication after it.
    publishesVersion: false,
  },
};

const live = new Set<BenchServer>();
const killAll = () => {
  for (const server of live) server.kill();
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

async function withServer<T>(
  key: 'ours' | 'peer',
  folder: string,
  body: (server: BenchServer, initializeMs: number) => Promise<T>,
  spec: ServerSpec = SPECS[key],
): Promise<T> {
  const server = new BenchServer(spec);
  live.add(server);
  try {
    const initializeMs = await server.start(pathToFileURL(folder).href, TIMEOUT.initialize);
    return await body(server, initializeMs);
  } catch (error) {
    const stderr = server.stderrText.trim();
    if (stderr && error instanceof Error) error.message += `\n${spec.name} stderr:\n${stderr.slice(-2000)}`;
    throw error;
  } finally {
    await server.stop();
    live.delete(server);
  }
}

async function configure(key: 'ours' | 'peer', server: BenchServer): Promise<void> {
  if (SPECS[key].waitForConfigurationPull) await server.configure(TIMEOUT.configure);
  else void server.configure(1).catch(() => undefined);
}

// --- Statistics
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const s = sorted(values);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}
const median = (values: readonly number[]) => percentile(values, 50);
const round = (ms: number) => Math.round(ms * 100) / 100;

// --- Positions in a document
/** `title:` values (block or flow), where a letter inserted after the first one keeps the document valid. */
function editPositions(lines: readonly string[], count: number): { line: number; character: number }[] {
  const candidates: { line: number; character: number }[] = [];
  lines.forEach((text, line) => {
    const match = /(?:^\s*(?:- )?|\{ )title: [A-Za-z]/.exec(text);
    if (match) candidates.push({ line, character: match.index + match[0].length });
  });
  if (candidates.length < count) throw new Error(`only ${candidates.length} editable titles for ${count} edit positions`);
  const spread = Array.from({ length: count }, (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]);
  // Visit them in a scattered order, so that consecutive edits land far apart.
  let stride = Math.max(1, Math.round(count * 0.618));
  while (gcd(stride, count) !== 1) stride++;
  return spread.map((_, i) => spread[(i * stride) % count]);
}
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Keys spread over the document, for hover. */
function keyPositions(lines: readonly string[], count: number): { line: number; character: number }[] {
  const candidates: { line: number; character: number }[] = [];
  lines.forEach((text, line) => {
    const match = /^(\s*(?:- )?)([a-z_]+):/.exec(text);
    if (match) candidates.push({ line, character: match[1].length + 1 });
  });
  return Array.from({ length: count }, (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]);
}

/**
 * The edit script: insert at q0, insert at q1, delete at q0, insert at q2, delete at q1, …, delete at
 * the last. Inserts and deletes alternate, every version differs from all earlier ones, only free-text
 * titles change (so the document stays valid), and the last version equals the original.
 */
function editScript(positions: readonly { line: number; character: number }[]): { range: Range; text: string }[] {
  const at = (p: { line: number; character: number }, length: number): Range => ({ start: p, end: { line: p.line, character: p.character + length } });
  const script: { range: Range; text: string }[] = [{ range: at(positions[0], 0), text: 'x' }];
  for (let i = 1; i < positions.length; i++) script.push({ range: at(positions[i], 0), text: 'x' }, { range: at(positions[i - 1], 1), text: '' });
  script.push({ range: at(positions[positions.length - 1], 1), text: '' });
  return script;
}

// --- Phases
const SMALL = readFileSync(path.join(ROOT, 'examples', 'b2b-growth.strategy.yaml'), 'utf8');
/** Line 3 has a key the schema forbids. */
const PROBE = 'stratlint: 1\nid: probe\ntitle: Schema probe\nbogus_key: true\n';

class SchemaNotApplied extends Error {}

/**
 * Spawn → initialize → didOpen of a small document → its first diagnostics, a few times. Checks the
 * schema on the way. Where this process's environment has variables our extension leaves out of its
 * server's, ours is also started with them kept, in turns with the runs as the extension starts it.
 */
async function startup(key: 'ours' | 'peer', dir: string): Promise<StartupResult> {
  // A folder of its own: the workspace holds the small document only.
  const folder = path.join(dir, 'small');
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'small.strategy.yaml'), SMALL);
  const dropped = key === 'ours' ? UNNEEDED_VARIABLES.filter((name) => process.env[name] !== undefined) : [];
  const runs: number[] = [];
  const inheritedRuns: number[] = [];
  let probe = '';
  const once = async (spec: ServerSpec, into: number[], checkSchema: boolean) =>
    withServer(
      key,
      folder,
      async (server) => {
        await configure(key, server);
        const uri = pathToFileURL(path.join(folder, 'small.strategy.yaml')).href;
        const beforeOpen = server.mark();
        await server.open(uri, SMALL);
        const first = await server.next(
          (p) => p.uri === uri && (SPECS[key].publishesVersion ? p.version === 1 : true),
          'diagnostics for the small document',
          TIMEOUT.small,
          beforeOpen,
        );
        into.push(first.at - server.spawnedAt);
        if (checkSchema) {
          // Before measuring anything else: a schema error must produce a diagnostic.
          const probeUri = pathToFileURL(path.join(folder, 'probe.strategy.yaml')).href;
          await server.open(probeUri, PROBE);
          const flagged = await server
            .next((p) => p.uri === probeUri && p.diagnostics.some((d) => d.range.start.line === 3), 'a schema diagnostic on the probe document', TIMEOUT.probe)
            .catch(() => undefined);
          if (!flagged) {
            const got = server.published.filter((p) => p.uri === probeUri).map((p) => p.diagnostics.map((d) => d.message));
            throw new SchemaNotApplied(`${SPECS[key].label} does not validate against schemas/strategy.schema.json: no diagnostic for an unknown key (got ${JSON.stringify(got)})`);
          }
          probe = String(flagged.diagnostics.find((d) => d.range.start.line === 3)?.message);
          await server.close(probeUri);
        }
      },
      spec,
    );
  for (let run = 0; run < STARTUP_RUNS; run++) {
    await once(SPECS[key], runs, run === 0);
    if (dropped.length > 0) await once({ ...SPECS[key], env: undefined }, inheritedRuns, false);
  }
  return {
    medianMs: round(median(runs)),
    runsMs: runs.map(round),
    schemaProbe: probe,
    ...(dropped.length > 0 ? { inherited: { dropped, medianMs: round(median(inheritedRuns)), runsMs: inheritedRuns.map(round) } } : {}),
  };
}

/**
 * The extension's bundle loaded and activated in a fresh Node process with a stand-in for the editor
 * API (scripts/bench/activation.cjs) → the first diagnostics the client hands the editor, a few times.
 * One untimed run first: it writes the server's code cache to the storage folder, as the first start
 * after installing the extension does.
 */
function activation(dir: string): ActivationResult {
  const folder = path.join(dir, 'activation');
  mkdirSync(folder, { recursive: true });
  const document = path.join(folder, 'small.strategy.yaml');
  writeFileSync(document, SMALL);
  const storage = path.join(folder, 'storage');
  const once = () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'activation.cjs'), ROOT, document, storage], { encoding: 'utf8', timeout: TIMEOUT.small + 5_000 });
    return JSON.parse(out.trim().split('\n').pop()!) as { loadMs: number; firstDiagnosticsMs: number; diagnostics: number };
  };
  once();
  const runs = Array.from({ length: STARTUP_RUNS }, once);
  return {
    medianMs: round(median(runs.map((r) => r.firstDiagnosticsMs))),
    runsMs: runs.map((r) => round(r.firstDiagnosticsMs)),
    loadMedianMs: round(median(runs.map((r) => r.loadMs))),
    diagnostics: runs[0].diagnostics,
  };
}

/** didOpen → the first diagnostics for the document, on a server that has just started and settled. */
async function openCold(key: 'ours' | 'peer', server: BenchServer, uri: string, text: string): Promise<Published & { ms: number }> {
  await configure(key, server);
  await sleep(300); // let the server settle after its configuration; not measured
  // Publications from before the open (a server indexing its workspace folder) do not count.
  const versioned = SPECS[key].publishesVersion;
  const beforeOpen = server.mark();
  const sentOpen = performance.now();
  await server.open(uri, text, 1);
  const cold = await server.next((p) => p.uri === uri && (versioned ? p.version === 1 : true), 'first diagnostics', TIMEOUT.cold, beforeOpen);
  return { ...cold, ms: cold.at - sentOpen };
}

async function session(key: 'ours' | 'peer', file: string, flawLines: readonly number[]): Promise<SessionResult> {
  // An empty workspace folder beside the document's: a server that indexes its workspace (ours does)
  // must not have linted the document before didOpen, or "cold" would measure a cache hit.
  const folder = path.join(path.dirname(path.dirname(file)), `workspace-${path.basename(path.dirname(file))}`);
  mkdirSync(folder, { recursive: true });
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const uri = pathToFileURL(file).href;
  // Cold: didOpen → first diagnostics, one sample per fresh server: the extra servers first, then the session's own.
  const coldRunsMs: number[] = [];
  for (let run = 1; run < COLD_RUNS; run++) coldRunsMs.push((await withServer(key, folder, (server) => openCold(key, server, uri, text))).ms);
  return withServer(key, folder, async (server, initializeMs) => {
    const cold = await openCold(key, server, uri, text);
    coldRunsMs.push(cold.ms);
    const coldMs = median(coldRunsMs);
    const versioned = SPECS[key].publishesVersion;
    const diagnosticsOnOpen = cold.diagnostics.length;
    await sleep(500); // any late publication for the open would land here, not in the first edit

    // Edits, one at a time, each waiting for its diagnostics.
    const script = editScript(editPositions(lines, EDITS / 2));
    const editMs: number[] = [];
    let version = 1;
    let last: Published = cold;
    const editsStarted = performance.now();
    for (const edit of script) {
      if (performance.now() - editsStarted > EDIT_BUDGET_MS) break;
      version++;
      const timed = await timedChange(server, uri, version, edit, versioned);
      editMs.push(timed.ms);
      last = timed;
    }
    // Cut short by --edit-budget, at most two titles keep an extra letter; the keys hovered below do not move.
    const capped = editMs.length < script.length;

    // Hover on keys spread over the document.
    let hover: SessionResult['hover'] = null;
    if (server.capabilities.hoverProvider) {
      const positions = keyPositions(lines, REQUESTS);
      let answered = 0;
      const timed = await timedRequests(positions.length, async (i) => {
        if (await server.hover(uri, positions[i], TIMEOUT.request)) answered++;
      });
      hover = { ...timed, answered };
    }

    // codeAction on diagnostics' ranges (its own, spread over the document), else on the flawed lines.
    let codeAction: SessionResult['codeAction'] = null;
    if (server.capabilities.codeActionProvider) {
      const own = last.diagnostics;
      const targets: { range: Range; diagnostics: Diagnostic[] }[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        if (own.length > 0) {
          const d = own[Math.floor(((i + 0.5) * own.length) / REQUESTS)];
          targets.push({ range: d.range, diagnostics: [d] });
        } else {
          const line = flawLines.length > 0 ? flawLines[Math.floor(((i + 0.5) * flawLines.length) / REQUESTS)] : keyPositions(lines, REQUESTS)[i].line;
          targets.push({ range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, diagnostics: [] });
        }
      }
      let actions = 0;
      const timed = await timedRequests(targets.length, async (i) => {
        const result = await server.codeAction(uri, targets[i].range, targets[i].diagnostics, TIMEOUT.request);
        actions += result?.length ?? 0;
      });
      codeAction = { ...timed, actions, on: own.length > 0 ? 'its own diagnostics' : 'the lines of the deliberate flaws (it reported none)' };
    }

    // A step typed as a flow map on a new line, a character at a time: from the `{` on, until the map is closed, the document does not parse.
    const broken = await typeFlowMap(server, uri, lines, version, versioned);

    return {
      initializeMs: round(initializeMs),
      coldMs: round(coldMs),
      coldRunsMs: coldRunsMs.map(round),
      diagnosticsOnOpen,
      edit: {
        n: editMs.length,
        p50Ms: round(median(editMs)),
        p95Ms: round(percentile(editMs, 95)),
        maxMs: round(Math.max(...editMs)),
        minMs: round(Math.min(...editMs)),
        samplesMs: editMs.map(round),
        matchedBy: versioned ? 'version' : 'next-publication',
        capped,
      },
      hover,
      codeAction,
      broken,
      peakRssBytes: server.peakRss() ?? null,
    };
  });
}

/** One incremental change to `version`, timed until the diagnostics for it (or, for a server that sends no version, the next ones). */
async function timedChange(server: BenchServer, uri: string, version: number, edit: { range: Range; text: string }, versioned: boolean): Promise<Published & { ms: number }> {
  const from = server.mark();
  const sent = performance.now();
  await server.change(uri, version, edit);
  const published = await server.next((p) => p.uri === uri && (versioned ? p.version === version : true), `diagnostics for version ${version}`, TIMEOUT.edit, from);
  return { ...published, ms: published.at - sent };
}

/** What is typed on the new line, after its indentation. */
const TYPED_STEP = '- { title: New step';

/**
 * A new line before a flow-map step in the middle of the document (its indentation in one change,
 * as an editor inserts it), then TYPED_STEP a character at a time, each timed until its
 * diagnostics; only the keystrokes from the `{` on count, the document broken at each.
 */
async function typeFlowMap(server: BenchServer, uri: string, lines: readonly string[], from: number, versioned: boolean): Promise<SessionResult['broken']> {
  const at = lines.findIndex((l, i) => i > lines.length / 2 && /^ +- \{ title: /.test(l));
  if (at < 0) return null;
  const indent = /^ */.exec(lines[at])![0];
  let version = from;
  const times: number[] = [];
  const newLine = { line: at, character: 0 };
  await timedChange(server, uri, ++version, { range: { start: newLine, end: newLine }, text: `${indent}\n` }, versioned);
  let syntaxErrors = 0;
  for (let i = 0; i < TYPED_STEP.length; i++) {
    const p = { line: at, character: indent.length + i };
    const published = await timedChange(server, uri, ++version, { range: { start: p, end: p }, text: TYPED_STEP[i] }, versioned);
    if (i >= TYPED_STEP.indexOf('{')) times.push(published.ms);
    if (i === TYPED_STEP.length - 1) syntaxErrors = published.diagnostics.filter((d) => /syntax|flow map|indent/i.test(`${d.code ?? ''} ${d.message}`)).length;
  }
  return { n: times.length, p50Ms: round(median(times)), maxMs: round(Math.max(...times)), samplesMs: times.map(round), syntaxErrors };
}

/**
 * Sends `count` requests one at a time. Stops at the first failure or timeout (the server may still be
 * busy with it, so later figures would be meaningless) or when --request-budget runs out.
 */
async function timedRequests(count: number, send: (i: number) => Promise<void>): Promise<RequestTimes> {
  const times: number[] = [];
  const started = performance.now();
  let error: string | undefined;
  for (let i = 0; i < count && performance.now() - started < REQUEST_BUDGET_MS; i++) {
    const sent = performance.now();
    try {
      await send(i);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      break;
    }
    times.push(performance.now() - sent);
  }
  return {
    p50Ms: times.length ? round(median(times)) : null,
    maxMs: times.length ? round(Math.max(...times)) : null,
    n: times.length,
    of: count,
    ...(error ? { error } : {}),
  };
}

/**
 * The parse with the parser warm: untimed parses first, at least two, then on until a second has
 * passed (or 500 parses), so that the floor is the parse and not the parser's warm-up (after two parses alone, the
 * parser was often not optimised yet). Even warm, the floor of 1,000 lines depends on the process:
 * about 20 ms in some and 33–40 ms in others, each about half of the time (10 fresh processes), so
 * the 1,000-line ratio moves between runs with it.
 */
function floor(text: string): { medianMs: number; runsMs: number[]; warmupParses: number } {
  const warmupStarted = performance.now();
  let warmupParses = 0;
  while (warmupParses < 2 || (performance.now() - warmupStarted < 1_000 && warmupParses < 500)) {
    parseDocument(text);
    warmupParses++;
  }
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    parseDocument(text);
    runs.push(performance.now() - started);
  }
  return { medianMs: round(median(runs)), runsMs: runs.map(round), warmupParses };
}

/**
 * The first parse of the text in a fresh Node process, timed from after loading `yaml` and reading
 * the file: the conditions of a server's first lint (the parser's code not yet optimised).
 */
function coldFloor(file: string): { medianMs: number; runsMs: number[] } {
  const script = [
    `const { parseDocument } = require(${JSON.stringify(require.resolve('yaml'))});`,
    `const text = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8');`,
    'const started = performance.now();',
    'parseDocument(text);',
    'process.stdout.write(String(performance.now() - started));',
  ].join('\n');
  const runs = Array.from({ length: 3 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return { medianMs: round(median(runs)), runsMs: runs.map(round) };
}

function bundles(): Results['bundles'] {
  return ['server.js', 'server-core.js', 'client.js', 'cli.js'].map((name) => {
    const file = path.join(ROOT, 'dist', name);
    if (!existsSync(file)) return { file: `dist/${name}`, bytes: null, gzipBytes: null };
    const content = readFileSync(file);
    // The development build links a source map; `--production` minifies and drops it.
    const minified = !content.subarray(-300).toString('utf8').includes('sourceMappingURL=');
    return { file: `dist/${name}`, bytes: statSync(file).size, gzipBytes: gzipSync(content).length, minified };
  });
}

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  if (SERVERS.includes('ours') && !existsSync(OUR_SERVER)) throw new Error(`${OUR_SERVER} is missing: run \`npm run build\` first`);
  if (SERVERS.includes('peer') && !existsSync(PEER_BIN)) throw new Error(`${PEER_BIN} is missing: run \`npm install\` (yaml-language-server is a devDependency)`);
  const keys = SERVERS as ('ours' | 'peer')[];
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const generated = new Map(SIZES.map((n) => [n, generateStrategy(n)]));
  const { dir, files } = writeBenchDocuments(SIZES);
  log(`bench: documents in ${dir}: ${SIZES.map((n) => `${n} → ${generated.get(n)!.lines} lines`).join(', ')}`);

  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      commit: git('rev-parse', '--short', 'HEAD'),
      dirty: (git('status', '--porcelain') ?? '') !== '',
      servers: Object.fromEntries(keys.map((k) => [k, SPECS[k].label])) as Results['meta']['servers'],
      today: TODAY,
      edits: EDITS,
      requests: REQUESTS,
      ourNodeFlags: serverNodeFlags(),
      coldRuns: COLD_RUNS,
      durationS: 0,
    },
    startup: {},
    sizes: [],
    bundles: bundles(),
  };

  try {
    for (const key of keys) {
      log(`bench: ${SPECS[key].label}: start → first diagnostics on a small document (${STARTUP_RUNS} runs) and schema probe`);
      try {
        const result = await startup(key, dir);
        results.startup[key] = result;
        log(`  median ${result.medianMs} ms; schema probe: ${result.schemaProbe}`);
      } catch (error) {
        // Measuring a server that ignores our schema would compare nothing: stop.
        if (error instanceof SchemaNotApplied) throw error;
        results.startup[key] = { error: error instanceof Error ? error.message : String(error) };
        log(`  FAILED: ${results.startup[key]!.error}`);
      }
    }
    if (keys.includes('ours')) {
      log(`bench: ${SPECS.ours.label}: extension load + activation → first diagnostics on a small document (${STARTUP_RUNS} runs)`);
      try {
        results.activation = activation(dir);
        log(`  median ${results.activation.medianMs} ms (bundle load ${results.activation.loadMedianMs} ms)`);
      } catch (error) {
        results.activation = { error: error instanceof Error ? error.message : String(error) };
        log(`  FAILED: ${results.activation.error}`);
      }
    }
    for (const n of SIZES) {
      const file = files.get(n)!;
      const text = readFileSync(file, 'utf8');
      const doc = generated.get(n)!;
      const size: SizeRun = { lines: doc.lines, target: n, bytes: Buffer.byteLength(text), flaws: doc.flaws, floor: floor(text), coldFloor: coldFloor(file), servers: {} };
      log(`bench: ${n} lines (${(size.bytes / 1024).toFixed(0)} KiB): yaml parse floor ${size.floor.medianMs} ms warm, ${size.coldFloor!.medianMs} ms in a fresh process`);
      for (const key of keys) {
        const t0 = performance.now();
        try {
          size.servers[key] = await session(key, file, doc.flawLines);
          const r = size.servers[key]!;
          if ('error' in r) continue;
          log(
            `  ${SPECS[key].label}: initialize ${r.initializeMs} ms, open → diagnostics ${r.coldMs} ms (${r.diagnosticsOnOpen}), ` +
              `edit p50/p95/max ${r.edit.p50Ms}/${r.edit.p95Ms}/${r.edit.maxMs} ms, hover p50 ${r.hover?.p50Ms ?? '—'}, ` +
              `codeAction p50 ${r.codeAction?.p50Ms ?? '—'}, peak RSS ${r.peakRssBytes === null ? '?' : Math.round(r.peakRssBytes / 2 ** 20)} MiB ` +
              `(${((performance.now() - t0) / 1000).toFixed(0)} s)`,
          );
        } catch (error) {
          size.servers[key] = { error: error instanceof Error ? error.message : String(error) };
          log(`  ${SPECS[key].label}: FAILED: ${size.servers[key]!.error}`);
        }
        await sleep(500);
      }
      results.sizes.push(size);
    }
  } finally {
    if (flag('--keep')) log(`bench: documents kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  results.meta.durationS = Math.round((performance.now() - started) / 1000);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  process.stdout.write(`${markdown}\n`);
  log(`bench: results in ${path.relative(process.cwd(), OUT) || OUT}; ${results.meta.durationS} s in all`);
  if (flag('--update-readme')) {
    updateReadme(path.join(ROOT, 'README.md'), markdown);
    log('bench: README.md updated');
  }
  const failed = results.sizes.some((s) => Object.values(s.servers).some((r) => r && 'error' in r));
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  killAll();
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
