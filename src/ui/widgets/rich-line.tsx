import { Text } from 'ink';
import { useTheme } from '../theme.js';
import type { RichLine } from '../rich-text.js';

/** One rich line as Ink text; every segment's text was sanitised when it was built. */
export function RichLineView({ line, focus = false }: { line: RichLine; focus?: boolean }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(focus ? theme.tone('focus') : {})}>
      {line.length === 0 ? ' ' : null}
      {line.map((segment, i) => (
        <Text key={i} {...(segment.tone ? theme.tone(segment.tone) : {})} {...(segment.strike ? { strikethrough: true } : {})} {...(segment.underline ? { underline: true } : {})}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}
