import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { displayWidth, sanitizeForTerminal, ELLIPSIS } from '../text.js';
import type { PromptState } from './prompt-state.js';

/** The prompt line: label, value (its end kept visible when too long) and a block cursor. */
export function PromptView({ state, width }: { state: PromptState; width: number }) {
  const theme = useTheme();
  const label = `${state.label} `;
  const room = Math.max(1, width - displayWidth(label) - 1);
  let value = sanitizeForTerminal(state.value);
  if (displayWidth(value) > room) {
    const chars = Array.from(value);
    while (chars.length > 0 && displayWidth(ELLIPSIS + chars.join('')) > room) chars.shift();
    value = ELLIPSIS + chars.join('');
  }
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...theme.tone('accent')}>{label}</Text>
        {value}
        <Text inverse> </Text>
      </Text>
      {state.problem ? (
        // Cut in the middle when too wide: a long path gives way, the what-to-do at the end stays.
        <Text wrap="truncate-middle" {...theme.tone('error')}>
          {sanitizeForTerminal(state.problem)}
        </Text>
      ) : null}
    </Box>
  );
}
