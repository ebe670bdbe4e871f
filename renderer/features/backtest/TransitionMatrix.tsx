// Band transitions from the baseline (rows) to the draft (columns) on the same labelled accounts:
// "37 accounts green → yellow, 5 of them churned". A cell opens its accounts.

import { formatInteger } from '../../lib/format';
import { openTransitionCell } from './baselineActions';
import { BAND_KEYS, BAND_LABELS } from './displayFormat';
import { movedCounts, transitionRows } from './whatIfSummary';

interface TransitionMatrixProps {
  accounts: Uint32Array;
  churned: Uint32Array;
  baselineLabel: string;
  open: { from: number; to: number } | null;
}

function BandHeader({ band }: { band: number }) {
  return (
    <span className={`band-chip band-chip--${BAND_KEYS[band]}`} data-band={BAND_KEYS[band]}>
      <span className="band-dot" aria-hidden="true" />
      {BAND_LABELS[band]}
    </span>
  );
}

export function TransitionMatrix({ accounts, churned, baselineLabel, open }: TransitionMatrixProps) {
  const rows = transitionRows(accounts, churned);
  const { moved, down, up } = movedCounts(accounts);
  return (
    <div className="backtest-transitions">
      <table className="backtest-matrix" data-testid="backtest-transitions">
        <caption className="backtest-matrix__caption">
          {formatInteger(moved)} accounts change band ({formatInteger(down)} towards red, {formatInteger(up)} towards green). Rows: {baselineLabel}; columns: the draft.
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Baseline band</span>
            </th>
            {BAND_LABELS.map((_, to) => (
              <th key={to} scope="col">
                <BandHeader band={to} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, from) => (
            <tr key={from}>
              <th scope="row">
                <BandHeader band={from} />
              </th>
              {row.map((cell) => (
                <td key={cell.to} className={cell.diagonal ? 'backtest-matrix__same' : undefined}>
                  {cell.accounts > 0 ? (
                    <button
                      type="button"
                      className="backtest-matrix__cell"
                      aria-pressed={open?.from === cell.from && open?.to === cell.to}
                      aria-label={`${formatInteger(cell.accounts)} accounts ${BAND_LABELS[cell.from].toLowerCase()} → ${BAND_LABELS[cell.to].toLowerCase()}, ${formatInteger(cell.churned)} churned`}
                      data-testid={`transition-${BAND_KEYS[cell.from]}-${BAND_KEYS[cell.to]}`}
                      onClick={() => openTransitionCell(cell.from, cell.to)}
                    >
                      <span className="backtest-matrix__count">{formatInteger(cell.accounts)}</span>
                      {cell.churned > 0 ? <span className="backtest-matrix__churned">{formatInteger(cell.churned)} churned</span> : null}
                    </button>
                  ) : (
                    <span className="backtest-muted">0</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
