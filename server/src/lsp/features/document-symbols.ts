// textDocument/documentSymbol: the outline (strategy → objectives → KPIs and tactics → steps; the other lists).
import { SymbolKind, type Connection, type DocumentSymbol } from '../protocol';
import { documentSymbols, type DocumentSymbol as EditorSymbol, type SymbolKind as EditorKind } from '../../engine/editor/symbols';
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

export function registerDocumentSymbols(connection: Connection, context: FeatureContext): void {
  connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
    const doc = await strategyDocument(context, params.textDocument.uri);
    return doc ? documentSymbols(doc.text).map(toSymbol) : [];
  });
}
