/**
 * The terminal UI's root: the screen stack (every screen stays mounted so going back keeps its
 * cursor; only the top one is displayed and receives keys), the theme and the terminal size.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, useApp, useInput, type Key } from 'ink';
import type { UiBackend } from './backend.js';
import { appReducer, initialAppState, type Screen } from './app-state.js';
import { useTerminalSize, type Size } from './hooks.js';
import { NavContext, type Nav } from './nav.js';
import { ThemeProvider, makeTheme } from './theme.js';
import { CitiesScreen } from './cities/cities.js';
import { TimelineScreen } from './timeline/timeline.js';
import { DiffScreen } from './diff/diff.js';
import { NoticeScreen } from './notice/notice.js';
import { ImportScreen } from './import/import.js';

export interface AppProps {
  backend: UiBackend;
  colour: boolean;
  /** Where `w` proposes to write notices. */
  cwd: string;
  /** Fixed size instead of the terminal's (tests). */
  size?: Size;
  first?: Screen;
}

export function App({ backend, colour, cwd, size: fixedSize, first }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const [state, dispatch] = useReducer(appReducer, first, initialAppState);
  const [storeRevision, setStoreRevision] = useState(0);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const push = useCallback((screen: Screen) => dispatch({ type: 'push', screen }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const toggleHelp = useCallback(() => dispatch({ type: 'help' }), []);
  const storeChanged = useCallback(() => setStoreRevision((n) => n + 1), []);
  const inputHandler = useRef<((input: string, key: Key) => void) | null>(null);
  const setInputHandler = useCallback((handler: (input: string, key: Key) => void) => {
    inputHandler.current = handler;
  }, []);
  useInput((input, key) => inputHandler.current?.(input, key), { isActive: !state.quit });
  const nav: Nav = useMemo(
    () => ({ backend, size, cwd, help: state.help, storeRevision, push, back, toggleHelp, storeChanged, setInputHandler }),
    [backend, size, cwd, state.help, storeRevision, push, back, toggleHelp, storeChanged, setInputHandler],
  );
  const theme = useMemo(() => makeTheme(colour), [colour]);
  const top = state.stack.length - 1;
  return (
    <ThemeProvider theme={theme}>
      <NavContext.Provider value={nav}>
        {state.stack.map((screen, index) => (
          <Box key={index} display={index === top ? 'flex' : 'none'} width={size.columns} flexShrink={0}>
            <ScreenView screen={screen} isActive={index === top && !state.quit} />
          </Box>
        ))}
      </NavContext.Provider>
    </ThemeProvider>
  );
}

function ScreenView({ screen, isActive }: { screen: Screen; isActive: boolean }) {
  switch (screen.kind) {
    case 'cities':
      return <CitiesScreen isActive={isActive} />;
    case 'timeline':
      return <TimelineScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
    case 'diff':
      return <DiffScreen oldRef={screen.oldRef} newRef={screen.newRef} crossCity={screen.crossCity} isActive={isActive} />;
    case 'notice':
      return <NoticeScreen oldRef={screen.oldRef} newRef={screen.newRef} isActive={isActive} />;
    case 'import':
      return <ImportScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
  }
}
