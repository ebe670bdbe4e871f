// Chart colours come from the theme's CSS custom properties (theme.css), read once per colour
// scheme: canvas charts cannot use var(--…) themselves. Re-read when the OS switches light/dark.

import { useEffect, useState } from 'react';

export interface ChartColors {
  red: string;
  yellow: string;
  green: string;
  grey: string;
  text: string;
  muted: string;
  subtle: string;
  border: string;
  accent: string;
  surface: string;
}

const VARIABLES: Record<keyof ChartColors, string> = {
  red: '--band-red',
  yellow: '--band-yellow',
  green: '--band-green',
  grey: '--band-grey',
  text: '--text',
  muted: '--text-muted',
  subtle: '--text-subtle',
  border: '--border',
  accent: '--accent',
  surface: '--surface',
};

const FALLBACK: ChartColors = {
  red: '#d93036',
  yellow: '#d99a06',
  green: '#2f9e57',
  grey: '#9696a0',
  text: '#16161a',
  muted: '#62626d',
  subtle: '#9696a0',
  border: '#e6e6ea',
  accent: '#5e5ce6',
  surface: '#ffffff',
};

export function readChartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const out = { ...FALLBACK };
  for (const key of Object.keys(VARIABLES) as (keyof ChartColors)[]) {
    const value = style.getPropertyValue(VARIABLES[key]).trim();
    if (value) out[key] = value;
  }
  return out;
}

/** Band colours in index order: red, yellow, green, unscored. */
export function bandColorList(c: ChartColors): [string, string, string, string] {
  return [c.red, c.yellow, c.green, c.grey];
}

export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(readChartColors);
  useEffect(() => {
    const query = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!query) return;
    const onChange = () => setColors(readChartColors());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return colors;
}
