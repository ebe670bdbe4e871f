// Segment chips with their account counts; choosing one filters the accounts table, choosing it
// again (or "All") clears the filter.

import type { SegmentCount } from '../../../shared/api';
import { formatInteger } from '../../lib/format';

interface SegmentChipsProps {
  segments: SegmentCount[];
  total: number;
  selected: string | null;
  onSelect(segment: string | null): void;
}

export function SegmentChips({ segments, total, selected, onSelect }: SegmentChipsProps) {
  return (
    <div className="chips" role="group" aria-label="Filter accounts by segment">
      <span className="chips__label">Segments</span>
      <button
        type="button"
        className="chip"
        aria-pressed={selected === null}
        data-testid="segment-chip-all"
        onClick={() => onSelect(null)}
      >
        All <span className="chip__count">{formatInteger(total)}</span>
      </button>
      {segments.map((segment) => {
        const active = segment.name === selected;
        return (
          <button
            key={segment.name}
            type="button"
            className="chip"
            aria-pressed={active}
            data-testid="segment-chip"
            data-segment={segment.name}
            onClick={() => onSelect(active ? null : segment.name)}
          >
            {segment.name} <span className="chip__count">{formatInteger(segment.accounts)}</span>
          </button>
        );
      })}
    </div>
  );
}
