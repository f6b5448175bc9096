/** Cities: every city in the store with its newest version, counts and the latest change's size. */
import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { ChangeSize, CitySummary, DraftInfo } from '../backend.js';
import { useTheme } from '../theme.js';
import { cell, padToWidth } from '../text.js';
import { windowStart } from '../keys.js';
import { useTask, type Size } from '../hooks.js';
import { useNav } from '../nav.js';
import { ScreenFrame, bodyRows } from '../widgets/screen-frame.js';
import type { Status } from '../widgets/status-line.js';
import { citiesKeys, filterCities, initialCitiesState, type CitiesState } from './cities-state.js';
import { useCitiesInput } from './use-cities.js';
import { t } from '../../domain/presentation/messages/index.js';

/** Latest change per slug: undefined while computing, null when fewer than two versions have text. */
export type ChangeMap = Record<string, ChangeSize | null | 'failed' | undefined>;

const CITY = 16;
const SLUG = 12;
const DATE = 10;
const COUNT = 10;

/** Each city's draft, once read: null when it has none. */
export type DraftMap = Record<string, DraftInfo | null | undefined>;

/** The change column: the body's draft first (the officer's work in progress), then the latest archived change. */
export function formatChange(change: ChangeSize | null | 'failed' | undefined, draft?: DraftInfo | null): string {
  const latest = change === undefined ? '…' : change === 'failed' ? t('cities.change.failed') : change === null ? t('cities.change.single') : t('cities.change.size', { ...change });
  if (!draft) return latest;
  const date = draft.effective ?? t('cities.change.draftUndated');
  return change === null ? t('cities.change.draftOnly', { date }) : `${t('cities.change.draft', { date })}, ${latest}`;
}

/** One table line, exactly `width` columns. */
export function cityLine(row: CitySummary, change: ChangeSize | null | 'failed' | undefined, width: number, draft?: DraftInfo | null): string {
  const fixed = `${cell(row.city, CITY)} ${cell(row.slug, SLUG)} ${cell(row.newest ?? t('cities.undated'), DATE)} ${cell(`${row.archived} / ${row.known}`, COUNT, 'right')}  `;
  return padToWidth(fixed + formatChange(change, draft), width);
}

export function cityHeader(width: number): string {
  const fixed = `${padToWidth(t('cities.head.city'), CITY)} ${padToWidth(t('cities.head.slug'), SLUG)} ${padToWidth(t('cities.head.newest'), DATE)} ${padToWidth(t('cities.head.count'), COUNT, 'right')}  `;
  return padToWidth(fixed + t('cities.head.change'), width);
}

export interface CitiesViewProps {
  rows: CitySummary[];
  /** False while the store is being read: the table says so instead of "no city". */
  loaded?: boolean;
  changes: ChangeMap;
  /** Each city's draft, as read so far (absent: not read yet). */
  drafts?: DraftMap;
  state: CitiesState;
  size: Size;
}

/** The bordered table (no frame): body height rows of the terminal. */
export function CitiesTable({ rows, changes, drafts = {}, state, size, loaded = true }: CitiesViewProps) {
  const theme = useTheme();
  const visible = filterCities(rows, state.filter);
  const inner = size.columns - 4;
  const filterLines = state.filter !== '' || state.compareFrom || state.message ? 1 : 0;
  const listHeight = Math.max(1, bodyRows(size) - 3 - filterLines);
  const start = windowStart(state.cursor, listHeight, visible.length);
  const shown = visible.slice(start, start + listHeight);
  let note = '';
  if (state.message) note = state.message;
  else if (state.compareFrom) note = t('cities.comparing', { from: state.compareFrom });
  else if (state.filter !== '') note = t('cities.filtering', { filter: state.filter, shown: visible.length, total: rows.length });
  return (
    <Box flexDirection="column">
      {filterLines ? <Text {...theme.tone('warning')}>{cell(note, size.columns)}</Text> : null}
      <Box flexDirection="column" borderStyle="single" flexShrink={0} paddingX={1} width={size.columns}>
        <Text {...theme.tone('muted')}>{cityHeader(inner)}</Text>
        {shown.length === 0 ? <Text>{padToWidth(!loaded ? t('cities.reading') : rows.length === 0 ? t('cities.empty') : t('cities.noMatch'), inner)}</Text> : null}
        {shown.map((row, i) => {
          const focused = start + i === state.cursor;
          return (
            <Text key={row.slug} {...(focused ? theme.tone('focus') : {})}>
              {cityLine(row, changes[row.slug], inner, drafts[row.slug])}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}

/**
 * `onSettled` runs once the cities are listed and each row's change column filled in (the app then
 * loads the other screens' code, which would otherwise hold up the column).
 */
export function CitiesScreen({ isActive = true, onSettled }: { isActive?: boolean; onSettled?: () => void }) {
  const nav = useNav();
  const [state, setState] = useState<CitiesState>(initialCitiesState);
  const cities = useTask(() => nav.backend.listCities(), [nav.backend, nav.storeRevision], () => nav.backend.citiesReadAhead?.());
  const rows = cities.status === 'done' ? cities.value : [];
  const { changes, drafts } = useLatestChanges(rows);
  useCitiesInput(state, setState, rows, isActive);
  const pending = rows.filter((r) => changes[r.slug] === undefined).length;
  const settled = cities.status !== 'loading' && pending === 0;
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled, onSettled]);
  let status: Status = { kind: 'idle' };
  if (cities.status === 'loading') status = { kind: 'busy', label: t('cities.opening') };
  else if (cities.status === 'failed') status = { kind: 'error', message: cities.message };
  else if (pending > 0) status = { kind: 'busy', label: t('cities.measuring', { done: rows.length - pending, total: rows.length }) };
  return (
    <ScreenFrame title={t('cities.title')} context={nav.backend.sampleStore ? t('cities.sampleStore', { dir: nav.backend.storeDir }) : nav.backend.storeDir} keys={citiesKeys(state)} status={status} size={nav.size} help={nav.help}>
      <CitiesTable rows={rows} changes={changes} drafts={drafts} state={state} size={nav.size} loaded={cities.status !== 'loading'} />
    </ScreenFrame>
  );
}

/**
 * After the list is shown: reads every city's draft (at once: one round of git reads), then diffs each
 * city's two newest archived versions, one city at a time, so keys are handled between two diffs.
 */
function useLatestChanges(rows: CitySummary[]): { changes: ChangeMap; drafts: DraftMap } {
  const nav = useNav();
  const [changes, setChanges] = useState<ChangeMap>({});
  const [drafts, setDrafts] = useState<DraftMap>({});
  const key = rows.map((r) => r.slug).join(',');
  useEffect(() => {
    let cancelled = false;
    const yieldToInput = () => new Promise((resolve) => setImmediate(resolve));
    void (async () => {
      await yieldToInput();
      if (cancelled) return;
      const found = await Promise.all(rows.map((row) => nav.backend.draft(row.slug).catch(() => null)));
      if (cancelled) return;
      setDrafts(Object.fromEntries(rows.map((row, i) => [row.slug, found[i]])));
      for (const row of rows) {
        await yieldToInput();
        if (cancelled) return;
        let change: ChangeSize | null | 'failed';
        try {
          change = await nav.backend.latestChange(row.slug);
        } catch {
          change = 'failed';
        }
        if (cancelled) return;
        setChanges((previous) => ({ ...previous, [row.slug]: change }));
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nav.backend, nav.storeRevision]);
  return { changes, drafts };
}
