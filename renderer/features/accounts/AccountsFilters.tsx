// The accounts toolbar's filters: a scorecard segment, and bands (several may be on at once), each
// with its live count.

import type { Scorecard } from '../../../shared/scorecard/types';
import { formatInteger } from '../../lib/format';
import type { BandCode, DistributionSummary } from '../scoring/protocol';
import { useAccountsStore } from './accountsStore';
import { SegmentSelect } from './SegmentSelect';

const BAND_FILTERS: { band: 0 | 1 | 2 | 3; id: string; label: string }[] = [
  { band: 0, id: 'red', label: 'Red' },
  { band: 1, id: 'yellow', label: 'Yellow' },
  { band: 2, id: 'green', label: 'Green' },
  { band: 3, id: 'unscored', label: 'Unscored' },
];

export function AccountsFilters({ scorecard, summary }: { scorecard: Scorecard; summary: DistributionSummary | null }) {
  const segmentId = useAccountsStore((s) => s.query.segmentId);
  const bands = useAccountsStore((s) => s.query.bands);
  const { setSegment, toggleBand } = useAccountsStore.getState();
  const scope = (segmentId !== null ? summary?.segments.find((s) => s.id === segmentId) : summary?.total) ?? null;
  return (
    <>
      <label className="inline-field">
        <span className="visually-hidden">Segment</span>
        <SegmentSelect scorecard={scorecard} value={segmentId} onChange={setSegment} ariaLabel="Filter by segment" />
      </label>
      <div className="chips" role="group" aria-label="Filter by band">
        {BAND_FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            className={`chip chip--band chip--${f.id}`}
            aria-pressed={bands?.includes(f.band) ?? false}
            data-testid={`band-filter-${f.id}`}
            onClick={() => toggleBand(f.band)}
          >
            <span className="band-dot" aria-hidden="true" />
            {f.label}
            <span className="chip__count">{scope ? formatInteger(scope.counts[f.band]) : '…'}</span>
          </button>
        ))}
      </div>
    </>
  );
}
