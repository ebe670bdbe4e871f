// A select of the scorecard's segments with "All segments" first (the value null).

import { segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';

interface SegmentSelectProps {
  scorecard: Scorecard;
  value: string | null;
  onChange(segmentId: string | null): void;
  ariaLabel: string;
}

export function SegmentSelect({ scorecard, value, onChange, ariaLabel }: SegmentSelectProps) {
  return (
    <select className="select" aria-label={ariaLabel} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">All segments</option>
      {segmentList(scorecard).map((s) => (
        <option key={s.id} value={s.id}>
          {s.label}
        </option>
      ))}
    </select>
  );
}
