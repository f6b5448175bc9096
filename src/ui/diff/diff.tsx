/** Diff: the aligned article list with badges on the left, the selected article's diff on the right. */
import { useMemo, useState } from 'react';
import { Box, Text } from 'ink';
import type { ArticleEntry, PolicyDiff } from '../../domain/diff/types.js';
import { useTheme } from '../theme.js';
import { padToWidth, sanitizeForTerminal, truncateToWidth, wrapToWidth } from '../text.js';
import { windowStart } from '../keys.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import type { RichLine } from '../rich-text.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import { PromptView } from '../widgets/prompt.js';
import { RichLineView } from '../widgets/rich-line.js';
import type { Status } from '../widgets/status-line.js';
import { articleListLine, detailLines, factLines, summaryText } from './diff-render.js';
import { diffKeys, initialDiffState, type DiffLayoutFacts, type DiffState } from './diff-state.js';
import { useDiffInput } from './use-diff.js';
import { t } from '../../domain/presentation/messages/index.js';
import { useScrollKeptOnResize } from '../scroll-anchor.js';

export interface DiffLayout {
  listWidth: number;
  detailWidth: number;
  /** Inner widths and heights (inside the borders and padding). */
  listInner: number;
  detailInner: number;
  paneHeight: number;
  innerHeight: number;
  noteLines: string[];
}

export function diffLayout(size: Size, state: DiffState): DiffLayout {
  const listWidth = Math.max(26, Math.min(56, Math.round(size.columns * 0.36)));
  const detailWidth = Math.max(20, size.columns - listWidth);
  const noteLines = state.message ? wrapToWidth(sanitizeForTerminal(state.message), size.columns).slice(0, 2) : [];
  const promptLines = state.prompt ? 1 : 0;
  const paneHeight = Math.max(4, bodyRows(size) - 1 - noteLines.length - promptLines);
  return { listWidth, detailWidth, listInner: listWidth - 2, detailInner: detailWidth - 4, paneHeight, innerHeight: paneHeight - 2, noteLines };
}

/** "고양특례시: 2020-07-17 → 2025-01-01", or two cities. */
export function diffTitle(diff: PolicyDiff): string {
  const date = (d: string | null) => d ?? t('diff.undated');
  if (diff.old.slug === diff.new.slug) return `${diff.new.city} (${diff.new.slug}): ${date(diff.old.effective)} → ${date(diff.new.effective)}`;
  return `${diff.old.city} ${date(diff.old.effective)} ↔ ${diff.new.city} ${date(diff.new.effective)}`;
}

/** The bordered, aligned article list with badges: `width` × `height` cells including the border. */
export function ArticleList({ entries, cursor, editorial, width, height }: { entries: ArticleEntry[]; cursor: number; editorial: boolean; width: number; height: number }) {
  const inner = height - 2;
  const start = windowStart(cursor, inner, entries.length);
  return (
    <Box flexDirection="column" borderStyle="single" flexShrink={0} width={width} height={height}>
      {entries.slice(start, start + inner).map((entry, i) => (
        <RichLineView key={start + i} line={articleListLine(entry, width - 2, editorial)} focus={start + i === cursor} />
      ))}
    </Box>
  );
}

export interface DiffBodyProps {
  diff: PolicyDiff;
  state: DiffState;
  size: Size;
}

/** The article's diff lines for the current state and pane width. */
export function currentDetail(diff: PolicyDiff, state: DiffState, layout: DiffLayout, colour: boolean): RichLine[] {
  return detailLines(diff, diff.articles[state.cursor], layout.detailInner, { sideBySide: state.sideBySide, editorial: state.editorial, colour });
}

/** The text of rich lines, for keeping the content in view across a resize. */
export function lineTexts(lines: RichLine[]): string[] {
  return lines.map((line) => line.map((segment) => segment.text).join(''));
}

export function DiffBody({ diff, state, size, setScroll = () => undefined }: DiffBodyProps & { setScroll?: (scroll: number) => void }) {
  const theme = useTheme();
  const layout = diffLayout(size, state);
  const detail = useMemo(() => currentDetail(diff, state, layout, theme.colour), [diff, state.cursor, state.sideBySide, state.editorial, layout.detailInner, theme.colour]);
  const detailRows = state.facts ? factLines(diff.facts, layout.detailInner) : detail;
  const texts = useMemo(() => lineTexts(detail), [detail]);
  const kept = useScrollKeptOnResize(texts, layout.detailInner, state.scroll, setScroll);
  const scroll = state.facts ? 0 : Math.min(kept, Math.max(0, detailRows.length - layout.innerHeight));
  const shown = detailRows.slice(scroll, scroll + layout.innerHeight);
  const more = detailRows.length - scroll - shown.length;
  return (
    <Box flexDirection="column">
      <Text {...theme.tone('muted')}>{padToWidth(summaryText(diff), size.columns)}</Text>
      <Box>
        <ArticleList entries={diff.articles} cursor={state.cursor} editorial={state.editorial} width={layout.listWidth} height={layout.paneHeight} />
        <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={layout.detailWidth} height={layout.paneHeight}>
          {state.facts ? <Text {...theme.tone('accent')}>{truncateToWidth(t('diff.factsTitle', { count: diff.facts.length }), layout.detailInner)}</Text> : null}
          {(state.facts ? shown.slice(0, layout.innerHeight - 1) : shown).map((line, i) => (
            <RichLineView key={scroll + i} line={more > 0 && i === shown.length - 1 ? [{ text: t('more.lines', { count: more + 1 }), tone: 'muted' }] : line} />
          ))}
        </Box>
      </Box>
      {layout.noteLines.map((line, i) => (
        <Text key={`n${i}`} {...theme.tone('warning')}>
          {line}
        </Text>
      ))}
      {state.prompt ? <PromptView state={state.prompt} width={size.columns} /> : null}
    </Box>
  );
}

/** The articles as a reader meets them: the preamble (전문) before the first article, appendices after the last. */
export function inReadingOrder(diff: PolicyDiff): PolicyDiff {
  const isPreamble = (entry: ArticleEntry) => [...entry.new, ...entry.old][0]?.part === 'preamble';
  return { ...diff, articles: [...diff.articles.filter(isPreamble), ...diff.articles.filter((entry) => !isPreamble(entry))] };
}

export function DiffScreen({ oldRef, newRef, crossCity, isActive = true }: { oldRef: string; newRef: string; crossCity: boolean; isActive?: boolean }) {
  const nav = useNav();
  const theme = useTheme();
  const task = useTask(() => nav.backend.diff(oldRef, newRef).then(inReadingOrder), [nav.backend, oldRef, newRef]);
  const diff = task.status === 'done' ? task.value : undefined;
  // Until a key is pressed, the state is the diff's opening state (on its first substantive change).
  const [touched, setState] = useState<DiffState | undefined>(undefined);
  const state = touched ?? initialDiffState(diff);
  const layout = diffLayout(nav.size, state);
  // The reducer needs the detail's length to page within it; the view computes the same lines.
  const detailLength = useMemo(
    () => (diff ? currentDetail(diff, state, layout, theme.colour).length : 0),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [diff, state.cursor, state.sideBySide, state.editorial, layout.detailInner, theme.colour],
  );
  const facts: DiffLayoutFacts = { detailLength, detailHeight: layout.innerHeight };
  useDiffInput(state, setState, diff, facts, { oldRef, newRef, crossCity }, isActive);
  let status: Status = { kind: 'idle' };
  if (task.status === 'loading') status = { kind: 'busy', label: t('diff.loading', { old: oldRef, new: newRef }) };
  else if (task.status === 'failed') status = { kind: 'error', message: task.message };
  // A draft is not a version: its side says so.
  const draftMark = newRef.endsWith('#draft') ? ` ${t('diff.draftMark')}` : '';
  const title = diff ? `bangchim · ${diffTitle(diff)}${draftMark}` : `bangchim · ${oldRef} → ${newRef}`;
  const context = diff ? `${diff.old.label} → ${diff.new.label}` : undefined;
  return (
    <ScreenFrame title={title} context={context} keys={diffKeys(state, crossCity)} status={status} size={nav.size} help={nav.help}>
      {diff ? <DiffBody diff={diff} state={state} size={nav.size} setScroll={(scroll) => setState({ ...state, scroll })} /> : null}
    </ScreenFrame>
  );
}
