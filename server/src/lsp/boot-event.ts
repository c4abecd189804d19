/** Emitted on `process` once the server's first diagnostics are out (see boot.ts). */
export const WARM_EVENT = 'stratlint:warm';
