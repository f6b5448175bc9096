/** What every screen gets from the app: the backend, the terminal size, navigation and the help toggle. */
import { createContext, useContext } from 'react';
import type { UiBackend } from './backend.js';
import type { Screen } from './app-state.js';
import type { Size } from './hooks.js';

export interface Nav {
  backend: UiBackend;
  size: Size;
  /** The directory relative paths typed in prompts start from. */
  cwd: string;
  /** Where `w` proposes to write notice files: the last directory chosen in this session, else beside the store. */
  noticeDir: string;
  setNoticeDir(dir: string): void;
  help: boolean;
  /** Bumped after an import, so lists reload. */
  storeRevision: number;
  storeChanged(): void;
  push(screen: Screen): void;
  back(): void;
  /** Back to the nearest screen of `kind` below (the first screen when there is none). */
  backTo(kind: Screen['kind']): void;
  quit(): void;
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
