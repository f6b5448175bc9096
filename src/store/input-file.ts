/** Reading a policy file a person named on the command line or in the UI, with an error they can act on. */
import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../domain/errors.js';
import { inputTooLarge, MAX_INPUT_BYTES } from '../domain/parse/limits.js';
import { t } from '../domain/presentation/messages/index.js';

/** Bytes read per call: a device or pipe that never ends (/dev/zero, `yes |`) is refused at the limit, not read whole. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of `file` (relative to `cwd`), read in chunks and refused as soon as they pass MAX_INPUT_BYTES;
 * an InputError naming the file when it is missing, unreadable or too large.
 */
export async function readInputFile(cwd: string, file: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(resolve(cwd, file), 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit is enough to know the input is over it.
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, MAX_INPUT_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_INPUT_BYTES) throw inputTooLarge(file);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? t('err.file.none', { file }) : code === 'EISDIR' ? t('err.file.isDirectory', { file }) : t('err.file.unreadable', { file, detail: code ?? (error as Error).message });
    throw new InputError(message, { where: file });
  } finally {
    await handle?.close();
  }
}

/** Refuses an empty file before any work; binary, UTF-16 and the like are the parser's to name precisely. */
export function checkDocumentBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) {
    throw new InputError(t('err.file.empty', { file }), { where: file, hint: t('err.file.empty.hint') });
  }
}
