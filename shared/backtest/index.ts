// Back-testing and what-if statistics: pure functions over typed-array columns (no Node, DOM or
// Electron). The contract is DESIGN.md "Back-test"; each module documents its exact definitions.

export * from './types';
export { type LabelCounts, type LabelInput, type LabelMode, type LabelOptions, type Labels, defaultLabelMode, labelAccounts } from './labels';
export { type ScoreOrder, sortScores } from './scoreOrder';
export { type AucResult, type LabelledOrder, type SegmentedAuc, auc, aucBySegment, aucFromOrder, aucOfOrder, labelledOrder, weightedAucFromOrder } from './auc';
export { type Curves, curvesOfOrder } from './curves';
export { type BandRow, type BandTable, type BandTableInput, type BandTables, type BandTotals, type SegmentBandTable, bandTables } from './bandTable';
export { type CalibrationBin, type Calibrations, type SegmentCalibration, DECILES, calibrationOfOrder, calibrations, decileOf } from './calibration';
export { type CoreStatistics, type ScoreStatistics, aucAndCalibration, coreStatistics } from './scoreStatistics';
export { type LeadTimeCounts, type LeadTimeOptions, type LeadTimeResult, type SnapshotBands, leadTimes } from './leadTime';
export { type BootstrapInterval, type BootstrapOptions, type PairedBootstrap, UNRELIABLE_HALF_WIDTH, bootstrapAuc, bootstrapAucDifference } from './bootstrap';
export { type RollingOptions, type RollingPoint, type RollingSnapshot, rollingBacktest } from './rolling';
export { type BacktestOptions, type BacktestResult, runBacktest } from './backtest';
export { type Design, type FeatureMatrix, type MissingFill, buildDesign, fillValues } from './design';
export { type LogisticFit, type LogisticOptions, fitLogistic, linearPredictor } from './logistic';
export { logisticCurvature } from './hessian';
export { stratifiedFolds } from './folds';
export {
  type MetricWeight,
  type WeightFitInput,
  type WeightFitOptions,
  type WeightSuggestion,
  type WeightWarning,
  type WeightWarningCode,
  suggestWeights,
} from './suggestWeights';
