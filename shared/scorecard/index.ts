// The scorecard model's public surface: types, the file format, validation, resolution of weights
// and thresholds, bands, the default proposal and the version diff.

export * from './types';
export { scorecardSchema } from './schema';
export {
  type ScorecardIssue,
  type ScorecardParseResult,
  ScorecardValidationError,
  formatIssue,
  formatPath,
  parseScorecard,
  parseScorecardJson,
  serializeScorecard,
  validateScorecard,
  validateScorecardJson,
} from './validate';
export {
  type ResolvedWeights,
  type WeightUnit,
  effectiveWeights,
  resolveSegmentWeights,
  segmentList,
  segmentThresholds,
  unitInnerTotal,
  unitWeight,
  weightUnits,
  weightValue,
} from './resolve';
export { BAND_ABSENT, BAND_GREEN, BAND_NAMES, BAND_RED, BAND_UNSCORED, BAND_YELLOW, COUNTED_BANDS, bandCode, bandOf, gradeOf } from './bands';
export { type ColumnProfile, type DatasetProfile, profileColumn, profileDataset } from './profile';
export { type Proposal, humanLabel, proposeDefaultScorecard, slugId } from './propose';
export { type ChangeKind, type ScorecardChange, diffScorecards, showValue } from './diff';
