import type { RegisterCommand } from '../context.js';
import { ExitCode } from '../context.js';
import { writeJson } from '../context.js';
import { formatError, UsageError } from '../../domain/errors.js';
import { orderedVersion } from '../../domain/yaml-order.js';
import { writeVersionYaml } from '../../domain/yaml-write.js';
import { NotArchivedError } from '../../store/refs.js';
import { resolveRefs } from '../../app/refs.js';
import { statusLabel } from './log.js';
import { t } from '../../domain/presentation/messages/index.js';
import { gatherProvenance } from '../../app/provenance.js';
import { provenanceText } from '../../domain/presentation/provenance.js';

export const registerShow: RegisterCommand = (program, ctx) => {
  program
    .command('show')
    .description(t('cli.show.description'))
    .argument('<ref>', t('cli.show.arg.ref'))
    .option('--format <format>', t('cli.show.opt.format'), 'yaml')
    .option('--json', t('cli.opt.jsonFormat'))
    .action(async (ref, options) => {
      const format = options.json ? 'json' : options.format;
      if (format !== 'yaml' && format !== 'json' && format !== 'text') throw new UsageError(t('cli.show.badFormat', { format }));
      let resolved;
      try {
        resolved = (await resolveRefs([ref], ctx.cwd, ctx.session))[0]!;
      } catch (error) {
        if (error instanceof NotArchivedError) {
          // Not a failure of the tool: the answer is "we know it existed, we lack its text".
          // The wording (and the store's error classes it knows) loads only for this answer.
          const worded = (await import('../wording.js')).inCliTerms(error) as NotArchivedError;
          if (format === 'json') {
            const { errorJson } = await import('../error-json.js');
            writeJson(ctx.out, { ref, archived: false, slug: error.slug, effective: error.entry.effective, until: error.entry.until, evidence: error.entry.evidence ?? [], message: worded.message, hint: worded.hint, ...errorJson(worded) });
          }
          else ctx.out.write(formatError(worded).replace(/^bangchim: /, '') + '\n');
          throw new ExitCode(1);
        }
        throw error;
      }
      // Which version the ref named, and (an archived one) its period in force and standing today; a draft or a file has none.
      const provenance = await gatherProvenance([{ ref, resolved }], ctx.session, ctx.env);
      const status = provenance.versions[0]!.inForce?.status;
      if (status === 'scheduled' && format !== 'json') ctx.err.write(t('cli.show.scheduled', { label: resolved.label, status: statusLabel('scheduled'), effective: resolved.effective ?? '' }) + '\n');
      if (format === 'json') {
        writeJson(ctx.out, {
          ...(status ? { status } : {}),
          ...(resolved.draft ? { status: 'draft' } : {}),
          label: resolved.label,
          slug: resolved.slug,
          effective: resolved.effective,
          ...(resolved.tag ? { tag: resolved.tag } : {}),
          ...(resolved.commit ? { commit: resolved.commit } : {}),
          ...(resolved.file ? { file: resolved.file } : {}),
          version: orderedVersion(resolved.version),
          provenance,
        });
        // The header says which version the ref resolved to and when it was in force, before the text.
      } else if (format === 'text') {
        // The text rendering checks itself against the parser, which only this format loads.
        const { renderPolicyText } = await import('../../domain/render.js');
        ctx.out.write(`${provenanceText(provenance)}\n${renderPolicyText(resolved.version).replace(/\n?$/, '\n')}`);
      } else ctx.out.write(await writeVersionYaml(resolved.version));
    });
};
