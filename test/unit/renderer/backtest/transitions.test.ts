// Band transition counts and the accounts behind a cell, on a hand-checked example.

import { describe, expect, it } from 'vitest';
import { Y_EXCLUDED } from '../../../../shared/backtest/types';
import { transitionCounts, transitionMembers } from '../../../../renderer/features/backtest/transitions';
import { movedCounts, transitionRows } from '../../../../renderer/features/backtest/whatIfSummary';

// Bands: 0 red, 1 yellow, 2 green, 3 unscored, 4 absent.
const baseline = Uint8Array.from([2, 2, 2, 1, 1, 0, 3, 2, 4, 2]);
const draft = Uint8Array.from([1, 1, 2, 0, 1, 0, 1, 1, 4, 0]);
const y = Uint8Array.from([0, 1, 0, 1, 0, 1, 0, Y_EXCLUDED, Y_EXCLUDED, 0]);
const segment = Uint16Array.from([0, 1, 0, 1, 0, 1, 0, 0, 1, 1]);

describe('band transitions', () => {
  it('counts labelled accounts per (baseline band, draft band), overall and per segment', () => {
    const { accounts, churned } = transitionCounts(baseline, draft, y, segment, 2);
    const cell = (from: number, to: number) => from * 4 + to;
    // Accounts 7 (excluded) and 8 (absent, excluded) are in no cell.
    expect(accounts[0][cell(2, 1)]).toBe(2); // 0, 1
    expect(churned[0][cell(2, 1)]).toBe(1); // 1
    expect(accounts[0][cell(2, 2)]).toBe(1); // 2
    expect(accounts[0][cell(1, 0)]).toBe(1); // 3
    expect(accounts[0][cell(1, 1)]).toBe(1); // 4
    expect(accounts[0][cell(0, 0)]).toBe(1); // 5
    expect(accounts[0][cell(3, 1)]).toBe(1); // 6
    expect(accounts[0][cell(2, 0)]).toBe(1); // 9
    expect(accounts[0].reduce((a, b) => a + b, 0)).toBe(8);
    expect(churned[0].reduce((a, b) => a + b, 0)).toBe(3);
    // Segment views partition the overall counts.
    for (let c = 0; c < 16; c++) expect(accounts[1][c] + accounts[2][c]).toBe(accounts[0][c]);
    expect(accounts[2][cell(2, 1)]).toBe(1);
    expect(accounts[2][cell(2, 0)]).toBe(1);
  });

  it('lists the accounts of one cell, optionally of one segment', () => {
    expect(transitionMembers(baseline, draft, y, segment, 2, 1, null)).toEqual([0, 1]);
    expect(transitionMembers(baseline, draft, y, segment, 2, 1, 0)).toEqual([0]);
    expect(transitionMembers(baseline, draft, y, segment, 2, 0, null)).toEqual([9]);
    expect(transitionMembers(baseline, draft, y, segment, 0, 2, null)).toEqual([]);
  });

  it('shapes the matrix into rows and counts moves towards red and green', () => {
    const { accounts, churned } = transitionCounts(baseline, draft, y, segment, 2);
    const rows = transitionRows(accounts[0], churned[0]);
    expect(rows).toHaveLength(4);
    expect(rows[2][1]).toEqual({ from: 2, to: 1, accounts: 2, churned: 1, diagonal: false });
    expect(rows[1][1].diagonal).toBe(true);
    // Moved: 2→1 (2), 1→0 (1), 3→1 (1, neither way), 2→0 (1).
    expect(movedCounts(accounts[0])).toEqual({ moved: 5, down: 4, up: 0 });
  });
});
