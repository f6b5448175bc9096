/**
 * Paths as people type or drop them into a prompt: `~/x.txt`, `'/a b/x.txt'` or `"/a b/x.txt"`
 * (as a terminal's drag-and-drop writes them), `/a\ b/x.txt` (shell escapes). The UI checks a path
 * as soon as it is given, so a wrong one is said once, before anything else is asked.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { t } from '../domain/presentation/messages/index.js';

/** The path a person meant: quotes removed, shell escapes undone, `~` expanded, relative to `cwd`. */
export function typedPath(text: string, cwd: string, home = homedir()): string {
  let path = text.trim();
  const quoted = /^(['"])(.*)\1$/s.exec(path);
  if (quoted) path = quoted[2]!;
  else path = path.replace(/\\(.)/g, '$1');
  if (path === '~') path = home;
  else if (path.startsWith('~/')) path = join(home, path.slice(2));
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/** Why `path` is not a readable file, or undefined when it is one. */
export function fileProblem(path: string): string | undefined {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return t('path.isDirectory', { path });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return t('path.notFound', { path });
    return t('path.unreadable', { path, reason: code ?? String(error) });
  }
}

/** A typed path resolved and checked at once: the path, or what is wrong with it, said once. */
export function checkTypedFile(typed: string, cwd: string): { path: string } | { problem: string } {
  const path = typedPath(typed, cwd);
  const problem = fileProblem(path);
  return problem ? { problem } : { path };
}
