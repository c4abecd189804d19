// `stratlint/configInfo`: which configuration applies to a document, for the client's language status item.
import { RequestType, type Connection } from './protocol';
import type { ConfigStore } from './configs';

export interface ConfigInfoParams {
  uri: string;
}

export interface ConfigInfo {
  /** The nearest configuration file, or null when the defaults apply. */
  configFile: string | null;
  /** The files that make the configuration in use, nearest first; empty when it is invalid. */
  sources: string[];
  /** Why the configuration is invalid (the document is then linted with the default rules). */
  error?: string;
}

export const ConfigInfoRequest = new RequestType<ConfigInfoParams, ConfigInfo, void>('stratlint/configInfo');

export function serveConfigInfo(connection: Connection, configs: ConfigStore): void {
  connection.onRequest(ConfigInfoRequest, (params): ConfigInfo => {
    if (typeof params?.uri !== 'string') return { configFile: null, sources: [] };
    const applied = configs.forDocument(params.uri);
    return {
      configFile: applied.file ?? null,
      sources: applied.error ? [] : applied.config.sources,
      ...(applied.error ? { error: applied.error.message } : {}),
    };
  });
}
