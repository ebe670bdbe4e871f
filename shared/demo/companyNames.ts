// Plausible, unique company names from combined word lists. Three patterns keep the list from
// looking machine-made; a rare collision falls back to a numbered variant so that any book size
// (benchmarks use 100k accounts) terminates quickly.

import type { SeededRandom } from '../random';

const HEADS = [
  'North', 'Blue', 'Silver', 'Iron', 'Bright', 'Red', 'Green', 'Clear', 'High', 'Deep', 'Swift',
  'True', 'Cedar', 'Maple', 'Oak', 'Pine', 'Stone', 'River', 'Lake', 'Sun', 'Moon', 'Star', 'Cloud',
  'Summit', 'Harbor', 'Falcon', 'Eagle', 'Fox', 'Wolf', 'Bear', 'Copper', 'Golden', 'Crystal',
  'Prime', 'Nova', 'Atlas', 'Apex', 'Vertex', 'Quantum', 'Polar', 'Coral', 'Amber', 'Indigo',
  'Granite', 'Willow', 'Birch', 'Aspen', 'Sierra', 'Meridian', 'Beacon',
] as const;

const TAILS = [
  'wind', 'field', 'ridge', 'stone', 'wave', 'point', 'gate', 'bridge', 'line', 'path', 'works',
  'peak', 'light', 'view', 'port', 'brook', 'crest', 'forge', 'leaf', 'mark', 'shore', 'spring',
  'vale', 'wood', 'bay', 'rock', 'hill', 'haven', 'stream', 'sky',
] as const;

const SURNAMES = [
  'Anderson', 'Baker', 'Carter', 'Dalton', 'Ellis', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen',
  'Keller', 'Lindqvist', 'Morgan', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt',
  'Tanaka', 'Usman', 'Vargas', 'Weber', 'Xu', 'Young', 'Zimmer', 'Brennan', 'Costa', 'Dubois', 'Hale',
] as const;

const NOUNS = [
  'Analytics', 'Systems', 'Labs', 'Logistics', 'Health', 'Capital', 'Foods', 'Energy', 'Media',
  'Networks', 'Robotics', 'Software', 'Solutions', 'Partners', 'Dynamics', 'Digital', 'Learning',
  'Retail', 'Bio', 'Security', 'Cloud', 'Data', 'Freight', 'Insurance', 'Clinics', 'Studios',
  'Manufacturing', 'Consulting', 'Payments', 'Outfitters',
] as const;

const LEGAL = ['', '', '', ' Inc.', ' LLC', ' Ltd', ' GmbH', ' Group', ' Co.', ' AG', ' S.A.', ' Pty'] as const;

function candidate(rng: SeededRandom): string {
  const pattern = rng.next();
  if (pattern < 0.6) return `${rng.pick(HEADS)}${rng.pick(TAILS)} ${rng.pick(NOUNS)}${rng.pick(LEGAL)}`;
  if (pattern < 0.8) return `${rng.pick(SURNAMES)} & ${rng.pick(SURNAMES)}${rng.pick(LEGAL)}`;
  return `${rng.pick(SURNAMES)} ${rng.pick(NOUNS)}${rng.pick(LEGAL)}`;
}

export function generateCompanyNames(count: number, rng: SeededRandom): string[] {
  const used = new Set<string>();
  const names: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let name = candidate(rng);
    for (let tries = 0; used.has(name) && tries < 8; tries++) name = candidate(rng);
    // Near saturation (very large books) number the variant instead of retrying forever.
    for (let n = 2; used.has(name); n++) name = `${candidate(rng)} ${n}`;
    used.add(name);
    names[i] = name;
  }
  return names;
}
