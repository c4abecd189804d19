// One document on disk: read it, apply the safe fixes when asked (writing the file back only
// when they changed it), and lint what is left.
import * as fs from 'node:fs';
import { TextDecoder } from 'node:util';
import { fixAll } from '../engine/fix-all';
import { lint } from '../engine/lint';
import type { LintOptions, LintResult } from '../engine/types';

const BOM = '\uFEFF';

export interface Checked {
  /** Undefined when the file could not be read. */
  result: LintResult | undefined;
  fixesApplied: number;
  /** Printed as `stratlint: <what> <file>: <why>`; a fatal problem makes the exit code 2. */
  problem?: { what: string; why: string; fatal: boolean };
}

export function checkFile(file: string, options: LintOptions, fix: boolean): Checked {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { result: undefined, fixesApplied: 0, problem: { what: 'cannot read', why: reason(error), fatal: true } };
  }
  // The editor shows the text without its byte order mark, so columns agree without it.
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!fix) return { result: lint(text, options), fixesApplied: 0 };

  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // Invalid bytes were decoded as U+FFFD; writing the text back would destroy them.
  if (!Buffer.from(text, 'utf8').equals(hasBom ? bytes.subarray(3) : bytes)) {
    return { result: lint(text, options), fixesApplied: 0, problem: { what: 'not fixing', why: 'it is not valid UTF-8', fatal: false } };
  }
  const fixed = fixAll(text, options);
  if (fixed.text === text) return { result: lint(text, options), fixesApplied: 0 };
  try {
    fs.writeFileSync(file, (hasBom ? BOM : '') + fixed.text);
  } catch (error) {
    return { result: lint(text, options), fixesApplied: 0, problem: { what: 'cannot write', why: reason(error), fatal: true } };
  }
  return { result: lint(fixed.text, options), fixesApplied: fixed.applied };
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
