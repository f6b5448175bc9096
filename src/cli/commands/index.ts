/**
 * Every command module, in the order `bangchim --help` lists them, loaded when needed: a command run
 * loads only its own module (and what it imports), help loads them all. Add a command by adding its
 * module here.
 */
import type { RegisterCommand } from '../context.js';

export const COMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  init: async () => (await import('./init.js')).registerInit,
  parse: async () => (await import('./parse.js')).registerParse,
  import: async () => (await import('./import.js')).registerImport,
  draft: async () => (await import('./draft.js')).registerDraft,
  drafts: async () => (await import('./draft.js')).registerDrafts,
  publish: async () => (await import('./draft.js')).registerPublish,
  list: async () => (await import('./list.js')).registerList,
  log: async () => (await import('./log.js')).registerLog,
  show: async () => (await import('./show.js')).registerShow,
  diff: async () => (await import('./diff.js')).registerDiff,
  notice: async () => (await import('./notice.js')).registerNotice,
  office: async () => (await import('./office.js')).registerOffice,
  check: async () => (await import('./check.js')).registerCheck,
  verify: async () => (await import('./verify.js')).registerVerify,
  sync: async () => (await import('./sync.js')).registerSync,
  report: async () => (await import('./report.js')).registerReport,
};
