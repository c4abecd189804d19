// Entry point for both launchers (the code-server one and @vscode/test-electron): VS Code loads the
// bundled module and awaits `run()`; a rejection is a failed run.
import { runAll, say } from './harness';
import './extension.e2e';

export async function run(): Promise<void> {
  say('stratlint end-to-end suite');
  const { passed, failed, skipped } = await runAll();
  say(`${passed} passed, ${failed.length} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
  if (failed.length > 0) throw new Error(`${failed.length} end-to-end test(s) failed: ${failed.join('; ')}`);
}
