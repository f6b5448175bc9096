/**
 * Cities screen: cursor, type-to-filter, and the two-step "compare two cities". Pure.
 * Every typed character goes to the filter (a city's name may start with any letter: `iksan` must
 * not open the import at `i`); commands are Ctrl+keys, which typing never produces.
 */
import type { CitySummary } from '../backend.js';
import { clampIndex, isErase, typedText, type Key, type KeyHelp } from '../keys.js';
import type { Screen } from '../app-state.js';
import { t } from '../../domain/presentation/messages/index.js';

export interface CitiesState {
  cursor: number;
  filter: string;
  /** Slug of the city chosen first with Ctrl+D; enter on another city opens the comparison. */
  compareFrom?: string;
  message?: string;
}

/** `open` carries the state the screen keeps behind the opened one (no mode outlives its command). */
export type CitiesOutcome =
  | { kind: 'state'; state: CitiesState }
  | { kind: 'open'; screen: Screen; state: CitiesState }
  | { kind: 'back' }
  | { kind: 'quit' }
  | { kind: 'none' };

export const initialCitiesState: CitiesState = { cursor: 0, filter: '' };

/** The command keys, with a modifier so that typing a name never triggers one. */
export const CITIES_COMMANDS = { compare: 'd', import: 'o', quit: 'q' } as const;

export function citiesKeys(state: CitiesState): KeyHelp[] {
  if (state.compareFrom) {
    return [
      { key: '↑↓', label: t('cities.key.move') },
      { key: 'Enter', label: t('cities.key.compareWith', { from: state.compareFrom }), primary: true },
      { key: 'Esc', label: t('cities.key.cancelCompare'), primary: true },
    ];
  }
  return [
    { key: '↑↓', label: t('cities.key.move') },
    { key: 'Enter', label: t('cities.key.timeline'), primary: true },
    { key: t('cities.key.type'), label: t('cities.key.filter'), primary: true },
    { key: '^D', label: t('cities.key.compare'), primary: true },
    { key: '^O', label: t('cities.key.import'), primary: true },
    { key: 'Esc', label: t('cities.key.clear'), footer: state.filter !== '' },
    { key: '^Q', label: t('cities.key.quit'), primary: true },
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
  // Esc cancels or clears; it never quits (a person pressing Esc to get out of something stays in the app).
  if (key.escape) {
    if (state.compareFrom) return next({ compareFrom: undefined });
    if (state.filter !== '') return next({ filter: '', cursor: 0 });
    return { kind: 'none' };
  }
  if (isErase(key)) {
    if (state.filter === '') return { kind: 'none' };
    return next({ filter: Array.from(state.filter).slice(0, -1).join(''), cursor: 0 });
  }
  if (key.downArrow) return next({ cursor: clampIndex(state.cursor, 1, visible.length) });
  if (key.upArrow) return next({ cursor: clampIndex(state.cursor, -1, visible.length) });
  if (key.pageDown) return next({ cursor: clampIndex(state.cursor, 10, visible.length) });
  if (key.pageUp) return next({ cursor: clampIndex(state.cursor, -10, visible.length) });
  const focused = visible[state.cursor];
  const behind = { ...state, compareFrom: undefined, message: undefined };
  if (key.return) {
    if (!focused) return { kind: 'none' };
    if (state.compareFrom) {
      if (state.compareFrom === focused.slug) return next({ message: t('cities.compareSame') });
      return { kind: 'open', screen: { kind: 'diff', oldRef: state.compareFrom, newRef: focused.slug, crossCity: true }, state: behind };
    }
    return { kind: 'open', screen: { kind: 'timeline', slug: focused.slug, city: focused.city }, state: behind };
  }
  if (key.ctrl) {
    if (input === CITIES_COMMANDS.quit) return { kind: 'quit' };
    if (input === CITIES_COMMANDS.compare && focused) return next({ compareFrom: focused.slug });
    if (input === CITIES_COMMANDS.import && focused) return { kind: 'open', screen: { kind: 'import', slug: focused.slug, city: focused.city }, state: behind };
    return { kind: 'none' };
  }
  const text = typedText(input, key);
  if (text === '') return { kind: 'none' };
  return next({ filter: state.filter + text, cursor: 0 });
}
