/** Reading a policy file a person named on the command line or in the UI, with an error they can act on. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../domain/errors.js';

/** The bytes of `file` (relative to `cwd`); an InputError naming the file when it is missing or unreadable. */
export async function readInputFile(cwd: string, file: string): Promise<Buffer> {
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `there is no file ${file}` : code === 'EISDIR' ? `${file} is a directory, not a policy file` : `cannot read ${file} (${code ?? (error as Error).message})`;
    throw new InputError(message, { where: file });
  }
}
