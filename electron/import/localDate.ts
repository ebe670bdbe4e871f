// Today as the user sees it: an import without a date column is a snapshot dated today, local time
// (at 23:30 in New York it is still today, not tomorrow's UTC date).

export function localIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
