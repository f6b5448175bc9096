/**
 * A body's display name. A body keeps its name's stem when its status changes (고양시 → 고양특례시,
 * 여주군 → 여주시), so names are compared without the status suffix; a person may type the stem (고양).
 */
const STATUS_SUFFIX = /(특례시|특별자치시|특별자치도|특별시|광역시|시|군|구)$/u;
const HANGUL_NAME = /^[\p{Script=Hangul}0-9·]+$/u;

function stem(name: string): string {
  const compact = name.replace(/\s+/gu, '');
  const stripped = compact.replace(STATUS_SUFFIX, '');
  return stripped.length > 0 ? stripped : compact;
}

/** True when two display names name the same body (고양, 고양시, 고양특례시). */
export function sameBodyName(a: string, b: string): boolean {
  return stem(a) === stem(b);
}

/** True when `text` reads as a body's Korean name (고양, 고양특례시) rather than a slug. */
export function isKoreanBodyName(text: string): boolean {
  return HANGUL_NAME.test(text) && /\p{Script=Hangul}/u.test(text);
}
