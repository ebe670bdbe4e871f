// The fake workspace's twelve monthly snapshot dates, 2025-12-01 … 2026-11-01.

export const SNAPSHOT_DATES = Array.from({ length: 12 }, (_, i) => {
  const month = ((11 + i) % 12) + 1;
  const year = i === 0 ? 2025 : 2026;
  return `${year}-${String(month).padStart(2, '0')}-01`;
});
