import { lazy, Suspense, useEffect, useState } from 'react';
import { Text } from 'ink';
import { useTheme } from '../theme.js';
import { sanitizeForTerminal, truncateToWidth } from '../text.js';

export type Status = { kind: 'idle' } | { kind: 'busy'; label: string } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

// @inkjs/ui loads every one of its components: keep it off the path to the first frame.
const Spinner = lazy(() => import('@inkjs/ui').then((ui) => ({ default: ui.Spinner })));

/**
 * Work that ends sooner (opening the store) shows its label still: each spinner frame is a full render
 * of the screen, which would hold up the very work it waits for.
 */
const SPINNER_DELAY_MS = 300;

function BusyLine({ label }: { label: string }) {
  const [animated, setAnimated] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAnimated(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  const still = <Text>{`⠋ ${label}`}</Text>;
  if (!animated) return still;
  return (
    <Suspense fallback={still}>
      <Spinner label={label} />
    </Suspense>
  );
}

/** One line under the body: a spinner while work runs in the background, else the last message. */
export function StatusLine({ status, width }: { status: Status; width: number }) {
  const theme = useTheme();
  if (status.kind === 'busy') {
    return <BusyLine label={truncateToWidth(sanitizeForTerminal(status.label), width - 2)} />;
  }
  if (status.kind === 'error') return <Text {...theme.tone('error')}>{truncateToWidth(sanitizeForTerminal(status.message), width)}</Text>;
  if (status.kind === 'info') return <Text {...theme.tone('muted')}>{truncateToWidth(sanitizeForTerminal(status.message), width)}</Text>;
  return <Text> </Text>;
}
