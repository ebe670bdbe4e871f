// @vitest-environment happy-dom
// The columns step for an events sheet: choosing "Events" shows the events editor pre-filled (the
// date column, a count), aggregations are added and edited, and the events mapping reaches startImport.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analysisOf, importBackend } from './fakeImportApi';
import { continueButton, freshImportEachTest, openMapping, renderImport } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

const ACCOUNTS = [
  ['account_id', 'name'],
  ['A1', 'Alpha'],
  ['A2', 'Beta'],
];
const TICKETS = [
  ['ticket_id', 'account_id', 'opened', 'hours'],
  ['T1', 'A1', '2024-01-03', '2'],
  ['T2', 'A1', '2024-01-09', '5'],
  ['T3', 'A2', '2024-02-11', '1'],
];

freshImportEachTest(() => [analysisOf('accounts.csv', ACCOUNTS), analysisOf('tickets.csv', TICKETS)]);

/** Opens the mapping step on the tickets sheet and makes it an events sheet. */
async function ticketsAsEvents() {
  const user = renderImport();
  await openMapping(user);
  await user.click(screen.getByRole('tab', { name: /tickets\.csv/ }));
  const tickets = screen.getByTestId('sheet-editor');
  expect(tickets.dataset.file).toBe('tickets.csv');
  await user.selectOptions(within(tickets).getByLabelText('This sheet holds'), 'events');
  return { user, tickets };
}

describe('an events sheet', () => {
  it('is configured in the events editor and sent as an events mapping', async () => {
    const { user, tickets } = await ticketsAsEvents();

    const editor = within(tickets).getByTestId('events-editor');
    expect((within(editor).getByLabelText('Event date') as HTMLSelectElement).value).toBe('opened');
    await user.clear(within(editor).getByLabelText('Look back (days)'));
    await user.type(within(editor).getByLabelText('Look back (days)'), '60');
    await user.click(within(editor).getByRole('button', { name: 'Add aggregation' }));
    await user.selectOptions(within(editor).getByLabelText('Aggregation 2'), 'sum');
    expect((within(editor).getByLabelText('Column of aggregation 2') as HTMLSelectElement).value).toBe('hours');
    await user.clear(within(editor).getByLabelText('Name of aggregation 2'));
    await user.type(within(editor).getByLabelText('Name of aggregation 2'), 'hours_60d');

    expect(screen.getByTestId('mapping-status').textContent + (screen.queryByTestId('mapping-problems')?.textContent ?? '')).toBe('');
    expect(continueButton().disabled).toBe(false);
    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalledTimes(1));
    const [, mapping] = importBackend.sentMappings();
    expect(mapping.kind).toBe('events');
    expect(mapping.kind === 'events' && mapping.events).toEqual({
      date: 'opened',
      lookbackDays: 60,
      aggregations: [
        { name: 'events_30d', op: 'count' },
        { name: 'hours_60d', op: 'sum', column: 'hours' },
      ],
    });
    expect(mapping.columns.filter((c) => c.role !== 'ignore').map((c) => [c.header, c.role])).toEqual([['account_id', 'accountId']]);
  });

  it('blocks Continue with a clear problem while an aggregation reads no column it can', async () => {
    const { user, tickets } = await ticketsAsEvents();
    await user.selectOptions(within(tickets).getByLabelText('Aggregation 1'), 'countTrue'); // no yes/no column
    expect(within(tickets).getByTestId('mapping-problems').textContent).toMatch(/events\.aggregations\[0\] \(countTrue\) needs a "column" with boolean values/);
    expect(continueButton().disabled).toBe(true);
  });
});
