// Per metric: the raw value, the sub-score, the weight it actually carried for this account and its
// contribution; then the sum (the weighted score), adjustments and the final score.

import type { AttributeValue } from '../../../shared/api';
import { MISSING, formatAttribute } from '../../lib/format';
import type { AccountDetail } from '../scoring/protocol';

const STATUS_TEXT = { present: '', imputed: 'missing, imputed', missing: 'missing', excluded: 'not weighted' } as const;

function raw(value: AttributeValue | undefined): string {
  return formatAttribute(value ?? null);
}

const one = (x: number) => (x === x ? x.toFixed(1) : MISSING);

export function ContributionTable({ detail }: { detail: AccountDetail }) {
  const e = detail.explanation;
  const rawById = new Map(detail.rawValues.map((r) => [r.metricId, r.raw]));
  return (
    <table className="data-table contribution-table" data-testid="contribution-table">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Value</th>
          <th scope="col">Sub-score</th>
          <th scope="col">Weight</th>
          <th scope="col">Contribution</th>
        </tr>
      </thead>
      <tbody>
        {e.metrics.map((m) => (
          <tr key={m.metricId} className={`is-${m.status}`} data-testid="contribution-row" data-contribution={m.contribution}>
            <th scope="row">
              {m.label}
              {STATUS_TEXT[m.status] ? <span className="contribution-table__status"> · {STATUS_TEXT[m.status]}</span> : null}
            </th>
            <td>{raw(rawById.get(m.metricId))}</td>
            <td>{one(m.subScore)}</td>
            <td>{m.appliedWeight > 0 ? `${(m.appliedWeight * 100).toFixed(1)}%` : MISSING}</td>
            <td>{m.status === 'present' || m.status === 'imputed' ? m.contribution.toFixed(1) : MISSING}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Weighted score (sum of contributions)
          </th>
          <td data-testid="weighted-score">{one(e.weightedScore)}</td>
        </tr>
        {e.adjustments.map((a) => (
          <tr key={a.id}>
            <th scope="row" colSpan={4}>
              {a.label}
            </th>
            <td>{a.points > 0 ? `+${a.points}` : a.points}</td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
