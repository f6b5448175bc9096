/**
 * The terminal UI's root: the screen stack (every screen stays mounted so going back keeps its
 * cursor; only the top one is displayed and receives keys), the theme and the terminal size.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, type Key } from 'ink';
import type { UiBackend } from './backend.js';
import { appReducer, initialAppState, type Screen } from './app-state.js';
import { useTerminalSize, type Size } from './hooks.js';
import { NavContext, useNav, type Nav } from './nav.js';
import { ThemeProvider, makeTheme } from './theme.js';
import { ScreenFrame } from './widgets/screen-frame.js';
import { CitiesScreen } from './cities/cities.js';
import { setLanguage, t, type Language } from '../domain/presentation/messages/index.js';
import { defaultNoticeDir } from './notice/notice-files.js';

// The first frame is the cities screen: the other screens (and the diff, notice and parser code they
// pull in) load on first use, or in the background once the cities are listed and measured (preloadScreens), so
// neither the first frame nor the first read of the store waits for their code.
const loadTimeline = () => import('./timeline/timeline.js');
const loadDiff = () => import('./diff/diff.js');
const loadNotice = () => import('./notice/notice.js');
const loadImport = () => import('./import/import.js');
const loadDraft = () => import('./draft/draft.js');
const loadPublish = () => import('./publish/publish.js');
const TimelineScreen = lazy(() => loadTimeline().then((m) => ({ default: m.TimelineScreen })));
const DiffScreen = lazy(() => loadDiff().then((m) => ({ default: m.DiffScreen })));
const NoticeScreen = lazy(() => loadNotice().then((m) => ({ default: m.NoticeScreen })));
const ImportScreen = lazy(() => loadImport().then((m) => ({ default: m.ImportScreen })));
const DraftScreen = lazy(() => loadDraft().then((m) => ({ default: m.DraftScreen })));
const PublishScreen = lazy(() => loadPublish().then((m) => ({ default: m.PublishScreen })));

/** Loads the code of every screen but the first; a screen whose code failed to load says so when opened. */
export function preloadScreens(): void {
  Promise.all([loadTimeline(), loadDiff(), loadNotice(), loadImport(), loadDraft(), loadPublish()]).catch(() => undefined);
}

export interface AppProps {
  backend: UiBackend;
  colour: boolean;
  /** Where typed relative paths start (the shell's directory). */
  cwd: string;
  /** Fixed size instead of the terminal's (tests). */
  size?: Size;
  first?: Screen;
  /** The UI's language; by default the environment's (messages.ts, `languageFor`). */
  language?: Language;
}

export function App({ backend, colour, cwd, size: fixedSize, first, language }: AppProps) {
  if (language) setLanguage(language);
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const [state, dispatch] = useReducer(appReducer, first, initialAppState);
  const [storeRevision, setStoreRevision] = useState(0);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const push = useCallback((screen: Screen) => dispatch({ type: 'push', screen }), []);
  const back = useCallback(() => dispatch({ type: 'back' }), []);
  const backTo = useCallback((kind: Screen['kind']) => dispatch({ type: 'backTo', kind }), []);
  const quit = useCallback(() => dispatch({ type: 'quit' }), []);
  const toggleHelp = useCallback(() => dispatch({ type: 'help' }), []);
  const storeChanged = useCallback(() => setStoreRevision((n) => n + 1), []);
  const [noticeDir, setNoticeDir] = useState(() => defaultNoticeDir(backend.storeDir));
  const inputHandler = useRef<((input: string, key: Key) => void) | null>(null);
  const setInputHandler = useCallback((handler: (input: string, key: Key) => void) => {
    inputHandler.current = handler;
  }, []);
  useInput((input, key) => inputHandler.current?.(input, key), { isActive: !state.quit });
  const nav: Nav = useMemo(
    () => ({ backend, size, cwd, noticeDir, setNoticeDir, help: state.help, storeRevision, push, back, backTo, quit, toggleHelp, storeChanged, setInputHandler }),
    [backend, size, cwd, noticeDir, state.help, storeRevision, push, back, backTo, quit, toggleHelp, storeChanged, setInputHandler],
  );
  const theme = useMemo(() => makeTheme(colour), [colour]);
  const top = state.stack.length - 1;
  return (
    <ThemeProvider theme={theme}>
      <NavContext.Provider value={nav}>
        {state.stack.map((screen, index) => (
          <Box key={index} display={index === top ? 'flex' : 'none'} width={size.columns} flexShrink={0}>
            <Suspense fallback={<ScreenLoading isActive={index === top && !state.quit} />}>
              <ScreenView screen={screen} isActive={index === top && !state.quit} />
            </Suspense>
          </Box>
        ))}
      </NavContext.Provider>
    </ThemeProvider>
  );
}

/** While a screen's code loads (only if it is opened before the background preload is done). */
function ScreenLoading({ isActive }: { isActive: boolean }) {
  const nav = useNav();
  // Keys typed meanwhile are dropped rather than handled by the screen underneath.
  if (isActive) nav.setInputHandler(() => undefined);
  return (
    <ScreenFrame title="bangchim" keys={[]} status={{ kind: 'busy', label: t('app.loading') }} size={nav.size} help={false}>
      <Text> </Text>
    </ScreenFrame>
  );
}

function ScreenView({ screen, isActive }: { screen: Screen; isActive: boolean }) {
  switch (screen.kind) {
    case 'cities':
      return <CitiesScreen isActive={isActive} onSettled={preloadScreens} />;
    case 'timeline':
      return <TimelineScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
    case 'diff':
      return <DiffScreen oldRef={screen.oldRef} newRef={screen.newRef} crossCity={screen.crossCity} isActive={isActive} />;
    case 'notice':
      return <NoticeScreen oldRef={screen.oldRef} newRef={screen.newRef} isActive={isActive} />;
    case 'import':
      return <ImportScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
    case 'draft':
      return <DraftScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
    case 'publish':
      return <PublishScreen slug={screen.slug} city={screen.city} isActive={isActive} />;
  }
}
