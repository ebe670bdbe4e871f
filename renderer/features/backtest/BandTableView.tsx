// Churn by band at T: accounts, churned, churn rate, lift over the overall rate, recall (share of
// all churned accounts), ARR and churned ARR. Unscored accounts have their own row.

import type { BandTable } from '../../../shared/backtest/bandTable';
import { formatInteger } from '../../lib/format';
import { BAND_KEYS, BAND_LABELS, formatLift, formatMoney, formatRate } from './displayFormat';

export function BandTableView({ table, caption }: { table: BandTable; caption: string }) {
  return (
    <table className="data-table backtest-table" data-testid="backtest-band-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Band</th>
          <th scope="col">Accounts</th>
          <th scope="col">Churned</th>
          <th scope="col">Churn rate</th>
          <th scope="col">Lift</th>
          <th scope="col" title="Share of all churned accounts that were in this band">
            Recall
          </th>
          <th scope="col">ARR</th>
          <th scope="col">Churned ARR</th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, b) => (
          <tr key={row.band} data-band={row.band}>
            <th scope="row">
              <span className={`band-chip band-chip--${BAND_KEYS[b]}`} data-band={BAND_KEYS[b]}>
                <span className="band-dot" aria-hidden="true" />
                {BAND_LABELS[b]}
              </span>
            </th>
            <td>{formatInteger(row.accounts)}</td>
            <td>{formatInteger(row.churned)}</td>
            <td>{formatRate(row.churnRate)}</td>
            <td>{formatLift(row.lift)}</td>
            <td>{formatRate(row.recall)}</td>
            <td>{formatMoney(row.arr)}</td>
            <td>{formatMoney(row.churnedArr)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All</th>
          <td>{formatInteger(table.total.accounts)}</td>
          <td>{formatInteger(table.total.churned)}</td>
          <td>{formatRate(table.total.churnRate)}</td>
          <td>{formatLift(table.total.churned > 0 ? 1 : Number.NaN)}</td>
          <td>{formatRate(table.total.churned > 0 ? 1 : Number.NaN)}</td>
          <td>{formatMoney(table.total.arr)}</td>
          <td>{formatMoney(table.total.churnedArr)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
