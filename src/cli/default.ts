/** `bangchim` with no arguments. Until the terminal UI lands, list the cities (or print help without a TTY). */
import type { CliContext } from './context.js';
import { main } from './main.js';

export async function runDefault(ctx: CliContext): Promise<number> {
  if (!ctx.out.isTTY) {
    return main(['--help'], { out: ctx.out, err: ctx.err, cwd: ctx.cwd, env: ctx.env });
  }
  return main(['list'], { out: ctx.out, err: ctx.err, cwd: ctx.cwd, env: ctx.env });
}
