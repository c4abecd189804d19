// Long work on the server's one thread (indexing a folder, linting every document of the
// workspace) runs in slices, so that requests and edits are served in between.

/** Yields to the event loop once `sliceMs` of work have passed, so that requests are served between slices. */
// Date.now(): reading `performance` first loads perf_hooks, a few milliseconds of a server start.
export class TimeSlicer {
  private started = Date.now();

  constructor(private readonly sliceMs = 20) {}

  async pause(): Promise<void> {
    if (Date.now() - this.started < this.sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = Date.now();
  }
}

/** How long work in slices ended when it did not finish: the request was cancelled, or the text it read changed. */
export type Unfinished = 'cancelled' | 'modified';

/**
 * Runs `steps` (a generator that yields between pieces of its work) to its result, calling `pause`
 * after each piece; stops with what `unwanted` says as soon as it says anything.
 */
export async function inSlices<T>(steps: Iterator<unknown, T>, pause: () => Promise<void>, unwanted: () => Unfinished | undefined): Promise<T | Unfinished> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
    const why = unwanted();
    if (why) return why;
  }
}
