/** The screen stack: q/Esc pops, popping the first screen quits. Pure. */

export type Screen =
  | { kind: 'cities' }
  | { kind: 'timeline'; slug: string; city: string }
  | { kind: 'diff'; oldRef: string; newRef: string; /** Two cities rather than two versions of one. */ crossCity: boolean }
  | { kind: 'notice'; oldRef: string; newRef: string }
  | { kind: 'import'; slug: string; city: string }
  /** The body's draft under review: its check panel, and the way to its diff, notice and publishing. */
  | { kind: 'draft'; slug: string; city: string }
  | { kind: 'publish'; slug: string; city: string };

export interface AppState {
  stack: Screen[];
  help: boolean;
  quit: boolean;
}

export type AppAction = { type: 'push'; screen: Screen } | { type: 'back' } | { type: 'backTo'; kind: Screen['kind'] } | { type: 'help' } | { type: 'quit' };

export function initialAppState(first: Screen = { kind: 'cities' }): AppState {
  return { stack: [first], help: false, quit: false };
}

export function currentScreen(state: AppState): Screen {
  return state.stack[state.stack.length - 1]!;
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push':
      return { ...state, stack: [...state.stack, action.screen], help: false };
    case 'back':
      if (state.help) return { ...state, help: false };
      if (state.stack.length <= 1) return { ...state, quit: true };
      return { ...state, stack: state.stack.slice(0, -1) };
    case 'backTo': {
      // Back to the nearest screen of that kind (after publishing, the draft's screens have nothing left to show).
      const index = state.stack.map((screen) => screen.kind).lastIndexOf(action.kind);
      if (index < 0) return { ...state, stack: state.stack.slice(0, 1), help: false };
      return { ...state, stack: state.stack.slice(0, index + 1), help: false };
    }
    case 'help':
      return { ...state, help: !state.help };
    case 'quit':
      return { ...state, quit: true };
  }
}
