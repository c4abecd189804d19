// textDocument/documentSymbol: the outline (strategy → objectives → KPIs and tactics → steps; the other lists).
import { LSPErrorCodes, ResponseError, SymbolKind, type Connection, type DocumentSymbol } from '../protocol';
import { parsedOf } from '../../engine/editor/document';
import { documentSymbols, symbolSteps, type DocumentSymbol as EditorSymbol, type SymbolKind as EditorKind } from '../../engine/editor/symbols';
import { stillIntact, type Parsed } from '../../engine/parse';
import { inSlices, TimeSlicer, type Unfinished } from '../time-slices';
import { strategyDocument, type FeatureContext } from './context';

const KIND: Record<EditorKind, SymbolKind> = {
  strategy: SymbolKind.Module,
  section: SymbolKind.Array,
  objective: SymbolKind.Class,
  kpi: SymbolKind.Number,
  tactic: SymbolKind.Function,
  step: SymbolKind.Event,
  person: SymbolKind.Object,
  unit: SymbolKind.Package,
  risk: SymbolKind.Event,
  process: SymbolKind.Interface,
  hypothesis: SymbolKind.Boolean,
  stakeholder: SymbolKind.Object,
  reviews: SymbolKind.Namespace,
  communication: SymbolKind.Namespace,
  channel: SymbolKind.Field,
  tool: SymbolKind.Package,
  related: SymbolKind.File,
};

function toSymbol(s: EditorSymbol): DocumentSymbol {
  return {
    name: s.name,
    ...(s.detail ? { detail: s.detail } : {}),
    kind: KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toSymbol),
  };
}

/**
 * Builds the outline of a parse in slices, calling `pause` after each top-level item (the pause
 * yields to the event loop once a slice is used up). Between slices the server takes in edits and
 * lints them, so an outline of a large document does not hold up the diagnostics of the next
 * keystroke. When such a lint has moved the nodes the build reads, or the editor has cancelled
 * the request meanwhile, the build stops: its result would be of a text the editor no longer has.
 */
export function outlineInSlices(parsed: Parsed, pause: () => Promise<void>, cancelled: () => boolean): Promise<EditorSymbol[] | Unfinished> {
  return inSlices(symbolSteps(parsed), pause, () => (cancelled() ? 'cancelled' : stillIntact(parsed) ? undefined : 'modified'));
}

/**
 * The outline of `text`, built in slices (see outlineInSlices). The nodes can move while the text
 * stays: the same text parsed again through its cache (a re-lint after a change elsewhere in the
 * workspace), or another open document with the same text edited. Then, while `text` is still the
 * document's, the outline is built again at once, with nothing in between.
 */
export async function outlineOf(text: string, stillCurrent: () => boolean, pause: () => Promise<void>, cancelled: () => boolean): Promise<EditorSymbol[] | Unfinished> {
  const outline = await outlineInSlices(parsedOf(text), pause, cancelled);
  return outline === 'modified' && stillCurrent() ? documentSymbols(text) : outline;
}

export function registerDocumentSymbols(connection: Connection, context: FeatureContext): void {
  connection.onDocumentSymbol(async (params, token): Promise<DocumentSymbol[] | ResponseError<void>> => {
    const doc = await strategyDocument(context, params.textDocument.uri);
    if (!doc) return [];
    const slicer = new TimeSlicer(SLICE_MS);
    const uri = params.textDocument.uri;
    const stillCurrent = () => context.documents.get(uri)?.getText() === doc.text;
    const outline = await outlineOf(doc.text, stillCurrent, () => slicer.pause(), () => token.isCancellationRequested);
    if (outline === 'cancelled') return new ResponseError(LSPErrorCodes.RequestCancelled, 'The outline request was cancelled.');
    if (outline === 'modified') return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while its outline was built.');
    return outline.map(toSymbol);
  });
}

/** Outline work between two chances for an edit to be linted. */
const SLICE_MS = 10;
