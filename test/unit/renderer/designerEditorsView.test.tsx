// @vitest-environment happy-dom
// The metric and segment-rule editors on screen: a new method or rule re-scores the accounts (the
// worker rebuilds its sub-scores) and the counts follow, matching the engine; edits are undoable.

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Scorecard } from '../../../shared/scorecard/types';
import { backend } from './fakeApi';
import { fakeScorecard } from './fakeScoringData';
import { renderApp, useAppTestSetup } from './harness';
import { bandTotals, engineFor } from './scoringExpectations';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup('designer');

const shownTotals = () => ['red', 'yellow', 'green', 'unscored'].map((b) => Number(screen.getByTestId(`kpi-${b}`).dataset.count));

async function expectTotalsOf(sc: Scorecard) {
  const expected = bandTotals(engineFor(backend.rows, sc).current);
  await waitFor(() => expect(shownTotals()).toEqual(expected));
}

function withMetric(id: string, patch: object): Scorecard {
  const sc = fakeScorecard();
  return { ...sc, metrics: sc.metrics.map((m) => (m.id === id ? { ...m, ...patch } : m)) };
}

describe('metric editor', () => {
  it('switching to bands and editing a band re-scores with the new method; undo returns to linear', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('kpi-red');
    await user.click(screen.getByRole('button', { name: 'Edit NPS' }));
    const editor = await screen.findByTestId('metric-editor');
    await waitFor(() => expect(within(editor).getByText(/values, .* missing/)).toBeTruthy());

    await user.selectOptions(within(editor).getByLabelText('Scoring method'), 'bands');
    const minimum = within(editor).getByLabelText('Band 1 minimum') as HTMLInputElement;
    await user.clear(minimum);
    await user.type(minimum, '9');
    const expected = withMetric('nps', { method: { type: 'bands', bands: [{ min: 9, score: 100 }, { min: 4, score: 60 }], otherwise: 20 } });
    // The second band starts where the default put it (0.4 of the resolved range, rounded).
    expect((within(editor).getByLabelText('Band 2 minimum') as HTMLInputElement).value).toBe('4');
    await expectTotalsOf(expected);

    await user.selectOptions(within(editor).getByLabelText('Direction'), 'lowerIsBetter');
    await expectTotalsOf({ ...expected, metrics: expected.metrics.map((m) => (m.id === 'nps' ? { ...m, direction: 'lowerIsBetter' } : m)) });

    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((within(editor).getByLabelText('Scoring method') as HTMLSelectElement).value).toBe('linear');
    await expectTotalsOf(fakeScorecard());
  });

  it('a missing-value override changes how accounts without NPS score', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('kpi-red');
    await user.click(screen.getByRole('button', { name: 'Edit NPS' }));
    await user.selectOptions(screen.getByLabelText('When the value is missing'), 'zero');
    await expectTotalsOf(withMetric('nps', { missing: 'zero' }));
  });
});

describe('segment rule editor', () => {
  it('a changed rule moves accounts between segments, counted live', async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByTestId('kpi-red');
    await user.click(screen.getByRole('button', { name: 'Segment rules…' }));
    const rules = await screen.findByTestId('segment-rules');
    const count = (id: string) => within(rules).getAllByTestId('segment-rule').find((r) => r.dataset.segmentId === id)!.querySelector('[data-testid="segment-rule-count"]')!.textContent;
    const present = (segment: string) => backend.rows.filter((r) => r.segment === segment && !(r.churnDate !== null && r.churnDate <= '2026-11-01')).length;
    await waitFor(() => expect(count('enterprise')).toBe(`${present('Enterprise').toLocaleString('en-US')} accounts`));

    // Enterprise now takes Mid-Market too; the Mid-Market rule below it catches nobody.
    await user.selectOptions(within(rules).getByLabelText('Operator (Enterprise, condition 1)'), 'in');
    const value = within(rules).getByLabelText('Value (Enterprise, condition 1)');
    await user.clear(value);
    await user.type(value, 'Enterprise, Mid-Market');
    const both = present('Enterprise') + present('Mid-Market');
    await waitFor(() => expect(count('enterprise')).toBe(`${both.toLocaleString('en-US')} accounts`));
    expect(count('mid-market')).toBe('0 accounts');
    const sc = fakeScorecard();
    await expectTotalsOf({
      ...sc,
      segments: sc.segments.map((s) => (s.id === 'enterprise' ? { ...s, when: [{ attribute: 'segment', operator: 'in', value: ['Enterprise', 'Mid-Market'] }] } : s)),
    });
  });
});
