/**
 * Commander's own words (help headings, the help option, usage errors) in the catalogue's language.
 * Commander words its errors in English and passes no parameters, only the message and a code: the
 * parameters are read back from its message here, per code, and the sentence is the catalogue's.
 */
import type { Command, Help, Option, Argument } from '@commander-js/extra-typings';
import { t, type MessageKey } from '../domain/presentation/messages/index.js';
import { displayWidth } from '../domain/presentation/width.js';
import type { GlobalOptions } from './context.js';

const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'cli.help.usage',
  'Options:': 'cli.help.options',
  'Global Options:': 'cli.help.globalOptions',
  'Commands:': 'cli.help.commands',
  'Arguments:': 'cli.help.arguments',
};

/** A description with the choices and default commander would append, in the catalogue's words. */
function described(description: string, choices: readonly string[] | undefined, shownDefault: string | undefined): string {
  const extra = [
    ...(choices ? [t('cli.help.choices', { choices: choices.join(', ') })] : []),
    ...(shownDefault !== undefined ? [t('cli.help.default', { value: shownDefault })] : []),
  ];
  return extra.length === 0 ? description : `${description} (${extra.join(', ')})`.trim();
}

function defaultShown(value: unknown, description: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return description ?? (typeof value === 'string' ? value : JSON.stringify(value));
}

const HELP: Partial<Help> = {
  // Hangul takes two columns: help is padded and wrapped by the terminal's measure, not by string length.
  displayWidth,
  styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
  // Booleans' defaults speak to programmers, not to the person reading help (as commander itself judges).
  optionDescription: (option: Option) => described(option.description, option.argChoices, option.required || option.optional ? defaultShown(option.defaultValue, option.defaultValueDescription) : undefined),
  argumentDescription: (argument: Argument) => described(argument.description, argument.argChoices, defaultShown(argument.defaultValue, argument.defaultValueDescription)),
};

/** One English commander message, by its code, in the catalogue's words ("bangchim: …", like every other error). */
export function usageMessage(message: string, code: string | undefined): string {
  const english = message.replace(/^error: /, '');
  const suggestion = /\n\(Did you mean (.+)\?\)$/.exec(english)?.[1];
  const didYouMean = suggestion !== undefined ? `\n  ${t('cli.usage.didYouMean', { name: suggestion })}` : '';
  const match = (pattern: RegExp) => pattern.exec(english) ?? undefined;
  let worded: string | undefined;
  switch (code) {
    case 'commander.unknownOption': {
      const m = match(/^unknown option '(.*?)'/);
      if (m) worded = t('cli.usage.unknownOption', { flag: m[1]! }) + didYouMean;
      break;
    }
    case 'commander.unknownCommand': {
      const m = match(/^unknown command '(.*?)'/);
      if (m) worded = t('cli.usage.unknownCommand', { name: m[1]! }) + didYouMean;
      break;
    }
    case 'commander.missingArgument': {
      const m = match(/^missing required argument '(.*)'$/);
      if (m) worded = t('cli.usage.missingArgument', { name: m[1]! });
      break;
    }
    case 'commander.excessArguments': {
      const m = match(/^too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\.$/);
      if (m) worded = t('cli.usage.excessArguments', { command: m[1] ?? 'bangchim', expected: m[2]!, got: m[3]! });
      break;
    }
    case 'commander.optionMissingArgument': {
      const m = match(/^option '(.*)' argument missing$/);
      if (m) worded = t('cli.usage.optionMissingArgument', { flags: m[1]! });
      break;
    }
    case 'commander.missingMandatoryOptionValue': {
      const m = match(/^required option '(.*)' not specified$/);
      if (m) worded = t('cli.usage.missingMandatoryOption', { flags: m[1]! });
      break;
    }
    case 'commander.invalidArgument': {
      const m = match(/^option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\.$/);
      if (m) worded = t('cli.usage.invalidChoice', { flags: m[1]!, value: m[2]!, choices: m[3]! });
      break;
    }
    case 'commander.conflictingOption': {
      const m = match(/^(.*) cannot be used with (.*)$/);
      if (m) worded = t('cli.usage.conflictingOption', { first: m[1]!, second: m[2]! });
      break;
    }
  }
  return `bangchim: ${worded ?? english}`;
}

/**
 * Commander in the catalogue's words: on the program and every command registered on it (call once
 * they all are). Usage errors keep their exit (2, decided in main.ts).
 */
export function inCatalogueWords(program: Command<[], GlobalOptions>): void {
  program.helpCommand('help [command]', t('cli.cmd.help'));
  for (const command of [program, ...program.commands] as Command[]) {
    command.helpOption('-h, --help', t('cli.opt.help')).configureHelp(HELP).showHelpAfterError(t('cli.usage.afterError'));
    const original = command.error.bind(command);
    command.error = (message, options) => original(usageMessage(message, options?.code), options);
  }
}
