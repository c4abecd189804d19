// Lints open documents after a short pause in typing and publishes the result,
// unless the document moved on meanwhile.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ParseCache } from '../engine/chunks';
import { lint } from '../engine/lint';
import type { LintOptions } from '../engine/types';
import type { AppliedConfig, ConfigStore } from './configs';
import { lintFailureDiagnostic, toDiagnostic } from './diagnostics';
import { lintOptionsFrom, type SettingsStore } from './settings';
import { isStrategyDocument } from './strategy-files';

/** Below the 50 ms budget between a keystroke and its diagnostics. */
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

export interface ValidatorOptions {
  /** Pins the date for date-based rules (tests); undefined means the current date. */
  today?: string;
  workspaceFolders: () => readonly string[];
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();
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

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly configs: ConfigStore,
    private readonly options: ValidatorOptions,
  ) {}

  schedule(uri: string): void {
    const generation = this.bump(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri, generation).catch((error: unknown) => this.logError(`stratlint: validating ${uri} failed`, error));
      }, DEBOUNCE_MS),
    );
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  closed(uri: string): void {
    this.bump(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.parseCaches.delete(uri);
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The engine options a document is linted with, or undefined when it is not a strategy document.
   * Diagnostics and the editor features (hover, code actions, code lens) lint with the same ones.
   */
  async lintOptions(uri: string): Promise<{ options: LintOptions & { uri: string }; applied: AppliedConfig } | undefined> {
    const settings = await this.settings.get(uri);
    const applied = this.configs.forDocument(uri);
    if (!isStrategyDocument(uri, settings.files, this.options.workspaceFolders(), applied.config.files)) return undefined;
    return {
      applied,
      options: { ...lintOptionsFrom(settings, applied.config.rules), uri, parseCache: this.parseCache(uri), ...(this.options.today ? { today: this.options.today } : {}) },
    };
  }

  private async validate(uri: string, generation: number): Promise<void> {
    const lintWith = await this.lintOptions(uri);
    const document = this.documents.get(uri);
    if (!document || this.generations.get(uri) !== generation) return;
    if (!lintWith) {
      if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [] });
      return;
    }
    const diagnostics = lintToDiagnostics(document.getText(), lintWith.options, (error) => this.logError(`stratlint: linting ${uri} failed`, error));
    const configProblem = this.configs.documentDiagnostic(lintWith.applied, uri);
    if (configProblem) diagnostics.unshift(configProblem);
    // Linting is synchronous, so nothing can have changed since the check above.
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
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
