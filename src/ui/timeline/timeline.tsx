/** Timeline: a city's versions in date order, with text or not, their source and change size. */
import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { LedgerEntry } from '../../domain/model.js';
import { newestArchived, versionStatus, type VersionStatus } from '../../domain/ledger.js';
import { changeSizeOf, draftRefOf, refOf, type ChangeSize, type DraftInfo } from '../backend.js';
import { useTheme } from '../theme.js';
import { cell, padToWidth, sanitizeForTerminal, wrapToWidth } from '../text.js';
import { windowStart } from '../keys.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import type { Status } from '../widgets/status-line.js';
import { draftLabel, entryLabel, rowCount, timelineKeys, timelineStart, whyNoText, type TimelineData, type TimelineState } from './timeline-state.js';
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

export function timelineLine(entry: LedgerEntry, marked: boolean, change: ChangeSize | null | 'failed' | undefined, width: number, status: VersionStatus): string {
  const fixed = `${marked ? '* ' : '  '}${cell(entryLabel(entry, status), RANGE)} ${cell(entry.archived ? t('timeline.text') : t('timeline.noTextShort'), TEXT)} ${cell(formatChange(entry, change), CHANGE)} `;
  return padToWidth(fixed + sanitizeForTerminal(sourceOf(entry)), width);
}

/** The draft's row: its date and 초안, its change against the newest version, how often it was saved. */
export function draftLine(draft: DraftInfo, change: ChangeSize | null | 'failed' | undefined, width: number): string {
  const size = change === undefined ? '…' : change === 'failed' ? t('timeline.change.failed') : change === null ? t('timeline.change.first') : t('timeline.change.size', { count: change.substantive });
  const fixed = `  ${cell(draftLabel(draft), RANGE)} ${cell(t('timeline.draft.text'), TEXT)} ${cell(size, CHANGE)} `;
  return padToWidth(fixed + t('timeline.draft.saved', { revisions: draft.revisions }), width);
}

/** The detail lines for the draft row: its ref, when it was saved, what the keys do with it. */
export function draftDetailLines(slug: string, draft: DraftInfo, width: number): string[] {
  const facts = [
    t('timeline.draft.detail', { ref: draftRefOf(slug), revisions: draft.revisions, saved: draft.saved.slice(0, 16).replace('T', ' ') }),
    draft.effective ? t('timeline.draft.dated', { date: draft.effective }) : t('timeline.draft.noDate'),
    t('timeline.draft.keys'),
  ];
  return facts.flatMap((fact) => wrapToWidth(sanitizeForTerminal(fact), width));
}

export function timelineHeader(width: number): string {
  return padToWidth(`${' '.repeat(MARK)}${padToWidth(t('timeline.head.range'), RANGE)} ${padToWidth(t('timeline.head.text'), TEXT)} ${padToWidth(t('timeline.head.change'), CHANGE)} ${t('timeline.head.source')}`, width);
}

/** The detail lines for the focused version: where it stands, tag, hash, evidence, why there is no text. */
export function detailLines(slug: string, entry: LedgerEntry | undefined, width: number, status: VersionStatus): string[] {
  if (!entry) return [];
  const facts: string[] = [];
  if (status !== 'superseded') facts.push(status === 'scheduled' ? t('timeline.status.scheduled', { date: entry.effective ?? '' }) : t('timeline.status.inForce'));
  if (entry.archived) {
    facts.push(`${entry.tag ?? refOf(slug, entry.effective) ?? ''}  sha256 ${entry.source?.sha256.slice(0, 12) ?? '?'}  ${entry.source?.url ?? entry.source?.file ?? ''}`);
    if (entry.note) facts.push(entry.note);
  } else {
    facts.push(whyNoText(slug, entry, status));
  }
  for (const evidence of entry.evidence ?? []) facts.push(t('timeline.evidence', { version: evidence.version ?? t('timeline.undated'), text: evidence.text }));
  return facts.flatMap((fact) => wrapToWidth(sanitizeForTerminal(fact), width));
}

export interface TimelineViewProps {
  data: TimelineData;
  changes: TimelineChanges;
  state: TimelineState;
  size: Size;
}

export function TimelineBody({ data, changes, state, size }: TimelineViewProps) {
  const theme = useTheme();
  const { ledger, draft, today } = data;
  const slug = ledger.slug;
  const inner = size.columns - 4;
  const messageLines = state.message ? wrapToWidth(sanitizeForTerminal(state.message), size.columns).slice(0, 3) : [];
  const prompt = state.prompt ?? state.filePrompt;
  const promptLines = prompt ? (prompt.problem ? 2 : 1) : 0;
  const listHeight = Math.max(1, bodyRows(size) - 3 - (DETAIL_LINES + 2) - messageLines.length - promptLines);
  const entries = ledger.versions;
  const rows = rowCount(data);
  const cursor = Math.min(state.cursor, Math.max(0, rows - 1));
  const start = windowStart(cursor, listHeight, rows);
  const status = (entry: LedgerEntry) => versionStatus(ledger, entry, today);
  const focused = entries[cursor];
  const details = (draft && cursor === entries.length ? draftDetailLines(slug, draft, inner) : detailLines(slug, focused, inner, focused ? status(focused) : 'superseded')).slice(0, DETAIL_LINES);
  while (details.length < DETAIL_LINES) details.push('');
  const shown = Array.from({ length: Math.max(0, Math.min(listHeight, rows - start)) }, (_, i) => start + i);
  return (
    <Box flexDirection="column">
      <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={size.columns}>
        <Text {...theme.tone('muted')}>{timelineHeader(inner)}</Text>
        {shown.map((index) => {
          const entry = entries[index];
          if (!entry) {
            return (
              <Text key="draft" {...(index === cursor ? theme.tone('focus') : theme.tone('accent'))}>
                {draftLine(draft!, changes[index], inner)}
              </Text>
            );
          }
          const tone = index === cursor ? theme.tone('focus') : entry.archived ? {} : theme.tone('muted');
          return (
            <Text key={index} {...tone}>
              {timelineLine(entry, state.mark === index, changes[index], inner, status(entry))}
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
      {prompt ? <PromptView state={prompt} width={size.columns} /> : null}
    </Box>
  );
}

export function TimelineScreen({ slug, city, isActive = true }: { slug: string; city: string; isActive?: boolean }) {
  const nav = useNav();
  const task = useTask(
    () => Promise.all([nav.backend.ledger(slug), nav.backend.draft(slug)]).then(([ledger, draft]): TimelineData => ({ ledger, draft, today: nav.backend.today })),
    [nav.backend, slug, nav.storeRevision],
  );
  const data = task.status === 'done' ? task.value : undefined;
  const entries = data?.ledger.versions ?? [];
  // Until a key is pressed, the cursor is on the newest version.
  const [touched, setState] = useState<TimelineState | undefined>(undefined);
  const state = touched ?? timelineStart(entries);
  const [saving, setSaving] = useState(false);
  const changes = useTimelineChanges(slug, entries, data?.draft ?? null, data ? newestArchived(data.ledger)?.tag : undefined);
  useTimelineInput(state, setState, data, setSaving, isActive);
  const archived = entries.filter((e) => e.archived).length;
  const pending = entries.filter((e, i) => e.archived && changes[i] === undefined).length;
  let status: Status = { kind: 'idle' };
  if (task.status === 'loading') status = { kind: 'busy', label: t('timeline.reading', { slug }) };
  else if (task.status === 'failed') status = { kind: 'error', message: task.message };
  else if (saving) status = { kind: 'busy', label: t('timeline.writing') };
  else if (pending > 0) status = { kind: 'busy', label: t('timeline.diffing', { done: archived - pending, total: archived }) };
  return (
    <ScreenFrame
      title={t('timeline.title', { city, slug })}
      context={t(data?.draft ? 'timeline.contextDraft' : 'timeline.context', { archived, known: entries.length })}
      keys={timelineKeys(state, data)}
      status={status}
      size={nav.size}
      help={nav.help}
    >
      {data ? <TimelineBody data={data} changes={changes} state={state} size={nav.size} /> : null}
    </ScreenFrame>
  );
}

/** Diffs each version with text against the previous one with text, and the draft against the newest, in the background. */
function useTimelineChanges(slug: string, entries: LedgerEntry[], draft: DraftInfo | null, against: string | undefined): TimelineChanges {
  const nav = useNav();
  const [changes, setChanges] = useState<TimelineChanges>({});
  const key = [...entries.map((e) => `${e.effective}:${e.archived}`), draft ? `draft:${draft.revisions}:${draft.saved}` : ''].join(',');
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
      if (!draft) return;
      let change: ChangeSize | null | 'failed' = null;
      if (against) {
        try {
          change = changeSizeOf(await nav.backend.diff(against, draftRefOf(slug)));
        } catch {
          change = 'failed';
        }
      }
      if (!cancelled) setChanges((before) => ({ ...before, [entries.length]: change }));
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, key, nav.backend]);
  return changes;
}
