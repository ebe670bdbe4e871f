// Red / yellow / green / unscored per segment as stacked bars, switchable between accounts,
// percentages and ARR.

import { memo, useMemo, useState } from 'react';
import { EChart } from '../charts/EChart';
import type { ChartColors } from '../charts/themeColors';
import type { SegmentDistribution } from '../scoring/protocol';
import { type BarsMeasure, segmentBarsData, segmentBarsOption } from './segmentBarsOption';

const MEASURES: { id: BarsMeasure; label: string }[] = [
  { id: 'count', label: 'Accounts' },
  { id: 'percent', label: '%' },
  { id: 'arr', label: 'ARR' },
];

export const SegmentBandBars = memo(function SegmentBandBars({ segments, colors }: { segments: readonly SegmentDistribution[]; colors: ChartColors }) {
  const [measure, setMeasure] = useState<BarsMeasure>('count');
  // Labels joined into a key: a new summary with the same segments keeps the option (data-only update).
  const labelKey = segments.map((s) => s.label).join('\u0000');
  const option = useMemo(() => segmentBarsOption(labelKey.split('\u0000'), measure, colors), [labelKey, measure, colors]);
  const seriesData = useMemo(() => segmentBarsData(segments, measure), [segments, measure]);
  const height = 34 + segments.length * 34;
  return (
    <section className="panel-section" aria-labelledby="segment-bars-title">
      <div className="panel-section__head">
        <h3 id="segment-bars-title" className="panel-section__title">
          Bands per segment
        </h3>
        <div className="segmented" role="group" aria-label="Measure">
          {MEASURES.map((m) => (
            <button key={m.id} type="button" className="segmented__option" aria-pressed={measure === m.id} onClick={() => setMeasure(m.id)}>
              {m.label}
            </button>
          ))}
        </div>
      </div>
      <EChart
        option={option}
        seriesData={seriesData}
        layered
        style={{ height }}
        ariaLabel={segments.map((s) => `${s.label}: ${s.counts[0]} red, ${s.counts[1]} yellow, ${s.counts[2]} green, ${s.counts[3]} unscored`).join('; ')}
        testId="segment-bars"
      />
    </section>
  );
});
