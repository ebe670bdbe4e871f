// The score histogram with the red and green thresholds as draggable markers over it. Moving a
// marker changes the scorecard's thresholds at once; the bars recolour as the answer arrives.

import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Thresholds } from '../../../shared/scorecard/types';
import { EChart } from '../charts/EChart';
import type { ChartColors } from '../charts/themeColors';
import { PLOT_MARGIN, histogramAxisMax, histogramOption, histogramSeriesData } from './histogramOption';
import { ThresholdMarker } from './ThresholdMarker';

interface ScoreHistogramProps {
  histogram: readonly number[];
  baseline: readonly number[] | null;
  thresholds: Thresholds;
  colors: ChartColors;
  /** What the histogram counts, for its text alternative ("All accounts", a segment). */
  scopeLabel: string;
  onThresholdsChange(next: Thresholds): void;
}

const CHART_HEIGHT = 220;

function useBoxWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const box = ref.current!;
    setWidth(box.clientWidth);
    const observer = new ResizeObserver(() => setWidth(box.clientWidth));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export const ScoreHistogram = memo(function ScoreHistogram({ histogram, baseline, thresholds, colors, scopeLabel, onThresholdsChange }: ScoreHistogramProps) {
  const [boxRef, width] = useBoxWidth();
  const hasBaseline = baseline !== null;
  const tallest = useMemo(() => Math.max(0, ...histogram, ...(baseline ?? [])), [histogram, baseline]);
  // The axis top in force: kept across renders so that it changes in coarse steps only (writing it
  // during render is idempotent: the same counts give the same top).
  const yMaxRef = useRef<number | null>(null);
  const yMax = histogramAxisMax(tallest, yMaxRef.current);
  yMaxRef.current = yMax;
  const option = useMemo(() => histogramOption(histogram.length, hasBaseline, colors, yMax), [histogram.length, hasBaseline, colors, yMax]);
  const seriesData = useMemo(() => histogramSeriesData(histogram, baseline, thresholds), [histogram, baseline, thresholds]);
  const plotWidth = Math.max(1, width - PLOT_MARGIN.left - PLOT_MARGIN.right);
  const toX = (score: number) => PLOT_MARGIN.left + (score / 100) * plotWidth;
  const fromX = (x: number) => ((x - PLOT_MARGIN.left) / plotWidth) * 100;
  const scored = histogram.reduce((t, c) => t + c, 0);
  const plotBottom = CHART_HEIGHT - PLOT_MARGIN.bottom;

  return (
    <div className="score-histogram" ref={boxRef} style={{ height: CHART_HEIGHT }}>
      <EChart
        option={option}
        seriesData={seriesData}
        layered
        className="score-histogram__chart"
        ariaLabel={`Histogram of ${scored} scored accounts (${scopeLabel}); red below ${thresholds.red}, green from ${thresholds.green}`}
        testId="score-histogram"
      />
      {width > 0 ? (
        <>
          <ThresholdMarker
            band="red"
            label="Red threshold"
            value={thresholds.red}
            min={0}
            max={thresholds.green - 1}
            toX={toX}
            fromX={fromX}
            plotTop={PLOT_MARGIN.top}
            plotBottom={plotBottom}
            onChange={(red) => onThresholdsChange({ ...thresholds, red })}
          />
          <ThresholdMarker
            band="green"
            label="Green threshold"
            value={thresholds.green}
            min={thresholds.red + 1}
            max={100}
            toX={toX}
            fromX={fromX}
            plotTop={PLOT_MARGIN.top}
            plotBottom={plotBottom}
            onChange={(green) => onThresholdsChange({ ...thresholds, green })}
          />
        </>
      ) : null}
    </div>
  );
});
