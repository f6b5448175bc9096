import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { displayWidth, padToWidth } from '../text.js';
import type { KeyHelp } from '../keys.js';
import { t } from '../../domain/presentation/messages/index.js';

export function globalKeys(): KeyHelp[] {
  return [
    { key: '?', label: t('keys.help') },
    { key: 'q Esc', label: t('keys.back') },
    { key: 'Ctrl+C', label: t('keys.quitNow') },
  ];
}

/** The `?` overlay: every key of the current screen, then the global ones. */
export function HelpOverlay({ title, keys, width }: { title: string; keys: KeyHelp[]; width: number }) {
  const theme = useTheme();
  const global = globalKeys();
  const keyWidth = Math.max(...[...keys, ...global].map((k) => displayWidth(k.key)), 4);
  const inner = Math.max(10, width - 4);
  const line = (k: KeyHelp) => padToWidth(`${padToWidth(k.key, keyWidth)}  ${k.label}`, inner);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text {...theme.tone('accent')}>{padToWidth(t('keys.title', { title }), inner)}</Text>
      {keys.map((k, i) => (
        <Text key={`s${i}`}>{line(k)}</Text>
      ))}
      <Text>{padToWidth('', inner)}</Text>
      {global.map((k, i) => (
        <Text key={`g${i}`} {...theme.tone('muted')}>
          {line(k)}
        </Text>
      ))}
    </Box>
  );
}
