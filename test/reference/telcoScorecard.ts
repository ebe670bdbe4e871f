// The Telco cross-check's inputs: the public IBM Telco churn sheet, augmented with a few
// synthetic columns (a last-login date, a traffic-light health label, a present flag) so that every
// method, missing tokens and absent accounts are exercised; and a scorecard using all of it.

import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { DatasetColumn, FieldKind } from '../../shared/dataset';
import { epochDayToIso, isoToEpochDay } from '../../shared/dates';
import { SeededRandom } from '../../shared/random';
import { parseScorecard } from '../../shared/scorecard/validate';
import type { Scorecard } from '../../shared/scorecard/types';
import type { ScoringData } from '../../shared/scoring/data';
import { parseBooleanText, parseDateText, parseNumberText } from '../../shared/scoring/values';

export const TELCO_CSV = '/work/shared/data/telco-ibm/Telco-Customer-Churn.csv';
export const SNAPSHOT = '2024-06-30';

export const SPEC = {
  key: 'customerID',
  snapshotDate: SNAPSHOT,
  present: 'present',
  metrics: ['tenure', 'MonthlyCharges', 'TotalCharges', 'Contract', 'PaperlessBilling', 'TechSupport', 'health', 'last_login', 'SeniorCitizen'],
  attributes: ['gender', 'SeniorCitizen', 'Partner', 'Dependents', 'InternetService', 'PaymentMethod'],
  kinds: {
    tenure: 'number',
    MonthlyCharges: 'number',
    TotalCharges: 'number',
    SeniorCitizen: 'number',
    Dependents: 'boolean',
    last_login: 'date',
  } as Record<string, FieldKind>,
};

/** The sheet's rows plus the synthetic columns, as strings (what the CSV file holds). */
export function telcoRows(): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(TELCO_CSV, 'utf8'), { header: true, skipEmptyLines: true });
  const rng = new SeededRandom(20240630);
  const snapshotDay = isoToEpochDay(SNAPSHOT);
  const labels = ['Green', 'Green', 'Yellow', 'Red', 'N/A', '', 'Amber', ' Green '];
  return parsed.data.map((row, i) => ({
    ...row,
    last_login: rng.bernoulli(0.08) ? '' : epochDayToIso(snapshotDay - rng.int(180)),
    health: labels[rng.int(labels.length)],
    present: i % 97 === 5 ? '0' : '1',
  }));
}

export function toCsv(rows: Record<string, string>[]): string {
  return Papa.unparse(rows);
}

function column(name: string, rows: Record<string, string>[]): DatasetColumn {
  const kind = SPEC.kinds[name] ?? 'text';
  const cells = rows.map((r) => r[name]);
  const parse = kind === 'number' ? parseNumberText : kind === 'boolean' ? parseBooleanText : kind === 'date' ? parseDateText : null;
  return { field: { name, kind }, values: parse ? Float64Array.from(cells, parse) : cells };
}

export function telcoData(rows: Record<string, string>[]): ScoringData {
  return {
    keys: rows.map((r) => r.customerID),
    metrics: SPEC.metrics.map((m) => column(m, rows)),
    attributes: SPEC.attributes.map((a) => column(a, rows)),
    snapshotDay: isoToEpochDay(SNAPSHOT),
    present: Uint8Array.from(rows, (r) => (r.present === '1' ? 1 : 0)),
  };
}

export function telcoScorecard(overrideKeys: string[]): Scorecard {
  return parseScorecard({
    schemaVersion: 1,
    name: 'Telco cross-check',
    missingPolicy: 'redistribute',
    minCoverage: 0.7,
    thresholds: { red: 40, green: 70 },
    groups: [
      { id: 'usage', label: 'Usage', weight: 3 },
      { id: 'billing', label: 'Billing', weight: 2 },
      { id: 'service', label: 'Service', weight: 1 },
    ],
    metrics: [
      { id: 'tenure', label: 'Tenure', source: 'tenure', group: 'usage', weight: 2, method: { type: 'linear' } },
      { id: 'total', label: 'Total charges', source: 'TotalCharges', group: 'usage', method: { type: 'linear' } },
      { id: 'login', label: 'Days since login', source: 'last_login', group: 'usage', direction: 'lowerIsBetter', method: { type: 'daysSince', scoring: { type: 'linear' } } },
      { id: 'monthly', label: 'Monthly charges', source: 'MonthlyCharges', group: 'billing', direction: 'lowerIsBetter', method: { type: 'percentile', scope: 'segment' } },
      { id: 'paperless', label: 'Paperless', source: 'PaperlessBilling', group: 'billing', direction: 'lowerIsBetter', missing: 'neutral', method: { type: 'boolean' } },
      { id: 'tech', label: 'Tech support', source: 'TechSupport', group: 'service', missing: 'zero', method: { type: 'category', map: { Yes: 100, No: 30 } } },
      { id: 'senior', label: 'Senior', source: 'SeniorCitizen', group: 'service', method: { type: 'bands', bands: [{ min: 1, score: 40 }], otherwise: 80 } },
      { id: 'senior_flag', label: 'Senior (flag)', source: 'SeniorCitizen', group: 'service', direction: 'lowerIsBetter', weight: 0.5, method: { type: 'boolean' } },
      { id: 'dependents', label: 'Dependents', source: 'Dependents', weight: 0.5, method: { type: 'boolean' } },
      { id: 'contract', label: 'Contract', source: 'Contract', weight: 3, method: { type: 'category', map: { 'Month-to-month': 10, 'One year': 60, 'Two year': 100 } } },
      { id: 'health', label: 'Health', source: 'health', weight: 2, method: { type: 'category', map: { Green: 100, Yellow: 50, Red: 0 } } },
      { id: 'spend', label: 'Spend band', source: 'TotalCharges', method: { type: 'bands', bands: [{ min: 5000, score: 100 }, { min: 1000, score: 70 }, { min: 100, score: 40 }], otherwise: 10 } },
      { id: 'recent', label: 'Login recency', source: 'last_login', direction: 'lowerIsBetter', weight: 0.5, method: { type: 'daysSince', scoring: { type: 'bands', bands: [{ min: 90, score: 100 }, { min: 30, score: 50 }], otherwise: 0 } } },
    ],
    segments: [
      {
        id: 'fiber',
        label: 'Fiber',
        when: [{ attribute: 'InternetService', operator: 'eq', value: 'Fiber optic' }],
        weights: { health: 'notApplicable', tenure: 4 },
        groupWeights: { billing: 1 },
        thresholds: { red: 45 },
      },
      { id: 'senior_family', label: 'Seniors with dependents', when: [{ attribute: 'SeniorCitizen', operator: 'isTrue' }, { attribute: 'Dependents', operator: 'isTrue' }], weights: { contract: 0 } },
      { id: 'loyal', label: 'Long tenure', when: [{ attribute: 'tenure', operator: 'gte', value: 48 }], groupWeights: { usage: 1, service: 2 }, thresholds: { green: 75 } },
    ],
    defaultSegment: { id: 'default', label: 'Everyone else', weights: { spend: 2 } },
    adjustments: [
      { id: 'echeck', label: 'Electronic check', when: { attribute: 'PaymentMethod', operator: 'eq', value: 'Electronic check' }, points: -10 },
      { id: 'partner', label: 'Partner', when: { attribute: 'Partner', operator: 'isTrue' }, points: 5 },
      { id: 'autopay', label: 'Autopay', when: { attribute: 'PaymentMethod', operator: 'in', value: ['Bank transfer (automatic)', 'Credit card (automatic)'] }, points: 3 },
    ],
    overrides: [
      { accountKey: overrideKeys[0], score: 88, reason: 'renewal signed', expires: '2030-01-01' },
      { accountKey: overrideKeys[1], band: 'red', reason: 'escalation', expires: '2030-01-01' },
      { accountKey: overrideKeys[2], score: 1, reason: 'expired', expires: '2020-01-01' },
    ],
  });
}
