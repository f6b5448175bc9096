import { lazy, Suspense } from 'react';
import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { sanitizeForTerminal, truncateToWidth } from '../text.js';

export type Status = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

// @inkjs/ui loads every one of its components: keep it off the path to the first frame.
const Spinner = lazy(() => import('@inkjs/ui').then((ui) => ({ default: ui.Spinner })));

/** One line under the body: a spinner while work runs in the background, else the last message. */
export function StatusLine({ status, width }: { status: Status; width: number }) {
  const theme = useTheme();
  if (status.kind === 'busy') {
    const label = truncateToWidth(sanitizeForTerminal(status.label), width - 2);
    return (
      <Suspense fallback={<Text>{`⠋ ${label}`}</Text>}>
        <Spinner label={label} />
      </Suspense>
    );
  }
  if (status.kind === 'error') return <Text {...theme.tone('error')}>{truncateToWidth(sanitizeForTerminal(status.message), width)}</Text>;
  if (status.kind === 'info') return <Text {...theme.tone('muted')}>{truncateToWidth(sanitizeForTerminal(status.message), width)}</Text>;
  return <Text> </Text>;
}
