// Accounts and ARR per band, and the unscored count, for the chosen scope; with a baseline, how
// many accounts each band gained or lost against it.

import { memo } from 'react';
import { formatCurrencyCompact, formatInteger, formatPercent } from '../../lib/format';
import type { SegmentDistribution } from '../scoring/protocol';

interface KpiTilesProps {
  scope: SegmentDistribution;
  baseline: SegmentDistribution | null;
  baselineLabel: string | null;
}

const TILES = [
  { band: 'red', label: 'Red', index: 0 },
  { band: 'yellow', label: 'Yellow', index: 1 },
  { band: 'green', label: 'Green', index: 2 },
  { band: 'unscored', label: 'Unscored', index: 3 },
] as const;

function signed(n: number): string {
  return n > 0 ? `+${formatInteger(n)}` : n < 0 ? `−${formatInteger(-n)}` : '±0';
}

export const KpiTiles = memo(function KpiTiles({ scope, baseline, baselineLabel }: KpiTilesProps) {
  const accounts = scope.counts.reduce((t, c) => t + c, 0);
  return (
    <dl className="kpi-tiles" aria-label={`Accounts per band, ${scope.label}`}>
      {TILES.map(({ band, label, index }) => {
        const count = scope.counts[index];
        const delta = baseline ? count - baseline.counts[index] : null;
        return (
          <div key={band} className={`kpi-tile kpi-tile--${band}`} data-testid={`kpi-${band}`} data-count={count}>
            <dt className="kpi-tile__label">
              <span className="band-dot" aria-hidden="true" />
              {label}
            </dt>
            <dd className="kpi-tile__value">
              <span className="kpi-tile__count">{formatInteger(count)}</span>
              <span className="kpi-tile__share">{formatPercent(count, accounts)}</span>
            </dd>
            <dd className="kpi-tile__arr">{formatCurrencyCompact(scope.arr[index])} ARR</dd>
            {delta !== null ? (
              <dd className="kpi-tile__delta" title={`Change against ${baselineLabel ?? 'the baseline'}`}>
                {signed(delta)} vs {baselineLabel}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
});
