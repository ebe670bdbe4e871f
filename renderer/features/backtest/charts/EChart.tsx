// One ECharts instance in a div: created on mount, given each new option whole (no merging, no
// animation: a live update must cost one redraw), resized with its box, disposed on unmount.

import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echartsSetup';

interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the numbers are also in the tables). */
  label: string;
  className?: string;
  testId?: string;
}

export function EChart({ option, label, className, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} className={`echart ${className ?? ''}`} role="img" aria-label={label} data-testid={testId} />;
}
