/** What every screen gets from the app: the backend, the terminal size, navigation and the help toggle. */
import { createContext, useContext } from 'react';
import type { UiBackend } from './backend.js';
import type { Screen } from './app-state.js';
import type { Size } from './hooks.js';

export interface Nav {
  backend: UiBackend;
  size: Size;
  /** Directory `w` proposes for notice files. */
  cwd: string;
  help: boolean;
  /** Bumped after an import, so lists reload. */
  storeRevision: number;
  storeChanged(): void;
  push(screen: Screen): void;
  back(): void;
  toggleHelp(): void;
  /** The active screen's key handler (set while it renders; the app owns the stdin subscription). */
  setInputHandler(handler: (input: string, key: import('ink').Key) => void): void;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside NavContext');
  return nav;
}
