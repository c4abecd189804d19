// SARIF 2.1.0 (OASIS), as code-scanning services read it: one run, the tool with the metadata of
// each rule that fired (rationale, docs page, failure-mode tags), one result per finding with its
// location and the related locations, cross-file ones included. Paths are relative to the working
// folder, resolved against %SRCROOT%.
import { pathToFileURL } from 'node:url';
import { repository, version } from '../../../package.json';
import { ruleDocsUrl } from '../engine/docs';
import { toOneBased } from '../engine/positions';
import type { Range, Rule, Severity } from '../engine/types';
import { ruleById } from '../rules';
import { relatedPath } from './related';
import type { Formatter } from './results';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const SRCROOT = '%SRCROOT%';

export const formatSarif: Formatter = (results, { cwd }) => {
  const fired = [...new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))].sort();
  const ruleIndex = new Map(fired.map((id, i) => [id, i]));
  const location = (uri: string, range: Range) => {
    const { line, column, endLine, endColumn } = toOneBased(range);
    return {
      physicalLocation: {
        artifactLocation: { uri: uri.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
        region: { startLine: line, startColumn: column, endLine, endColumn },
      },
    };
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'stratlint',
          version,
          semanticVersion: version,
          informationUri: repository.url.replace(/^git\+/, '').replace(/\.git$/, ''),
          rules: fired.map((id) => descriptor(id)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((result) =>
        result.findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId)!,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [location(result.filePath, f.range)],
          ...(f.related && f.related.length > 0
            ? {
                relatedLocations: f.related.map((r, i) => ({
                  id: i + 1,
                  ...location(r.uri === undefined ? result.filePath : relatedPath(r.uri, cwd), r.range),
                  message: { text: r.message },
                })),
              }
            : {}),
          ...(f.failureMode ? { properties: { failureMode: f.failureMode } } : {}),
        })),
      ),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function descriptor(id: string) {
  const rule: Rule | undefined = ruleById.get(id);
  if (!rule) return { id };
  const { meta } = rule;
  const modes = meta.failureMode ? [meta.failureMode, ...(meta.alsoGuards ?? [])] : [];
  return {
    id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale },
    help: { text: meta.countermeasure, markdown: meta.countermeasure },
    helpUri: ruleDocsUrl(id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: modes.length > 0 ? modes : ['structural'] },
  };
}
