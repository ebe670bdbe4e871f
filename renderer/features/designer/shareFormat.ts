// Shares of the score as people read them: "23.5 %", "8 %", "—" when excluded.

export function formatShare(share: number): string {
  if (!(share > 0)) return '—';
  const pct = share * 100;
  return `${pct < 10 ? pct.toFixed(1) : pct.toFixed(0)} %`;
}

/** The slider scale for a list: the next 1-2-5 step at or above its total, at least 10. */
export function sliderMaxFor(total: number, largest: number): number {
  const need = Math.max(10, total, largest);
  const magnitude = 10 ** Math.floor(Math.log10(need));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= need - 1e-9) return step * magnitude;
  return 10 * magnitude;
}
