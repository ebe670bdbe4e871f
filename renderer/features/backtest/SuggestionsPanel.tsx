// Weight suggestions per segment: which weights would have ranked past churn best, honestly
// reported — cross-validated AUC next to the current scorecard's, a bootstrap range per weight,
// and warnings — with "Apply as draft" to try them as a what-if.

import { effectiveWeights, segmentList } from '../../../shared/scorecard/resolve';
import type { Scorecard } from '../../../shared/scorecard/types';
import { formatInteger } from '../../lib/format';
import { useBacktestStore } from './backtestStore';
import { formatAuc, formatRate } from './displayFormat';
import type { SegmentSuggestion } from './protocol';
import { applySuggestion, cancelSuggestions, runSuggestions } from './suggestionActions';

interface SuggestionsPanelProps {
  scorecard: Scorecard;
  onApplyDraft(scorecard: Scorecard): void;
}

const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)}%` : '—');

function SegmentCard({ s, scorecard, onApplyDraft }: { s: SegmentSuggestion } & SuggestionsPanelProps) {
  const k = segmentList(scorecard).findIndex((seg) => seg.id === s.segmentId);
  const current = k >= 0 ? effectiveWeights(scorecard, k) : [];
  const label = (id: string) => scorecard.metrics.find((m) => m.id === id)?.label ?? id;
  const g = s.suggestion;
  const usable = g !== null && !g.warnings.some((w) => w.code === 'no-signal');
  return (
    <article className="backtest-suggestion" data-testid="suggestion" data-segment={s.segment}>
      <header className="backtest-card__head">
        <h4>
          {s.segment} <span className="backtest-muted">· {formatInteger(s.churned)} churned</span>
        </h4>
        <button type="button" className="button button--small" disabled={!usable} onClick={() => applySuggestion(s, onApplyDraft)}>
          Apply as draft
        </button>
      </header>
      {!g ? (
        <p className="backtest-warning">No suggestion: {s.error}</p>
      ) : (
        <>
          <p className="backtest-suggestion__aucs">
            Current scorecard AUC <strong>{formatAuc(s.currentAuc)}</strong> · suggested weights: cross-validated AUC <strong data-testid="suggestion-cv-auc">{formatAuc(g.cvAuc)}</strong>{' '}
            <span className="backtest-muted">
              ({g.folds} folds; {formatAuc(g.trainingAuc)} on the data it was fitted to)
            </span>
          </p>
          {g.warnings.length > 0 ? (
            <ul className="backtest-warning-list">
              {g.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          ) : null}
          <table className="data-table backtest-table">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Now</th>
                <th scope="col">Suggested</th>
                <th scope="col">95% range</th>
              </tr>
            </thead>
            <tbody>
              {g.metrics.map((m) => {
                const mi = scorecard.metrics.findIndex((x) => x.id === m.metric);
                return (
                  <tr key={m.metric}>
                    <th scope="row">{label(m.metric)}</th>
                    <td>{mi >= 0 && current.length ? pct(100 * current[mi]) : '—'}</td>
                    <td>{pct(m.weightPct)}</td>
                    <td>{Number.isFinite(m.lo) ? `${pct(m.lo)}–${pct(m.hi)}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}

export function SuggestionsPanel({ scorecard, onApplyDraft }: SuggestionsPanelProps) {
  const state = useBacktestStore((s) => s.suggestions);
  const running = state.status === 'running';
  return (
    <section className="backtest-card" aria-labelledby="backtest-suggest-title">
      <header className="backtest-card__head">
        <h3 id="backtest-suggest-title" className="backtest-card__title">
          Weight suggestions
        </h3>
        <div className="button-group">
          {running ? (
            <>
              <progress className="backtest-progress" max={1} value={state.progress} aria-label="Fitting weights" />
              <span className="backtest-muted">{formatRate(state.progress)}</span>
              <button type="button" className="button button--small" onClick={cancelSuggestions}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" className="button button--small button--primary" onClick={() => void runSuggestions()} data-testid="suggest-run">
              {state.value ? 'Suggest again' : 'Suggest weights'}
            </button>
          )}
        </div>
      </header>
      <p className="backtest-hint">
        Fits churn in the window to the sub-scores at T, per segment (logistic regression with health weights kept ≥ 0), checks it by 5-fold cross-validation, and
        resamples the accounts for a range per weight.
        {state.controls ? ` Last run: as of ${state.controls.asOf}, ${state.controls.horizonDays} days.` : ''}
      </p>
      {state.status === 'cancelled' ? <p className="backtest-muted">Cancelled.</p> : null}
      {state.error ? <p className="backtest-warning">{state.error}</p> : null}
      {state.value && !running ? (
        <div className="backtest-suggestions">
          {state.value.map((s) => (
            <SegmentCard key={s.segmentId} s={s} scorecard={scorecard} onApplyDraft={onApplyDraft} />
          ))}
        </div>
      ) : null}
    </section>
  );
}
