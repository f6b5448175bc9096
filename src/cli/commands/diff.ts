/**
 * `bangchim diff OLD NEW`: what changed between two versions (or two cities), article by article.
 * Exit status like diff(1): 0 no substantive change, 1 substantive change, 2 trouble.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Option } from '@commander-js/extra-typings';
import type { RegisterCommand } from './index.js';
import type { CliContext } from '../context.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { UsageError } from '../../domain/errors.js';
import { parseRef } from '../../domain/ref.js';
import { diffVersions, formatDiffMarkdown, formatDiffText } from '../../domain/diff/index.js';
import { locateStore, resolveVersionArg, type ResolvedVersion } from '../../store/index.js';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

/** Resolves both arguments; the store is located (and the sample store created) once, only if a ref needs it. */
async function resolveArgs(ctx: CliContext, store: string | undefined, args: readonly string[]): Promise<ResolvedVersion[]> {
  const isExistingFile = (p: string): boolean => existsSync(resolvePath(ctx.cwd, p)) && statSync(resolvePath(ctx.cwd, p)).isFile();
  let storeDir: string | undefined;
  const resolved: ResolvedVersion[] = [];
  for (const arg of args) {
    if (parseRef(arg, { isExistingFile }).kind === 'file') {
      resolved.push(await resolveVersionArg(ctx.storeDir(), arg, { cwd: ctx.cwd }));
      continue;
    }
    storeDir ??= (await locateStore({ store, cwd: ctx.cwd, env: ctx.env, onNotice: (m) => ctx.err.write(`bangchim: ${m}\n`) })).dir;
    resolved.push(await resolveVersionArg(storeDir, arg, { cwd: ctx.cwd }));
  }
  return resolved;
}

export const registerDiff: RegisterCommand = (program, ctx) => {
  program
    .command('diff')
    .description('what changed between two versions, article by article (exit 0 same, 1 different, 2 error)')
    .argument('<old>', 'a version: goyang, goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a file')
    .argument('<new>', 'a version, or another city to compare with')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text' as Format))
    .option('--json', 'same as --format json')
    .option('--editorial', 'also list editorial-only changes (spacing, markers, look-alikes, numbering)')
    .action(async (oldArg, newArg, options) => {
      const format: Format = options.json ? 'json' : options.format;
      if (options.json && options.format !== 'text' && options.format !== 'json') {
        throw new UsageError(`--json and --format ${options.format} contradict each other`, { hint: 'give one of them' });
      }
      const store = program.opts().store;
      const [oldVersion, newVersion] = (await resolveArgs(ctx, store, [oldArg, newArg])) as [ResolvedVersion, ResolvedVersion];
      const editorial = options.editorial === true;
      const diff = diffVersions(oldVersion.version, newVersion.version, { editorial, oldLabel: oldVersion.label, newLabel: newVersion.label });
      if (format === 'json') writeJson(ctx.out, diff);
      else if (format === 'markdown') ctx.out.write(formatDiffMarkdown(diff, { editorial }));
      else {
        const color = ctx.out.isTTY && (ctx.env.NO_COLOR === undefined || ctx.env.NO_COLOR === '');
        ctx.out.write(formatDiffText(diff, { color, editorial }));
      }
      if (diff.summary.substantive > 0) throw new ExitCode(1);
    });
};
