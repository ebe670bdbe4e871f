// A band as a small coloured chip: red, yellow, green, unscored (grey), or not in the snapshot.

import type { BandCode } from '../scoring/protocol';

const BANDS = [
  { id: 'red', label: 'Red' },
  { id: 'yellow', label: 'Yellow' },
  { id: 'green', label: 'Green' },
  { id: 'unscored', label: 'Unscored' },
  { id: 'absent', label: 'No data' },
] as const;

export function bandLabel(band: BandCode): string {
  return BANDS[band].label;
}

export function BandChip({ band }: { band: BandCode }) {
  const b = BANDS[band];
  return (
    <span className={`band-chip band-chip--${b.id}`} data-band={b.id}>
      <span className="band-dot" aria-hidden="true" />
      {b.label}
    </span>
  );
}
