// A React host for one ECharts instance: created on mount, resized with its box, disposed on
// unmount. Options are applied without animation, so a slider move repaints in the next frame
// rather than tweening for hundreds of milliseconds. By default a new option merges into series of
// the same ids (cheap for live updates); `replace` applies each option whole, for charts whose
// components come and go between options.

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
}

export function EChart({ option, replace: replaceWhole = false, className, style, ariaLabel, testId, onReady }: EChartProps) {
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
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    if (replaceWhole) {
      chart.setOption({ animation: false, ...option }, { notMerge: true });
      return;
    }
    // Merging into series of the same ids updates only their data, which is what a slider move
    // changes; when series come or go (a baseline appears), they are replaced instead.
    const raw = (option as ChartOption).series;
    const series = Array.isArray(raw) ? raw : raw ? [raw] : [];
    const seriesKey = series.map((s, i) => `${String(s.id ?? i)}:${s.type}`).join('|');
    const replace = seriesKey !== seriesKeyRef.current;
    seriesKeyRef.current = seriesKey;
    chart.setOption({ animation: false, ...option }, replace ? { replaceMerge: ['series'] } : undefined);
  }, [option, replaceWhole]);

  return <div ref={boxRef} className={className} style={style} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
