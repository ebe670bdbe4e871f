// A React host for one ECharts instance: created on mount, resized with its box, disposed on
// unmount. Options are applied without animation, so a slider move repaints in the next frame
// rather than tweening for hundreds of milliseconds. By default a new option merges into series of
// the same ids (cheap for live updates); `replace` applies each option whole, for charts whose
// components come and go between options. Live charts pass their series' data apart from the
// option (`seriesData`): when only the data changed, ECharts gets just the data, and skips merging
// axes, grid and styles again, which was most of the cost of a slider move. A `layered` live chart
// goes further: its axes (labels, split lines) are drawn on a canvas of their own beneath the
// series, redrawn only when an axis' scale changes, so a slider move lays out and draws the series
// alone (axis label layout was about half of what remained).

import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
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
  /**
   * Draw the axes on a second instance beneath the series, updated only when an axis' scale (extent,
   * ticks) or the option changes. For live charts (`seriesData`, not `replace`) whose grid has fixed
   * margins and whose axes are drawn beneath the series; fixed for the component's lifetime.
   */
  layered?: boolean;
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

type AnyOption = ChartOption | EChartsCoreOption;

/** Each cartesian axis of the option with `patch` applied. */
function withAxes(option: AnyOption, patch: object): AnyOption {
  const out: Record<string, unknown> = { ...option };
  for (const key of ['xAxis', 'yAxis'] as const) {
    const axis = (option as Record<string, unknown>)[key];
    if (Array.isArray(axis)) out[key] = axis.map((a: object) => ({ ...a, ...patch }));
    else if (axis) out[key] = { ...(axis as object), ...patch };
  }
  return out as AnyOption;
}

/** The axes layer: the whole option, its series invisible (they are there for the axes' extents). */
function axesLayerOption(option: AnyOption, data: readonly (readonly unknown[])[] | undefined): AnyOption {
  const series = seriesOf(withSeriesData(option, data)).map((s) => {
    const own = s as SeriesItem & { itemStyle?: object };
    return { ...own, silent: true, itemStyle: { ...own.itemStyle, opacity: 0 } };
  });
  return { animation: false, ...option, series } as AnyOption;
}

interface ScaleLike {
  type?: string;
  getExtent(): number[];
  getTicks(): { value: number }[];
}

/**
 * What the axes layer draws depends on, besides the option: each axis' scale (extent and ticks) as
 * the series layer worked it out from the data. Null when it cannot be read (ECharts internals):
 * the axes layer is then redrawn every time.
 */
function scalesKey(chart: ChartInstance): string | null {
  const model = (chart as unknown as { getModel?(): { getComponent(type: string, index: number): { axis?: { scale?: ScaleLike } } | undefined } }).getModel?.();
  if (!model) return null;
  const parts: string[] = [];
  for (const type of ['xAxis', 'yAxis']) {
    for (let i = 0; ; i++) {
      const axisModel = model.getComponent(type, i);
      if (!axisModel) break;
      const scale = axisModel.axis?.scale;
      if (!scale || typeof scale.getExtent !== 'function' || typeof scale.getTicks !== 'function') return null;
      // A category axis' ticks are its categories (part of the option).
      const ticks = scale.type === 'ordinal' ? '' : scale.getTicks().map((t) => t.value).join(',');
      parts.push(`${scale.type}:${scale.getExtent().join(',')}:${ticks}`);
    }
  }
  return parts.join('|');
}

export function EChart({ option, replace: replaceWhole = false, className, style, ariaLabel, testId, onReady, seriesData, layered = false }: EChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ChartInstance | null>(null);
  /** The axes layer of a layered chart. */
  const axesRef = useRef<ChartInstance | null>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const layeredRef = useRef(layered);

  useEffect(() => {
    const box = boxRef.current!;
    const layers: HTMLDivElement[] = [];
    let host: HTMLElement = box;
    let axes: ChartInstance | null = null;
    if (layeredRef.current) {
      if (getComputedStyle(box).position === 'static') box.style.position = 'relative';
      for (let i = 0; i < 2; i++) {
        const layer = document.createElement('div');
        layer.style.cssText = 'position:absolute;inset:0';
        box.appendChild(layer);
        layers.push(layer);
      }
      // Beneath, and never the target of the pointer: the series layer keeps hover and clicks.
      layers[0].style.pointerEvents = 'none';
      axes = echarts.init(layers[0], null, { renderer: 'canvas' });
      host = layers[1];
    }
    const chart = echarts.init(host, null, { renderer: 'canvas' });
    chartRef.current = chart;
    axesRef.current = axes;
    onReadyRef.current?.(chart);
    const observer = new ResizeObserver(() => {
      axes?.resize();
      chart.resize();
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      onReadyRef.current?.(null);
      chart.dispose();
      axes?.dispose();
      for (const layer of layers) layer.remove();
      chartRef.current = null;
      axesRef.current = null;
    };
  }, []);

  const seriesKeyRef = useRef('');
  /** The option last applied whole (merged); a data-only update needs it unchanged. */
  const appliedRef = useRef<ChartOption | EChartsCoreOption | null>(null);
  /** What the axes layer last drew: the option and the scales' key. */
  const axesDrawnRef = useRef<{ option: AnyOption | null; key: string | null }>({ option: null, key: null });
  // The series layer's option: the axes are there for the scales, drawn by the layer beneath.
  const seriesOption = useMemo(() => (layered ? withAxes(option, { show: false }) : option), [option, layered]);
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
    } else {
      appliedRef.current = option;
      // Merging into series of the same ids updates only their data, which is what a slider move
      // changes; when series come or go (a baseline appears), they are replaced instead.
      const seriesKey = series.map((s, i) => `${String(s.id ?? i)}:${s.type}`).join('|');
      const replace = seriesKey !== seriesKeyRef.current;
      seriesKeyRef.current = seriesKey;
      chart.setOption({ animation: false, ...withSeriesData(seriesOption, seriesData) }, replace ? { replaceMerge: ['series'] } : undefined);
    }
    const axes = axesRef.current;
    if (!axes) return;
    // Given the same data the axes layer works out the same scales as the series layer; it is
    // redrawn (with the data) only when those or the option changed, which a slider move seldom does.
    const key = scalesKey(chart);
    const drawn = axesDrawnRef.current;
    if (key !== null && key === drawn.key && option === drawn.option) return;
    axes.setOption(axesLayerOption(option, seriesData), { notMerge: true });
    axesDrawnRef.current = { option, key };
  }, [option, seriesOption, seriesData, replaceWhole]);

  return <div ref={boxRef} className={className} style={style} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
