// One document on disk: read it, and apply the safe fixes when asked (writing the file back only
// when they changed it). Linting is the caller's: every document of the run is read first, so the
// cross-file rules see the whole lint set.
import * as fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { fixAll } from '../engine/fix-all';
import type { LintOptions } from '../engine/types';

const BOM = '\uFEFF';

/** Printed as `stratlint: <what> <file>: <why>`; a fatal problem makes the exit code 2. */
export interface Problem { what: string; why: string; fatal: boolean }

export interface ReadDocument {
  /** Without the byte order mark: the editor shows the text without it, so columns agree. */
  text: string;
  bytes: Buffer;
}

export function readDocument(file: string): { document: ReadDocument; problem?: undefined } | { document?: undefined; problem: Problem } {
  try {
    const bytes = fs.readFileSync(file);
    return { document: { text: new TextDecoder('utf-8').decode(bytes), bytes } };
  } catch (error) {
    return { problem: { what: 'cannot read', why: reason(error), fatal: true } };
  }
}

export interface Fixed {
  /** The text to lint: the fixed one when the file was written back, else the text as read. */
  text: string;
  fixesApplied: number;
  /** Fixes were left when fix-all's passes ran out: `--fix` again applies more. */
  fixesLeft?: boolean;
  problem?: Problem;
}

export function fixDocument(file: string, { text, bytes }: ReadDocument, options: LintOptions): Fixed {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Invalid bytes were decoded as U+FFFD; writing the text back would destroy them.
  if (!Buffer.from(text, 'utf8').equals(hasBom ? bytes.subarray(3) : bytes)) {
    return { text, fixesApplied: 0, problem: { what: 'not fixing', why: 'it is not valid UTF-8', fatal: false } };
  }
  const fixed = fixAll(text, options);
  if (fixed.text === text) return { text, fixesApplied: 0 };
  try {
    fs.writeFileSync(file, (hasBom ? BOM : '') + fixed.text);
  } catch (error) {
    return { text, fixesApplied: 0, problem: { what: 'cannot write', why: reason(error), fatal: true } };
  }
  return { text: fixed.text, fixesApplied: fixed.applied, ...(fixed.stoppedEarly ? { fixesLeft: true } : {}) };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'the file does not exist (a broken symlink?)';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'it is a folder';
    case 'EROFS': return 'the file system is read-only';
    default: return e?.message ?? String(error);
  }
}
