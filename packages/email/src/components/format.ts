/**
 * Dates in mail are read by people in Japan: Japan time, Japanese calendar words, e.g.
 * 「2026年11月29日(日) 09:00」. The zone is fixed (not the server's), so every mail says the same.
 */
const jaDateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

const enDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tokyo',
  dateStyle: 'long',
  timeStyle: 'short',
});

export function formatJaDateTime(iso: string): string {
  return jaDateTime.format(new Date(iso));
}

export function formatEnDateTime(iso: string): string {
  return `${enDateTime.format(new Date(iso))} (Japan time)`;
}
