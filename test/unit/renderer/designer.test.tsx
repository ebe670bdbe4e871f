// @vitest-environment happy-dom
// The designer: weight sliders (rebalancing with locks, not applicable, normalise), the KPI tiles
// against the engine's counts, thresholds, undo/redo, autosave, versions and baseline.

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { applyWeightEdits } from '../../../renderer/features/designer/weightTree';
import type { Scorecard, Weight } from '../../../shared/scorecard/types';
import { serializeScorecard } from '../../../shared/scorecard/validate';
import { backend } from './fakeApi';
import { fakeScorecard } from './fakeScoringData';
import { renderApp, useAppTestSetup } from './harness';
import { bandTotals, engineFor } from './scoringExpectations';

vi.mock('../../../renderer/api/client', async () => (await import('./fakeApi')).clientModule);
vi.mock('../../../renderer/features/scoring/workerFactory', async () => (await import('./inProcessWorker')).workerFactoryModule);
vi.mock('../../../renderer/features/charts/EChart', async () => (await import('./chartStub')).chartStubModule);

useAppTestSetup('designer');

const slider = (subject: string) => screen.getByRole('slider', { name: `Weight of ${subject}` }) as HTMLInputElement;
const numberBox = (subject: string) => screen.getByRole('spinbutton', { name: `Weight of ${subject}` }) as HTMLInputElement;
const shareOf = (subject: string) => within(screen.getAllByTestId('weight-row').find((r) => r.dataset.weightSubject === subject)!).getByTestId('weight-share').textContent;
const shownTotals = () => ['red', 'yellow', 'green', 'unscored'].map((b) => Number(screen.getByTestId(`kpi-${b}`).dataset.count));
const drag = (subject: string, value: number) => fireEvent.change(slider(subject), { target: { value: String(value) } });

/** The fake draft with metric weights set in one segment (0 = Enterprise). */
function weighted(weights: Record<string, Weight>, segment = 0, base: Scorecard = fakeScorecard()): Scorecard {
  return applyWeightEdits(base, segment, Object.entries(weights).map(([id, weight]) => ({ kind: 'metric' as const, id, weight })));
}

async function openDesigner() {
  renderApp();
  await screen.findByTestId('kpi-red');
  await waitFor(() => expect(shownTotals()).toEqual(bandTotals(engineFor(backend.rows).current)));
}

async function expectTotalsOf(sc: Scorecard) {
  const expected = bandTotals(engineFor(backend.rows, sc).current);
  await waitFor(() => expect(shownTotals()).toEqual(expected));
}

describe('weight sliders', () => {
  it('moving a slider updates the shares and the band counts to the engine’s for those weights', async () => {
    await openDesigner();
    expect(shareOf('Seat utilization (Enterprise)')).toBe('33 %');
    drag('Seat utilization (Enterprise)', 4);
    expect(shareOf('Seat utilization (Enterprise)')).toBe('67 %');
    expect(shareOf('Logins (Enterprise)')).toBe('17 %');
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('4');
    await expectTotalsOf(weighted({ seats: 4 }));
    // Other segments keep their own weights.
    await userEvent.setup().click(screen.getByRole('tab', { name: /^SMB/ }));
    expect(shareOf('Seat utilization (SMB)')).toBe('33 %');
  });

  it('typing a weight in the number box applies it', async () => {
    const user = userEvent.setup();
    await openDesigner();
    await user.clear(numberBox('NPS (Enterprise)'));
    await user.type(numberBox('NPS (Enterprise)'), '2.5');
    expect(shareOf('NPS (Enterprise)')).toBe('56 %');
    await expectTotalsOf(weighted({ nps: 2.5 }));
  });

  it('a locked weight keeps its share while another moves, and cannot be moved itself', async () => {
    const user = userEvent.setup();
    await openDesigner();
    await user.click(screen.getByRole('button', { name: 'Lock weight of Seat utilization (Enterprise)' }));
    expect(slider('Seat utilization (Enterprise)').disabled).toBe(true);
    drag('Logins (Enterprise)', 4);
    expect(shareOf('Seat utilization (Enterprise)')).toBe('33 %');
    // Logins 4 and NPS 1 share the remaining two thirds 4 : 1.
    expect(shareOf('Logins (Enterprise)')).toBe('53 %');
    expect(shareOf('NPS (Enterprise)')).toBe('13 %');
    // Seat's raw weight grew with the total so that its share stayed: 1/3 of 7.5.
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('2.5');
    await expectTotalsOf(weighted({ logins: 4, seats: 2.5 }));
  });

  it('"not applicable" excludes a metric, rebalances the rest, and restores its weight when switched back', async () => {
    const user = userEvent.setup();
    await openDesigner();
    drag('NPS (Enterprise)', 3);
    await user.click(screen.getByRole('checkbox', { name: 'Not applicable: NPS (Enterprise)' }));
    expect(shareOf('NPS (Enterprise)')).toBe('—');
    expect(shareOf('Logins (Enterprise)')).toBe('50 %');
    expect(slider('NPS (Enterprise)').disabled).toBe(true);
    await expectTotalsOf(weighted({ nps: 'notApplicable' }));

    await user.click(screen.getByRole('checkbox', { name: 'Not applicable: NPS (Enterprise)' }));
    expect(numberBox('NPS (Enterprise)').value).toBe('3');
    expect(shareOf('NPS (Enterprise)')).toBe('60 %');
    await expectTotalsOf(weighted({ nps: 3 }));
  });

  it('"Normalise to 100 %" scales the weights to a total of 100 without changing a share or a count', async () => {
    const user = userEvent.setup();
    await openDesigner();
    drag('Logins (Enterprise)', 2);
    const sharesBefore = ['Logins', 'Seat utilization', 'NPS'].map((m) => shareOf(`${m} (Enterprise)`));
    await user.click(screen.getByRole('button', { name: 'Normalise groups and metrics to 100 % (Enterprise)' }));
    expect(numberBox('Logins (Enterprise)').value).toBe('50');
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('25');
    expect(['Logins', 'Seat utilization', 'NPS'].map((m) => shareOf(`${m} (Enterprise)`))).toEqual(sharesBefore);
    expect(screen.getByText('Total 100')).toBeTruthy();
    await expectTotalsOf(weighted({ logins: 50, seats: 25, nps: 25 }));
  });

  it('refuses to score or save a segment left without any weight, and says why', async () => {
    const user = userEvent.setup();
    await openDesigner();
    for (const m of ['Logins', 'Seat utilization', 'NPS']) await user.click(screen.getByRole('checkbox', { name: `Not applicable: ${m} (Enterprise)` }));
    expect((await screen.findByTestId('scorecard-issues')).textContent).toMatch(/segments\[0\]/);
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('invalid'), { timeout: 3000 });
    expect(backend.api.saveScorecardDraft).not.toHaveBeenCalled();
  });
});

describe('thresholds', () => {
  it('moving the red threshold marker with the keyboard recounts the bands', async () => {
    const user = userEvent.setup();
    await openDesigner();
    const red = screen.getByRole('slider', { name: 'Red threshold' });
    act(() => red.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{PageUp}');
    expect(red.getAttribute('aria-valuenow')).toBe('53');
    await expectTotalsOf({ ...fakeScorecard(), thresholds: { red: 53, green: 70 } });
    // The green marker cannot pass below red + 1.
    const green = screen.getByRole('slider', { name: 'Green threshold' });
    act(() => green.focus());
    await user.keyboard('{Home}');
    expect(green.getAttribute('aria-valuenow')).toBe('54');
  });
});

describe('undo, redo and saving', () => {
  it('undoes a whole drag in one step, with the buttons and with Ctrl+Z / Shift+Ctrl+Z', async () => {
    const user = userEvent.setup();
    await openDesigner();
    for (const v of [1.5, 2, 2.5, 3]) drag('Logins (Enterprise)', v);
    drag('NPS (Enterprise)', 2);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(numberBox('NPS (Enterprise)').value).toBe('1');
    expect(numberBox('Logins (Enterprise)').value).toBe('3');
    await user.keyboard('{Control>}z{/Control}');
    expect(numberBox('Logins (Enterprise)').value).toBe('1');
    expect((screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(true);
    await expectTotalsOf(fakeScorecard());
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(numberBox('Logins (Enterprise)').value).toBe('3');
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(numberBox('NPS (Enterprise)').value).toBe('2');
    await expectTotalsOf(weighted({ logins: 3, nps: 2 }));
  });

  it('autosaves the draft once editing pauses, showing the status', async () => {
    await openDesigner();
    expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved/);
    backend.saveLatency = 150;
    for (const v of [2, 3, 4]) drag('Seat utilization (Enterprise)', v);
    expect(screen.getByTestId('save-status').textContent).toBe('Unsaved changes');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saving…'), { timeout: 3000 });
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toMatch(/^Saved at/), { timeout: 3000 });
    expect(backend.api.saveScorecardDraft).toHaveBeenCalledTimes(1);
    expect(backend.draft.segments[0].weights).toEqual({ seats: 4 });
  });

  it('shows a failed autosave and keeps the edit', async () => {
    await openDesigner();
    backend.fail('saveScorecardDraft', new Error('disk full'), { once: true });
    drag('Seat utilization (Enterprise)', 2);
    await waitFor(() => expect(screen.getByTestId('save-status').textContent).toBe('Saving failed: disk full'), { timeout: 3000 });
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('2');
  });

  it('saves a version with a message and compares the draft against it', async () => {
    const user = userEvent.setup();
    await openDesigner();
    drag('Seat utilization (Enterprise)', 3);
    await user.click(screen.getByRole('button', { name: 'Save version…' }));
    const dialog = screen.getByRole('dialog', { name: 'Save version' });
    await user.type(within(dialog).getByLabelText('What changed'), 'Seats count triple for Enterprise');
    await user.click(within(dialog).getByRole('button', { name: 'Save version' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.versions[0]).toMatchObject({ version: 1, message: 'Seats count triple for Enterprise' });
    expect(backend.versions[0].scorecard.segments[0].weights).toEqual({ seats: 3 });
    expect((screen.getByLabelText('Compare with') as HTMLSelectElement).value).toBe('1');
    await waitFor(() => expect(screen.getByTestId('kpi-red').textContent).toContain('±0 vs v1'));

    drag('Seat utilization (Enterprise)', 0);
    const base = bandTotals(engineFor(backend.rows, weighted({ seats: 3 })).current);
    const now = bandTotals(engineFor(backend.rows, weighted({ seats: 0 })).current);
    const delta = now[0] - base[0];
    await waitFor(() => expect(screen.getByTestId('kpi-red').textContent).toContain(`${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)} vs v1`));
  });
});

describe('leaving and files', () => {
  it('warns before the page goes away while an autosave is pending, and not once it is saved', async () => {
    await openDesigner();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    drag('Logins (Enterprise)', 5);
    expect(leave()).toBe(true);
    // Leaving started the save at once.
    await waitFor(() => expect(screen.getByTestId('save-status').dataset.state).toBe('saved'));
    expect(backend.draft.segments[0].weights).toEqual({ logins: 5 });
    expect(leave()).toBe(false);
  });

  it('exports the saved draft as a file download', async () => {
    const user = userEvent.setup();
    await openDesigner();
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:scorecard');
    drag('NPS (Enterprise)', 4);
    await user.click(screen.getByRole('button', { name: 'Export scorecard' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toBe('fake-health.scorecard.json');
    expect(clicked[0].href).toBe('blob:scorecard');
    // The pending edit was saved before the export read the draft.
    const blob = createUrl.mock.calls[0][0] as Blob;
    expect(JSON.parse(await blob.text()).segments[0].weights).toEqual({ nps: 4 });
    click.mockRestore();
    createUrl.mockRestore();
  });

  it('imports a scorecard file as the draft (undoable), and shows a bad file’s problem', async () => {
    const user = userEvent.setup();
    await openDesigner();
    const imported = { ...weighted({ seats: 6 }), thresholds: { red: 30, green: 60 } };
    const input = screen.getByTestId('scorecard-file-input') as HTMLInputElement;
    await user.upload(input, new File([serializeScorecard(imported)], 'tuned.json', { type: 'application/json' }));
    await waitFor(() => expect(numberBox('Seat utilization (Enterprise)').value).toBe('6'));
    await expectTotalsOf(imported);
    expect(backend.api.importScorecardFile).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'tuned.json' }));

    await user.upload(input, new File(['{"schemaVersion": 7}'], 'broken.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain('broken.json');
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('6');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(numberBox('Seat utilization (Enterprise)').value).toBe('1');
  });
});
