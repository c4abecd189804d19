// Command ids the server puts in code lenses and code actions. The client registers
// SHOW_FAILURE_MODES (and package.json declares it); OPEN_URL is VS Code's own, which
// accepts an http(s) URL as a string.
export const SHOW_FAILURE_MODES = 'stratlint.showFailureModes';
export const OPEN_URL = 'vscode.open';
