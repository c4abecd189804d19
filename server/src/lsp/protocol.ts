// The protocol library, imported once for the whole server. Bundled, every module that imported it
// on its own copied its several hundred exports at start (some 5 ms of every start).
export * from 'vscode-languageserver/node';
