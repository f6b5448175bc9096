/**
 * The catalogue's tables, each language merged across the areas (ui.ts, cli.ts, errors.ts). The bundle
 * replaces this module with the same tables as JSON text (scripts/bundle.mjs, `catalogueAsJson`): V8
 * parses JSON several times faster than object literals of this size, and a language's table is then
 * built only when that language is used. Both forms export the same `tableFor`.
 */
import * as cli from './cli.js';
import * as errors from './errors.js';
import * as ui from './ui.js';

export type Language = 'ko' | 'en';
export type MessageKey = keyof typeof ui.ko | keyof typeof cli.ko | keyof typeof errors.ko;
export type MessageTable = Record<MessageKey, string>;

/** The whole table of `language`, a new object on each call. */
export function tableFor(language: Language): MessageTable {
  return language === 'ko' ? { ...ui.ko, ...cli.ko, ...errors.ko } : { ...ui.en, ...cli.en, ...errors.en };
}
