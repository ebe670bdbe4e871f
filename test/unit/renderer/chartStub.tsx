// Stands in for `renderer/features/charts/EChart` in component tests: happy-dom has no canvas, so
// a chart is its text alternative (which carries the numbers it draws).

export const chartStubModule = {
  EChart: ({ ariaLabel, testId }: { ariaLabel: string; testId?: string }) => <div role="img" aria-label={ariaLabel} data-testid={testId} />,
};
