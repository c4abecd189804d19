// Plain data shared by the engine, the rules and the adapters (LSP, CLI).
// Nothing here knows about the protocol, the file system or the process.
import type { DocumentSummary } from './summary';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleLevel = Severity | 'off';

/** A path into the document: keys of maps and indexes of lists, from the root. */
export type Path = readonly (string | number)[];

/** Failure modes FM01..FM15, success practices P1..P5, or null for structural rules. */
export type FailureMode =
  | 'FM01' | 'FM02' | 'FM03' | 'FM04' | 'FM05' | 'FM06' | 'FM07' | 'FM08'
  | 'FM09' | 'FM10' | 'FM11' | 'FM12' | 'FM13' | 'FM14' | 'FM15'
  | 'P1' | 'P2' | 'P3' | 'P4' | 'P5';

/** Which part of the node at a path a finding points at. */
export type Target = 'key' | 'value';

/** 0-based position; `character` counts UTF-16 code units, as editors do. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface OffsetRange { start: number; end: number }

/**
 * A semantic edit. Fixes are made of these and rendered into minimal text edits
 * by one module, so comments, key order and indentation survive.
 */
export type FixOp =
  /** Add `key: value` to the map at `path` (creating missing parent maps); replaces the value if the key exists. */
  | { op: 'set'; path: Path; key: string; value: unknown }
  /** Append `value` to the list at `path[..-1]` key `path[-1]`, creating the list when missing. */
  | { op: 'append'; path: Path; value: unknown }
  /** Replace the scalar at `path` with `value`. */
  | { op: 'replace'; path: Path; value: string | number | boolean }
  /** Rename the key at `path` (last segment is the current key name). */
  | { op: 'renameKey'; path: Path; to: string };

export interface Fix {
  title: string;
  ops: FixOp[];
  /** Shown first and used by "fix all" when true. */
  preferred?: boolean;
}

/**
 * Related places kept per finding, here and elsewhere together. One person owning 2,000 tactics
 * would otherwise give each of 2,000 findings 1,999 related places: millions of ranges to compute
 * and send, and more than an editor can show.
 */
export const MAX_RELATED = 20;

export interface RelatedInfo {
  message: string;
  /** Omitted for the same document. */
  uri?: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  failureMode: FailureMode | null;
  message: string;
  path: Path;
  range: Range;
  offsets: OffsetRange;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

/** What a rule hands to `report`: a place in the document (never a line or a column) and a message. */
export interface Report {
  path: Path;
  target?: Target;
  /** Key of `meta.messages`; placeholders `{{name}}` are filled from `data`. */
  messageId: string;
  data?: Record<string, string | number>;
  fixes?: Fix[];
  /** Other places in this document that explain the finding (at most MAX_RELATED in all are kept). */
  related?: { path: Path; target?: Target; message: string }[];
  /** Places in other documents (already resolved to ranges). */
  relatedElsewhere?: RelatedInfo[];
}

export interface RuleOptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | string[];
  description: string;
}

export interface RuleMeta {
  id: string;
  failureMode: FailureMode | null;
  /** Further failure modes or practices the rule also guards (e.g. strategy-why: FM08 and P1). */
  alsoGuards?: FailureMode[];
  /** Failure modes this rule's failure mode tends to lead to (the chain of obstacles). */
  leadsTo?: FailureMode[];
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Why the missing piece matters in implementation (shown on hover). */
  rationale: string;
  /** What to add to the document. */
  countermeasure: string;
  messages: Record<string, string>;
  fixable: boolean;
  options?: Record<string, RuleOptionSpec>;
  /** Needs the workspace index (other documents). */
  crossFile?: boolean;
}

export type RuleOptions = Record<string, number | string | boolean | string[]>;

export interface RuleContext {
  /** The parsed document as plain data. Shapes are not guaranteed: schema errors are reported separately. */
  readonly doc: Record<string, unknown>;
  readonly text: string;
  readonly today: string;
  readonly options: RuleOptions;
  readonly uri: string | undefined;
  readonly workspace: WorkspaceView | undefined;
  report(report: Report): void;
  /**
   * Runs `check` for one item of the document, or replays what it reported the last time it ran
   * for the same item object with the same `deps` (compared with ===), the same date and the same
   * rule options. Unchanged parts of a document keep their objects across edits, so a rule that
   * checks item by item re-checks only the items an edit touched. `check` must read nothing of
   * the document but `item` and `deps`.
   */
  memo(item: object, deps: readonly unknown[], check: () => void): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/**
 * The strategy documents of the lint set (the CLI's files, the editor's workspace folders), as
 * cross-file rules see them. It may hold the document being linted too, possibly in an older
 * version: rules read that one from their own context (`doc`) and skip the entry with the same uri.
 * Each uri is listed once. Implemented by `WorkspaceIndex` (engine/workspace.ts).
 */
export interface WorkspaceView {
  /** Changes whenever a document is added, changed or removed (lets results be reused while it stays the same). */
  readonly revision?: number;
  documents(): Iterable<IndexedDocument>;
  get(uri: string): IndexedDocument | undefined;
  /** Documents whose `id` is this strategy id. */
  byStrategyId(id: string): readonly IndexedDocument[];
  /** Documents where this person id owns at least one tactic. */
  byTacticOwner(personId: string): readonly IndexedDocument[];
  /** Documents with a KPI of this name (trimmed, case-insensitive). */
  byKpiName(name: string): readonly IndexedDocument[];
  /** Documents listing this person id in `people`. */
  byPersonId(personId: string): readonly IndexedDocument[];
}

export interface IndexedDocument {
  uri: string;
  /** The text the summary was taken from. */
  text: string;
  /** Strategy id, status, people, units, tactics, KPIs and related refs, as paths. */
  summary: DocumentSummary;
  /** Resolves a path in that document (as indexed) to a range; 0:0 when the text cannot be parsed. */
  rangeOf(path: Path, target?: Target): Range;
}

export type RuleConfig = RuleLevel | [RuleLevel] | [RuleLevel, RuleOptions];

export interface LintOptions {
  /** ISO date used by date-based rules; defaults to the current date. */
  today?: string;
  /** Per-rule severity and options. */
  rules?: Record<string, RuleConfig>;
  /** Document URI, used for related information. */
  uri?: string;
  /** Documents above this many characters are skipped with one finding. */
  maxFileSize?: number;
  /** Base URL of the rule documentation pages. */
  docsBaseUrl?: string;
  /**
   * The other documents of the lint set, for cross-file rules (FM11); without it those rules see
   * this document alone. Pass `uri` with it: the entry of that uri is replaced by `text` itself.
   */
  workspace?: WorkspaceView;
  /** Parsed pieces of this document from its previous version (incremental re-lint); one cache per document. */
  parseCache?: import('./chunks').ParseCache;
  /** Rules added to the built-in catalogue (library use; tests). */
  plugins?: readonly Rule[];
}

export interface LintResult {
  findings: Finding[];
  /** Share of the 15 failure modes without a finding at warning level or above; null when the document could not be read. */
  health: number | null;
}
