// Scenarios: the draft and chosen saved versions on the same headline numbers — AUC with its
// interval, red recall, churn rate in red (precision), churned ARR caught in red.

import { memo } from 'react';
import { useBacktestStore } from './backtestStore';
import { formatRate } from './displayFormat';
import { cancelScenario, runScenario, toggleScenarioVersion } from './scenarioActions';
import { scenarioCells } from './scenarioRows';
import { versionLabel } from './versionCache';

/** Memoised: it reads its own store slices, so the live result's re-render need not redo it. */
export const ScenarioTable = memo(function ScenarioTable() {
  const scenario = useBacktestStore((s) => s.scenario);
  const versions = useBacktestStore((s) => s.versions);
  const controls = useBacktestStore((s) => s.controls);
  const pending = scenario.intervalsStatus === 'running';
  const cells = scenario.value ? scenarioCells(scenario.value, pending) : null;
  const outdated = scenario.controls && controls && JSON.stringify(scenario.controls) !== JSON.stringify(controls);

  return (
    <section className="backtest-card" aria-labelledby="backtest-scenario-title">
      <header className="backtest-card__head">
        <h3 id="backtest-scenario-title" className="backtest-card__title">
          Scenarios
        </h3>
        <div className="button-group">
          <button type="button" className="button button--small button--primary" onClick={() => void runScenario()} disabled={scenario.status === 'running'} data-testid="scenario-run">
            {scenario.value ? 'Compare again' : 'Compare'}
          </button>
          {pending ? (
            <button type="button" className="button button--small" onClick={cancelScenario}>
              Stop intervals ({formatRate(scenario.progress)})
            </button>
          ) : null}
        </div>
      </header>
      {versions.length > 0 ? (
        <fieldset className="backtest-versions">
          <legend className="backtest-muted">The draft and these saved versions:</legend>
          {versions.map((v) => (
            <label key={v.version} className="inline-field backtest-versions__item">
              <input type="checkbox" checked={scenario.versions.includes(v.version)} onChange={() => toggleScenarioVersion(v.version)} />
              <span>{versionLabel(v.version, v.message)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="backtest-muted">No saved versions yet: save one in the designer to compare it here.</p>
      )}
      {scenario.controls && cells ? (
        <>
          <p className="backtest-muted">
            As of {scenario.controls.asOf}, horizon {scenario.controls.horizonDays} days{scenario.controls.includeOverrides ? ', overridden accounts counted' : ''}
            {outdated ? ' — the settings have changed since; compare again to update.' : '.'}
          </p>
          <table className="data-table backtest-table" data-testid="scenario-table">
            <thead>
              <tr>
                <th scope="col">Scorecard</th>
                <th scope="col">AUC</th>
                <th scope="col">95% CI</th>
                <th scope="col">vs draft</th>
                <th scope="col">Red recall</th>
                <th scope="col">Churn rate in red</th>
                <th scope="col">Churned ARR in red</th>
                <th scope="col">Churned</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.label}
                    {c.notReliable ? <span className="backtest-badge backtest-badge--warning">Not reliable</span> : null}
                  </th>
                  {c.error ? (
                    <td colSpan={7} className="backtest-warning-text">
                      {c.error}
                    </td>
                  ) : (
                    <>
                      <td>{c.auc}</td>
                      <td>{c.ci}</td>
                      <td>{c.vsDraft}</td>
                      <td>{c.redRecall}</td>
                      <td>{c.redChurnRate}</td>
                      <td>{c.redChurnedArr}</td>
                      <td>{c.churned}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : scenario.status === 'running' ? (
        <p className="backtest-muted" role="status">
          Back-testing the scorecards…
        </p>
      ) : null}
    </section>
  );
});
