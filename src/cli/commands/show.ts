import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../context.js';
import { writeJson } from '../context.js';
import { formatError, UsageError } from '../../domain/errors.js';
import { renderPolicyText } from '../../domain/render.js';
import { orderedVersion, versionToYaml } from '../../domain/yaml.js';
import { NotArchivedError } from '../../store/refs.js';
import { resolveRefs } from '../../app/refs.js';

export const registerShow: RegisterCommand = (program, ctx) => {
  program
    .command('show')
    .description('print a version: goyang (newest), goyang@2020-07-17, goyang@2016-06-01 (in force that day), goyang~1, or a file')
    .argument('<ref>', 'the version reference')
    .option('--format <format>', 'yaml, json or text', 'yaml')
    .option('--json', 'same as --format json')
    .action(async (ref, options) => {
      const format = options.json ? 'json' : options.format;
      if (format !== 'yaml' && format !== 'json' && format !== 'text') throw new UsageError(`--format ${format} is not one of yaml, json, text`);
      let resolved;
      try {
        resolved = (await resolveRefs([ref], ctx.cwd, ctx.session))[0]!;
      } catch (error) {
        if (error instanceof NotArchivedError) {
          // Not a failure of the tool: the answer is "we know it existed, we lack its text".
          if (format === 'json') writeJson(ctx.out, { ref, archived: false, slug: error.slug, effective: error.entry.effective, until: error.entry.until, evidence: error.entry.evidence ?? [], message: error.message, hint: error.hint });
          else ctx.out.write(formatError(error).replace(/^bangchim: /, '') + '\n');
          throw new ExitCode(1);
        }
        throw error;
      }
      if (format === 'json') {
        writeJson(ctx.out, {
          label: resolved.label,
          slug: resolved.slug,
          effective: resolved.effective,
          ...(resolved.tag ? { tag: resolved.tag } : {}),
          ...(resolved.commit ? { commit: resolved.commit } : {}),
          ...(resolved.file ? { file: resolved.file } : {}),
          version: orderedVersion(resolved.version),
        });
      } else if (format === 'text') ctx.out.write(renderPolicyText(resolved.version).replace(/\n?$/, '\n'));
      else ctx.out.write(versionToYaml(resolved.version));
    });
};
