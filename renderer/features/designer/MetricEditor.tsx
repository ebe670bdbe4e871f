// Editing one metric: its scoring method and parameters, direction and missing-data policy, over a
// chart of its raw values with the resulting sub-score curve. Every change is a scorecard edit
// (undoable); a new method makes the worker rebuild the sub-scores, and the distribution follows.

import { useMemo } from 'react';
import type { MethodType, MetricDef, MetricMethod, MissingPolicy, Scorecard } from '../../../shared/scorecard/types';
import { formatInteger } from '../../lib/format';
import { EChart } from '../charts/EChart';
import { useChartColors } from '../charts/themeColors';
import { useDesignerStore } from './designerStore';
import { MethodParams } from './MethodParams';
import { metricChartOption } from './metricChartOption';
import { curveOf, defaultMethod } from './metricCurve';
import { useMetricProfile } from './useMetricProfile';

const METHODS: { id: MethodType; label: string }[] = [
  { id: 'linear', label: 'Linear between two bounds' },
  { id: 'bands', label: 'Bands (first match wins)' },
  { id: 'percentile', label: 'Percentile rank' },
  { id: 'boolean', label: 'Yes / no' },
  { id: 'category', label: 'Score per category' },
  { id: 'daysSince', label: 'Days since a date' },
];

const POLICY_TEXT: Record<MissingPolicy, string> = { redistribute: 'Leave out (weight goes to the others)', zero: 'Count as 0', neutral: 'Count as 50' };

export function MetricEditor({ scorecard, metricId }: { scorecard: Scorecard; metricId: string }) {
  const metric = scorecard.metrics.find((m) => m.id === metricId);
  const { edit, closeEditor } = useDesignerStore.getState();
  const { profile, error } = useMetricProfile(metricId);
  const colors = useChartColors();

  const option = useMemo(() => {
    if (!metric || !profile) return null;
    const curve = curveOf(metric.method, metric.direction, profile);
    const method = metric.method;
    const categoryScores =
      method.type === 'category'
        ? profile.categories.map((c) => (c.value in method.map ? (metric.direction === 'lowerIsBetter' ? 100 - method.map[c.value] : method.map[c.value]) : null))
        : null;
    return metricChartOption(profile, curve, categoryScores, colors);
  }, [metric, profile, colors]);

  if (!metric) return null;
  const update = (patch: Partial<MetricDef>, mergeKey: string | null = null) => {
    const metrics = scorecard.metrics.map((m) => (m.id === metricId ? { ...m, ...patch } : m));
    edit({ ...scorecard, metrics }, { mergeKey: mergeKey && `metric:${metricId}:${mergeKey}` });
  };
  const setMethod = (method: MetricMethod, mergeKey: string | null) => update({ method }, mergeKey);
  const setMissing = (value: string) => {
    const next = { ...metric };
    if (value === '') delete next.missing;
    else next.missing = value as MissingPolicy;
    edit({ ...scorecard, metrics: scorecard.metrics.map((m) => (m.id === metricId ? next : m)) });
  };

  return (
    <section className="editor-panel" aria-labelledby="metric-editor-title" data-testid="metric-editor">
      <div className="editor-panel__head">
        <div>
          <h2 id="metric-editor-title" className="panel-title">
            {metric.label}
          </h2>
          <p className="editor-hint">
            Column <code>{metric.source}</code>
            {profile ? ` · ${formatInteger(profile.present - profile.missing)} values, ${formatInteger(profile.missing)} missing` : ''}
          </p>
        </div>
        <button type="button" className="button button--small" onClick={closeEditor}>
          Back to weights
        </button>
      </div>
      <div className="editor-row">
        <label className="editor-field">
          <span className="editor-field__label">Scoring method</span>
          <select className="select" value={metric.method.type} onChange={(e) => setMethod(defaultMethod(e.target.value as MethodType, profile), null)}>
            {METHODS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label className="editor-field">
          <span className="editor-field__label">Direction</span>
          <select className="select" value={metric.direction} onChange={(e) => update({ direction: e.target.value as MetricDef['direction'] })}>
            <option value="higherIsBetter">Higher is better</option>
            <option value="lowerIsBetter">Lower is better</option>
          </select>
        </label>
        <label className="editor-field">
          <span className="editor-field__label">When the value is missing</span>
          <select className="select" value={metric.missing ?? ''} onChange={(e) => setMissing(e.target.value)}>
            <option value="">Scorecard default ({POLICY_TEXT[scorecard.missingPolicy].toLowerCase()})</option>
            {(Object.keys(POLICY_TEXT) as MissingPolicy[]).map((p) => (
              <option key={p} value={p}>
                {POLICY_TEXT[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <MethodParams method={metric.method} profile={profile} onChange={setMethod} />
      {error ? <p className="editor-hint" role="alert">{error}</p> : null}
      {option ? <EChart option={option} style={{ height: 200 }} ariaLabel={`Values of ${metric.label} and the sub-score each gets`} testId="metric-chart" /> : null}
    </section>
  );
}
