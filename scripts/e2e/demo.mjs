// `npm start`: packages the extension, installs the .vsix into a fresh VS Code server (the one inside
// code-server) and opens the examples/ folder in it. Prints the URL to open in a browser; Ctrl+C stops
// the server and removes its temporary folder.
//   node scripts/e2e/demo.mjs [--host 127.0.0.1] [--port 8765] [--folder examples]
// Use --host 0.0.0.0 to reach it from another machine (there is no password: trusted networks only).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeRunDir, packageVsix } from './build.mjs';
import { root } from './env.mjs';
import { cleanup, installExitHandlers, log, onCleanup, stopping } from './processes.mjs';
import { installVsix, requireInstalled, startServer, workbenchUrl, writeMachineSettings } from './vscode-server.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  installExitHandlers();
  requireInstalled();
  const host = option('host', '127.0.0.1');
  const folder = path.resolve(root, option('folder', 'examples'));
  if (!fs.existsSync(folder)) throw new Error(`no folder ${folder}`);

  const vsix = await packageVsix();
  const run = makeRunDir('stratlint-demo-');
  onCleanup(() => fs.rmSync(run.dir, { recursive: true, force: true }), { afterStop: true });
  await installVsix(run, vsix);
  // A quiet first look: no AI chat side bar, no offer to open the parent git repository.
  writeMachineSettings(run, {
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.startupEditor': 'none',
    'git.openRepositoryInParentFolders': 'never',
  });

  const server = await startServer(run, { host, port: Number(option('port', '8765')) });
  const url = workbenchUrl(server, folder);
  console.log(`\n  stratlint in VS Code: ${url}\n`);
  console.log(`  Open a file in examples/flawed/ to see findings, hovers and quick fixes. Ctrl+C stops the server.\n`);
  const { code, signal } = await server.process.exited;
  if (stopping()) return new Promise(() => {}); // Ctrl+C: the exit handler finishes the job
  const output = fs.readFileSync(path.join(run.logs, 'server.out.log'), 'utf8').trim().split('\n').slice(-20).join('\n');
  log(`the VS Code server stopped on its own (${code ?? signal}):\n${output}`);
  await cleanup();
  return 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
    await cleanup();
    process.exit(1);
  },
);
