/**
 * The command-line entry point. Each command lives in its own module under ./commands and
 * registers itself on the program; this file only wires globals, errors and exit codes.
 */
import type { Command } from '@commander-js/extra-typings';
import { BangchimError, UsageError, exitCodeOf, formatError } from '../domain/errors.js';
import type { Output } from '../app/output.js';
import { ExitCode, makeContext, writeJson, type CliContext, type GlobalOptions } from './context.js';
import { commandName, globalOptionsOnly, runDefault } from './default.js';
import { COMMANDS } from './commands/index.js';
import { languageFor, setLanguage, t } from '../domain/presentation/messages/index.js';
import { inCatalogueWords } from './usage.js';

export interface MainIo {
  out?: Output;
  err?: Output;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A process stream as an Output. When its reader goes away (`bangchim log goyang | head -1`), writing
 * fails with EPIPE: that is no error of ours, so from then on what the command says is dropped and it
 * finishes as it would have (a store transaction is never cut short), exiting with its own status.
 */
function streamOutput(stream: NodeJS.WriteStream): Output {
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    readerGone = true;
  });
  return {
    write: (text) => {
      if (!readerGone) stream.write(text);
    },
    isTTY: stream.isTTY === true,
  };
}

/**
 * The command-line program. Command modules load here, not at start-up, so the UI's first frame does not
 * wait for them (COMMANDS holds only their loaders); and only the module of the command `argv` runs when
 * it names one (help, or an unknown command that commander offers a near name for, registers them all).
 * Commander itself loads here too: the terminal UI never needs it.
 */
export async function buildProgram(ctx: CliContext, argv: readonly string[] = []): Promise<Command<[], GlobalOptions>> {
  const name = commandName(argv);
  const loaders = name !== undefined && Object.hasOwn(COMMANDS, name) ? [COMMANDS[name]!] : Object.values(COMMANDS);
  const [{ Command }, ...registers] = await Promise.all([import('@commander-js/extra-typings'), ...loaders.map((load) => load())]);
  const program = new Command()
    .name('bangchim')
    .description(t('cli.program.description'))
    .option('--store <dir>', t('cli.opt.store'))
    .option('--debug', t('cli.opt.debug'))
    .configureOutput({
      writeOut: (text) => ctx.out.write(text),
      writeErr: (text) => ctx.err.write(text),
    })
    .exitOverride()
    // A command printing JSON names its store there, not on stderr.
    .hook('preAction', (_program, command) => {
      const options = command.opts() as { json?: unknown; format?: unknown };
      ctx.jsonOutput = options.json === true || options.format === 'json';
    });
  for (const register of registers) register(program, ctx);
  inCatalogueWords(program);
  return program;
}

/** Runs the CLI and returns the process exit code. Never throws. */
export async function main(argv: string[], io: MainIo = {}): Promise<number> {
  let program: Command<[], GlobalOptions> | undefined;
  const ctx = makeContext(
    {
      out: io.out ?? streamOutput(process.stdout),
      err: io.err ?? streamOutput(process.stderr),
      cwd: io.cwd ?? process.cwd(),
      env: io.env ?? process.env,
    },
    () => program?.opts() ?? {},
  );
  setLanguage(languageFor(ctx.env));
  try {
    // No command (nothing, or only --store/--debug): the terminal UI on a TTY, help otherwise.
    const uiOptions = globalOptionsOnly(argv);
    if (uiOptions !== undefined) {
      return await runDefault(ctx, uiOptions, async () => {
        (await buildProgram(ctx)).outputHelp();
        return 0;
      });
    }
    program = await buildProgram(ctx, argv);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    // Only a program (never the UI) throws commander's errors, and it has loaded commander.
    if (program !== undefined && error instanceof (await import('@commander-js/extra-typings')).CommanderError) {
      // Help and version are not errors; commander already printed the text.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version') return 0;
      await writeErrorJson(ctx, argv, error);
      return 2;
    }
    // The wording loads only when something went wrong.
    const { inCliTerms } = await import('./wording.js');
    const worded = inCliTerms(error);
    ctx.err.write(formatError(worded, ctx.debug || argv.includes('--debug')) + '\n');
    await writeErrorJson(ctx, argv, worded);
    return exitCodeOf(error);
  }
}

/** With `--json`, the error also goes to stdout as one JSON object (README, "Errors as JSON"). */
async function writeErrorJson(ctx: CliContext, argv: readonly string[], error: unknown): Promise<void> {
  const { errorJson, wantsJson } = await import('./error-json.js');
  if (wantsJson(argv)) writeJson(ctx.out, errorJson(error));
}

export { BangchimError, ExitCode, UsageError };
