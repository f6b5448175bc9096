/**
 * `bangchim check REF [--json] [--strict]`: what the law, the 표준지침 and the 작성지침 ask that the version
 * lacks or gets wrong, each finding with its tier and basis. Exit 1 on a finding of the law (with
 * --strict also of the 표준지침), 0 otherwise, 2 on trouble. A draft file is checked against the ledger
 * of its city when the store has one.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import type { RegisterCommand } from './index.js';
import { writeJson } from '../context.js';
import { ExitCode } from '../context.js';
import { parseRef } from '../../domain/ref.js';
import { checkFails, checkVersion, formatCheckText } from '../../domain/check/index.js';
import { locateStore, openStore, resolveVersionArg } from '../../store/index.js';

export const registerCheck: RegisterCommand = (program, ctx) => {
  program
    .command('check')
    .description('what a version lacks or gets wrong against 개인정보 보호법, 표준지침 and 작성지침; exit 1 on a finding of the law')
    .argument('<ref>', 'a version (goyang, goyang@2020-07-17, goyang~1) or a file')
    .option('--json', 'findings as JSON: {ref, city, slug, effective, findings: [{kind, tier, severity, basis, where?, message, suggestion?}], counts, notes}')
    .option('--strict', 'exit 1 on a finding of the 표준지침 too')
    .action(async (ref, options) => {
      const isExistingFile = (p: string): boolean => existsSync(resolvePath(ctx.cwd, p)) && statSync(resolvePath(ctx.cwd, p)).isFile();
      const isFile = parseRef(ref, { isExistingFile }).kind === 'file';
      let result;
      const location = () => locateStore({ store: program.opts().store, cwd: ctx.cwd, env: ctx.env, onNotice: (m) => ctx.err.write(`bangchim: ${m}\n`) });
      if (isFile) {
        const resolved = await resolveVersionArg(ctx.storeDir(), ref, { cwd: ctx.cwd });
        // Only a store the user named or is in: the sample store's ledger says nothing about their draft.
        const found = await location();
        const ledger = found.how !== 'default' ? await (await openStore(found.dir)).ledgerOrNull(resolved.slug) : null;
        result = checkVersion(resolved.version, { ledger, draft: true, label: ref });
      } else {
        const store = await openStore((await location()).dir);
        const resolved = await store.resolve(ref, { cwd: ctx.cwd });
        result = checkVersion(resolved.version, { ledger: await store.ledger(resolved.slug), label: resolved.label });
        ref = resolved.label;
      }
      if (options.json) writeJson(ctx.out, { ref, ...result });
      else ctx.out.write(formatCheckText(result, ref));
      if (checkFails(result, { strict: options.strict })) throw new ExitCode(1);
    });
};
