import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { displayWidth } from '../text.js';
import type { KeyHelp } from '../keys.js';

/** The key line at the bottom: as many of the screen's footer keys as fit, then `? keys`. */
export function Footer({ keys, width }: { keys: KeyHelp[]; width: number }) {
  const theme = useTheme();
  const all: KeyHelp = { key: '?', label: 'all keys' };
  const shown: KeyHelp[] = [];
  // `? all keys` always shows: it leads to whatever did not fit.
  let used = displayWidth(`${all.key} ${all.label}`);
  for (const item of keys.filter((k) => k.footer !== false)) {
    const w = displayWidth(`${item.key} ${item.label}`) + 2;
    if (used + w > width) continue;
    shown.push(item);
    used += w;
  }
  shown.push(all);
  return (
    <Text wrap="truncate-end">
      {shown.map((item, i) => (
        <Text key={`${item.key}-${i}`}>
          <Text {...theme.tone('accent')}>{item.key}</Text>
          <Text {...theme.tone('muted')}> {item.label}</Text>
          {i < shown.length - 1 ? '  ' : ''}
        </Text>
      ))}
    </Text>
  );
}
