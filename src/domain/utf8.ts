/**
 * UTF-8 bytes to text: the one place a policy's bytes (a draft file, a version or ledger blob, a page
 * to parse) become a string.
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';

/**
 * The text of `bytes` when they are valid UTF-8 (a BOM kept as U+FEFF), else null. ICU's transcoder to
 * UTF-16 decodes mostly non-ASCII text about three times quicker than V8's UTF-8 decoder (12 vs 34 ms
 * for a 6.3 MB Korean page); ASCII keeps V8's decoder, quicker for it and giving the compact string.
 */
export function decodeValidUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return isAscii(bytes) ? asBuffer(bytes).toString('latin1') : transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
}

/** Exactly the string `Buffer.toString('utf8')` gives: invalid sequences each become U+FFFD, which the readers rely on. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decodeValidUtf8(bytes) ?? asBuffer(bytes).toString('utf8');
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
