// The workspace index in the editor: every strategy document of the workspace folders, read from
// disk at start and kept current through file watching and open-document edits (the open text
// wins over the file). Cross-file rules read it; this module says which documents to re-lint when
// it changes, and withdraws the findings of a file that is deleted or stops being a strategy document.
import { FileChangeType, type Connection, type FileEvent, type Location, type TextDocuments, type WorkDoneProgressServerReporter } from './protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/lint';
import { WorkspaceIndex } from '../engine/workspace';
import { isYamlName, readSmallFile, uriUnder, yamlFiles } from './scan';
import { filePath, folderOf, uriPath } from './strategy-files';
import { TimeSlicer } from './time-slices';
import type { Validator } from './validation';

/** Files read at once while scanning. */
const READ_BATCH = 32;
/** A scan shows its progress once it has taken this long, or found more than PROGRESS_FILES documents. */
const PROGRESS_AFTER_MS = 500;
const PROGRESS_FILES = 50;

/** The strategy id of a document that is not indexed, read from its top-level `id:` line without a full parse. */
const STRATEGY_ID = /^id:[ \t]*["']?([A-Za-z0-9-]+)["']?[ \t]*(?:#.*)?$/m;

export class WorkspaceFiles {
  readonly index = new WorkspaceIndex();
  /** File path → the URI it is indexed under, so that one file never counts twice under two spellings. */
  private readonly byPath = new Map<string, string>();
  /** Bumped per URI on every read from disk; a read applies only if it is still the latest. */
  private readonly reads = new Map<string, number>();
  private scanning: Promise<void> | undefined;
  private scanAgain = false;
  private validator!: Validator;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly folders: () => readonly string[],
  ) {}

  /** The validator lints what the index holds; the two are made together. */
  attach(validator: Validator): void {
    this.validator = validator;
  }

  /**
   * Brings the index in line with a document's text: `undefined` when it is no strategy document
   * (or too large to index). Only files of the workspace folders are indexed. Returns the other
   * documents whose cross-file findings may have changed.
   */
  track(uri: string, text: string | undefined): string[] {
    const file = filePath(uri);
    // The URI the file is indexed under; every entry is a file of a workspace folder.
    const indexed = file === undefined ? undefined : this.byPath.get(file);
    const affected: string[] = [];
    if (indexed !== undefined && (indexed !== uri || text === undefined || !this.inWorkspace(uri))) {
      this.byPath.delete(file!);
      affected.push(...this.index.affectedBy(this.index.delete(indexed), this.validator.affectOptions()));
      // The client spells this file's URI differently from the scan: its spelling wins.
      if (indexed !== uri) this.validator.withdraw(indexed);
    }
    if (file !== undefined && text !== undefined && this.inWorkspace(uri)) {
      this.byPath.set(file, uri);
      affected.push(...this.index.affectedBy(this.index.set(uri, text), this.validator.affectOptions()));
    }
    return [...new Set(affected)].filter((u) => u !== uri);
  }

  /**
   * Indexes every strategy document of the workspace folders and drops the entries that no longer
   * are, then lints them all: at start, and when the settings, configurations or folders change
   * which files are strategy documents. Overlapping requests run one more scan after the current one.
   */
  scan(): Promise<void> {
    if (this.scanning) {
      this.scanAgain = true;
      return this.scanning;
    }
    const run = async (): Promise<void> => {
      do {
        this.scanAgain = false;
        await this.scanOnce().catch((error: unknown) => this.log('error', 'scanning the workspace folders failed', error));
      } while (this.scanAgain);
      this.scanning = undefined;
    };
    this.scanning = run();
    return this.scanning;
  }

  /** `workspace/didChangeWatchedFiles`: created and changed files are read again, deleted ones dropped. */
  changedOnDisk(changes: readonly FileEvent[]): void {
    for (const { uri, type } of changes) {
      if (type === FileChangeType.Deleted) {
        // A deleted folder may be reported alone.
        const under = `${uri.replace(/\/+$/, '')}/`;
        for (const indexed of this.index.uris()) if (indexed === uri || indexed.startsWith(under)) void this.refresh(indexed);
        if (!this.index.has(uri) && isYamlName(uriPath(uri))) void this.refresh(uri);
      } else if (isYamlName(uriPath(uri))) {
        void this.refresh(uri);
      }
    }
  }

  /**
   * A document was closed: a strategy document of the workspace folders keeps its findings,
   * linted again from the file on disk; any other loses them.
   */
  closed(uri: string): void {
    if (this.inWorkspace(uri)) void this.refresh(uri);
    else this.validator.withdraw(uri);
  }

  /**
   * Where a strategy id is defined, `except` left out: indexed documents first, then open documents
   * outside the index (outside the workspace folders, or not saved yet).
   */
  strategyLocations(id: string, except: string): Location[] {
    const found: Location[] = this.index
      .byStrategyId(id)
      .filter((d) => d.uri !== except)
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
      .map((d) => ({ uri: d.uri, range: d.rangeOf(['id']) }));
    for (const document of this.documents.all()) {
      if (document.uri === except || this.index.has(document.uri)) continue;
      const text = document.getText();
      const match = STRATEGY_ID.exec(text);
      if (match?.[1] !== id) continue;
      const start = match.index + match[0].indexOf(id, 3);
      found.push({ uri: document.uri, range: { start: document.positionAt(start), end: document.positionAt(start + id.length) } });
    }
    return found;
  }

  /** Reads one file again and indexes it, or drops it; open documents are left to the validator. */
  private async refresh(uri: string): Promise<void> {
    if (this.documents.get(uri)) return;
    const read = this.nextRead(uri);
    const text = await this.readStrategyFile(uri);
    if (this.reads.get(uri) !== read || this.documents.get(uri)) return;
    this.apply(uri, text);
  }

  private apply(uri: string, text: string | undefined): void {
    const before = this.index.get(uri);
    const affected = this.track(uri, text);
    const after = this.index.get(uri);
    if (!after) this.validator.withdraw(uri);
    else if (after !== before) affected.push(uri);
    this.validator.relint(affected);
  }

  /** The text of a file of the workspace folders that is a strategy document small enough to index. */
  private async readStrategyFile(uri: string): Promise<string | undefined> {
    const candidate = await this.strategyFile(uri);
    return candidate && this.readText(candidate.file, candidate.maxChars);
  }

  /** The path and size limit of a file of the workspace folders that is a strategy document. */
  private async strategyFile(uri: string): Promise<{ file: string; maxChars: number } | undefined> {
    const file = this.inWorkspace(uri) ? filePath(uri) : undefined;
    if (file === undefined) return undefined;
    const lintWith = await this.validator.lintOptions(uri);
    return lintWith && { file, maxChars: lintWith.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  }

  private async readText(file: string, maxChars: number): Promise<string | undefined> {
    const read = await readSmallFile(file, maxChars);
    if ('text' in read) return read.text;
    // A file deleted between the event and the read is not worth a line in the log.
    if (!read.skipped.startsWith('ENOENT')) this.log('warn', `${file} is not indexed: ${read.skipped}`);
    return undefined;
  }

  private async scanOnce(): Promise<void> {
    const progress = new ScanProgress(this.connection);
    try {
      // 1. The strategy documents of every folder (a nested folder's files once). Whether a file is
      // one depends on the settings and the configuration files, looked up for each.
      const slicer = new TimeSlicer();
      const found = new Map<string, { uri: string; maxChars: number; read: number }>();
      for (const folder of this.folders()) {
        const root = filePath(folder);
        if (root === undefined) continue;
        for await (const file of yamlFiles(root, (what, why) => this.log('warn', `${what} is not searched`, why))) {
          await slicer.pause();
          if (found.has(file)) continue;
          const uri = uriUnder(folder, root, file);
          const candidate = await this.strategyFile(uri);
          if (!candidate) continue;
          found.set(file, { uri: this.byPath.get(file) ?? uri, maxChars: candidate.maxChars, read: 0 });
          if (found.size > PROGRESS_FILES) progress.show();
        }
      }
      // 2. Their text, a batch at a time, indexed in time slices so requests are served meanwhile.
      const files = [...found.entries()];
      let done = 0;
      for (let i = 0; i < files.length; i += READ_BATCH) {
        const batch = files.slice(i, i + READ_BATCH);
        for (const [, entry] of batch) entry.read = this.nextRead(entry.uri);
        const texts = await Promise.all(batch.map(([file, { maxChars }]) => this.readText(file, maxChars)));
        for (const [k, [, { uri, read }]] of batch.entries()) {
          // Changed on disk meanwhile (a newer read applies), or open: the editor's text wins.
          if (this.reads.get(uri) !== read || this.documents.get(uri)) continue;
          this.track(uri, texts[k]);
          if (texts[k] === undefined) this.validator.withdraw(uri);
          await slicer.pause();
        }
        done += batch.length;
        progress.report(`Indexing strategy documents ${done}/${files.length}`, (50 * done) / files.length);
      }
      // 3. Entries that are no longer strategy documents of a folder.
      const kept = new Set([...found.values()].map((f) => f.uri));
      for (const uri of this.index.uris()) {
        const open = this.documents.get(uri) !== undefined;
        if (kept.has(uri) || (open && this.inWorkspace(uri))) continue;
        this.track(uri, undefined);
        if (!open) this.validator.withdraw(uri);
      }
      // 4. Everything linted against the whole index (which covers what the changes above affect).
      this.validator.scheduleAll();
      const total = this.validator.backlog;
      await this.validator.idle((left) => progress.report(`Checking strategy documents ${total - left}/${total}`, 50 + (50 * (total - left)) / Math.max(total, 1)));
    } finally {
      progress.done();
    }
  }

  private inWorkspace(uri: string): boolean {
    return uri.startsWith('file:') && folderOf(uri, this.folders()) !== undefined;
  }

  private nextRead(uri: string): number {
    const next = (this.reads.get(uri) ?? 0) + 1;
    this.reads.set(uri, next);
    return next;
  }

  private log(level: 'warn' | 'error', what: string, error?: unknown): void {
    const why = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.connection.console[level](`stratlint: ${what}${why}`);
  }
}

/** A work-done progress in the client, begun only once the scan turns out to take more than a moment. */
class ScanProgress {
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private readonly timer: NodeJS.Timeout;
  private shown = -1;
  private finished = false;

  constructor(private readonly connection: Connection) {
    this.timer = setTimeout(() => this.show(), PROGRESS_AFTER_MS);
  }

  show(): void {
    if (this.reporter || this.finished) return;
    this.reporter = this.connection.window.createWorkDoneProgress().then(
      (reporter) => {
        reporter.begin('stratlint', 0, 'Indexing strategy documents');
        return reporter;
      },
      () => undefined, // the client declined
    );
  }

  /** Percentages are whole numbers; one report per step keeps the traffic low. */
  report(message: string, percentage: number): void {
    const rounded = Math.floor(percentage);
    if (!this.reporter || rounded === this.shown) return;
    this.shown = rounded;
    void this.reporter.then((r) => r?.report(rounded, message));
  }

  done(): void {
    this.finished = true;
    clearTimeout(this.timer);
    void this.reporter?.then((r) => r?.done());
  }
}
