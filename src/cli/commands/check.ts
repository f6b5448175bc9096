/**
 * `bangchim check REF [--json]`: required topics missing or only mentioned in passing, stale internal
 * references, a revision date that disagrees with the ledger, earlier versions listed but not archived.
 * Exit 0 when nothing is found, 1 when something is, 2 on trouble.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { RegisterCommand } from './index.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { parseRef } from '../../domain/ref.js';
import { checkVersion, formatCheckText } from '../../domain/check/index.js';
import { locateStore, openStore, resolveVersionArg } from '../../store/index.js';

export const registerCheck: RegisterCommand = (program, ctx) => {
  program
    .command('check')
    .description('what a version lacks or gets wrong (required topics, stale references, dates, archive); exit 1 when it finds a problem')
    .argument('<ref>', 'a version (goyang, goyang@2020-07-17, goyang~1) or a file')
    .option('--json', 'findings as JSON: {ref, city, slug, effective, findings: [{kind, severity, article?, message}], notes}')
    .action(async (ref, options) => {
      const isExistingFile = (p: string): boolean => existsSync(resolvePath(ctx.cwd, p)) && statSync(resolvePath(ctx.cwd, p)).isFile();
      const isFile = parseRef(ref, { isExistingFile }).kind === 'file';
      let result;
      if (isFile) {
        const resolved = await resolveVersionArg(ctx.storeDir(), ref, { cwd: ctx.cwd });
        result = checkVersion(resolved.version, { ledger: null, label: ref });
      } else {
        const location = await locateStore({ store: program.opts().store, cwd: ctx.cwd, env: ctx.env, onNotice: (m) => ctx.err.write(`bangchim: ${m}\n`) });
        const store = await openStore(location.dir);
        const resolved = await store.resolve(ref, { cwd: ctx.cwd });
        result = checkVersion(resolved.version, { ledger: await store.ledger(resolved.slug), label: resolved.label });
        ref = resolved.label;
      }
      if (options.json) writeJson(ctx.out, { ref, ...result });
      else ctx.out.write(formatCheckText(result, ref));
      if (result.findings.length > 0) throw new ExitCode(1);
    });
};
