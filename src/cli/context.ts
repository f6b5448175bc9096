/**
 * What every command receives: where to write, which store, and whether to show stack traces.
 * Commands write through `out`/`err` (not console) so tests and the UI can capture them.
 */
import { resolve } from 'node:path';

export interface Output {
  write(text: string): void;
  /** True when the stream is a terminal (colour, UI). */
  isTTY: boolean;
}

export interface CliContext {
  out: Output;
  err: Output;
  /** The directory commands run from (default: process.cwd()). */
  cwd: string;
  /** Environment, for NO_COLOR and friends. */
  env: NodeJS.ProcessEnv;
  /** Set by the global --debug option. */
  debug: boolean;
  /** Set by the global --store option: the store directory (absolute), else cwd. */
  storeDir(): string;
}

export type GlobalOptions = {
  store?: string;
  debug?: true;
};

export function makeContext(init: { out: Output; err: Output; cwd: string; env: NodeJS.ProcessEnv }, globals: () => GlobalOptions): CliContext {
  return {
    ...init,
    get debug() {
      return globals().debug === true;
    },
    storeDir() {
      const store = globals().store;
      return store === undefined ? init.cwd : resolve(init.cwd, store);
    },
  };
}

/** Writes a value as stable, pretty JSON followed by a newline. */
export function writeJson(out: Output, value: unknown): void {
  out.write(JSON.stringify(value, null, 2) + '\n');
}

/** Thrown by commands that want a specific exit code without an error message (diff: 1 = differs). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
