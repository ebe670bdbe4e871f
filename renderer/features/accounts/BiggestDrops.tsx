// "Biggest drops": the accounts whose score fell most since the previous snapshot (both scored with
// the draft), optionally only those that crossed into a worse band, in one segment or all.

import { useEffect, useState } from 'react';
import type { Scorecard } from '../../../shared/scorecard/types';
import type { BandCrossing, ScoredAccount } from '../scoring/protocol';
import { scoringClient, useScoringStore } from '../scoring/scoringStore';
import { useAccountsStore } from './accountsStore';
import { BandChip } from './BandChip';
import { formatChange, formatScore } from './columns';
import { SegmentSelect } from './SegmentSelect';

const CROSSINGS: { id: BandCrossing; label: string }[] = [
  { id: 'anyDrop', label: 'Any drop' },
  { id: 'greenToYellow', label: 'Green → yellow' },
  { id: 'yellowToRed', label: 'Yellow → red' },
  { id: 'greenToRed', label: 'Green → red' },
];
const LIMIT = 50;

interface BiggestDropsProps {
  scorecard: Scorecard;
  revision: number;
  segmentLabel(id: string): string;
}

export function BiggestDrops({ scorecard, revision, segmentLabel }: BiggestDropsProps) {
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [crossing, setCrossing] = useState<BandCrossing>('anyDrop');
  const [rows, setRows] = useState<ScoredAccount[] | null>(null);
  const previousAsOf = useScoringStore((s) => s.previousAsOf);
  const namesReady = useScoringStore((s) => s.namesReady);
  const openAccount = useAccountsStore((s) => s.openAccount);

  useEffect(() => {
    let live = true;
    scoringClient
      .call('biggestDrops', { segmentId, crossing, limit: LIMIT })
      .then((r) => live && setRows(r))
      .catch(() => live && setRows([]));
    return () => {
      live = false;
    };
  }, [segmentId, crossing, revision, namesReady]);

  return (
    <section className="drops" aria-labelledby="drops-title" data-testid="biggest-drops">
      <h2 id="drops-title" className="panel-title">
        Biggest drops
      </h2>
      <p className="drops__hint">{previousAsOf ? `Since the snapshot of ${previousAsOf}, both scored with the draft.` : 'There is no earlier snapshot to compare with.'}</p>
      <div className="drops__filters">
        <SegmentSelect scorecard={scorecard} value={segmentId} onChange={setSegmentId} ariaLabel="Drops in segment" />
        <select className="select" aria-label="Band crossing" value={crossing} onChange={(e) => setCrossing(e.target.value as BandCrossing)}>
          {CROSSINGS.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {rows === null ? (
        <p className="drawer__muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="drawer__muted">No account dropped like that.</p>
      ) : (
        <ol className="drops__list">
          {rows.map((r) => (
            <li key={r.index}>
              <button type="button" className="drops__item" data-testid="drop-row" data-account-key={r.key} onClick={() => openAccount(r.index)}>
                <span className="drops__name">{r.name ?? r.key}</span>
                <span className="drops__segment">{segmentLabel(r.segmentId)}</span>
                <span className="drops__scores">
                  {formatScore(r.previousScore)} → {formatScore(r.score)}
                </span>
                <span className="change change--down">{formatChange(r.change)}</span>
                <BandChip band={r.band} />
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
