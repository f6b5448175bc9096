import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { padToWidth } from '../text.js';
import type { KeyHelp } from '../keys.js';

export const GLOBAL_KEYS: KeyHelp[] = [
  { key: '?', label: 'show / hide this list of keys' },
  { key: 'q Esc', label: 'back (quit on the first screen)' },
  { key: 'Ctrl+C', label: 'quit now' },
];

/** The `?` overlay: every key of the current screen, then the global ones. */
export function HelpOverlay({ title, keys, width }: { title: string; keys: KeyHelp[]; width: number }) {
  const theme = useTheme();
  const keyWidth = Math.max(...[...keys, ...GLOBAL_KEYS].map((k) => k.key.length), 4);
  const inner = Math.max(10, width - 4);
  const line = (k: KeyHelp) => padToWidth(`${padToWidth(k.key, keyWidth)}  ${k.label}`, inner);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text {...theme.tone('accent')}>{padToWidth(`Keys: ${title}`, inner)}</Text>
      {keys.map((k, i) => (
        <Text key={`s${i}`}>{line(k)}</Text>
      ))}
      <Text>{padToWidth('', inner)}</Text>
      {GLOBAL_KEYS.map((k, i) => (
        <Text key={`g${i}`} {...theme.tone('muted')}>
          {line(k)}
        </Text>
      ))}
    </Box>
  );
}
