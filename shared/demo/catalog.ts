// The demo book's fixed vocabulary and per-segment parameters. Kept apart from the simulation so
// that "what a Mid-Market account looks like" can be read and tuned in one place.

export const SEGMENT_NAMES = ['Enterprise', 'Mid-Market', 'SMB'] as const;
export const ENTERPRISE = 0;
export const MID_MARKET = 1;
export const SMB = 2;

export const PLAN_NAMES = ['Starter', 'Pro', 'Business', 'Enterprise'] as const;

export interface SegmentProfile {
  /** Share of the book. */
  share: number;
  /** Lognormal ARR: median, log-sd, and clamps so no tail value looks absurd. */
  arrMedian: number;
  arrSdLog: number;
  arrMin: number;
  arrMax: number;
  /** Probability that the account has a named CSM. */
  csmRate: number;
  /** Share on annual contracts: those churn mostly at their renewal date. */
  annualRate: number;
  /** Weights over PLAN_NAMES. */
  planWeights: readonly number[];
  /** Mean tenure (days) before the first snapshot for accounts already in the book. */
  tenureMeanDays: number;
  /** Long-run mean of latent health (the population is roughly N(0, 1)). */
  healthMean: number;
  /** Monthly churn logit at latent health 0, before renewal/CSM/delinquency terms. */
  churnLogit: number;
  /** Monthly probability of entering a "trouble" decline (champion left, failed rollout…). */
  troubleRate: number;
  /** Support tickets per 30 days at latent health 0: bigger customers file more. */
  ticketRate: number;
  /** Chance an account answers the NPS survey in a given month. */
  npsResponse: number;
  /** Multiplier on the chance of slipping into payment delinquency. */
  delinquencyFactor: number;
}

export const SEGMENTS: readonly SegmentProfile[] = [
  {
    share: 0.15,
    arrMedian: 230_000,
    arrSdLog: 0.6,
    arrMin: 80_000,
    arrMax: 1_000_000,
    csmRate: 0.96,
    annualRate: 1,
    planWeights: [0, 0, 0.35, 0.65],
    tenureMeanDays: 1300,
    healthMean: 0.35,
    churnLogit: -5.6,
    troubleRate: 0.012,
    ticketRate: 3.5,
    npsResponse: 0.3,
    delinquencyFactor: 0.5,
  },
  {
    share: 0.3,
    arrMedian: 45_000,
    arrSdLog: 0.55,
    arrMin: 15_000,
    arrMax: 150_000,
    csmRate: 0.5,
    annualRate: 0.85,
    planWeights: [0, 0.3, 0.6, 0.1],
    tenureMeanDays: 900,
    healthMean: 0.1,
    churnLogit: -5.05,
    troubleRate: 0.02,
    ticketRate: 1.6,
    npsResponse: 0.25,
    delinquencyFactor: 1,
  },
  {
    share: 0.55,
    arrMedian: 5_000,
    arrSdLog: 0.7,
    arrMin: 1_000,
    arrMax: 20_000,
    csmRate: 0.04,
    annualRate: 0.3,
    planWeights: [0.55, 0.4, 0.05, 0],
    tenureMeanDays: 600,
    healthMean: -0.1,
    churnLogit: -5.2,
    troubleRate: 0.028,
    ticketRate: 0.6,
    npsResponse: 0.2,
    delinquencyFactor: 1.6,
  },
];

/** List price per seat per year by plan: turns ARR into a plausible seat count. */
export const PLAN_SEAT_PRICE: readonly number[] = [300, 480, 720, 960];

export const REGIONS = ['NA', 'EMEA', 'APAC', 'LATAM'] as const;
export const REGION_WEIGHTS: readonly number[] = [0.5, 0.28, 0.14, 0.08];

export const INDUSTRIES = [
  'Software',
  'Financial Services',
  'Healthcare',
  'Retail & E-commerce',
  'Manufacturing',
  'Professional Services',
  'Education',
  'Media & Entertainment',
  'Logistics',
  'Nonprofit',
] as const;
export const INDUSTRY_WEIGHTS: readonly number[] = [0.24, 0.13, 0.11, 0.11, 0.1, 0.1, 0.07, 0.06, 0.05, 0.03];
