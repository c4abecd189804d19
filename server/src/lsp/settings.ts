// The one place that knows the `stratlint.*` settings: their shape, defaults and
// how they are read. Adding a setting means a field here (type, default, reader)
// and its entry in package.json `contributes.configuration`.
import type { Connection } from './protocol';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/lint';
import type { LintOptions, RuleConfig, RuleLevel } from '../engine/types';

export interface Settings {
  /** Extra globs, relative to a workspace folder, of YAML files to lint besides *.strategy.yaml / *.strategy.yml. */
  files: string[];
  /** Severity overrides per rule id. */
  rules: Record<string, RuleLevel>;
  /** Documents above this many characters are skipped with one finding. */
  maxFileSize: number;
}

export const SECTION = 'stratlint';

export const defaultSettings: Readonly<Settings> = Object.freeze({
  files: [],
  rules: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

const LEVELS: readonly string[] = ['off', 'info', 'warning', 'error'] satisfies RuleLevel[];

/** Each reader returns the value when it is well-formed, undefined otherwise (the default then applies). */
const readers: { [K in keyof Settings]: (raw: unknown) => Settings[K] | undefined } = {
  files: (raw) => (Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : undefined),
  rules: (raw) => {
    if (!isRecord(raw)) return undefined;
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(raw)) {
      if (typeof level === 'string' && LEVELS.includes(level)) rules[id] = level as RuleLevel;
    }
    return rules;
  },
  maxFileSize: (raw) => (typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : undefined),
};

/** The `stratlint` section as the client sent it → complete, well-typed settings. Bad values fall back to their default. */
export function readSettings(raw: unknown): Settings {
  const section = isRecord(raw) ? raw : {};
  const settings = { ...defaultSettings } as Settings;
  for (const key of Object.keys(readers) as (keyof Settings)[]) {
    const value = readers[key](section[key]);
    if (value !== undefined) (settings as unknown as Record<string, unknown>)[key] = value;
  }
  return settings;
}

/** The part of the engine options that comes from settings, over the rules of the configuration file. */
export function lintOptionsFrom(settings: Settings, configRules: Readonly<Record<string, RuleConfig>> = {}): Pick<LintOptions, 'rules' | 'maxFileSize'> {
  return { rules: overrideLevels(configRules, settings.rules), maxFileSize: settings.maxFileSize };
}

/** `stratlint.rules` only sets levels: it wins over the configuration's level and keeps its options. */
export function overrideLevels(config: Readonly<Record<string, RuleConfig>>, levels: Readonly<Record<string, RuleLevel>>): Record<string, RuleConfig> {
  const rules: Record<string, RuleConfig> = { ...config };
  for (const [id, level] of Object.entries(levels)) {
    const entry = config[id];
    const options = Array.isArray(entry) ? entry[1] : undefined;
    rules[id] = options ? [level, options] : level;
  }
  return rules;
}

/**
 * Settings per document. Pulled with `workspace/configuration` (scoped to the document,
 * so folder settings apply) when the client supports it; otherwise the section pushed
 * with `workspace/didChangeConfiguration`.
 */
export class SettingsStore {
  private readonly pulled = new Map<string, Promise<Settings>>();
  private pushed: Settings = { ...defaultSettings };

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** Whether `get` answers without asking the editor: the settings were asked for already, or are pushed. */
  known(uri: string): boolean {
    return !this.canPull() || this.pulled.has(uri);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(readSettings, (error: unknown) => {
        this.connection.console.error(`stratlint: could not read settings for ${uri}: ${String(error)}`);
        return { ...defaultSettings };
      });
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  /** After `workspace/didChangeConfiguration`: `settings` is the notification's payload. */
  changed(settings: unknown): void {
    this.pulled.clear();
    if (!this.canPull()) this.pushed = readSettings(isRecord(settings) ? settings[SECTION] : undefined);
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
