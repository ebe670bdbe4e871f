// The public test data sets in /work/shared/data, read in place (never copied into the repo).

import { describe, expect, it } from 'vitest';
import { RAVENSTACK, TELCO, build, prepareBytes, readBytes } from './helpers';

describe('IBM Telco customer churn', () => {
  const telco = prepareBytes(readBytes(TELCO), 'Telco-Customer-Churn.csv');

  it('profiles TotalCharges as a number with exactly 11 missing values and no failures', () => {
    const total = telco.profiles.find((p) => p.header === 'TotalCharges')!;
    expect(total).toMatchObject({ type: 'number', missingCount: 11, failureCount: 0 });
    expect(telco.profiles.find((p) => p.header === 'Churn')).toMatchObject({ type: 'boolean' });
    expect(telco.profiles.find((p) => p.header === 'MultipleLines')).toMatchObject({ type: 'text' });
    expect(telco.profiles.find((p) => p.header === 'SeniorCitizen')).toMatchObject({ type: 'number', booleanCapable: true });
  });

  it('guesses a sensible mapping', () => {
    const roles = Object.fromEntries(telco.guess.columns.map((c) => [c.header, c.role]));
    expect(telco.guess.kind).toBe('accounts');
    expect(roles).toMatchObject({ customerID: 'accountId', Churn: 'churnedFlag', tenure: 'metric', MonthlyCharges: 'metric', TotalCharges: 'metric', Contract: 'attribute', PaymentMethod: 'attribute', gender: 'attribute', Partner: 'attribute' });
    expect(telco.guess.decisions).toEqual([]);
  });

  it('imports 7,043 accounts, 1,869 churned, without reporting the blank TotalCharges', () => {
    const { dataset, report } = build([telco]);
    expect(report.accountCount).toBe(7043);
    expect(report.problemCount).toBe(0);
    expect(report.warnings).toEqual([]);
    expect(dataset.accounts.keys[0]).toBe('7590-VHVEG');
    expect(dataset.churn).toHaveLength(1869);
    expect(dataset.churn.every((c) => c.churnDate === null)).toBe(true);
    const total = dataset.snapshots[0].metrics.find((m) => m.field.name === 'TotalCharges')!.values as Float64Array;
    expect(total.filter(Number.isNaN)).toHaveLength(11);
    expect(total[1]).toBe(1889.5);
    expect(dataset.snapshots[0].present.every((p) => p === 1)).toBe(true);
  });
});

describe('RavenStack SaaS (five related tables)', () => {
  const tables = Object.fromEntries(
    ['accounts', 'subscriptions', 'feature_usage', 'support_tickets', 'churn_events'].map((t) => [t, prepareBytes(readBytes(RAVENSTACK(t)), `ravenstack_${t}.csv`)]),
  );
  const roles = (t: string) => Object.fromEntries(tables[t].guess.columns.map((c) => [c.header, c.role]));

  it('guesses the accounts table', () => {
    expect(tables.accounts.guess.kind).toBe('accounts');
    expect(roles('accounts')).toEqual({
      account_id: 'accountId',
      account_name: 'accountName',
      industry: 'attribute',
      country: 'attribute',
      signup_date: 'attribute',
      referral_source: 'attribute',
      plan_tier: 'attribute',
      seats: 'metric',
      is_trial: 'attribute',
      churn_flag: 'churnedFlag',
    });
  });

  it('guesses the churn events table', () => {
    expect(tables.churn_events.guess.kind).toBe('churnEvents');
    const r = roles('churn_events');
    expect(r).toMatchObject({ account_id: 'accountId', churn_date: 'churnDate', churn_event_id: 'ignore', feedback_text: 'ignore' });
    expect(Object.values(r).filter((x) => x !== 'ignore')).toHaveLength(2);
  });

  it('guesses the subscriptions and support tickets as dated rows per account', () => {
    expect(tables.subscriptions.guess.kind).toBe('snapshots');
    expect(roles('subscriptions')).toMatchObject({ subscription_id: 'ignore', account_id: 'accountId', start_date: 'snapshotDate', end_date: 'attribute', mrr_amount: 'metric', arr_amount: 'arr', churn_flag: 'churnedFlag', plan_tier: 'attribute' });
    expect(tables.support_tickets.guess.kind).toBe('snapshots');
    expect(roles('support_tickets')).toMatchObject({ ticket_id: 'ignore', account_id: 'accountId', submitted_at: 'snapshotDate', closed_at: 'attribute', satisfaction_score: 'metric', priority: 'attribute', escalation_flag: 'attribute' });
    expect(tables.support_tickets.profiles.find((p) => p.header === 'closed_at')).toMatchObject({ type: 'date', dateOrder: 'ymd' });
  });

  it('asks for the account id of the feature usage table (it has only subscription ids)', () => {
    const guess = tables.feature_usage.guess;
    expect(guess.columns.some((c) => c.role === 'accountId')).toBe(false);
    expect(guess.decisions[0]).toMatchObject({ kind: 'accountId' });
    expect(guess.decisions[0].candidates).toEqual(expect.arrayContaining(['usage_id', 'subscription_id']));
    expect(roles('feature_usage')).toMatchObject({ usage_count: 'metric', usage_duration_secs: 'metric', error_count: 'metric', feature_name: 'attribute', is_beta_feature: 'attribute' });
  });

  it('imports accounts with churn dates from the churn events table', () => {
    const { dataset, report } = build([tables.accounts, tables.churn_events]);
    expect(report.accountCount).toBe(500);
    expect(report.problemCount).toBe(0);
    // 110 accounts are flagged churned; 75 of them have churn events (the latest date is used).
    expect(report.churnedCount).toBe(110);
    expect(report.churnDatesKnown).toBe(75);
    expect(report.warnings.map((w) => [w.code, w.count])).toEqual([['churn_ignored', 277]]);
    expect(dataset.accounts.attributes.map((a) => `${a.field.name}:${a.field.kind}`)).toEqual([
      'industry:text',
      'country:text',
      'signup_date:date',
      'referral_source:text',
      'plan_tier:text',
      'is_trial:boolean',
    ]);
    expect(dataset.snapshots).toHaveLength(1);
    expect(dataset.snapshots[0].metrics.map((m) => m.field.name)).toEqual(['seats']);
  });

  it('reads the event-level support tickets as dated rows, reporting same-day repeats', () => {
    expect(() => build([tables.accounts, tables.support_tickets])).not.toThrow();
    const { report } = build([tables.accounts, tables.support_tickets]);
    // Dated rows become snapshots; ids repeating on the same day are duplicates, and the report says so.
    expect(report.snapshotDates.length).toBeGreaterThan(300);
    expect(report.problems.every((p) => p.kind === 'duplicate_id')).toBe(true);
  });
});
