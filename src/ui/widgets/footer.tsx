import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { displayWidth } from '../text.js';
import type { KeyHelp } from '../keys.js';
import { t } from '../../domain/presentation/messages/index.js';

const GAP = 2;

/**
 * The footer's keys for `width` columns (short labels), in the screen's order: the primary keys first claim their
 * room, then the others while they fit; `? all keys` always shows (it leads to whatever did not fit).
 */
export function footerKeys(keys: KeyHelp[], width: number): KeyHelp[] {
  const all: KeyHelp = { key: '?', label: t('keys.all') };
  const candidates = keys.filter((k) => k.footer !== false);
  const cost = (item: KeyHelp) => displayWidth(`${item.key} ${item.short ?? item.label}`) + GAP;
  let used = displayWidth(`${all.key} ${all.label}`);
  const chosen = new Set<KeyHelp>();
  for (const pass of [true, false]) {
    for (const item of candidates) {
      if (Boolean(item.primary) !== pass || used + cost(item) > width) continue;
      chosen.add(item);
      used += cost(item);
    }
  }
  return [...candidates.filter((k) => chosen.has(k)), all];
}

/** The key line at the bottom. */
export function Footer({ keys, width }: { keys: KeyHelp[]; width: number }) {
  const theme = useTheme();
  const shown = footerKeys(keys, width);
  return (
    <Text wrap="truncate-end">
      {shown.map((item, i) => (
        <Text key={`${item.key}-${i}`}>
          <Text {...theme.tone('accent')}>{item.key}</Text>
          <Text {...theme.tone('muted')}> {item.short ?? item.label}</Text>
          {i < shown.length - 1 ? ' '.repeat(GAP) : ''}
        </Text>
      ))}
    </Text>
  );
}
