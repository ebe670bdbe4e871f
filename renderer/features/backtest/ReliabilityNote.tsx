// "Not reliable", shown next to the number it qualifies, with the reasons in words.

import type { Reliability } from './reliability';

export function ReliabilityNote({ reliability, compact = false }: { reliability: Reliability; compact?: boolean }) {
  if (!reliability.notReliable) return null;
  const reasons = reliability.reasons.join('; ');
  if (compact) {
    return (
      <span className="backtest-badge backtest-badge--warning" title={reasons} data-testid="not-reliable">
        Not reliable
      </span>
    );
  }
  return (
    <p className="backtest-warning" role="note" data-testid="not-reliable">
      <span className="backtest-badge backtest-badge--warning">Not reliable</span> {reasons}
    </p>
  );
}
