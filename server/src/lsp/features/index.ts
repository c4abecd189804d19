// The editor features of the language server: their capabilities and their handlers, each a thin
// adapter over server/src/engine/editor.
import type { ClientCapabilities, Connection, ServerCapabilities } from '../protocol';
import { CODE_ACTION_KINDS, registerCodeActions } from './code-actions';
import { registerCodeLens } from './code-lens';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import type { FeatureContext } from './context';
import { registerDefinition } from './definition';
import { registerDocumentLinks } from './document-links';
import { registerDocumentSymbols } from './document-symbols';
import { registerHover } from './hover';
import { registerReferences } from './references';
import { registerRename } from './rename';

export type { FeatureContext } from './context';

export function featureCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    // Likewise the kinds, to a client that supports code action literals.
    codeActionProvider: client.textDocument?.codeAction?.codeActionLiteralSupport ? { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false } : true,
    documentSymbolProvider: { label: 'stratlint' },
    definitionProvider: true,
    referencesProvider: true,
    // Rename options may only be sent to a client that supports prepareRename.
    renameProvider: client.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
  };
}

export function registerFeatures(connection: Connection, context: FeatureContext): void {
  registerHover(connection, context);
  registerCompletion(connection, context);
  registerCodeActions(connection, context);
  registerDocumentSymbols(connection, context);
  registerDefinition(connection, context);
  registerReferences(connection, context);
  registerRename(connection, context);
  registerDocumentLinks(connection, context);
  registerCodeLens(connection, context);
}
