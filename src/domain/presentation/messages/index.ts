/**
 * The one message catalogue: every word bangchim shows a person, in Korean and English. Its users are
 * Korean privacy officers, so Korean is the default; the shells choose the language once at start-up
 * (`languageFor(process.env)`), before anything is printed or thrown. Each area keeps its own table
 * (ui.ts, cli.ts, errors.ts); a key is unique across them.
 */
import { tableFor, type Language, type MessageKey, type MessageTable } from './tables.js';

export type { Language, MessageKey };

/**
 * The language rule: `BANGCHIM_LANG` (ko or en) wins; else the first set of LC_ALL, LC_MESSAGES, LANG
 * (POSIX precedence) decides: `ko…` is Korean, any other language English. C and POSIX (C.UTF-8 too)
 * name no language, so they, like no locale at all, leave the default: Korean.
 */
export function languageFor(env: NodeJS.ProcessEnv): Language {
  const chosen = env.BANGCHIM_LANG?.trim().toLowerCase();
  if (chosen?.startsWith('en')) return 'en';
  if (chosen?.startsWith('ko')) return 'ko';
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '')?.trim();
  if (!locale || /^(C|POSIX)([._@]|$)/i.test(locale)) return 'ko';
  return /^ko([_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

/** Each language's table, built on its first use: a run in Korean never builds the English one. */
const TABLES: Partial<Record<Language, MessageTable>> = {};

let current: Language = 'ko';

/** The shells set the language once, before their first output (tests set it per case). */
export function setLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}

/** The message `key` in the current language, `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return (TABLES[current] ??= tableFor(current))[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
