// `node scripts/bench/activation.cjs <root> <document> <storage folder>`: loads the extension's
// bundle (<root>/dist/client.js) in this fresh Node process, as an extension host would, with a
// stand-in for the `vscode` API, activates it with <document> open, and prints as JSON the time from
// loading the bundle to the first diagnostics the client hands the editor for that document. The
// client library and the language server are the real ones; the stand-in only answers what the
// client asks of the editor (settings, open documents, registrations) and records diagnostics.
// Plain CommonJS on purpose: no TypeScript loader in the process being timed.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const [root, documentPath, storage] = process.argv.slice(2);
if (!root || !documentPath || !storage) {
  console.error('usage: activation.cjs <root> <document> <storage folder>');
  process.exit(2);
}
const TIMEOUT_MS = 30_000;
const text = fs.readFileSync(documentPath, 'utf8');

const disposable = () => ({ dispose() {} });
/** An event nobody fires: `event(listener)` returns a disposable. */
const event = () => disposable();

/**
 * Anything the client asks for that the stand-in does not model: callable, constructible, with
 * any property, itself such a stand-in. Not a promise (`then` is undefined).
 */
function anything() {
  const properties = new Map();
  return new Proxy(function () {}, {
    get(_, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'dispose') return () => {};
      if (!properties.has(key)) properties.set(key, anything());
      return properties.get(key);
    },
    set(_, key, value) {
      properties.set(key, value);
      return true;
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}
/** An object with the given members; `onDid…`/`onWill…` are events; the rest stand-ins. */
function partial(members) {
  return new Proxy(members, {
    get(target, key) {
      if (key in target) return target[key];
      if (typeof key === 'string' && /^on(Did|Will)/.test(key)) return event;
      return (target[key] = anything());
    },
  });
}

class Uri {
  constructor(scheme, fsPath) {
    Object.assign(this, { scheme, authority: '', path: fsPath, query: '', fragment: '', fsPath });
  }
  static file(p) {
    return new Uri('file', p);
  }
  static parse(value) {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname));
  }
  with() {
    return this;
  }
  toString() {
    return `${this.scheme}://${encodeURI(this.path)}`;
  }
  toJSON() {
    return this.toString();
  }
}
class EventEmitter {
  listeners = [];
  event = (listener) => {
    this.listeners.push(listener);
    return disposable();
  };
  fire(value) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {}
}
class Disposable {
  constructor(callback) {
    this.callback = callback;
  }
  dispose() {
    this.callback?.();
  }
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item?.dispose?.()));
  }
}
class CancellationTokenSource {
  token = { isCancellationRequested: false, onCancellationRequested: event };
  cancel() {
    this.token.isCancellationRequested = true;
  }
  dispose() {}
}

let firstDiagnostics;
const published = new Promise((resolve) => (firstDiagnostics = resolve));
const documentUri = Uri.file(documentPath);
const folder = { uri: Uri.file(path.dirname(documentPath)), name: 'bench', index: 0 };
const document = {
  uri: documentUri,
  fileName: documentPath,
  languageId: 'yaml',
  version: 1,
  isClosed: false,
  isDirty: false,
  isUntitled: false,
  eol: 1,
  lineCount: text.split('\n').length,
  getText: () => text,
};
const outputChannel = partial({ name: 'stratlint', logLevel: 2, append() {}, appendLine() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {}, show() {}, hide() {}, clear() {}, replace() {}, dispose() {} });
const vscode = partial({
  version: '1.96.0',
  Uri,
  EventEmitter,
  Disposable,
  CancellationTokenSource,
  env: partial({ language: 'en', appName: 'stand-in', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined }),
  workspace: partial({
    textDocuments: [document],
    notebookDocuments: [],
    workspaceFolders: [folder],
    getWorkspaceFolder: () => folder,
    getConfiguration: () => ({ get: (_, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} }),
    createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
    asRelativePath: (p) => String(p),
  }),
  languages: partial({
    match: () => 10,
    createDiagnosticCollection: (name) => ({
      name,
      set(uri, diagnostics) {
        if (String(uri) === documentUri.toString()) firstDiagnostics({ at: performance.now(), count: diagnostics?.length ?? 0 });
      },
      delete() {},
      clear() {},
      forEach() {},
      get: () => [],
      has: () => false,
      dispose() {},
    }),
  }),
  window: partial({ createOutputChannel: () => outputChannel, activeTextEditor: undefined, visibleTextEditors: [], tabGroups: partial({ all: [] }) }),
});

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const storageUri = Uri.file(storage);
const memento = { get: () => undefined, update: async () => {}, keys: () => [], setKeysForSync() {} };
const context = partial({
  subscriptions: [],
  extensionPath: root,
  extensionUri: Uri.file(root),
  asAbsolutePath: (relative) => path.join(root, relative),
  globalStorageUri: storageUri,
  storageUri,
  logUri: storageUri,
  extensionMode: 1,
  globalState: memento,
  workspaceState: memento,
});

(async () => {
  const loading = performance.now();
  const extension = require(path.join(root, 'dist', 'client.js'));
  const loaded = performance.now();
  extension.activate(context).catch((error) => {
    console.error(`activate failed: ${error?.stack ?? error}`);
    process.exit(1);
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics for ${documentPath} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref());
  const first = await Promise.race([published, timeout]);
  process.stdout.write(`${JSON.stringify({ loadMs: loaded - loading, firstDiagnosticsMs: first.at - loading, diagnostics: first.count })}\n`);
  await extension.deactivate();
  process.exit(0);
})().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
