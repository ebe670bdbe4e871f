// The bands of a "bands" method: ordered rows "at least MIN scores S" (first match wins) and the
// score when none matches. Rows are kept in decreasing order of their minimum.

import type { BandsMethod } from '../../../shared/scorecard/types';
import { NumberField } from './NumberField';

interface BandsEditorProps {
  method: BandsMethod;
  /** What the values count, for the labels ("days", "value"). */
  unit: string;
  onChange(method: BandsMethod, mergeKey: string | null): void;
}

export function BandsEditor({ method, unit, onChange }: BandsEditorProps) {
  const setBand = (i: number, patch: Partial<BandsMethod['bands'][number]>) => {
    const bands = method.bands.map((b, k) => (k === i ? { ...b, ...patch } : b));
    onChange({ ...method, bands }, `band:${i}:${Object.keys(patch)[0]}`);
  };
  const add = () => {
    const last = method.bands[method.bands.length - 1];
    const min = last ? last.min - Math.max(1, Math.abs(last.min) * 0.5) : 0;
    onChange({ ...method, bands: [...method.bands, { min, score: last ? Math.max(0, last.score - 20) : 50 }] }, null);
  };
  return (
    <div className="bands-editor">
      <table className="editor-table">
        <thead>
          <tr>
            <th scope="col">If the {unit} is at least</th>
            <th scope="col">Sub-score</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {method.bands.map((band, i) => (
            <tr key={i}>
              <td>
                <NumberField label={`Band ${i + 1} minimum`} hideLabel value={band.min} onChange={(v) => v !== undefined && setBand(i, { min: v })} />
              </td>
              <td>
                <NumberField label={`Band ${i + 1} score`} hideLabel min={0} max={100} value={band.score} onChange={(v) => v !== undefined && setBand(i, { score: v })} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small button--ghost"
                  aria-label={`Remove band ${i + 1}`}
                  disabled={method.bands.length === 1}
                  onClick={() => onChange({ ...method, bands: method.bands.filter((_, k) => k !== i) }, null)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">Otherwise</th>
            <td>
              <NumberField label="Score when no band matches" hideLabel min={0} max={100} value={method.otherwise} onChange={(v) => v !== undefined && onChange({ ...method, otherwise: v }, 'otherwise')} />
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <button type="button" className="button button--small" onClick={add}>
        Add band
      </button>
    </div>
  );
}
