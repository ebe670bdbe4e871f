// The parameters of a metric's scoring method: linear bounds (blank = the data's 5th / 95th
// percentile), bands, percentile scope, category scores; days-since picks how its day count is
// scored and then takes the linear or bands parameters.

import type { BandsMethod, CategoryMethod, LinearMethod, MetricMethod } from '../../../shared/scorecard/types';
import type { MetricProfile } from '../scoring/protocol';
import { BandsEditor } from './BandsEditor';
import { defaultMethod } from './metricCurve';
import { NumberField } from './NumberField';

interface MethodParamsProps {
  method: MetricMethod;
  profile: MetricProfile | null;
  onChange(method: MetricMethod, mergeKey: string | null): void;
}

const round = (x: number | null | undefined) => (x === null || x === undefined ? undefined : Math.round(x * 100) / 100);

function LinearParams({ method, profile, unit, onChange }: { method: LinearMethod; profile: MetricProfile | null; unit: string; onChange(m: LinearMethod, key: string): void }) {
  const without = (key: 'lo' | 'hi'): LinearMethod => {
    const next = { ...method };
    delete next[key];
    return next;
  };
  return (
    <div className="editor-row">
      <p className="editor-hint">From 0 at the low bound to 100 at the high bound (reversed when lower is better). Blank: the data’s 5th / 95th percentile.</p>
      <NumberField
        label={`${unit}: low bound`}
        optional
        placeholder={`auto: ${round(profile?.resolvedLo) ?? '5th pct'}`}
        value={method.lo}
        onChange={(lo) => onChange(lo === undefined ? without('lo') : { ...method, lo }, 'lo')}
      />
      <NumberField
        label={`${unit}: high bound`}
        optional
        placeholder={`auto: ${round(profile?.resolvedHi) ?? '95th pct'}`}
        value={method.hi}
        onChange={(hi) => onChange(hi === undefined ? without('hi') : { ...method, hi }, 'hi')}
      />
    </div>
  );
}

function CategoryParams({ method, profile, onChange }: { method: CategoryMethod; profile: MetricProfile | null; onChange(m: CategoryMethod, key: string): void }) {
  const values = [...new Set([...Object.keys(method.map), ...(profile?.categories.map((c) => c.value) ?? [])])];
  const countOf = new Map(profile?.categories.map((c) => [c.value, c.count]) ?? []);
  return (
    <table className="editor-table">
      <thead>
        <tr>
          <th scope="col">Value</th>
          <th scope="col">Accounts</th>
          <th scope="col">Sub-score (blank: missing)</th>
        </tr>
      </thead>
      <tbody>
        {values.map((value) => (
          <tr key={value}>
            <th scope="row">{value}</th>
            <td>{countOf.get(value) ?? 0}</td>
            <td>
              <NumberField
                label={`Score of “${value}”`}
                hideLabel
                optional
                min={0}
                max={100}
                value={method.map[value]}
                onChange={(score) => {
                  const map = { ...method.map };
                  if (score === undefined) delete map[value];
                  else map[value] = score;
                  onChange({ ...method, map }, `category:${value}`);
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function NumericParams({ method, profile, unit, onChange }: { method: LinearMethod | BandsMethod; profile: MetricProfile | null; unit: string; onChange(m: LinearMethod | BandsMethod, key: string | null): void }) {
  return method.type === 'linear' ? (
    <LinearParams method={method} profile={profile} unit={unit === 'value' ? 'Value' : 'Days'} onChange={onChange} />
  ) : (
    <BandsEditor method={method} unit={unit} onChange={onChange} />
  );
}

export function MethodParams({ method, profile, onChange }: MethodParamsProps) {
  switch (method.type) {
    case 'linear':
    case 'bands':
      return <NumericParams method={method} profile={profile} unit="value" onChange={onChange} />;
    case 'percentile':
      return (
        <label className="editor-field">
          <span className="editor-field__label">Rank within</span>
          <select className="select" value={method.scope} onChange={(e) => onChange({ ...method, scope: e.target.value as 'segment' | 'population' }, null)}>
            <option value="population">All accounts</option>
            <option value="segment">The account’s segment</option>
          </select>
        </label>
      );
    case 'boolean':
      return <p className="editor-hint">Yes / true scores 100, no / false scores 0.</p>;
    case 'category':
      return <CategoryParams method={method} profile={profile} onChange={onChange} />;
    case 'daysSince':
      return (
        <>
          <label className="editor-field">
            <span className="editor-field__label">Score the days since the date</span>
            <select
              className="select"
              value={method.scoring.type}
              onChange={(e) => {
                const inner = defaultMethod(e.target.value as 'linear' | 'bands', profile) as LinearMethod | BandsMethod;
                onChange({ ...method, scoring: inner }, null);
              }}
            >
              <option value="linear">Linearly between two day counts</option>
              <option value="bands">In bands of days</option>
            </select>
          </label>
          <NumericParams method={method.scoring} profile={profile} unit="days" onChange={(scoring, key) => onChange({ ...method, scoring }, key)} />
        </>
      );
  }
}
