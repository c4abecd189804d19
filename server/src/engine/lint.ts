// text + options → findings. Pure: no protocol, no file system, no process.
import { rules as allRules, ruleById } from '../rules';
import { sameElements } from './memo';
import { health, putsModeAtRisk } from './health';
import { describeChain, findChains, linkFindings } from './obstacle-chain';
import { byCodeUnits } from './words';
import { parse, type Parsed } from './parse';
import { applyDirectives, parseDirectives } from './suppressions';
import { offsetsOf } from './positions';
import type { Finding, LintOptions, LintResult, Report, Rule, RuleConfig, RuleContext, RuleLevel, RuleOptions, Severity, WorkspaceView } from './types';
import { MAX_RELATED } from './types';

/** Documents above this size are skipped with one informational finding. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/**
 * Documents with more lines are skipped too: a few megabytes of very short lines would take many
 * seconds to lint, and no strategy is that long.
 */
export const MAX_LINES = 100_000;

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether a text is beyond what is linted (the size limit or MAX_LINES): the editor features leave it alone too. */
export function tooLargeToLint(text: string, maxSize = DEFAULT_MAX_FILE_SIZE): boolean {
  return text.length > maxSize || (text.length > MAX_LINES && countLines(text) > MAX_LINES);
}

export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  options: RuleOptions;
}

/** Severity and options of every enabled rule, defaults merged with the configuration. */
export function resolveRules(config: Record<string, RuleConfig> = {}, list: readonly Rule[] = allRules): ResolvedRule[] {
  const resolved: ResolvedRule[] = [];
  for (const rule of list) {
    const entry = config[rule.meta.id];
    let level: RuleLevel = rule.meta.severity;
    let overrides: RuleOptions = {};
    if (typeof entry === 'string') level = entry;
    else if (Array.isArray(entry)) {
      level = entry[0];
      overrides = entry[1] ?? {};
    }
    if (level === 'off') continue;
    const options: RuleOptions = {};
    for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
    resolved.push({ rule, severity: level, options: { ...options, ...overrides } });
  }
  return resolved;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in data ? String(data[name]) : `{{${name}}}`));
}

export function lint(text: string, options: LintOptions = {}): LintResult {
  const today = options.today ?? todayIso();
  const maxSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const config = options.rules ?? {};
  if (tooLargeToLint(text, maxSize)) {
    const level = levelOf('file-too-large', config);
    const lines = parse('').lines;
    const [messageId, data] =
      text.length > maxSize ? ['tooLarge', { size: text.length, limit: maxSize }] : ['tooManyLines', { lines: countLines(text), limit: MAX_LINES }];
    return {
      findings: level === 'off' ? [] : [engineFinding('file-too-large', level, messageId, data, { start: 0, end: 0 }, lines)],
      health: null,
    };
  }
  const parsed = parse(text, options.parseCache);
  const findings: Finding[] = [];
  if (parsed.problems.length > 0 || !parsed.doc || !parsed.value) {
    const level = levelOf('yaml-syntax', config);
    if (level !== 'off') {
      for (const problem of parsed.problems) {
        findings.push(engineFinding('yaml-syntax', level, 'syntax', { message: problem.message }, problem.offsets, parsed.lines));
      }
    }
    return { findings, health: null };
  }
  // Diagnostics, hover and code lens ask for the same text with the same options: answer once.
  const key = memoKey(today, maxSize, options);
  const known = key === undefined ? undefined : results.get(parsed);
  if (known && known.key === key) return known.result;
  const value = parsed.value;
  const list = options.plugins && options.plugins.length > 0 ? [...allRules, ...options.plugins] : allRules;
  for (const resolved of resolveRules(config, list)) {
    runRule(resolved, parsed, value, today, options, findings);
  }
  const result = [...suppress(findings, parsed, config), ...chainFindings(findings, parsed, config)];
  linkFindings(result);
  result.sort((a, b) => a.offsets.start - b.offsets.start || byCodeUnits(a.ruleId, b.ruleId));
  const answer = { findings: result, health: health(result) };
  if (key !== undefined) results.set(parsed, { key, result: answer });
  return answer;
}

const results = new WeakMap<Parsed, { key: string; result: LintResult }>();

/** What a result depends on besides the text; undefined when that cannot be told (plugins, an index without revisions). */
function memoKey(today: string, maxSize: number, options: LintOptions): string | undefined {
  if (options.plugins && options.plugins.length > 0) return undefined;
  if (options.workspace && options.workspace.revision === undefined) return undefined;
  const workspace = options.workspace ? [workspaceNumber(options.workspace), options.workspace.revision] : null;
  return JSON.stringify([today, maxSize, options.uri ?? null, options.rules ?? {}, workspace]);
}

/** A number per workspace view: two indexes at the same revision are still different workspaces. */
const workspaceNumbers = new WeakMap<WorkspaceView, number>();
let workspacesSeen = 0;

function workspaceNumber(workspace: WorkspaceView): number {
  let n = workspaceNumbers.get(workspace);
  if (n === undefined) workspaceNumbers.set(workspace, (n = workspacesSeen++));
  return n;
}

/** Drops findings covered by suppression comments (in place) and reports the comments that cover nothing. */
function suppress(findings: Finding[], parsed: Parsed, config: Record<string, RuleConfig>): Finding[] {
  const directives = parseDirectives(parsed.text, parsed.lines);
  if (directives.length === 0) return findings;
  const { kept, unused } = applyDirectives(findings, directives);
  findings.length = 0;
  findings.push(...kept);
  const level = levelOf('unused-suppression', config);
  if (level === 'off') return findings;
  for (const u of unused) {
    const known = u.id === undefined || ruleById.has(u.id);
    const messageId = !known ? 'unknownRule' : u.id === undefined ? 'unusedAll' : 'unused';
    findings.push(engineFinding('unused-suppression', level, messageId, { id: u.id ?? '' }, u.offsets, parsed.lines));
  }
  return findings;
}

function chainFindings(findings: readonly Finding[], parsed: Parsed, config: Record<string, RuleConfig>): Finding[] {
  const level = levelOf('obstacle-chain', config);
  if (level === 'off') return [];
  const offsets = offsetsOf(parsed.doc!, parsed.text, ['id'], 'key');
  return findChains(findings).map((chain) => ({
    ...engineFinding('obstacle-chain', level, 'chain', { chain: describeChain(chain), root: chain.root }, offsets, parsed.lines),
    failureMode: chain.root,
    path: ['id'],
    related: chain.modes
      .map((mode) => findings.find((f) => f.failureMode === mode && putsModeAtRisk(f)))
      .filter((f): f is Finding => f !== undefined)
      .map((f) => ({ message: `${f.failureMode}: ${f.message}`, range: f.range })),
  }));
}

function levelOf(id: string, config: Record<string, RuleConfig>): RuleLevel {
  const entry = config[id];
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) return entry[0];
  return ruleById.get(id)?.meta.severity ?? 'error';
}

interface Remembered {
  setting: string;
  deps: readonly unknown[];
  reports: Report[];
}

/** What each rule reported per item (see RuleContext.memo), by rule id. */
const remembered = new Map<string, WeakMap<object, Remembered>>();

function runRule(resolved: ResolvedRule, parsed: Parsed, value: Record<string, unknown>, today: string, options: LintOptions, out: Finding[]): void {
  const { rule, severity } = resolved;
  const doc = parsed.doc!;
  const produced: Finding[] = [];
  let memory = remembered.get(rule.meta.id);
  if (!memory) remembered.set(rule.meta.id, (memory = new WeakMap()));
  // The date and the options are part of every item's key.
  const setting = JSON.stringify([today, resolved.options]);
  let recording: Report[] | undefined;
  const context: RuleContext = {
    doc: value,
    text: parsed.text,
    today,
    options: resolved.options,
    uri: options.uri,
    workspace: options.workspace,
    memo(item, deps, check) {
      const known = memory.get(item);
      if (known && known.setting === setting && sameElements(known.deps, deps)) {
        for (const report of known.reports) context.report(report);
        return;
      }
      const outer = recording;
      const reports: Report[] = (recording = []);
      try {
        check();
      } finally {
        recording = outer;
      }
      memory.set(item, { setting, deps, reports });
      for (const report of reports) context.report(report);
    },
    report(report: Report) {
      if (recording) {
        recording.push(report);
        return;
      }
      const template = rule.meta.messages[report.messageId];
      if (template === undefined) throw new Error(`unknown messageId '${report.messageId}'`);
      const offsets = offsetsOf(doc, parsed.text, report.path, report.target);
      const here = (report.related ?? []).slice(0, MAX_RELATED);
      const related = [
        ...here.map((r) => ({ message: r.message, range: parsed.lines.range(offsetsOf(doc, parsed.text, r.path, r.target)) })),
        ...(report.relatedElsewhere ?? []).slice(0, MAX_RELATED - here.length),
      ];
      produced.push({
        ruleId: rule.meta.id,
        severity,
        failureMode: rule.meta.failureMode,
        message: formatMessage(template, report.data),
        path: report.path,
        range: parsed.lines.range(offsets),
        offsets,
        ...(report.fixes && report.fixes.length > 0 && rule.meta.fixable ? { fixes: report.fixes } : {}),
        ...(related.length > 0 ? { related } : {}),
      });
    },
  };
  try {
    rule.check(context);
    out.push(...produced);
  } catch (error) {
    // One broken rule must not hide the others' findings.
    const level = levelOf('internal-error', options.rules ?? {});
    if (level !== 'off') {
      out.push(engineFinding('internal-error', level, 'failed', { rule: rule.meta.id, error: (error as Error)?.message ?? String(error) }, { start: 0, end: 0 }, parsed.lines));
    }
  }
}

function engineFinding(
  ruleId: string,
  severity: Severity,
  messageId: string,
  data: Record<string, string | number>,
  offsets: { start: number; end: number },
  lines: Parsed['lines'],
): Finding {
  const meta = ruleById.get(ruleId)!.meta;
  return {
    ruleId,
    severity,
    failureMode: meta.failureMode,
    message: formatMessage(meta.messages[messageId], data),
    path: [],
    range: lines.range(offsets),
    offsets,
  };
}
