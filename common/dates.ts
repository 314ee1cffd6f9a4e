/** Today's date in the local time zone, as YYYY-MM-DD: what the CLI, the server and New Postmortem call "today". */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
