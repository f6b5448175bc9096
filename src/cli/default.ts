/**
 * `bangchim` with no arguments: the terminal UI on a TTY (stdin and stdout both terminals);
 * help otherwise, so a pipe or a cron job never hangs waiting for keys.
 */
import type { CliContext } from './context.js';

/** `printHelp` comes from main.ts (importing main.ts here would be a cycle, which deadlocks its top-level await). */
export async function runDefault(ctx: CliContext, options: { store?: string }, printHelp: () => Promise<number>): Promise<number> {
  if (!ctx.out.isTTY || process.stdin.isTTY !== true) return printHelp();
  // A person is at this terminal. Ink reads CI / CONTINUOUS_INTEGRATION when it loads and, if set, draws
  // only the last frame at exit: a blank screen for someone whose shell (a CI runner, a dev container)
  // exports them. Clear them before Ink loads; nothing else here reads them.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { runUi } = await import('../ui/run.js');
  return runUi({ store: options.store, cwd: ctx.cwd, env: ctx.env, err: ctx.err });
}

/** The global options argv starts with (`--store DIR`, `--store=DIR`, `--debug`), and where the rest begins. */
function leadingGlobalOptions(argv: readonly string[]): { options: { store?: string }; rest: number } {
  const options: { store?: string } = {};
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--debug') continue;
    if (arg === '--store' && i + 1 < argv.length) options.store = argv[++i]!;
    else if (arg.startsWith('--store=')) options.store = arg.slice('--store='.length);
    else break;
  }
  return { options, rest: i };
}

/**
 * For main.ts: when argv holds only global options, the invocation means "open the UI on that store";
 * returns the store then, else undefined.
 */
export function globalOptionsOnly(argv: readonly string[]): { store?: string } | undefined {
  const { options, rest } = leadingGlobalOptions(argv);
  return rest === argv.length ? options : undefined;
}

/** For main.ts: the command argv runs (its first word after the global options); undefined when an option such as --help comes first. */
export function commandName(argv: readonly string[]): string | undefined {
  const word = argv[leadingGlobalOptions(argv).rest];
  return word === undefined || word.startsWith('-') ? undefined : word;
}
