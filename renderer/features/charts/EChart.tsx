// A React host for one ECharts instance: created on mount, resized with its box, disposed on
// unmount. Options are applied without animation, so a slider move repaints in the next frame
// rather than tweening for hundreds of milliseconds. By default a new option merges into series of
// the same ids (cheap for live updates); `replace` applies each option whole, for charts whose
// components come and go between options. Live charts pass their series' data apart from the
// option (`seriesData`): when only the data changed, ECharts gets just the data, and skips merging
// axes, grid and styles again, which was most of the cost of a slider move.

import { useEffect, useRef, type CSSProperties } from 'react';
import { type ChartInstance, type ChartOption, type EChartsCoreOption, echarts } from './echarts';

interface EChartProps {
  option: ChartOption | EChartsCoreOption;
  /** Apply each option whole (no merging with the previous one). */
  replace?: boolean;
  className?: string;
  style?: CSSProperties;
  /** Text alternative for the canvas (screen readers cannot read a chart). */
  ariaLabel: string;
  testId?: string;
  /** Called with the instance once it exists (and null when it is gone). */
  onReady?(chart: ChartInstance | null): void;
  /** Data of each series of `option`, in its order (the series need ids); the option's own data is ignored. */
  seriesData?: readonly (readonly unknown[])[];
}

/** The parts of a series this component reads. */
interface SeriesItem {
  id?: string | number;
  type?: string;
}

function seriesOf(option: ChartOption | EChartsCoreOption): SeriesItem[] {
  const raw = (option as { series?: SeriesItem | SeriesItem[] }).series;
  return Array.isArray(raw) ? raw : raw ? [raw] : [];
}

/** The option with each series' data taken from `data` (when given). */
function withSeriesData(option: ChartOption | EChartsCoreOption, data: readonly (readonly unknown[])[] | undefined): ChartOption | EChartsCoreOption {
  if (!data) return option;
  return { ...option, series: seriesOf(option).map((s, i) => ({ ...s, data: data[i] })) };
}

export function EChart({ option, replace: replaceWhole = false, className, style, ariaLabel, testId, onReady, seriesData }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => {
    const box = boxRef.current!;
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chartRef.current = chart;
    onReadyRef.current?.(chart);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      onReadyRef.current?.(null);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const seriesKeyRef = useRef('');
  /** The option last applied whole (merged); a data-only update needs it unchanged. */
  const appliedRef = useRef<ChartOption | EChartsCoreOption | null>(null);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (replaceWhole) {
      chart.setOption({ animation: false, ...withSeriesData(option, seriesData) }, { notMerge: true });
      return;
    }
    const series = seriesOf(option);
    if (seriesData && option === appliedRef.current) {
      chart.setOption({ series: series.map((s, i) => ({ id: s.id, type: s.type, data: seriesData[i] })) });
      return;
    }
    appliedRef.current = option;
    // Merging into series of the same ids updates only their data, which is what a slider move
    // changes; when series come or go (a baseline appears), they are replaced instead.
    const seriesKey = series.map((s, i) => `${String(s.id ?? i)}:${s.type}`).join('|');
    const replace = seriesKey !== seriesKeyRef.current;
    seriesKeyRef.current = seriesKey;
    chart.setOption({ animation: false, ...withSeriesData(option, seriesData) }, replace ? { replaceMerge: ['series'] } : undefined);
  }, [option, seriesData, replaceWhole]);

  return <div ref={boxRef} className={className} style={style} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
