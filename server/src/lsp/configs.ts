// The `.stratlintrc.yaml` that applies to each document, loaded once and kept until a
// configuration changes (on disk, or in an open editor, whose unsaved text wins). A bad
// configuration is a diagnostic on the config file, open or not, and one on each document
// that uses it, which is then linted with the default rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from './protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, EMPTY_CONFIG, findConfigFile, loadConfig, type StratlintConfig } from '../config/config';
import type { Range } from '../engine/types';
import { SOURCE, type DiagnosticData } from './diagnostics';
import { filePath, folderOf, isConfigFile } from './strategy-files';

export const CONFIG_CODE = 'config';
/** What the server asks the client to watch. */
export const CONFIG_GLOB = '**/.stratlintrc.{yaml,yml}';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface AppliedConfig {
  /** The nearest configuration file above the document, if any. */
  file?: string;
  /** The workspace folder holding the document: the configuration may extend nothing outside it. */
  root?: string;
  /** The empty configuration (default rules) when there is none or it is invalid. */
  config: StratlintConfig;
  error?: ConfigError;
}

interface Loaded {
  file: string;
  root?: string;
  config?: StratlintConfig;
  error?: ConfigError;
}

export class ConfigStore {
  /** By config file and root. */
  private readonly cache = new Map<string, Loaded>();
  /** Config-file diagnostics on screen, by URI, serialized to skip publishing the same twice. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: { all(): TextDocument[] },
    private readonly workspaceFolders: () => readonly string[],
  ) {}

  /** The configuration for a document; never throws. */
  forDocument(uri: string): AppliedConfig {
    const file = filePath(uri);
    if (file === undefined) return { config: EMPTY_CONFIG };
    const root = this.rootOf(uri);
    let configFile: string | undefined;
    try {
      configFile = findConfigFile(path.dirname(file));
    } catch (error) {
      this.log(`looking for the configuration of ${uri}`, error);
    }
    if (configFile === undefined) return { root, config: EMPTY_CONFIG };
    const loaded = this.load(configFile, root);
    return { file: configFile, root, config: loaded.config ?? EMPTY_CONFIG, error: loaded.error };
  }

  /** Whether a change to this document can change a configuration. */
  affects(uri: string): boolean {
    if (isConfigFile(uri)) return true;
    const file = filePath(uri);
    if (file === undefined) return false;
    for (const loaded of this.cache.values()) {
      if (loaded.config?.sources.includes(file) || loaded.error?.file === file) return true;
    }
    return false;
  }

  /**
   * Forgets every loaded configuration, then checks again the open config files and those that
   * were invalid, so that a fixed or deleted one loses its diagnostic. The caller re-lints.
   */
  reload(): void {
    const invalid = [...this.cache.values()].filter((loaded) => loaded.error);
    this.cache.clear();
    for (const { file, root } of invalid) {
      if (this.openDocument(file) || fs.existsSync(file)) this.load(file, root, false);
    }
    for (const document of this.documents.all()) {
      const file = isConfigFile(document.uri) ? filePath(document.uri) : undefined;
      if (file !== undefined) this.load(file, this.rootOf(document.uri), false);
    }
    this.publish();
  }

  /** The diagnostic a document gets when its configuration is invalid. */
  documentDiagnostic(applied: AppliedConfig, uri: string): Diagnostic | undefined {
    const error = applied.error;
    if (!error) return undefined;
    const base = applied.root ?? path.dirname(filePath(uri) ?? error.file);
    const shown = path.relative(base, error.file).split(path.sep).join('/');
    return {
      range: START,
      severity: DiagnosticSeverity.Error,
      code: CONFIG_CODE,
      source: SOURCE,
      message: `Configuration ${shown} is invalid: ${error.detail} — default rules used`,
      relatedInformation: [{ location: { uri: this.uriOf(error.file), range: error.range ?? START }, message: error.detail }],
      data: { ruleId: CONFIG_CODE } satisfies DiagnosticData,
    };
  }

  private load(file: string, root: string | undefined, publish = true): Loaded {
    const key = `${file}\0${root ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    let loaded: Loaded;
    try {
      loaded = { file, root, config: loadConfig(file, { root, readFile: (f) => this.openDocument(f)?.getText() ?? fs.readFileSync(f, 'utf8') }) };
    } catch (error) {
      if (!(error instanceof ConfigError)) this.log(`loading ${file}`, error);
      loaded = { file, root, error: error instanceof ConfigError ? error : new ConfigError(file, error instanceof Error ? error.message : String(error)) };
    }
    this.cache.set(key, loaded);
    if (publish && loaded.error) this.publish();
    return loaded;
  }

  /** Brings the config-file diagnostics on screen in line with the loaded configurations. */
  private publish(): void {
    const now = new Map<string, Map<string, Diagnostic>>();
    for (const { error } of this.cache.values()) {
      if (!error) continue;
      const uri = this.uriOf(error.file);
      const diagnostic: Diagnostic = {
        range: error.range ?? START,
        severity: DiagnosticSeverity.Error,
        code: CONFIG_CODE,
        source: SOURCE,
        message: error.detail,
        data: { ruleId: CONFIG_CODE } satisfies DiagnosticData,
      };
      // The same file can be reached from several configurations.
      const forFile = now.get(uri) ?? new Map<string, Diagnostic>();
      forFile.set(JSON.stringify(diagnostic), diagnostic);
      now.set(uri, forFile);
    }
    for (const [uri, forFile] of now) {
      const key = [...forFile.keys()].join('\n');
      if (this.published.get(uri) === key) continue;
      this.published.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics: [...forFile.values()] });
    }
    for (const uri of [...this.published.keys()]) {
      if (now.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  private rootOf(uri: string): string | undefined {
    const folder = folderOf(uri, this.workspaceFolders());
    return folder === undefined ? undefined : filePath(folder);
  }

  private openDocument(file: string): TextDocument | undefined {
    const wanted = path.resolve(file);
    return this.documents.all().find((d) => filePath(d.uri) === wanted);
  }

  /** The open editor's URI for a file when there is one, so its diagnostics land on that document. */
  private uriOf(file: string): string {
    return this.openDocument(file)?.uri ?? pathToFileURL(file).href;
  }

  private log(what: string, error: unknown): void {
    this.connection.console.error(`stratlint: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
