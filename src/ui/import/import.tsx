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
import { t } from '../../domain/presentation/messages/index.js';

/** What the parser found, as lines: the facts first, then every warning and dropped line. */
export function previewLines(preview: DraftPreview, effective: string | undefined, width: number): { text: string; tone?: 'warning' | 'muted' }[] {
  const v = preview.version;
  const stated = v.revision?.effective ?? v.effective;
  const lines: { text: string; tone?: 'warning' | 'muted' }[] = [
    { text: t('import.preview.city', { city: v.city, slug: v.slug }) },
    { text: t('import.preview.title', { title: v.title }) },
    { text: t('import.preview.effective', { date: effective ?? stated ?? t('import.preview.noDate') }) + (effective && stated && effective !== stated ? t('import.preview.stated', { date: stated }) : '') },
    { text: t('import.preview.articles', { count: v.articles.length, list: v.articles.map((a) => articleName(a, v.numbering)).join(printsNumber(v.numbering ?? 'article') ? ' ' : ' · ') }) },
    { text: t('import.preview.earlier', { count: v.revision?.earlier.length ?? 0 }) },
    { text: t('import.preview.warnings', { warnings: preview.report.warnings.length, dropped: preview.report.dropped.length }) },
  ];
  for (const w of preview.report.warnings) lines.push({ text: t('import.preview.warning', { line: w.line ? t('import.preview.line', { line: w.line }) : '', message: w.message }), tone: 'warning' });
  for (const d of preview.report.dropped) lines.push({ text: t('import.preview.dropped', { line: d.line, reason: d.reason, text: d.text }), tone: 'muted' });
  return lines.flatMap((line) => wrapToWidth(sanitizeForTerminal(line.text), width).map((text) => ({ text, ...(line.tone ? { tone: line.tone } : {}) })));
}

export function ImportBody({ state, size }: { state: ImportStep; size: Size }) {
  const theme = useTheme();
  const inner = size.columns - 4;
  if (state.step === 'path' || state.step === 'effective') {
    return (
      <Box flexDirection="column">
        {state.step === 'effective' ? <Text {...theme.tone('muted')}>{padToWidth(t('import.file', { path: sanitizeForTerminal(state.path) }), size.columns)}</Text> : null}
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
        <Text {...theme.tone('accent')}>{t('import.confirm')}</Text>
      </Box>
    );
  }
  if (state.step === 'done' || state.step === 'failed') {
    // The error names the file itself: it is said once.
    const text = state.step === 'done' ? state.summary : t('import.failed', { error: state.message });
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
  if (state.step === 'previewing') status = { kind: 'busy', label: t('import.parsing', { path: state.path }) };
  if (state.step === 'importing') status = { kind: 'busy', label: t('import.importing', { path: state.path, slug }) };
  return (
    <ScreenFrame title={t('import.title', { city, slug })} context={nav.backend.storeDir} keys={importKeys(state)} status={status} size={nav.size} help={nav.help}>
      <ImportBody state={state} size={nav.size} />
    </ScreenFrame>
  );
}
