// Lints open documents after a short pause in typing, and the closed strategy documents of the
// workspace in the background, and publishes the result unless the document moved on meanwhile.
import type { Connection, Diagnostic, TextDocuments } from './protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseCache } from '../engine/chunks';
import { WARM_EVENT } from './boot-event';
import { DEFAULT_MAX_FILE_SIZE, lint, resolveRules, todayIso, tooLargeToLint } from '../engine/lint';
import { parse, settle } from '../engine/parse';
import type { LintOptions } from '../engine/types';
import type { AffectOptions } from '../engine/workspace';
import { ruleById } from '../rules';
import type { AppliedConfig, ConfigStore } from './configs';
import { lintFailureDiagnostic, toDiagnostic } from './diagnostics';
import { defaultSettings, lintOptionsFrom, type SettingsStore } from './settings';
import { folderOf, isStrategyDocument } from './strategy-files';
import { TimeSlicer } from './time-slices';
import type { WorkspaceFiles } from './workspace';

/** The pause in typing that edits arriving faster than the document lints wait for. */
export const DEBOUNCE_MS = 30;

/** Runs the engine; if the engine itself throws, one `internal-error` diagnostic replaces the findings. */
export function lintToDiagnostics(
  text: string,
  options: LintOptions & { uri: string },
  onCrash: (error: unknown) => void,
  run: typeof lint = lint,
): Diagnostic[] {
  try {
    return run(text, options).findings.map((f) => toDiagnostic(f, options.uri));
  } catch (error) {
    onCrash(error);
    return [lintFailureDiagnostic(error)];
  }
}

/** The engine options a strategy document is linted with, and the configuration they come from. */
export interface LintWith {
  options: LintOptions & { uri: string };
  applied: AppliedConfig;
}

export interface ValidatorOptions {
  /** Pins the date for date-based rules (tests); undefined means the current date. */
  today?: string;
  workspaceFolders: () => readonly string[];
  /** The strategy documents of the workspace folders, which cross-file rules read. */
  workspace: WorkspaceFiles;
}

/**
 * Open documents are linted at once when nothing is pending, else after a pause in typing
 * (DEBOUNCE_MS); closed documents of the
 * workspace index one after the other in the background, in time slices, so that requests and
 * edits are served meanwhile. Closed documents are linted from their indexed text, without a version.
 */
export class Validator {
  /** For each open document whose lint waits (for a timer or its turn), what cancels that lint. */
  private readonly waiting = new Map<string, () => void>();
  /**
   * Bumped on every change, close and re-lint request; a run publishes only if its generation is
   * still current, so results for a stale version are dropped. Kept after close so that a run
   * in flight cannot match a reopened document's first generation.
   */
  private readonly generations = new Map<string, number>();
  /** Documents with diagnostics on screen, to clear them when a document stops being a strategy file. */
  private readonly published = new Set<string>();
  /** Parsed pieces of each open document, so an edit re-parses only the section or item it touched. */
  private readonly parseCaches = new Map<string, ParseCache>();
  /** Closed documents waiting to be linted, with the generation they were queued at. */
  private readonly queued = new Map<string, number>();
  private draining = false;
  /** Whether diagnostics have been published once. */
  private warm = false;
  /** Set by `shutdown` (see stop). */
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];
  /** The smallest file-size limit the settings have given so far: larger documents are not parsed ahead. */
  private sizeLimit = DEFAULT_MAX_FILE_SIZE;
  /** The owner-overload maximum each document was last linted with (none when the rule is off). */
  private readonly overloadMax = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
    private readonly options: ValidatorOptions,
  ) {}

  /**
   * After `shutdown`: nothing more is linted or published. The editor sends `exit` once it has the
   * answer to `shutdown`, and the server then exits at once: a publication begun in between (a
   * large document's lint that was waiting) would be cut off mid-message.
   */
  stop(): void {
    this.stopped = true;
    for (const uri of [...this.waiting.keys()]) this.stopWaiting(uri);
    this.queued.clear();
  }

  /** Lints an open document after a pause in typing; one just `opened`, as soon as the message is handled. */
  schedule(uri: string, opened = false): void {
    if (this.stopped) return;
    const generation = this.bump(uri);
    this.queued.delete(uri);
    const wasWaiting = this.stopWaiting(uri);
    const run = () => {
      this.waiting.delete(uri);
      this.validate(uri, generation).catch((error: unknown) => this.logError(`stratlint: validating ${uri} failed`, error));
    };
    if (opened && !wasWaiting) {
      // An open is no burst of keystrokes. A timer, even of 0 ms, waits a millisecond and then for the
      // event loop's timer phase: first diagnostics at 1,000 lines 19.0 → 17.4 ms (31 servers each).
      // Two turns, not one: the protocol library takes a message that arrived with the open in the
      // turn after this one, so a change sent right behind the open is taken in first, and the open's
      // text is not linted for nothing.
      const first = setImmediate(() => {
        const second = setImmediate(run);
        this.waiting.set(uri, () => clearImmediate(second));
      });
      this.waiting.set(uri, () => clearImmediate(first));
      return;
    }
    // A change that finds no lint waiting is linted at once, so a keystroke costs no waiting.
    // Changes that arrive faster than the document lints find one waiting and push it back until
    // the typing pauses: a burst is linted once, not once per keystroke. (Through a timer: handling
    // each message of the protocol takes a turn of the event loop, so a lint run at the next turn
    // would come between two changes that arrived together.)
    const timer = setTimeout(run, wasWaiting ? DEBOUNCE_MS : 0);
    this.waiting.set(uri, () => clearTimeout(timer));
  }

  /** Cancels the lint waiting for a document, if any; whether one was waiting. */
  private stopWaiting(uri: string): boolean {
    const cancel = this.waiting.get(uri);
    cancel?.();
    return this.waiting.delete(uri);
  }

  /** Lints these documents again: open ones after the usual pause, indexed closed ones in the background. */
  relint(uris: Iterable<string>): void {
    for (const uri of uris) {
      if (this.documents.get(uri)) this.schedule(uri);
      else if (this.options.workspace.index.has(uri)) this.enqueue(uri);
    }
  }

  /** Every open document and every document of the workspace index. */
  scheduleAll(): void {
    this.relint(new Set([...this.documents.all().map((d) => d.uri), ...this.options.workspace.index.uris()]));
  }

  /** How many closed documents wait to be linted. */
  get backlog(): number {
    return this.queued.size;
  }

  /** Resolves once no closed document waits to be linted; `onProgress` hears how many still do. */
  idle(onProgress?: (left: number) => void): Promise<void> {
    if (!this.draining && this.queued.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = onProgress ? setInterval(() => onProgress(this.queued.size), 200) : undefined;
      this.idleWaiters.push(() => {
        clearInterval(timer);
        resolve();
      });
    });
  }

  /** An open document was closed. Whether its findings stay is the workspace's call (see WorkspaceFiles.closed). */
  closed(uri: string): void {
    this.bump(uri);
    this.stopWaiting(uri);
    this.parseCaches.delete(uri);
  }

  /** Takes a document's findings off screen: it was deleted, closed outside the workspace, or is no strategy document. */
  withdraw(uri: string): void {
    this.bump(uri);
    this.stopWaiting(uri);
    this.queued.delete(uri);
    this.overloadMax.delete(uri);
    void this.clear(uri, undefined);
  }

  /** What `WorkspaceIndex.affectedBy` needs to know: the date and the smallest owner-overload maximum in force. */
  affectOptions(): AffectOptions {
    let max = this.overloadMax.size > 0 ? Infinity : OWNER_OVERLOAD_DEFAULT;
    for (const m of this.overloadMax.values()) max = Math.min(max, m);
    return { today: this.options.today ?? todayIso(), maxTactics: max };
  }

  /**
   * The engine options a document is linted with, or undefined when it is not a strategy document.
   * Diagnostics and the editor features (hover, code actions, code lens) lint with the same ones.
   */
  async lintOptions(uri: string): Promise<LintWith | undefined> {
    const open = this.documents.get(uri) !== undefined;
    // A closed document takes its folder's settings: one request per folder, not per file.
    const settings = await this.settings.get(open ? uri : (folderOf(uri, this.options.workspaceFolders()) ?? uri));
    const applied = this.configs.forDocument(uri);
    if (!isStrategyDocument(uri, settings.files, this.options.workspaceFolders(), applied.config.files)) return undefined;
    return {
      applied,
      options: {
        ...lintOptionsFrom(settings, applied.config.rules),
        uri,
        workspace: this.options.workspace.index,
        ...(open ? { parseCache: this.parseCache(uri) } : {}),
        ...(this.options.today ? { today: this.options.today } : {}),
      },
    };
  }

  private enqueue(uri: string): void {
    if (this.stopped) return;
    this.queued.set(uri, this.bump(uri));
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    const slicer = new TimeSlicer();
    try {
      for (let next = this.queued.entries().next(); !next.done; next = this.queued.entries().next()) {
        const [uri, generation] = next.value;
        this.queued.delete(uri);
        await this.validate(uri, generation).catch((error: unknown) => this.logError(`stratlint: validating ${uri} failed`, error));
        await slicer.pause();
      }
    } finally {
      this.draining = false;
      for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  private async validate(uri: string, generation: number): Promise<void> {
    const asking = this.documents.get(uri) !== undefined && !this.settings.known(uri);
    const options = this.lintOptions(uri);
    // Asked for once: parsed meanwhile, after the request has gone out (it is written in a later turn of the event loop).
    if (asking) setImmediate(() => this.parseAhead(uri, generation));
    const lintWith = await options;
    if (lintWith) this.sizeLimit = Math.min(this.sizeLimit, lintWith.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (this.generations.get(uri) !== generation) return;
    const document = this.documents.get(uri);
    if (!document) return this.validateClosed(uri, lintWith);
    const text = document.getText();
    // Its own findings first: the rules read this document from its text, not from the index.
    const sent = lintWith ? this.publish(uri, text, lintWith, document.version) : this.clear(uri, document.version);
    // A first parse read whole is cut into the pieces later edits reuse once the diagnostics are out,
    // not at the first keystroke.
    const cache = this.parseCaches.get(uri);
    if (cache) setImmediate(() => settle(cache));
    // The open text wins over the file on disk; other documents' cross-file findings see it.
    const maxChars = lintWith?.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.relint(this.options.workspace.track(uri, lintWith && text.length <= maxChars ? text : undefined));
    await sent;
  }

  /**
   * Parses an open document while the editor answers `workspace/configuration` for it, which the
   * first lint of every document waits for: that lint then finds the text parsed (see `recentParse`).
   * Only where the parse is unlikely to be wasted, as far as can be told without the settings: on a
   * file the default settings make a strategy document, within the smallest size limit the
   * settings have given so far. (What it saves is the editor's answer time, a few milliseconds
   * when the editor is idle, more while it is busy starting up; a wasted parse costs the whole parse.)
   */
  private parseAhead(uri: string, generation: number): void {
    const document = this.documents.get(uri);
    if (!document || this.generations.get(uri) !== generation) return;
    const text = document.getText();
    if (tooLargeToLint(text, this.sizeLimit)) return;
    if (!isStrategyDocument(uri, defaultSettings.files, this.options.workspaceFolders(), this.configs.forDocument(uri).config.files)) return;
    try {
      parse(text, this.parseCache(uri));
    } catch {
      // The lint parses again and reports what went wrong.
    }
  }

  /** A closed document is linted from its indexed text. */
  private async validateClosed(uri: string, lintWith: LintWith | undefined): Promise<void> {
    const indexed = this.options.workspace.index.get(uri);
    if (!indexed) return; // dropped from the index meanwhile: whoever dropped it withdrew its findings
    if (lintWith) return this.publish(uri, indexed.text, lintWith, undefined);
    // No longer a strategy document (the settings or the configuration changed).
    this.relint(this.options.workspace.track(uri, undefined));
    this.withdraw(uri);
  }

  /** Lints and publishes at once: linting is synchronous, so the document cannot move on in between. */
  private publish(uri: string, text: string, lintWith: LintWith, version: number | undefined): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const diagnostics = lintToDiagnostics(text, lintWith.options, (error) => this.logError(`stratlint: linting ${uri} failed`, error));
    const configProblem = this.configs.documentDiagnostic(lintWith.applied, uri);
    if (configProblem) diagnostics.unshift(configProblem);
    const max = overloadMaxOf(lintWith.options.rules);
    if (max === undefined) this.overloadMax.delete(uri);
    else this.overloadMax.set(uri, max);
    this.published.add(uri);
    const sent = this.connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics });
    if (!this.warm) {
      // The start-up code (dist/server.js) keeps what has been compiled until now for the next start.
      this.warm = true;
      process.emit(WARM_EVENT as 'beforeExit', 0);
    }
    return sent;
  }

  /** Takes the document's findings off screen, if any are there (for `version`, when it has one). */
  private async clear(uri: string, version: number | undefined): Promise<void> {
    if (!this.stopped && this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, ...(version === undefined ? {} : { version }), diagnostics: [] });
  }

  private parseCache(uri: string): ParseCache {
    let cache = this.parseCaches.get(uri);
    if (!cache) {
      cache = new ParseCache();
      this.parseCaches.set(uri, cache);
    }
    return cache;
  }

  private bump(uri: string): number {
    const next = (this.generations.get(uri) ?? 0) + 1;
    this.generations.set(uri, next);
    return next;
  }

  private logError(message: string, error: unknown): void {
    this.connection.console.error(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

// The index asks which owner-overload maximum is in force to tell which documents an edit can affect.
const OWNER_OVERLOAD = ruleById.get('owner-overload');
const OWNER_OVERLOAD_DEFAULT = overloadMaxOf({}) ?? 0;

function overloadMaxOf(rules: LintOptions['rules']): number | undefined {
  const [resolved] = OWNER_OVERLOAD ? resolveRules(rules, [OWNER_OVERLOAD]) : [];
  const max = Number(resolved?.options.max);
  return resolved && Number.isFinite(max) ? max : undefined;
}
