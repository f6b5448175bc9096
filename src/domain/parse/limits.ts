/** How large an input the parser takes: apart from the parser, so that reading a file checks it without loading the parser. */
import { InputError } from '../errors.js';
import { t } from '../presentation/messages/index.js';

/** A policy page's text is tens of kilobytes; anything this large is the wrong file or a paste gone wrong. */
export const MAX_INPUT_BYTES = 10_000_000;

/** The refusal of an input over MAX_INPUT_BYTES; without `size`, the input was read only up to the limit. */
export function inputTooLarge(where: string, size?: number): InputError {
  const limit = MAX_INPUT_BYTES / 1_000_000;
  const message = size === undefined ? t('err.input.tooLargeOver', { where, limit }) : t('err.input.tooLarge', { where, size: (size / 1_000_000).toFixed(1) });
  return new InputError(message, { where, hint: t('err.input.tooLarge.hint', { limit }) });
}
