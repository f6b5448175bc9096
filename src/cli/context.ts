/**
 * What every command receives: where to write, which store, and whether to show stack traces.
 * Commands write through `out`/`err` (not console) so tests can capture them.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import { inertOutput, lineWriter, writeInertText, type Output } from '../app/output.js';
import { inertJsonLine } from '../domain/presentation/inert.js';
import { t } from '../domain/presentation/messages/index.js';
import { locateWritable, StoreSession, type StorePlace } from '../app/session.js';
import type { StoreLocation } from '../store/init.js';

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
  /** That store for a command that writes: refused when only the sample store would be found. */
  writableSession(): Promise<StoreSession>;
  /** Set before a command runs: true when it prints JSON (which names its store itself). */
  jsonOutput: boolean;
}

export type GlobalOptions = {
  store?: string;
  debug?: true;
};

/** A command module: registers its command on the program. */
export type RegisterCommand = (program: Command<[], GlobalOptions>, ctx: CliContext) => void;

/**
 * The line that names the store a command acted on, or undefined for the working directory's own store
 * (the one a person standing in it expects). Home is shown as ~.
 */
export function storeLine(location: StoreLocation, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  const fromStore = relative(location.dir, resolve(cwd));
  const cwdInStore = fromStore === '' || (fromStore !== '..' && !fromStore.startsWith(`..${sep}`) && !isAbsolute(fromStore));
  if (location.how === 'cwd' || cwdInStore) return undefined;
  const home = env.HOME;
  const dir = home && home !== sep && location.dir.startsWith(home + sep) ? `~${location.dir.slice(home.length)}` : location.dir;
  const kind = location.how === 'default' ? t('cli.store.sample') : location.how === 'env' ? t('cli.store.env') : '';
  return t('cli.store.line', { dir, kind });
}

export function makeContext(init: { out: Output; err: Output; cwd: string; env: NodeJS.ProcessEnv }, globals: () => GlobalOptions): CliContext {
  let session: Promise<StoreSession> | undefined;
  let writable: Promise<StoreSession> | undefined;
  const named = new Set<string>();
  // Every write of every command, commander's help and errors included, is made inert here.
  init = { ...init, out: inertOutput(init.out), err: inertOutput(init.err) };
  const context: CliContext = {
    ...init,
    jsonOutput: false,
    get debug() {
      return globals().debug === true;
    },
    place: () => ({
      store: globals().store,
      cwd: init.cwd,
      env: init.env,
      onNotice: lineWriter(init.err),
      // Each store a command acts on is named once, on stderr, for people (JSON names its store itself).
      onLocated: (location) => {
        const line = storeLine(location, init.cwd, init.env);
        if (line === undefined || context.jsonOutput || named.has(location.dir)) return;
        named.add(location.dir);
        init.err.write(`${line}\n`);
      },
    }),
    session: () => (session ??= StoreSession.locate(context.place())),
    writableSession: () => (writable ??= locateWritable(context.place())),
  };
  return context;
}

/** Writes a value as stable, pretty JSON followed by a newline (controls and bidi characters as \\u escapes). */
export function writeJson(out: Output, value: unknown): void {
  writeInertText(out, inertJsonLine(value));
}

/** Thrown by commands that want a specific exit code without an error message (diff: 1 = differs). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
