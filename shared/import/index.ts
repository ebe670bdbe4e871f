// The spreadsheet-import core: decode → parse → profile → map → build. Pure TypeScript for Node, a
// Web Worker or the browser; the file reading, XLSX cells, progress and storage live with callers.

export { ImportError, type ImportErrorCode, type ImportWarning } from './importError';
export { decodeText, StreamingTextDecoder, type DecodedText, type TextEncodingName } from './decodeText';
export { DelimitedParser, parseDelimited, type ContinuationStats, type DelimitedHeader, type DelimitedOptions, type ParsedDelimited, type Delimiter } from './delimited';
export { DELIMITERS, sniffDelimiter, detectNewline } from './delimiterSniff';
export { DelimitedFileReader, parseDelimitedBytes, type ParsedDelimitedFile } from './delimitedFile';
export { normaliseHeaderRow, assertLooksLikeHeader, type HeaderRow } from './headerRow';
export { batchOf, type RowBatch } from './rowBatch';
export { type ConvertedBatch, RowConverter, columnPlans } from './rowConverter';
export { PlainRecordConverter, type PlainRun } from './plainRecords';
export { ColumnProfiler, SheetProfiler, profileColumn, TYPE_THRESHOLD, type ColumnProfile, type TypeChoice, type ValueFailure, type DateOrderCandidate } from './inferColumn';
export {
  guessMapping,
  validateMapping,
  headerSignature,
  COLUMN_ROLES,
  SHEET_KINDS,
  IMPORT_SHEET_KINDS,
  ROLE_TYPES,
  isEventMapping,
  type ColumnRole,
  type SheetKind,
  type ImportSheetKind,
  type ColumnMapping,
  type SheetMapping,
  type ImportMapping,
  type EventSheetMapping,
  type MappingGuess,
  type MappingDecision,
} from './mapping';
export { parseSavedMapping, toSavedMapping, findSavedMapping, applySavedMapping, savedMappingSchema, MAPPING_SCHEMA_VERSION, type SavedMapping } from './mappingFile';
export { DatasetBuilder, buildDataset, type BuildOptions, type BuildResult, type ImportReport, type SheetReport, type SheetSpec } from './buildDataset';
export { MAX_SNAPSHOT_DATES } from './mergeDataset';
export {
  EventImport,
  buildWorkspaceImport,
  assertHasAccountSheet,
  type ImportSheet,
  AGGREGATION_OPS,
  DEFAULT_LOOKBACK_DAYS,
  type AggregationOp,
  type EventAggregation,
  type EventTableOptions,
  type ImportSheetReport,
  type WorkspaceImportReport,
  type WorkspaceImportResult,
} from './events';
export { type RowProblem, type RowProblemKind, type OnProblem, MAX_KEPT_PROBLEMS } from './problems';
export { parseNumber, scanNumber, createNumberScan, type NumberScan, type NumberKind } from './values/number';
export { parseBoolean, parseBooleanWord, looksLikeFlagHeader } from './values/boolean';
export { parseDate, scanDate, createDateScan, daysFromCivil, type DateOrder, type DateKind, type DateScan } from './values/date';
export { excelSerialToEpochDay, utcDateToEpochDay, type ExcelDateSystem } from './values/excelSerial';
export { isMissingValue, MISSING_TOKEN_LIST } from './values/missing';
