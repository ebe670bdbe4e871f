// The back-test feature's public surface: the whole panel. See BacktestView.tsx for its props.

export { BacktestView, type BacktestViewProps } from './BacktestView';
