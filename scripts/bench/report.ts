// The benchmark's results: their shape (.bench/results.json), the Markdown table with the
// targets of the performance issue, and the README section between the bench markers.
import { readFileSync, writeFileSync } from 'node:fs';

export type ServerKey = 'ours' | 'peer';

export interface ActivationResult {
  /** Loading dist/client.js → the first diagnostics the client hands the editor, median over the runs. */
  medianMs: number;
  runsMs: number[];
  /** Loading dist/client.js alone (the `require`), median. */
  loadMedianMs: number;
  diagnostics: number;
}

export interface StartupResult {
  /** Spawn → first publishDiagnostics for a small document, median over the runs. */
  medianMs: number;
  runsMs: number[];
  /** The message the server gave for a key the schema forbids (proof that it validates against our schema). */
  schemaProbe: string;
  /**
   * Ours only, where the bench's environment has variables our extension leaves out of its
   * server's (`dropped`): the same runs with the environment unchanged, in turns with the others.
   */
  inherited?: { dropped: string[]; medianMs: number; runsMs: number[] };
}

export interface SessionResult {
  /** Spawn → initialize result. */
  initializeMs: number;
  /** didOpen sent → first publishDiagnostics for the document: the median over fresh servers (coldRunsMs). */
  coldMs: number;
  /** Each fresh server's didOpen → first diagnostics, in the order measured. */
  coldRunsMs?: number[];
  diagnosticsOnOpen: number;
  edit: {
    n: number;
    p50Ms: number;
    p95Ms: number;
    maxMs: number;
    minMs: number;
    /** Every edit's time, in the order sent. */
    samplesMs: number[];
    /** `version`: the publication carrying the edit's version; `next-publication`: the first one after the edit (the server sends no version). */
    matchedBy: 'version' | 'next-publication';
    /** Stopped early by --edit-budget. */
    capped: boolean;
  };
  /** null: the server does not offer hover. */
  hover: (RequestTimes & { answered: number }) | null;
  codeAction: (RequestTimes & { actions: number; on: string }) | null;
  /**
   * A flow-map step typed on a new line: the keystrokes from its `{` on, the document not parsing at
   * each, until its diagnostics; `syntaxErrors`: diagnostics about it after the last one. null: no place to type it.
   */
  broken?: { n: number; p50Ms: number; maxMs: number; samplesMs: number[]; syntaxErrors: number } | null;
  peakRssBytes: number | null;
}

/** Requests sent one at a time; `n` of `of` were answered (fewer after a timeout or when the request budget ran out). */
export interface RequestTimes {
  p50Ms: number | null;
  maxMs: number | null;
  n: number;
  of: number;
  /** Why the requests stopped early (a timeout or error). */
  error?: string;
}

export interface SizeRun {
  /** Lines of the generated document, and the size asked for. */
  lines: number;
  target: number;
  bytes: number;
  flaws: Record<string, number>;
  /**
   * One full `parseDocument` of the same text in the bench process, the parser warm: median of 5
   * after `warmupParses` untimed ones (at least two, then for a second or 500 parses; older results: two).
   */
  floor: { medianMs: number; runsMs: number[]; warmupParses?: number };
  /**
   * The first `parseDocument` of the same text in a fresh Node process (the parser's code not yet
   * optimised, as in a server's first lint), median of 3 processes. Absent in older results.
   */
  coldFloor?: { medianMs: number; runsMs: number[] };
  servers: Partial<Record<ServerKey, SessionResult | { error: string }>>;
}

export interface Results {
  meta: {
    date: string;
    node: string;
    platform: string;
    cpus: string;
    memoryGiB: number;
    commit: string | undefined;
    dirty: boolean;
    servers: Partial<Record<ServerKey, string>>;
    today: string;
    edits: number;
    requests: number;
    /** Node's flags ours is started with, as the extension starts it (older results have none). */
    ourNodeFlags?: string[];
    /** Fresh servers per document whose first diagnostics give coldMs (absent: one, the session's). */
    coldRuns?: number;
    durationS: number;
  };
  startup: Partial<Record<ServerKey, StartupResult | { error: string }>>;
  /** Ours only; absent in older results. */
  activation?: ActivationResult | { error: string };
  sizes: SizeRun[];
  /** `minified`: a production build (`node esbuild.mjs --production`, as packaged), not the development one. */
  bundles: { file: string; bytes: number | null; gzipBytes: number | null; minified?: boolean }[];
}

/** The targets of the performance issue, for stratlint's server. */
export const TARGETS = {
  editP95Ms: { 10000: 50, 50000: 150 } as Record<number, number>,
  coldOverFloor: 1.2,
  rssOverPeerAt: 50000,
  rssOverPeer: 1 / 3,
  requestP50MsAt: 50000,
  requestP50Ms: 5,
  startupMs: 150,
};

export const README_START = '<!-- bench:start -->';
export const README_END = '<!-- bench:end -->';

const ms = (value: number | undefined): string =>
  value === undefined ? '' : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
const ratio = (a: number | undefined | null, b: number | undefined | null): string =>
  a == null || b == null || b === 0 ? '' : `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;
const mib = (bytes: number | null | undefined): string => (bytes == null ? '' : `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MiB`);
const kib = (bytes: number | null): string => (bytes === null ? 'missing' : `${Math.round(bytes / 1024).toLocaleString('en-US')} KiB`);
const check = (ok: boolean) => (ok ? '✓' : '✗');

function ok(run: SessionResult | { error: string } | undefined): SessionResult | undefined {
  return run && !('error' in run) ? run : undefined;
}

export function renderMarkdown(results: Results): string {
  const { meta } = results;
  const ourLabel = meta.servers.ours ?? 'stratlint';
  const peerLabel = meta.servers.peer ?? 'yaml-language-server';
  const rows: string[][] = [];
  const notes: string[] = [];
  const cell = (run: SessionResult | { error: string } | undefined, pick: (r: SessionResult) => string): string =>
    run === undefined ? '' : 'error' in run ? 'error' : pick(run);

  for (const size of results.sizes) {
    const ours = size.servers.ours;
    const peer = size.servers.peer;
    const o = ok(ours);
    const p = ok(peer);
    const lines = size.lines.toLocaleString('en-US');
    const row = (measure: string, a: string, b: string, r: string, target = '') => rows.push([lines, measure, a, b, r, target]);
    for (const [key, run] of [['ours', ours], ['peer', peer]] as const) {
      if (run && 'error' in run) notes.push(`${meta.servers[key]} failed at ${lines} lines: ${run.error.split('\n')[0]}`);
    }

    row('initialize (spawn → result)', cell(ours, (r) => ms(r.initializeMs)), cell(peer, (r) => ms(r.initializeMs)), ratio(o?.initializeMs, p?.initializeMs));
    const coldLabel = (meta.coldRuns ?? 1) > 1 ? `didOpen → first diagnostics (median of ${meta.coldRuns} fresh servers)` : 'didOpen → first diagnostics';
    row(coldLabel, cell(ours, (r) => ms(r.coldMs)), cell(peer, (r) => ms(r.coldMs)), ratio(o?.coldMs, p?.coldMs));
    const coldTarget = (floor: number) => (o ? `≤ ${TARGETS.coldOverFloor}× ${check(o.coldMs / floor <= TARGETS.coldOverFloor)}` : '');
    row(
      `↳ ÷ one full \`yaml\` parse, parser warm (${ms(size.floor.medianMs)})`,
      cell(ours, (r) => ratio(r.coldMs, size.floor.medianMs)),
      cell(peer, (r) => ratio(r.coldMs, size.floor.medianMs)),
      '',
      coldTarget(size.floor.medianMs),
    );
    const fresh = size.coldFloor?.medianMs;
    if (fresh !== undefined) {
      row(
        `↳ ÷ one full \`yaml\` parse in a fresh process (${ms(fresh)})`,
        cell(ours, (r) => ratio(r.coldMs, fresh)),
        cell(peer, (r) => ratio(r.coldMs, fresh)),
        '',
        coldTarget(fresh),
      );
    }
    row('diagnostics on open', cell(ours, (r) => String(r.diagnosticsOnOpen)), cell(peer, (r) => String(r.diagnosticsOnOpen)), '');
    const n = (r: SessionResult) => (r.edit.capped ? ` (${r.edit.n} edits, capped)` : '');
    row('edit → diagnostics p50', cell(ours, (r) => ms(r.edit.p50Ms) + n(r)), cell(peer, (r) => ms(r.edit.p50Ms) + n(r)), ratio(o?.edit.p50Ms, p?.edit.p50Ms));
    const editTarget = TARGETS.editP95Ms[size.target];
    row(
      'edit → diagnostics p95',
      cell(ours, (r) => ms(r.edit.p95Ms)),
      cell(peer, (r) => ms(r.edit.p95Ms)),
      ratio(o?.edit.p95Ms, p?.edit.p95Ms),
      editTarget !== undefined && o ? `≤ ${editTarget} ms ${check(o.edit.p95Ms <= editTarget)}` : '',
    );
    row('edit → diagnostics max', cell(ours, (r) => ms(r.edit.maxMs)), cell(peer, (r) => ms(r.edit.maxMs)), ratio(o?.edit.maxMs, p?.edit.maxMs));
    if (o?.broken || p?.broken) {
      const typed = (r: SessionResult, pick: (b: NonNullable<SessionResult['broken']>) => number) => (r.broken ? ms(pick(r.broken)) : '');
      row('typing an unclosed flow map → diagnostics p50', cell(ours, (r) => typed(r, (b) => b.p50Ms)), cell(peer, (r) => typed(r, (b) => b.p50Ms)), ratio(o?.broken?.p50Ms, p?.broken?.p50Ms));
      row('typing an unclosed flow map → diagnostics max', cell(ours, (r) => typed(r, (b) => b.maxMs)), cell(peer, (r) => typed(r, (b) => b.maxMs)), ratio(o?.broken?.maxMs, p?.broken?.maxMs));
    }
    const requestTarget = (value: number | null | undefined) =>
      size.target === TARGETS.requestP50MsAt && o ? `≤ ${TARGETS.requestP50Ms} ms ${check(value != null && value <= TARGETS.requestP50Ms)}` : '';
    /** p50, with how many answered when fewer than asked, or "not offered". */
    const request = (times: RequestTimes | null) => {
      if (!times) return 'not offered';
      const partial = times.n < times.of ? ` (${times.n} of ${times.of}${times.error ? ', then a timeout' : ', budget'})` : '';
      return times.p50Ms === null ? `none answered${times.error ? ` (${times.error.replace(/^.*within /, 'timeout ')})` : ''}` : ms(times.p50Ms) + partial;
    };
    row('hover p50', cell(ours, (r) => request(r.hover)), cell(peer, (r) => request(r.hover)), ratio(o?.hover?.p50Ms, p?.hover?.p50Ms), requestTarget(o?.hover?.p50Ms));
    row(
      'codeAction p50',
      cell(ours, (r) => request(r.codeAction)),
      cell(peer, (r) => request(r.codeAction)),
      ratio(o?.codeAction?.p50Ms, p?.codeAction?.p50Ms),
      requestTarget(o?.codeAction?.p50Ms),
    );
    const rssRatio = o?.peakRssBytes != null && p?.peakRssBytes != null ? o.peakRssBytes / p.peakRssBytes : undefined;
    row(
      'peak RSS (VmHWM)',
      cell(ours, (r) => mib(r.peakRssBytes)),
      cell(peer, (r) => mib(r.peakRssBytes)),
      ratio(o?.peakRssBytes, p?.peakRssBytes),
      size.target === TARGETS.rssOverPeerAt && rssRatio !== undefined ? `≤ 0.33× ${check(rssRatio <= TARGETS.rssOverPeer)}` : '',
    );
  }
  const startupOf = (key: ServerKey): StartupResult | undefined => {
    const run = results.startup[key];
    if (run && 'error' in run) notes.push(`${meta.servers[key]} failed to start: ${run.error.split('\n')[0]}`);
    return run && !('error' in run) ? run : undefined;
  };
  const so = startupOf('ours');
  const sp = startupOf('peer');
  rows.push([
    'small',
    'server start → first diagnostics (spawn, initialize, didOpen; median)',
    so ? ms(so.medianMs) : results.startup.ours ? 'error' : '',
    sp ? ms(sp.medianMs) : results.startup.peer ? 'error' : '',
    ratio(so?.medianMs, sp?.medianMs),
    so ? `≤ ${TARGETS.startupMs} ms ${check(so.medianMs <= TARGETS.startupMs)}` : '',
  ]);
  if (so?.inherited) {
    rows.push([
      'small',
      `↳ ours started with ${so.inherited.dropped.map((v) => `\`${v}\``).join(', ')} kept (median)`,
      ms(so.inherited.medianMs),
      sp ? ms(sp.medianMs) : '',
      ratio(so.inherited.medianMs, sp?.medianMs),
      '',
    ]);
  }
  const activation = results.activation;
  if (activation && 'error' in activation) notes.push(`the extension failed to activate: ${activation.error.split('\n')[0]}`);
  else if (activation) {
    rows.push([
      'small',
      'extension load + activation → first diagnostics in the editor (stand-in editor API; median)',
      ms(activation.medianMs),
      '',
      '',
      `≤ ${TARGETS.startupMs} ms ${check(activation.medianMs <= TARGETS.startupMs)}`,
    ]);
  }

  const table = [
    `| lines | measure | ${ourLabel} | ${peerLabel} | ours ÷ peer | target (ours) |`,
    '|---:|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  const bundleTable = [
    '| bundle | build | size | gzip |',
    '|---|---|---:|---:|',
    ...results.bundles.map((b) => `| \`${b.file}\` | ${b.minified ? 'production (minified)' : 'development'} | ${kib(b.bytes)} | ${kib(b.gzipBytes)} |`),
  ];

  const peerRuns = results.sizes.map((s) => ok(s.servers.peer)).filter((r): r is SessionResult => r !== undefined);
  const explain = [
    results.sizes.some((s) => s.coldFloor)
      ? 'Two floors for the first diagnostics: one `yaml` parse of the same text with the parser warm (' +
        (results.sizes.every((s) => s.floor.warmupParses !== undefined)
          ? `untimed parses for a second first (at least two, at most 500): ${results.sizes.map((s) => `${s.floor.warmupParses} at ${s.lines.toLocaleString('en-US')} lines`).join(', ')}; `
          : 'two untimed parses first, ') +
        "median of 5), and the first parse in a fresh Node process (median of 3 processes), which is what a server's first lint runs on."
      : '',
    `${meta.edits} single-character edits per document (a letter inserted into, then removed from, titles spread over the document), ` +
      `sent one at a time as incremental didChange, each timed until the server's diagnostics for it; ` +
      `${meta.requests} hover requests on keys and ${meta.requests} codeAction requests on diagnostics' ranges, one at a time.`,
    results.sizes.some((s) => ok(s.servers.ours)?.broken || ok(s.servers.peer)?.broken)
      ? 'Then a new line in the middle of the document, before a step written as a flow map, and on it `- { title: New step` typed a ' +
        'character at a time: from the `{` on the document does not parse (the map is not closed); those keystrokes are timed until their diagnostics.'
      : '',
    peerRuns.some((r) => r.edit.matchedBy === 'next-publication')
      ? `${peerLabel} publishes no version, so its edits are timed to the first publication after the change (it waits 200 ms after a change before validating).`
      : '',
    so
      ? `${ourLabel} is started as its extension starts it` +
        (results.meta.ourNodeFlags?.length ? ` (Node started with ${results.meta.ourNodeFlags.map((f) => `\`${f}\``).join(' ')}, set in \`client/src/server-process.ts\`)` : '') +
        ': with the environment of the process that starts it' +
        (so.inherited
          ? `, less ${so.inherited.dropped.map((v) => `\`${v}\``).join(', ')} (set here), which the server does not need and which Node 20 reads at every start ` +
            `(the row marked "kept" shows ours started with the environment unchanged). ${peerLabel} is started with the environment unchanged, as its extension does.`
          : `, less variables it does not need (none was set here). ${peerLabel} is started with the environment unchanged, as its extension does.`)
      : '',
    activation && !('error' in activation)
      ? `Activation: \`scripts/bench/activation.cjs\` loads \`dist/client.js\` in a fresh Node process (${ms(activation.loadMedianMs)} median), as an extension host would, ` +
        'with a stand-in for the `vscode` API, and activates it with the small document open; timed until the client hands the editor its diagnostics. ' +
        'The client library and the server are the real ones; what the editor does before it activates an extension is not included. ' +
        'The extension starts its server first and loads the client library while the server boots.'
      : '',
    peerRuns.some((r) => r.diagnosticsOnOpen === 0)
      ? `${peerLabel} finds nothing in these documents: they are valid against the schema, and the deliberate flaws (missing owners and KPIs, unknown references) ` +
        "are for stratlint's rules; its codeAction requests go to the flawed lines instead."
      : '',
    `Run ${meta.date.slice(0, 16).replace('T', ' ')} UTC on ${meta.cpus}, ${meta.memoryGiB} GiB, Node ${meta.node}` +
      `${meta.commit ? `, commit ${meta.commit}${meta.dirty ? ' with local changes' : ''}` : ''}; ${meta.durationS} s in all. ` +
      'A shared machine: figures move by tens of percent between runs.',
  ].filter(Boolean);

  return [table.join('\n'), bundleTable.join('\n'), ...explain, ...notes.map((note) => `⚠ ${note}`)].join('\n\n');
}

/** Replaces the text between the bench markers; adds a "## Performance" section at the end when they are missing. */
export function updateReadme(file: string, markdown: string): void {
  const readme = readFileSync(file, 'utf8');
  const block = `${README_START}\n${markdown}\n${README_END}`;
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  let next: string;
  if (start >= 0 && end > start) {
    next = readme.slice(0, start) + block + readme.slice(end + README_END.length);
  } else {
    const section = [
      '## Performance',
      '',
      '`npm run bench` builds the bundles, generates strategy documents of 1,000, 10,000 and 50,000 lines',
      '(`scripts/bench/generate.ts`: seeded, with a few deliberate flaws) and runs stratlint\'s language server and',
      '`yaml-language-server` (a devDependency, with `schemas/strategy.schema.json` mapped to `*.strategy.yaml` and the',
      'schema store off) over stdio on the same documents in the same run. Figures go to `.bench/results.json`;',
      '`npm run bench -- --sizes 1000,10000` picks sizes and `npm run bench -- --update-readme` refreshes the table below',
      '(other options are listed at the top of `scripts/bench/run.ts`). The targets are those of the performance issue; unit',
      'tests hold no timing assertions.',
      '',
      block,
      '',
    ].join('\n');
    next = `${readme.replace(/\s*$/, '')}\n\n${section}`;
  }
  writeFileSync(file, next);
}
