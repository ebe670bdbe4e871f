// Calendar dates as whole days since 1970-01-01 (UTC). Stored date columns use this unit so that
// "days since" is a subtraction and no time zone can shift a date by one.

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` string; returns NaN when it is not a real calendar date. */
export function isoToEpochDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return ms / MS_PER_DAY;
}

export function epochDayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(isoToEpochDay(value));
}

/** Adds calendar months, clamping to the last day of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const day = isoToEpochDay(iso);
  const d = new Date(day * MS_PER_DAY);
  const targetMonth = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const ms = Date.UTC(d.getUTCFullYear(), targetMonth, Math.min(d.getUTCDate(), lastDay));
  return new Date(ms).toISOString().slice(0, 10);
}
