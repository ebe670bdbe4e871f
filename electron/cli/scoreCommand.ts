// `healthscore score`: scores one snapshot of a workspace with its scorecard (or a scorecard file)
// and writes one CSV row per account: id, segment, score, band, coverage and every sub-score.

import fs from 'node:fs';
import Papa from 'papaparse';
import { ApiError } from '../../shared/api';
import { BAND_NAMES } from '../../shared/scorecard/bands';
import type { Scorecard } from '../../shared/scorecard/types';
import { formatIssue, validateScorecardJson } from '../../shared/scorecard/validate';
import { buildSubScoreMatrix } from '../../shared/scoring/matrix';
import { ScoringEngine } from '../../shared/scoring/engine';
import { summarize } from '../../shared/scoring/summary';
import { ScorecardService } from '../services/scorecards';
import { loadScoringData } from '../services/scoringData';
import { WorkspaceStore } from '../store/workspaceStore';

export interface ScoreOptions {
  workspace: string;
  scorecardFile?: string;
  asOf?: string;
  out: string;
}

export function readScorecardFile(file: string): Scorecard {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ApiError('not_found', `Cannot read scorecard file "${file}": ${(err as Error).message}`);
  }
  const result = validateScorecardJson(text);
  if (!result.ok) throw new ApiError('invalid_argument', `"${file}" is not a valid scorecard: ${result.issues.map(formatIssue).join('; ')}`);
  return result.scorecard;
}

const ROWS_PER_WRITE = 20_000;

/** Scores and writes the CSV; returns the summary (band counts per segment) for --json. */
export function runScore(options: ScoreOptions): Record<string, unknown> {
  const store = WorkspaceStore.open(options.workspace);
  try {
    const data = loadScoringData(store, options.asOf);
    if (!data) throw new ApiError('not_found', `"${options.workspace}" has no snapshots to score.`);
    const scorecard = options.scorecardFile ? readScorecardFile(options.scorecardFile) : new ScorecardService(store).currentDraft();
    const matrix = buildSubScoreMatrix(scorecard, data);
    const engine = new ScoringEngine(scorecard, matrix);
    const coverage = engine.coverage();
    const header = ['account_id', 'segment', 'score', 'band', 'coverage', ...matrix.metricIds.map((id) => `sub_${id}`)];
    const fd = fs.openSync(options.out, 'w');
    try {
      fs.writeSync(fd, Papa.unparse([header]) + '\r\n');
      for (let start = 0; start < matrix.accountCount; start += ROWS_PER_WRITE) {
        const rows: (string | number)[][] = [];
        for (let i = start; i < Math.min(start + ROWS_PER_WRITE, matrix.accountCount); i++) {
          if (!matrix.present[i]) continue;
          const cell = (v: number) => (Number.isNaN(v) ? '' : v);
          rows.push([data.keys[i], matrix.segmentIds[matrix.segment[i]], cell(engine.score[i]), BAND_NAMES[engine.band[i]], cell(coverage[i]), ...matrix.columns.map((c) => cell(c[i]))]);
        }
        if (rows.length) fs.writeSync(fd, Papa.unparse(rows, { header: false }) + '\r\n');
      }
    } finally {
      fs.closeSync(fd);
    }
    return { asOf: data.asOf, scorecard: scorecard.name, out: options.out, summary: summarize(engine) };
  } finally {
    store.close();
  }
}
