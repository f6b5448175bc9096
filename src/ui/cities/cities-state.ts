/** Cities screen: cursor, type-to-filter, and the two-step "compare two cities". Pure. */
import type { CitySummary } from '../backend.js';
import { clampIndex, isDown, isErase, isUp, typedText, type Key, type KeyHelp } from '../keys.js';
import type { Screen } from '../app-state.js';

export interface CitiesState {
  cursor: number;
  filter: string;
  /** Slug of the city chosen first with `c`; enter on another city opens the comparison. */
  compareFrom?: string;
  message?: string;
}

export type CitiesOutcome = { kind: 'state'; state: CitiesState } | { kind: 'open'; screen: Screen } | { kind: 'back' } | { kind: 'none' };

export const initialCitiesState: CitiesState = { cursor: 0, filter: '' };

/** Keys that act as commands while the filter is empty; any other character starts a filter. */
const COMMAND_KEYS = new Set(['q', 'c', 'i', 'j', 'k', '?', '/']);

export function citiesKeys(state: CitiesState): KeyHelp[] {
  if (state.compareFrom) {
    return [
      { key: '↑↓', label: 'move' },
      { key: 'enter', label: `compare ${state.compareFrom} with this city` },
      { key: 'Esc', label: 'cancel the comparison' },
    ];
  }
  return [
    { key: '↑↓', label: 'move' },
    { key: 'enter', label: 'timeline' },
    { key: 'type', label: 'filter' },
    { key: 'c', label: 'compare two cities' },
    { key: 'i', label: 'import a draft' },
    { key: 'Esc', label: 'clear the filter', footer: false },
    { key: 'q', label: 'quit' },
  ];
}

export function filterCities(rows: CitySummary[], filter: string): CitySummary[] {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((row) => row.city.toLowerCase().includes(needle) || row.slug.includes(needle));
}

export function citiesKey(state: CitiesState, rows: CitySummary[], input: string, key: Key): CitiesOutcome {
  const visible = filterCities(rows, state.filter);
  const next = (patch: Partial<CitiesState>): CitiesOutcome => ({ kind: 'state', state: { ...state, message: undefined, ...patch } });
  if (key.escape) {
    if (state.compareFrom) return next({ compareFrom: undefined });
    if (state.filter !== '') return next({ filter: '', cursor: 0 });
    return { kind: 'back' };
  }
  if (isErase(key)) {
    if (state.filter === '') return { kind: 'none' };
    return next({ filter: Array.from(state.filter).slice(0, -1).join(''), cursor: 0 });
  }
  if (key.downArrow || (state.filter === '' && isDown(input, key))) return next({ cursor: clampIndex(state.cursor, 1, visible.length) });
  if (key.upArrow || (state.filter === '' && isUp(input, key))) return next({ cursor: clampIndex(state.cursor, -1, visible.length) });
  if (key.pageDown) return next({ cursor: clampIndex(state.cursor, 10, visible.length) });
  if (key.pageUp) return next({ cursor: clampIndex(state.cursor, -10, visible.length) });
  const focused = visible[state.cursor];
  if (key.return) {
    if (!focused) return { kind: 'none' };
    if (state.compareFrom) {
      if (state.compareFrom === focused.slug) return next({ message: 'Pick a different city to compare with.' });
      return { kind: 'open', screen: { kind: 'diff', oldRef: state.compareFrom, newRef: focused.slug, crossCity: true } };
    }
    return { kind: 'open', screen: { kind: 'timeline', slug: focused.slug, city: focused.city } };
  }
  const text = typedText(input, key);
  if (text === '') return { kind: 'none' };
  if (state.filter === '' && COMMAND_KEYS.has(text)) {
    if (text === 'q') return { kind: 'back' };
    if (text === 'c' && focused) return next({ compareFrom: focused.slug });
    if (text === 'i' && focused) return { kind: 'open', screen: { kind: 'import', slug: focused.slug, city: focused.city } };
    if (text === 'j') return next({ cursor: clampIndex(state.cursor, 1, visible.length) });
    if (text === 'k') return next({ cursor: clampIndex(state.cursor, -1, visible.length) });
    return { kind: 'none' };
  }
  return next({ filter: state.filter + text, cursor: 0 });
}
