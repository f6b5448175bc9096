/**
 * From raw bytes to clean text: encoding (UTF-8, else EUC-KR/CP949), BOM, line endings, Unicode NFC,
 * and terminal control sequences (a policy text must never drive the terminal that shows it).
 */
import { InputError } from '../errors.js';
import { t } from '../presentation/messages/index.js';
import { decodeValidUtf8 } from '../utf8.js';

export type PolicyEncoding = 'utf-8' | 'euc-kr';

function binaryError(where: string, why: string): InputError {
  return new InputError(t('err.input.binary', { where, why }), { where, hint: t('err.input.binary.hint') });
}

// C0 controls except tab and newline (CR is handled as a line ending), DEL and the C1 range. Without the
// u flag: each of them is one UTF-16 unit, so the matches are the same, and a 5 MB page is scanned in half the time.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Rejects text that is mostly control characters: a binary file that happened to decode. */
export function assertTextual(text: string, where: string): void {
  if (text.includes('\u0000')) throw binaryError(where, t('err.input.binary.nul'));
  const controls = text.match(CONTROL)?.length ?? 0;
  const escapes = text.match(/\u001b/gu)?.length ?? 0;
  // Escape sequences are stripped later with a warning; other controls in bulk mean binary.
  if (controls - escapes > 8 && (controls - escapes) / text.length > 0.05) {
    throw binaryError(where, t('err.input.binary.controls', { count: controls - escapes }));
  }
}

export function decodePolicyBytes(bytes: Uint8Array, where = t('err.input.theInput')): { text: string; encoding: PolicyEncoding } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(t('err.input.utf16', { where }), { where, hint: t('err.input.utf16.hint') });
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw binaryError(where, t('err.input.binary.nul'));
  let decoded: { text: string; encoding: PolicyEncoding };
  const utf8 = decodeValidUtf8(body);
  // A second BOM after the first goes too, as the WHATWG decoder this replaced dropped it.
  if (utf8 !== null) decoded = { text: utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8, encoding: 'utf-8' };
  else {
    try {
      // WHATWG euc-kr is Windows-949 (CP949), a superset of EUC-KR: what Korean government sites serve.
      decoded = { text: new TextDecoder('euc-kr', { fatal: true }).decode(body), encoding: 'euc-kr' };
    } catch {
      throw binaryError(where, t('err.input.binary.encoding'));
    }
  }
  assertTextual(decoded.text, where);
  return decoded;
}

// ESC [ … final (CSI), ESC ] … BEL/ST (OSC), ESC P/X/^/_ … ST (DCS, SOS, PM, APC), C1 CSI, other ESC pairs.
const ESCAPE_SEQUENCES = [
  /\u001b\[[0-?]*[ -/]*[@-~]/gu,
  /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/gu,
  /\u001b[PX^_][^\u001b]*(?:\u001b\\)?/gu,
  /\u009b[0-?]*[ -/]*[@-~]/gu,
  /\u001b[@-~]?/gu,
];

const HAS_CONTROL = new RegExp(CONTROL.source);

export interface NormalisedText {
  lines: string[];
  /** Line numbers (1-based) from which control characters or escape sequences were removed. */
  strippedLines: number[];
  strippedCount: number;
}

/** CRLF/CR → LF, NFC (macOS NFD Hangul → NFC), control characters and escape sequences removed. */
export function normaliseText(text: string): NormalisedText {
  const whole = text.replace(/^\ufeff/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
  const lines = whole.split('\n');
  // Most texts hold no control character at all: one look at the whole text spares one per line.
  if (!HAS_CONTROL.test(whole)) return { lines, strippedLines: [], strippedCount: 0 };
  const strippedLines: number[] = [];
  let strippedCount = 0;
  const clean = lines.map((line, index) => {
    if (!HAS_CONTROL.test(line)) return line;
    let out = line;
    for (const pattern of ESCAPE_SEQUENCES) out = out.replace(pattern, () => (strippedCount++, ''));
    out = out.replace(CONTROL, () => (strippedCount++, ''));
    if (out !== line) strippedLines.push(index + 1);
    return out;
  });
  return { lines: clean, strippedLines, strippedCount };
}
