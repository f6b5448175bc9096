/** Parsing a document a person names, touching no store (the CLI's `parse`, the UI's import preview). */
import type { ParseResult } from '../domain/model.js';
import { parsePolicy } from '../domain/parse/index.js';
import { checkDocumentBytes, readInputFile } from '../store/input-file.js';

export async function parseDraft(cwd: string, file: string, options: { slug?: string } = {}): Promise<ParseResult> {
  const bytes = await readInputFile(cwd, file);
  checkDocumentBytes(bytes, file);
  return parsePolicy(bytes, { ...(options.slug !== undefined ? { slug: options.slug } : {}), sourceFile: file });
}
