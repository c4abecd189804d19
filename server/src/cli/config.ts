// Which configuration applies to each document: the nearest .stratlintrc.yaml (or .yml) above
// it, or the one --config names. Each configuration file is loaded once per run.
import * as path from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_NAMES, EMPTY_CONFIG, findConfigFile, loadConfig, type StratlintConfig } from '../config/config';

const YAML_FILE = /\.ya?ml$/;

interface Loaded {
  config: StratlintConfig;
  /** The `files` globs, each tested against the path relative to its own base folder. */
  lists: (file: string) => boolean;
}

export class ConfigResolver {
  private readonly loaded = new Map<string, Loaded>();
  private readonly nearest = new Map<string, string | undefined>();

  /**
   * `root`: configurations may extend files inside it (or in node_modules) only.
   * `explicit`: an absolute path used for every document instead of the lookup.
   */
  constructor(
    private readonly root: string,
    private readonly explicit?: string,
  ) {}

  /** The configuration for a document. Throws ConfigError. */
  forDocument(file: string): StratlintConfig {
    return this.load(file)?.config ?? EMPTY_CONFIG;
  }

  /** Whether a YAML file met in a folder walk is named by its configuration's `files` globs. Throws ConfigError. */
  listsFile(file: string): boolean {
    if (!YAML_FILE.test(file) || CONFIG_NAMES.includes(path.basename(file))) return false;
    return this.load(file)?.lists(file) ?? false;
  }

  private load(document: string): Loaded | undefined {
    const file = this.explicit ?? this.nearestTo(path.dirname(document));
    if (file === undefined) return undefined;
    let loaded = this.loaded.get(file);
    if (!loaded) {
      // An explicitly named configuration outside the working folder may still extend its neighbours.
      const root = this.explicit && !inside(this.explicit, this.root) ? path.dirname(this.explicit) : this.root;
      const config = loadConfig(file, { root });
      loaded = { config, lists: globMatcher(config.files) };
      this.loaded.set(file, loaded);
    }
    return loaded;
  }

  private nearestTo(folder: string): string | undefined {
    if (!this.nearest.has(folder)) this.nearest.set(folder, findConfigFile(folder));
    return this.nearest.get(folder);
  }
}

function globMatcher(globs: StratlintConfig['files']): (file: string) => boolean {
  const tests = globs.map(({ base, pattern }) => {
    const matches = picomatch(path.posix.normalize(pattern), { dot: false });
    return (file: string) => {
      const relative = path.relative(base, file);
      return inside(file, base) && matches(relative.split(path.sep).join('/'));
    };
  });
  return (file) => tests.some((t) => t(file));
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}
