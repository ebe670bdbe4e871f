// The mapping checks the columns step runs before Continue, worded for people.

import { describe, expect, it } from 'vitest';
import { checkSheet, humanizeRoles } from '../../../../renderer/features/import/mappingChecks';
import { draftFromAnalysis, setColumnRole, setSheetKind } from '../../../../renderer/features/import/mappingDraft';
import { sheetQuestions } from '../../../../renderer/features/import/sheetQuestions';
import { analysisOf } from './fakeImportApi';

const table = [
  ['account_id', 'as_of', 'logins'],
  ['A1', '2026-10-01', '3'],
  ['A2', '2026-10-01', '4'],
];

describe('checkSheet', () => {
  it('passes the guess of a plain accounts sheet', () => {
    const analysis = analysisOf('accounts.csv', table);
    const draft = draftFromAnalysis(analysis);
    expect(checkSheet(analysis, draft, sheetQuestions(analysis, draft))).toEqual({ openQuestions: 0, problems: [], ready: true });
  });

  it('names what the Node side would refuse, with the roles as the selects call them', () => {
    const analysis = analysisOf('accounts.csv', table);
    const draft = setColumnRole(draftFromAnalysis(analysis), 1, 'snapshotDate', analysis.profiles[1]);
    const check = checkSheet(analysis, setSheetKind(draft, 'accounts'), []);
    expect(check.ready).toBe(false);
    expect(check.problems).toEqual(['"accounts.csv" is read as an accounts sheet, which has no snapshot date; read it as a snapshots sheet instead.']);
    expect(checkSheet(analysis, setSheetKind(draft, 'snapshots'), []).ready).toBe(true);
  });
});

describe('humanizeRoles', () => {
  it('renames role codes but leaves quoted headers alone', () => {
    expect(humanizeRoles('Column "churnDate" of "a.csv" is mapped as churnDate, which needs date values, not text.')).toBe(
      'Column "churnDate" of "a.csv" is mapped as churn date, which needs date values, not text.',
    );
  });
});
