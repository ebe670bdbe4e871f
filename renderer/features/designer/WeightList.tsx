// One list of sibling weights (a segment's groups and ungrouped metrics, or one group's metrics)
// with "Normalise to 100 %". Every change is computed by the pure rules in weights.ts and written
// into the segment's overrides as one edit; a slider drag is one undo step.

import { memo, useEffect, useState } from 'react';
import type { Scorecard } from '../../../shared/scorecard/types';
import { markInput } from '../scoring/perfProbe';
import { useDesignerStore } from './designerStore';
import { sliderMaxFor } from './shareFormat';
import { type WeightRow, applyWeightEdits, weightKey } from './weightTree';
import { WeightSliderRow } from './WeightSliderRow';
import { type WeightItem, moveWeight, normaliseTo100, numericWeight, setApplicable, totalWeight } from './weights';

interface WeightListProps {
  rows: WeightRow[];
  scorecard: Scorecard;
  segmentIndex: number;
  segmentId: string;
  segmentLabel: string;
  /** "Groups and metrics" or a group's label, for the normalise button's name. */
  listLabel: string;
  nested?: boolean;
}

/** A slider's scale must not change under the pointer: it is frozen from pointer down to up. */
function useFrozenMax(live: number): [number, () => void] {
  const [frozen, setFrozen] = useState<number | null>(null);
  useEffect(() => {
    if (frozen === null) return;
    const release = () => setFrozen(null);
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
    return () => {
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
  }, [frozen]);
  return [frozen ?? live, () => setFrozen(live)];
}

export const WeightList = memo(function WeightList({ rows, scorecard, segmentIndex, segmentId, segmentLabel, listLabel, nested = false }: WeightListProps) {
  const locks = useDesignerStore((s) => s.locks);
  const restoreWeights = useDesignerStore((s) => s.restoreWeights);
  const { edit, toggleLock, rememberWeight, openEditor } = useDesignerStore.getState();
  const keyOf = (row: WeightRow) => weightKey(segmentId, row.kind, row.id);
  const items: WeightItem[] = rows.map((row) => ({ weight: row.weight, locked: !!locks[keyOf(row)] }));
  const largest = Math.max(0, ...items.map((i) => numericWeight(i.weight)));
  const [max, freezeMax] = useFrozenMax(sliderMaxFor(totalWeight(items), largest));

  const commit = (weights: WeightItem['weight'][], mergeKey: string | null, tag: number | null) => {
    const edits = rows.flatMap((row, j) => (weights[j] !== row.weight ? [{ kind: row.kind, id: row.id, weight: weights[j] }] : []));
    if (edits.length) edit(applyWeightEdits(scorecard, segmentIndex, edits), { mergeKey, tag });
  };

  const subjectOf = (row: WeightRow) => `${row.label}${row.kind === 'group' ? ' group' : ''} (${segmentLabel})`;

  return (
    <div className={`weight-list${nested ? ' weight-list--nested' : ''}`} role="group" aria-label={`${listLabel} (${segmentLabel})`}>
      {rows.map((row, i) => (
        <div key={`${row.kind}:${row.id}`} className="weight-list__item">
          <WeightSliderRow
            label={row.label}
            subject={subjectOf(row)}
            weight={row.weight}
            share={row.share}
            max={max}
            locked={items[i].locked}
            kind={row.kind}
            onGestureStart={freezeMax}
            onEdit={row.kind === 'metric' ? () => openEditor({ kind: 'metric', metricId: row.id }) : undefined}
            onMove={(value, fromSlider) => commit(moveWeight(items, i, value), `weight:${keyOf(row)}`, fromSlider ? markInput() : null)}
            onToggleLock={() => toggleLock(keyOf(row))}
            onToggleApplicable={(applicable) => {
              if (!applicable) rememberWeight(keyOf(row), numericWeight(row.weight));
              const restore = restoreWeights[keyOf(row)] ?? (numericWeight(row.weight) || 1);
              commit(setApplicable(items, i, applicable, restore), null, null);
            }}
          />
          {row.children.length > 0 ? (
            <WeightList
              rows={row.children}
              scorecard={scorecard}
              segmentIndex={segmentIndex}
              segmentId={segmentId}
              segmentLabel={segmentLabel}
              listLabel={`Metrics of ${row.label}`}
              nested
            />
          ) : null}
        </div>
      ))}
      <div className="weight-list__foot">
        <button
          type="button"
          className="button button--small"
          aria-label={`Normalise ${listLabel.toLowerCase()} to 100 % (${segmentLabel})`}
          disabled={Math.abs(totalWeight(items) - 100) < 1e-9 || totalWeight(items) === 0}
          onClick={() => commit(normaliseTo100(items), null, null)}
        >
          Normalise to 100 %
        </button>
        <span className="weight-list__total">Total {Math.round(totalWeight(items) * 100) / 100}</span>
      </div>
    </div>
  );
});
