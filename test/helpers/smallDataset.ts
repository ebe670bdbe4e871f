import type { WorkspaceDataset } from '../../shared/dataset';

/** Three accounts, two snapshots, one churn: small enough to check every stored value by hand. */
export function smallDataset(): WorkspaceDataset {
  return {
    accounts: {
      keys: ['A-1', 'A-2', 'A-3'],
      names: ['Acme', 'Globex', 'Initech'],
      arr: Float64Array.from([120000, Number.NaN, 5000]),
      attributes: [
        { field: { name: 'segment', kind: 'text' }, values: ['Enterprise', 'SMB', null] },
        { field: { name: 'csm_assigned', kind: 'boolean' }, values: Float64Array.from([1, 0, Number.NaN]) },
      ],
    },
    snapshots: [
      {
        asOf: '2026-01-01',
        present: Uint8Array.from([1, 1, 1]),
        metrics: [
          { field: { name: 'logins', kind: 'number' }, values: Float64Array.from([10, 3, Number.NaN]) },
          { field: { name: 'pulse', kind: 'text' }, values: ['Green', null, 'Red'] },
        ],
      },
      {
        asOf: '2026-02-01',
        present: Uint8Array.from([1, 1, 0]),
        metrics: [{ field: { name: 'logins', kind: 'number' }, values: Float64Array.from([12, 1, Number.NaN]) }],
      },
    ],
    churn: [{ accountIndex: 2, churnDate: '2026-01-20' }],
  };
}
