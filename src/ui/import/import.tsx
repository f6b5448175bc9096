/** Import: prompts, the parse preview (articles, effective date, warnings), then the import itself. */
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useTheme } from '../theme.js';
import { articleName, printsNumber } from '../../domain/presentation/labels.js';
import { padToWidth, sanitizeForTerminal, wrapToWidth } from '../text.js';
import type { Size } from '../hooks.js';
import { useNav } from '../nav.js';
import type { DraftPreview } from '../backend.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import type { Status } from '../widgets/status-line.js';
import { importKeys, initialImportState, type ImportStep } from './import-state.js';
import { useImportInput } from './use-import.js';

/** What the parser found, as lines: the facts first, then every warning and dropped line. */
export function previewLines(preview: DraftPreview, effective: string | undefined, width: number): { text: string; tone?: 'warning' | 'muted' }[] {
  const v = preview.version;
  const stated = v.revision?.effective ?? v.effective;
  const lines: { text: string; tone?: 'warning' | 'muted' }[] = [
    { text: `city       ${v.city} (${v.slug})` },
    { text: `title      ${v.title}` },
    { text: `effective  ${effective ?? stated ?? '(not stated: give a date)'}${effective && stated && effective !== stated ? `  (the text states ${stated})` : ''}` },
    { text: `articles   ${v.articles.length}: ${v.articles.map((a) => articleName(a, v.numbering)).join(printsNumber(v.numbering ?? 'article') ? ' ' : ' · ')}` },
    { text: `earlier    ${v.revision?.earlier.length ?? 0} versions named by the revision article` },
    { text: `warnings   ${preview.report.warnings.length}, dropped lines ${preview.report.dropped.length}` },
  ];
  for (const w of preview.report.warnings) lines.push({ text: `warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`, tone: 'warning' });
  for (const d of preview.report.dropped) lines.push({ text: `dropped line ${d.line} (${d.reason}): ${d.text}`, tone: 'muted' });
  return lines.flatMap((line) => wrapToWidth(sanitizeForTerminal(line.text), width).map((text) => ({ text, ...(line.tone ? { tone: line.tone } : {}) })));
}

export function ImportBody({ state, size }: { state: ImportStep; size: Size }) {
  const theme = useTheme();
  const inner = size.columns - 4;
  if (state.step === 'path' || state.step === 'effective') {
    return (
      <Box flexDirection="column">
        {state.step === 'effective' ? <Text {...theme.tone('muted')}>{padToWidth(`file: ${sanitizeForTerminal(state.path)}`, size.columns)}</Text> : null}
        <PromptView state={state.prompt} width={size.columns} />
      </Box>
    );
  }
  if (state.step === 'preview') {
    const lines = previewLines(state.preview, state.effective, inner);
    const height = Math.max(1, bodyRows(size) - 3);
    const scroll = Math.min(state.scroll, Math.max(0, lines.length - height));
    return (
      <Box flexDirection="column">
        <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={size.columns}>
          {lines.slice(scroll, scroll + height).map((line, i) => (
            <Text key={scroll + i} {...(line.tone ? theme.tone(line.tone) : {})}>
              {padToWidth(line.text, inner)}
            </Text>
          ))}
        </Box>
        <Text {...theme.tone('accent')}>Import this as a new version? y/enter: import · n/Esc: cancel</Text>
      </Box>
    );
  }
  if (state.step === 'done' || state.step === 'failed') {
    const text = state.step === 'done' ? state.summary : `Could not import ${state.path}: ${state.message}`;
    return (
      <Box flexDirection="column">
        {text.split('\n').flatMap((paragraph, p) =>
          wrapToWidth(sanitizeForTerminal(paragraph), size.columns).map((line, i) => (
            <Text key={`${p}-${i}`} {...theme.tone(state.step === 'done' ? 'added' : 'error')}>
              {line}
            </Text>
          )),
        )}
      </Box>
    );
  }
  return null;
}

export function ImportScreen({ slug, city, isActive = true }: { slug: string; city: string; isActive?: boolean }) {
  const nav = useNav();
  const [state, setState] = useState<ImportStep>(() => initialImportState());
  useImportInput(slug, state, setState, isActive);
  let status: Status = { kind: 'idle' };
  if (state.step === 'previewing') status = { kind: 'busy', label: `Parsing ${state.path}…` };
  if (state.step === 'importing') status = { kind: 'busy', label: `Importing ${state.path} into ${slug} (commit, tag, ledger)…` };
  return (
    <ScreenFrame title={`bangchim · Import a draft of ${city} (${slug})`} context={nav.backend.storeDir} keys={importKeys(state)} status={status} size={nav.size} help={nav.help}>
      <ImportBody state={state} size={nav.size} />
    </ScreenFrame>
  );
}
