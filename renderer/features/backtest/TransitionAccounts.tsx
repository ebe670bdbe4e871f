// The accounts of one transition cell with both scores, most at risk under the draft first.

import { formatCurrency, formatInteger } from '../../lib/format';
import { closeTransitionCell } from './baselineActions';
import type { TransitionCell } from './backtestStore';
import { BAND_LABELS, formatScore } from './displayFormat';

export function TransitionAccounts({ cell, baselineLabel }: { cell: TransitionCell; baselineLabel: string }) {
  const title = `${BAND_LABELS[cell.from]} → ${BAND_LABELS[cell.to]}`;
  return (
    <section className="backtest-cell-accounts" aria-label={`Accounts ${title}`} data-testid="transition-accounts">
      <header className="backtest-cell-accounts__head">
        <h4>
          {cell.list ? `${formatInteger(cell.list.total)} accounts ${title.toLowerCase()}` : `Accounts ${title.toLowerCase()}`}
          {cell.list && cell.list.total > cell.list.accounts.length ? <span className="backtest-muted"> (first {formatInteger(cell.list.accounts.length)})</span> : null}
        </h4>
        <button type="button" className="button button--ghost button--small" onClick={closeTransitionCell}>
          Close
        </button>
      </header>
      {cell.error ? <p className="backtest-warning">{cell.error}</p> : null}
      {!cell.list && !cell.error ? <p className="backtest-muted" role="status">Loading…</p> : null}
      {cell.list ? (
        <div className="backtest-cell-accounts__scroll">
          <table className="data-table backtest-table">
            <thead>
              <tr>
                <th scope="col">Account id</th>
                <th scope="col">{baselineLabel}</th>
                <th scope="col">Draft</th>
                <th scope="col">Churned in window</th>
                <th scope="col">ARR</th>
              </tr>
            </thead>
            <tbody>
              {cell.list.accounts.map((a) => (
                <tr key={a.index} data-account-key={a.key}>
                  <th scope="row" className="backtest-mono">
                    {a.key}
                  </th>
                  <td>{formatScore(a.baselineScore)}</td>
                  <td>{formatScore(a.draftScore)}</td>
                  <td>{a.churned ? 'Yes' : 'No'}</td>
                  <td>{formatCurrency(a.arr)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
