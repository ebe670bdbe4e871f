// @vitest-environment happy-dom
// Events sheets that need more than a date: an end date for active counts, a column listed as a link
// (subscription_id in the subscriptions sheet), and a usage sheet without an account id whose rows
// reach their account through that link. An events sheet's columns offer only account id or ignore.

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analysisOf, importBackend } from './fakeImportApi';
import { continueButton, freshImportEachTest, openMapping, renderImport, type User } from './importHarness';

vi.mock('../../../../renderer/api/client', async () => (await import('./fakeImportApi')).clientModule);

const ACCOUNTS = [
  ['account_id', 'name'],
  ['A1', 'Alpha'],
  ['A2', 'Beta'],
];
const SUBSCRIPTIONS = [
  ['subscription_id', 'account_id', 'start_date', 'end_date', 'seats'],
  ['S1', 'A1', '2024-01-01', '2024-06-30', '10'],
  ['S2', 'A1', '2024-03-01', '', '4'],
  ['S3', 'A2', '2024-02-01', '', '7'],
];
const USAGE = [
  ['usage_id', 'subscription_id', 'usage_date', 'usage_count'],
  ['U1', 'S1', '2024-01-05', '3'],
  ['U2', 'S2', '2024-03-09', '8'],
  ['U3', 'S3', '2024-02-11', '1'],
];

freshImportEachTest(() => [analysisOf('accounts.csv', ACCOUNTS), analysisOf('subscriptions.csv', SUBSCRIPTIONS), analysisOf('usage.csv', USAGE)]);

async function showAsEvents(user: User, file: string) {
  await user.click(screen.getByRole('tab', { name: new RegExp(file.replace('.', '\\.')) }));
  const sheet = screen.getByTestId('sheet-editor');
  await user.selectOptions(within(sheet).getByLabelText('This sheet holds'), 'events');
  return { sheet: within(sheet), editor: within(within(sheet).getByTestId('events-editor')) };
}

const optionsOf = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.value);

describe('events sheets linked to each other', () => {
  it('an end date, a link listed by one sheet and used by another reach startImport', async () => {
    const user = renderImport();
    await openMapping(user);

    const subs = await showAsEvents(user, 'subscriptions.csv');
    expect(optionsOf(subs.sheet.getByLabelText('Role of “seats”'))).toEqual(['accountId', 'ignore']);
    // Ignored columns of an events sheet are read through the events block: their type stays editable.
    expect((subs.sheet.getByLabelText('Type of “seats”') as HTMLSelectElement).disabled).toBe(false);
    expect(optionsOf(subs.editor.getByLabelText('End date (active counts)'))).toEqual(['', 'end_date']);
    await user.selectOptions(subs.editor.getByLabelText('End date (active counts)'), 'end_date');
    await user.click(subs.editor.getByRole('checkbox', { name: 'subscription_id' }));
    await user.selectOptions(subs.editor.getByLabelText('Aggregation 1'), 'activeSum');
    await user.selectOptions(subs.editor.getByLabelText('Column of aggregation 1'), 'seats');

    const usage = await showAsEvents(user, 'usage.csv');
    await user.selectOptions(usage.editor.getByLabelText('Rows reach their account through'), 'subscription_id');
    expect((usage.editor.getByLabelText('Matched against the link') as HTMLSelectElement).value).toBe('subscription_id');
    await user.selectOptions(usage.editor.getByLabelText('Aggregation 1'), 'sum');
    await user.clear(usage.editor.getByLabelText('Name of aggregation 1'));
    await user.type(usage.editor.getByLabelText('Name of aggregation 1'), 'usage_30d');

    expect(screen.queryByTestId('mapping-problems')).toBeNull();
    expect(continueButton().disabled).toBe(false);
    await user.click(continueButton());
    await waitFor(() => expect(importBackend.api.startImport).toHaveBeenCalledTimes(1));
    const [, subscriptions, usageMapping] = importBackend.sentMappings();
    expect(subscriptions.kind === 'events' && subscriptions.events).toEqual({
      date: 'start_date',
      end: 'end_date',
      links: ['subscription_id'],
      aggregations: [{ name: 'events_30d', op: 'activeSum', column: 'seats' }],
    });
    expect(usageMapping.kind === 'events' && usageMapping.events).toEqual({
      date: 'usage_date',
      accountVia: { column: 'subscription_id', link: 'subscription_id' },
      aggregations: [{ name: 'usage_30d', op: 'sum', column: 'usage_count' }],
    });
    expect(usageMapping.columns.filter((c) => c.role === 'accountId')).toEqual([]);
  });

  it('a link no other events sheet lists blocks Continue with a problem that says where to list it', async () => {
    const user = renderImport();
    await openMapping(user);
    const usage = await showAsEvents(user, 'usage.csv');
    await user.selectOptions(usage.editor.getByLabelText('Rows reach their account through'), 'subscription_id');
    expect(optionsOf(usage.editor.getByLabelText('Matched against the link'))).toEqual(['']);
    expect(screen.getByTestId('mapping-problems').textContent).toContain('no other events sheet lists a link to match it against');
    expect(continueButton().disabled).toBe(true);

    const subs = await showAsEvents(user, 'subscriptions.csv');
    await user.click(subs.editor.getByRole('checkbox', { name: 'subscription_id' }));
    await user.click(screen.getByRole('tab', { name: /usage\.csv/ }));
    // The link is now offered, but not chosen for the user: the sheet still says what is missing.
    expect(optionsOf(screen.getByLabelText('Matched against the link'))).toEqual(['', 'subscription_id']);
    await user.selectOptions(screen.getByLabelText('Matched against the link'), 'subscription_id');
    expect(screen.queryByTestId('mapping-problems')).toBeNull();
    expect(continueButton().disabled).toBe(false);

    // Back to the account id column: the sheet has none, so the account id question is asked again.
    await user.selectOptions(screen.getByLabelText('Rows reach their account through'), '');
    expect(screen.getByLabelText('Account id column')).toBeTruthy();
    expect(screen.getByTestId('mapping-status').textContent).toBe('Answer 1 question before importing.');
    expect(continueButton().disabled).toBe(true);
  });

  it('an events sheet without an id and without a link says both ways out', async () => {
    importBackend.analyses = [analysisOf('accounts.csv', ACCOUNTS), analysisOf('subscriptions.csv', SUBSCRIPTIONS)];
    const user = renderImport();
    await openMapping(user);
    const subs = await showAsEvents(user, 'subscriptions.csv');
    await user.selectOptions(subs.sheet.getByLabelText('Role of “account_id”'), 'ignore');
    expect(screen.getByTestId('mapping-problems').textContent).toContain('or a link column its rows reach their account through');
    expect(continueButton().disabled).toBe(true);
    await user.selectOptions(subs.editor.getByLabelText('Rows reach their account through'), 'subscription_id');
    expect(screen.getByTestId('mapping-problems').textContent).toContain('no other events sheet lists a link');
  });
});
