/**
 * Colours mean the same everywhere: added green, removed red, editorial dim, the focus cyan.
 * With NO_COLOR set (https://no-color.org) no colour prop reaches Ink at all; changes are then told
 * apart by the text markers the views always draw ([+…+], [-…-], badges).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Badge } from '../domain/presentation/badges.js';

export type Tone = 'added' | 'removed' | 'modified' | 'editorial' | 'accent' | 'muted' | 'warning' | 'error' | 'focus';

/** The subset of Ink's Text props the theme sets. */
export interface ToneProps {
  color?: string;
  dimColor?: boolean;
  bold?: boolean;
  inverse?: boolean;
}

export interface Theme {
  colour: boolean;
  tone(tone: Tone): ToneProps;
}

const COLOURS: Record<Tone, ToneProps> = {
  added: { color: 'green' },
  removed: { color: 'red' },
  modified: { color: 'yellow' },
  editorial: { dimColor: true },
  accent: { color: 'cyan', bold: true },
  muted: { dimColor: true },
  warning: { color: 'yellow' },
  error: { color: 'red', bold: true },
  focus: { inverse: true },
};

/** Without colour, keep only what is not colour: dim, bold and inverse still help and mean no hue. */
const MONO: Record<Tone, ToneProps> = {
  added: {},
  removed: {},
  modified: {},
  editorial: { dimColor: true },
  accent: { bold: true },
  muted: { dimColor: true },
  warning: { bold: true },
  error: { bold: true },
  focus: { inverse: true },
};

/**
 * A badge's tone: a status in its own colour; a renumbering or move stands out (accent) on a rewritten
 * article and recedes (editorial) on an untouched one; a new title counts as a modification.
 */
export function badgeTone(badge: Badge): Tone {
  switch (badge.token) {
    case 'added':
    case 'removed':
    case 'modified':
    case 'editorial':
      return badge.token;
    case 'split':
    case 'merged':
      return 'modified';
    case 'renumbered':
    case 'moved':
      return badge.substantive ? 'accent' : 'editorial';
    case 'retitled':
      return badge.substantive ? 'modified' : 'editorial';
  }
}

export function colourEnabled(env: NodeJS.ProcessEnv): boolean {
  return !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}

export function makeTheme(colour: boolean): Theme {
  const table = colour ? COLOURS : MONO;
  return { colour, tone: (tone) => table[tone] };
}

const ThemeContext = createContext<Theme>(makeTheme(true));

export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
