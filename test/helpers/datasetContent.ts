import type { WorkspaceDataset } from '../../shared/dataset';

/**
 * A dataset's stored content, for comparing two builds: without the key index the builder hands to
 * the store (an index over the same ids, whose internal state depends on how the rows were batched).
 */
export function datasetContent(dataset: WorkspaceDataset): WorkspaceDataset {
  const { keyIndex: _index, ...accounts } = dataset.accounts;
  return { ...dataset, accounts };
}
