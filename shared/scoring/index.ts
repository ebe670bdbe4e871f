// The scoring engine's public surface. Pure: runs unchanged in Node and in a Web Worker.

export { type ScoringData, ScoringError, scoringDataFromDataset } from './data';
export { type BuildOptions, type SubScoreColumn, type SubScoreMatrix, type SubScorePrecision, assignSegments, buildSubScoreMatrix } from './matrix';
export { type EngineOptions, ScoringEngine } from './engine';
export { type AccountExplanation, type ContributionStatus, type MetricContribution, explainAccount } from './contributions';
export { type BandTally, type EngineSummary, type SegmentSummary, arrByBand, bandName, summarize } from './summary';
export { type ResolvedOverride, resolveOverrides } from './overrides';
export { type MetricResolution, linearScore } from './subScores';
export { MISSING_TOKENS, parseBooleanText, parseDateText, parseNumberText } from './values';
export { matrixStructureKey } from './scorecardEdits';
