/**
 * Every screen's layout: a header line, the body, the status line and the key footer, exactly
 * `rows - 1` lines tall (a frame as tall as the terminal makes Ink clear the screen on each render).
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { useTheme } from '../theme.js';
import { displayWidth, sanitizeForTerminal, shortenAtWord } from '../text.js';
import type { KeyHelp } from '../keys.js';
import type { Size } from '../hooks.js';
import { Footer } from './footer.js';
import { HelpOverlay } from './help-overlay.js';
import { StatusLine, type Status } from './status-line.js';

/** Lines the frame itself uses (header, status, footer) around the body. */
export const FRAME_CHROME_ROWS = 3;

export function bodyRows(size: Size): number {
  return Math.max(3, size.rows - 1 - FRAME_CHROME_ROWS);
}

export interface ScreenFrameProps {
  title: string;
  /** Right side of the header (store path, counts). */
  context?: string;
  keys: KeyHelp[];
  status: Status;
  size: Size;
  help: boolean;
  children: ReactNode;
}

export function ScreenFrame({ title, context, keys, status, size, help, children }: ScreenFrameProps) {
  const theme = useTheme();
  const width = size.columns;
  const safeTitle = shortenAtWord(sanitizeForTerminal(title), width);
  // The context (store path, refs) only where the whole title leaves room for it.
  const room = width - displayWidth(safeTitle);
  return (
    <Box flexDirection="column" width={width} height={Math.max(4, size.rows - 1)}>
      <Box width={width}>
        <Box flexGrow={1} flexShrink={0}>
          <Text wrap="truncate-end" {...theme.tone('accent')}>
            {safeTitle}
          </Text>
        </Box>
        {context && room > 12 ? (
          <Box flexShrink={1} marginLeft={2}>
            <Text wrap="truncate-start" {...theme.tone('muted')}>
              {sanitizeForTerminal(context)}
            </Text>
          </Box>
        ) : null}
      </Box>
      <Box flexDirection="column" height={bodyRows(size)} overflow="hidden">
        {help ? <HelpOverlay title={title} keys={keys} width={Math.min(width, 72)} /> : children}
      </Box>
      <StatusLine status={status} width={width} />
      <Footer keys={keys} width={width} />
    </Box>
  );
}
