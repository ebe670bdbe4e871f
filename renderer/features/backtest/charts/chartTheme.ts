// Chart colours from the theme's CSS variables (theme.css), read when a chart is drawn, so charts
// follow light and dark like the rest of the UI. Red, yellow and green stay reserved for bands.

import { useMemo, useSyncExternalStore } from 'react';

export interface ChartTheme {
  text: string;
  muted: string;
  subtle: string;
  border: string;
  surface: string;
  accent: string;
  red: string;
  yellow: string;
  green: string;
  grey: string;
  fontFamily: string;
}

const FALLBACK: ChartTheme = {
  text: '#16161a',
  muted: '#62626d',
  subtle: '#9696a0',
  border: '#e6e6ea',
  surface: '#ffffff',
  accent: '#5e5ce6',
  red: '#d93036',
  yellow: '#d99a06',
  green: '#2f9e57',
  grey: '#9696a0',
  fontFamily: 'sans-serif',
};

export function readChartTheme(): ChartTheme {
  if (typeof document === 'undefined') return FALLBACK;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', FALLBACK.text),
    muted: v('--text-muted', FALLBACK.muted),
    subtle: v('--text-subtle', FALLBACK.subtle),
    border: v('--border', FALLBACK.border),
    surface: v('--surface-raised', FALLBACK.surface),
    accent: v('--accent', FALLBACK.accent),
    red: v('--band-red', FALLBACK.red),
    yellow: v('--band-yellow', FALLBACK.yellow),
    green: v('--band-green', FALLBACK.green),
    grey: v('--band-grey', FALLBACK.grey),
    fontFamily: v('--font-sans', FALLBACK.fontFamily),
  };
}

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const query = window.matchMedia(DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function isDark(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(DARK).matches;
}

/** The theme's colours, read again when the OS switches between light and dark. */
export function useChartTheme(): ChartTheme {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  // `dark` is the reason to read the variables again, though the read does not use it.
  return useMemo(() => readChartTheme(), [dark]);
}
