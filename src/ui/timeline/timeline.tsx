/** Timeline: a city's versions in date order, with text or not, their source and change size. */
import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { Ledger, LedgerEntry } from '../../domain/model.js';
import { changeSizeOf, refOf, type ChangeSize } from '../backend.js';
import { useTheme } from '../theme.js';
import { cell, padToWidth, sanitizeForTerminal, wrapToWidth } from '../text.js';
import { windowStart } from '../keys.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import type { Status } from '../widgets/status-line.js';
import { entryLabel, timelineKeys, timelineStart, whyNoText, type TimelineState } from './timeline-state.js';
import { useTimelineInput } from './use-timeline.js';
import { t } from '../../domain/presentation/messages/index.js';

/** Substantive change count against the previous version with text, by index. */
export type TimelineChanges = Record<number, ChangeSize | null | 'failed' | undefined>;

const MARK = 2;
const RANGE = 23;
const TEXT = 7;
const CHANGE = 15;
const DETAIL_LINES = 4;

export function sourceOf(entry: LedgerEntry): string {
  if (entry.source?.url) return entry.source.url;
  if (entry.source?.file) return entry.source.file;
  const evidence = entry.evidence?.[0];
  if (evidence) return t('timeline.namedIn', { version: evidence.version ?? t('timeline.undated') });
  return entry.note ?? '';
}

function formatChange(entry: LedgerEntry, change: ChangeSize | null | 'failed' | undefined): string {
  if (!entry.archived) return t('timeline.change.none');
  if (change === undefined) return '…';
  if (change === 'failed') return t('timeline.change.failed');
  if (change === null) return t('timeline.change.first');
  return t('timeline.change.size', { count: change.substantive });
}

export function timelineLine(entry: LedgerEntry, marked: boolean, change: ChangeSize | null | 'failed' | undefined, width: number): string {
  const fixed = `${marked ? '* ' : '  '}${cell(entryLabel(entry), RANGE)} ${cell(entry.archived ? t('timeline.text') : t('timeline.noTextShort'), TEXT)} ${cell(formatChange(entry, change), CHANGE)} `;
  return padToWidth(fixed + sanitizeForTerminal(sourceOf(entry)), width);
}

export function timelineHeader(width: number): string {
  return padToWidth(`${' '.repeat(MARK)}${padToWidth(t('timeline.head.range'), RANGE)} ${padToWidth(t('timeline.head.text'), TEXT)} ${padToWidth(t('timeline.head.change'), CHANGE)} ${t('timeline.head.source')}`, width);
}

/** The detail lines for the focused version: tag, hash, evidence, why there is no text. */
export function detailLines(slug: string, entry: LedgerEntry | undefined, width: number): string[] {
  if (!entry) return [];
  const facts: string[] = [];
  if (entry.archived) {
    facts.push(`${entry.tag ?? refOf(slug, entry.effective) ?? ''}  sha256 ${entry.source?.sha256.slice(0, 12) ?? '?'}  ${entry.source?.url ?? entry.source?.file ?? ''}`);
    if (entry.note) facts.push(entry.note);
  } else {
    facts.push(whyNoText(slug, entry));
  }
  for (const evidence of entry.evidence ?? []) facts.push(t('timeline.evidence', { version: evidence.version ?? t('timeline.undated'), text: evidence.text }));
  return facts.flatMap((fact) => wrapToWidth(sanitizeForTerminal(fact), width));
}

export interface TimelineViewProps {
  slug: string;
  ledger: Ledger;
  changes: TimelineChanges;
  state: TimelineState;
  size: Size;
}

export function TimelineBody({ slug, ledger, changes, state, size }: TimelineViewProps) {
  const theme = useTheme();
  const inner = size.columns - 4;
  const messageLines = state.message ? wrapToWidth(sanitizeForTerminal(state.message), size.columns).slice(0, 3) : [];
  const promptLines = state.prompt ? (state.prompt.problem ? 2 : 1) : 0;
  const listHeight = Math.max(1, bodyRows(size) - 3 - (DETAIL_LINES + 2) - messageLines.length - promptLines);
  const entries = ledger.versions;
  const start = windowStart(state.cursor, listHeight, entries.length);
  const details = detailLines(slug, entries[state.cursor], inner).slice(0, DETAIL_LINES);
  while (details.length < DETAIL_LINES) details.push('');
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={size.columns}>
        <Text {...theme.tone('muted')}>{timelineHeader(inner)}</Text>
        {entries.slice(start, start + listHeight).map((entry, i) => {
          const index = start + i;
          const tone = index === state.cursor ? theme.tone('focus') : entry.archived ? {} : theme.tone('muted');
          return (
            <Text key={index} {...tone}>
              {timelineLine(entry, state.mark === index, changes[index], inner)}
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={size.columns}>
        {details.map((line, i) => (
          <Text key={i}>{padToWidth(line, inner)}</Text>
        ))}
      </Box>
      {messageLines.map((line, i) => (
        <Text key={`m${i}`} {...theme.tone('warning')}>
          {line}
        </Text>
      ))}
      {state.prompt ? <PromptView state={state.prompt} width={size.columns} /> : null}
    </Box>
  );
}

export function TimelineScreen({ slug, city, isActive = true }: { slug: string; city: string; isActive?: boolean }) {
  const nav = useNav();
  const ledger = useTask(() => nav.backend.ledger(slug), [nav.backend, slug, nav.storeRevision]);
  const entries = ledger.status === 'done' ? ledger.value.versions : [];
  // Until a key is pressed, the cursor is on the newest version.
  const [touched, setState] = useState<TimelineState | undefined>(undefined);
  const state = touched ?? timelineStart(entries);
  const changes = useTimelineChanges(slug, entries);
  useTimelineInput(state, setState, slug, entries, isActive);
  const archived = entries.filter((e) => e.archived).length;
  const pending = entries.filter((e, i) => e.archived && changes[i] === undefined).length;
  let status: Status = { kind: 'idle' };
  if (ledger.status === 'loading') status = { kind: 'busy', label: t('timeline.reading', { slug }) };
  else if (ledger.status === 'failed') status = { kind: 'error', message: ledger.message };
  else if (pending > 0) status = { kind: 'busy', label: t('timeline.diffing', { done: archived - pending, total: archived }) };
  return (
    <ScreenFrame
      title={t('timeline.title', { city, slug })}
      context={t('timeline.context', { archived, known: entries.length })}
      keys={timelineKeys(state)}
      status={status}
      size={nav.size}
      help={nav.help}
    >
      {ledger.status === 'done' ? <TimelineBody slug={slug} ledger={ledger.value} changes={changes} state={state} size={nav.size} /> : null}
    </ScreenFrame>
  );
}

/** Diffs each version with text against the previous one with text, in the background. */
function useTimelineChanges(slug: string, entries: LedgerEntry[]): TimelineChanges {
  const nav = useNav();
  const [changes, setChanges] = useState<TimelineChanges>({});
  const key = entries.map((e) => `${e.effective}:${e.archived}`).join(',');
  useEffect(() => {
    let cancelled = false;
    setChanges({});
    void (async () => {
      let previous: string | null = null;
      for (const [index, entry] of entries.entries()) {
        if (!entry.archived) continue;
        const ref = refOf(slug, entry.effective, entry.tag);
        let change: ChangeSize | null | 'failed' = null;
        if (previous && ref) {
          await new Promise((resolve) => setImmediate(resolve));
          if (cancelled) return;
          try {
            change = changeSizeOf(await nav.backend.diff(previous, ref));
          } catch {
            change = 'failed';
          }
        }
        if (cancelled) return;
        setChanges((before) => ({ ...before, [index]: change }));
        previous = ref;
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, key, nav.backend]);
  return changes;
}
