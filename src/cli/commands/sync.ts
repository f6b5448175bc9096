/**
 * `bangchim sync [--remote NAME] [--json]`: fetch from the office's remote, fast-forward only, push the
 * branch and the version tags. Refuses (exit 2, nothing changed) when histories diverged or a published
 * tag would be rewritten.
 */
import type { RegisterCommand } from '../context.js';
import { writeJson } from '../context.js';
import { checkRemoteName, syncStore, type SyncResult } from '../../store/sync.js';
import { t } from '../../domain/presentation/messages/index.js';

/** What sync did, for people (the JSON keeps the store's own message). */
function syncSummary(result: SyncResult): string {
  const { remote, branch } = result;
  const parts: string[] = [];
  if (result.action === 'published') parts.push(t('cli.sync.published', { remote, branch, count: result.pushedCommits }));
  else if (result.pushedCommits > 0) parts.push(t('cli.sync.pushed', { remote, branch, count: result.pushedCommits }));
  if (result.action === 'pulled') parts.push(t('cli.sync.pulled', { remote, branch, count: result.pulledCommits }));
  if (result.pushedTags.length > 0) parts.push(t('cli.sync.pushedTags', { count: result.pushedTags.length }));
  if (result.fetchedTags.length > 0) parts.push(t('cli.sync.fetchedTags', { count: result.fetchedTags.length }));
  if (result.ignoredTags.length > 0) parts.push(t('cli.sync.ignoredTags', { remote, count: result.ignoredTags.length, list: result.ignoredTags.map((i) => `${i.tag}: ${i.reason}`).join('; ') }));
  return parts.length > 0 ? parts.join('; ') : t('cli.sync.upToDate', { remote, branch });
}

export const registerSync: RegisterCommand = (program, ctx) => {
  program
    .command('sync')
    .description(t('cli.sync.description'))
    .option('--remote <name>', t('cli.sync.opt.remote'), 'origin')
    .option('--json', t('cli.sync.opt.json'))
    .action(async (options) => {
      checkRemoteName(options.remote);
      const result = await syncStore((await ctx.session()).store, { remote: options.remote, onProgress: ctx.err.isTTY ? (m) => ctx.err.write(`${m}…\n`) : undefined });
      if (options.json) writeJson(ctx.out, result);
      else ctx.out.write(`${syncSummary(result)}\n`);
    });
};
