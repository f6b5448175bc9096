/**
 * What every command receives: where to write, which store, and whether to show stack traces.
 * Commands write through `out`/`err` (not console) so tests can capture them.
 */
import type { Command } from '@commander-js/extra-typings';
import { inertOutput, lineWriter, type Output } from '../app/output.js';
import { inertJson } from '../domain/presentation/inert.js';
import type { StorePlace, StoreSession } from '../app/session.js';

export interface CliContext {
  out: Output;
  err: Output;
  /** The directory commands run from (default: process.cwd()). */
  cwd: string;
  /** Environment, for NO_COLOR and friends. */
  env: NodeJS.ProcessEnv;
  /** Set by the global --debug option. */
  debug: boolean;
  /** The store the global --store option names (else $BANGCHIM_STORE, cwd, the sample store); notices go to stderr. */
  place(): StorePlace;
  /** That store, opened on first use and once per command. */
  session(): Promise<StoreSession>;
}

export type GlobalOptions = {
  store?: string;
  debug?: true;
};

/** A command module: registers its command on the program. */
export type RegisterCommand = (program: Command<[], GlobalOptions>, ctx: CliContext) => void;

export function makeContext(init: { out: Output; err: Output; cwd: string; env: NodeJS.ProcessEnv }, globals: () => GlobalOptions): CliContext {
  let session: Promise<StoreSession> | undefined;
  // Every write of every command, commander's help and errors included, is made inert here.
  init = { ...init, out: inertOutput(init.out), err: inertOutput(init.err) };
  const place = (): StorePlace => ({ store: globals().store, cwd: init.cwd, env: init.env, onNotice: lineWriter(init.err) });
  return {
    ...init,
    get debug() {
      return globals().debug === true;
    },
    place,
    // The store's code loads with the first command that needs it, not with the program (help, parse, the UI's first frame).
    session: () => (session ??= import('../app/session.js').then(({ StoreSession }) => StoreSession.locate(place()))),
  };
}

/** Writes a value as stable, pretty JSON followed by a newline (controls and bidi characters as \\u escapes). */
export function writeJson(out: Output, value: unknown): void {
  out.write(inertJson(value) + '\n');
}

/** Thrown by commands that want a specific exit code without an error message (diff: 1 = differs). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
